import { outcomeUnknown } from '../../aws/errors.js';
import { AwsError, UserError } from '../../errors.js';
import { countdown } from '../../ui/countdown.js';
import { t } from '../../ui/messages/index.js';
import { msUntilPhoneShows, phoneOffset } from '../../totp/totp.js';
import type { Aws, CodeHistory, Device, Identity, SetupOptions, WizardDeps } from '../context.js';
import { refusal } from '../aws-refusals.js';
import { enabledFor } from '../devices.js';
import { known, type SetupRun } from '../run.js';
import { readCheckedCode } from '../read-code.js';
import { onOwnScreen, showQr } from '../show-qr.js';

/** Attempts at a pair of codes before giving up. */
const MAX_PAIRS = 4;

/**
 * Step 6: asks for two consecutive codes, checks them against the seed, waits (with a
 * countdown) for the second to exist, then enables the device. AWS rejecting the pair
 * is explained and the person tries again.
 */
export async function enableDevice(
  aws: Pick<Aws, 'enableMfaDevice' | 'listMfaDevices'>,
  identity: Identity,
  device: Device,
  options: Pick<SetupOptions, 'allowClockDrift'>,
  deps: Pick<WizardDeps, 'out' | 'prompter' | 'clock' | 'readCode' | 'signal'>,
): Promise<CodeHistory> {
  const { out, clock } = deps;
  out.heading(t('enable.heading'));
  for (let pair = 0; pair < MAX_PAIRS; pair++) {
    const first = await readCheckedCode(t('enable.askFirst'), device.seed, { used: [] }, options, deps);
    const offset = phoneOffset(first.match);
    await countdown(
      msUntilPhoneShows(first.match.counter + 1, offset, clock.now()),
      (seconds) => t('enable.waitNext', { seconds }),
      deps,
    );
    const second = await readCheckedCode(t('enable.askSecond'), device.seed, { used: [first.code] }, options, deps);
    if (second.match.counter !== first.match.counter + 1) {
      out.warn(t(second.match.counter > first.match.counter ? 'enable.notConsecutiveLate' : 'enable.notConsecutiveEarly'));
      continue;
    }
    try {
      await aws.enableMfaDevice(identity.userName, device.serialNumber, first.code, second.code);
    } catch (error) {
      if (!(error instanceof AwsError)) throw error;
      if (error.is('InvalidAuthenticationCode')) {
        out.warn(t('enable.rejected'));
        continue;
      }
      // AWS may have enabled it and the answer been lost (a retry then says EntityAlreadyExists): ask IAM.
      const lost = error.is('EntityAlreadyExists') || outcomeUnknown(error);
      if (!lost || (await enabledFor(aws, identity.userName, device.serialNumber)) !== true) {
        throw refusal('enable-device', error, { user: identity.userName, serial: device.serialNumber }) ?? error;
      }
      out.info(t('enable.answerLost', { serial: device.serialNumber }));
    }
    return { usedCodes: [first.code, second.code], lastCounter: second.match.counter, phoneOffset: offset };
  }
  throw new UserError('enable.gaveUp');
}

/**
 * Steps 5–6: the QR code and the key are secrets: shown, with the codes typed, on a screen
 * of their own; once AWS has enabled the device, nothing of it is undone any more.
 */
export async function showAndEnable(
  run: Pick<SetupRun, 'actor' | 'identity' | 'device' | 'options' | 'pngs' | 'history' | 'journal' | 'hooks' | 'enrolled' | 'shownQr' | 'earlierQr'>,
  deps: Pick<WizardDeps, 'out' | 'prompter' | 'interactive' | 'qrPaint' | 'writer' | 'clock' | 'readCode' | 'signal'>,
): Promise<void> {
  const actor = known(run, 'actor');
  const identity = known(run, 'identity');
  const made = known(run, 'device');
  // An earlier attempt's code is still in the app: this one is tagged with when it was made.
  const earlierQr = run.earlierQr ?? run.hooks.earlierQr;
  const earlier = earlierQr !== undefined ? { label: earlierQr, tag: labelTag(new Date(deps.clock.now())) } : undefined;
  run.history = await onOwnScreen(
    deps,
    async () => {
      await showQr(actor, identity, made, run.options, deps, (path) => run.pngs.push(path), { ...(earlier ? { earlier } : {}), shown: (label) => {
        run.shownQr = label;
        run.hooks.onQrShown?.(label);
      } });
      return enableDevice(actor, identity, made, run.options, deps);
    },
    { done: () => t('enable.done', { serial: made.serialNumber, user: identity.userName }), pngs: () => run.pngs },
  );
  run.journal.commit();
  run.enrolled = made.serialNumber;
  run.hooks.onEnabled?.(made.serialNumber);
}

/** `1207-1433`: the month, day, hour and minute (local time) the code was made, for its label. */
function labelTag(now: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(now.getMonth() + 1)}${two(now.getDate())}-${two(now.getHours())}${two(now.getMinutes())}`;
}
