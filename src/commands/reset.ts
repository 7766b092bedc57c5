import { deviceNameOf, isVirtualDeviceSerial, parseCallerArn } from '../aws/names.js';
import type { MfaDevice } from '../aws/client.js';
import { CancelledError, UserError } from '../errors.js';
import { t } from '../ui/messages/index.js';
import { whenText } from '../ui/when.js';
import { table } from '../ui/width.js';
import type { SetupOptions, WizardDeps } from '../wizard/context.js';
import { targetUser } from '../wizard/acting-for-user.js';
import { orphansOf, removeDevice, removeOrphan } from '../wizard/devices.js';
import { resolveAdminProfile } from '../wizard/resolve-profiles.js';
import { runSetup } from '../wizard/setup.js';

export interface ResetOptions {
  /** The administrator's profile. */
  profile: string;
  user?: string;
  /** Every device of the user, without asking which. */
  all: boolean;
  /** `--remove-serial`: only this device. */
  removeSerial?: string;
  /** Enrol a new device at once afterwards (undefined: ask, or with no terminal, not). */
  enrol?: boolean;
  region?: string;
  envRegion?: string;
  /** The enrolment offered afterwards: the wizard in admin mode, with the same flags. */
  setup: SetupOptions;
}

const ALL = '*';

/** Which devices go: --all, --remove-serial, the only one, else asked (one, or all). */
async function chooseDevices(
  devices: MfaDevice[],
  options: ResetOptions,
  deps: Pick<WizardDeps, 'prompter'>,
): Promise<MfaDevice[]> {
  // --remove-serial was checked against the list already.
  if (options.removeSerial !== undefined) return devices.filter((d) => d.serialNumber === options.removeSerial);
  if (options.all || devices.length <= 1) return devices;
  const choice = await deps.prompter.select({
    message: t('reset.which', { count: devices.length }),
    flag: '--remove-serial / --all',
    choices: [
      ...devices.map((d) => ({ value: d.serialNumber, name: d.serialNumber })),
      { value: ALL, name: t('reset.all', { count: devices.length }) },
    ],
  });
  return choice === ALL ? devices : devices.filter((d) => d.serialNumber === choice);
}

/**
 * `mfa-onboard reset --profile ADMIN --user NAME`: an administrator removes a user's MFA
 * devices (virtual ones are deactivated and deleted, hardware keys deactivated) and the
 * user's orphans, then may enrol a new device for them at once.
 */
export async function runReset(options: ResetOptions, deps: WizardDeps): Promise<void> {
  const { out } = deps;
  if (options.user === undefined) throw new UserError('reset.needUser', { profile: options.profile });
  const { region } = await resolveAdminProfile(options, deps.files);
  const aws = await deps.awsFor(region)({ profile: options.profile });
  const { arn } = await aws.getCallerIdentity();
  const caller = parseCallerArn(arn);
  const identity = await targetUser({ profile: options.profile, aws, arn, caller }, options.user, deps);
  const user = identity.userName;

  const devices = await aws.listMfaDevices(user);
  const orphans = (await orphansOf(aws, user)) ?? [];
  if (options.removeSerial !== undefined && !devices.some((d) => d.serialNumber === options.removeSerial)) {
    throw new UserError('replace.noSuchDevice', { serial: options.removeSerial, devices: devices.map((d) => d.serialNumber).join(', ') || '-', flag: '--remove-serial' });
  }
  // The devices the user still has once the chosen ones are gone.
  let left = devices.length;
  if (devices.length === 0 && orphans.length === 0) {
    out.info(t('reset.nothing', { user }));
  } else {
    const rows = devices.map((d): [string, string] => [
      deviceNameOf(d.serialNumber),
      t(isVirtualDeviceSerial(d.serialNumber) ? 'reset.virtual' : 'reset.hardware', { serial: d.serialNumber, enabled: d.enableDate ? whenText(d.enableDate, deps.clock.now()) : '?' }),
    ]);
    for (const serial of orphans) rows.push([deviceNameOf(serial), t('reset.orphan', { serial })]);
    out.heading(t('reset.heading', { user }));
    for (const line of table(rows, out.size()?.columns)) out.info(line);

    const chosen = await chooseDevices(devices, options, deps);
    // Removing every device of the caller's own user leaves them without MFA, and with
    // the usual policy, without the rights to enrol again: the replace flow adds first.
    if (identity.arn === arn && chosen.length > 0 && chosen.length === devices.length) {
      throw new UserError('reset.selfLockout', { user, profile: options.profile });
    }
    // Removing devices cannot be undone: No unless the person says yes (or passed --yes).
    const go =
      options.setup.yes ||
      (await deps.prompter.confirm({
        message: t(
          chosen.length === devices.length
            ? orphans.length ? 'reset.confirm' : 'reset.confirmNoOrphans'
            : orphans.length ? 'reset.confirmSome' : 'reset.confirmSomeNoOrphans',
          { count: chosen.length, orphans: orphans.length, user },
        ),
        flag: '--yes',
        default: false,
      }));
    if (!go) throw new CancelledError('reset.kept');
    const refused = { action: 'reset-device' as const, command: `${options.profile} (${arn})` };
    for (const device of chosen) await removeDevice(aws, user, device.serialNumber, deps, refused);
    for (const serial of orphans) await removeOrphan(aws, serial, identity, deps);
    left -= chosen.length;
  }

  const next = t('reset.next', { user, command: `mfa-onboard --profile ${options.profile} --user ${user}` });
  // Enrolling is the repair, not something undone: with no device left, the user is without
  // MFA (and refused what the policy keeps for MFA sessions) until it is done, so Yes; a user
  // who keeps a device is not locked out, so No, as reset's other questions. An enrolment
  // begun without the phone after all is cancelled at the QR code and removes its device again.
  const now =
    options.enrol ??
    (deps.interactive
      ? await deps.prompter.confirm({ message: left === 0 ? t('reset.enrolAsk', { user }) : t('reset.enrolAskKept', { user, count: left }), flag: '--enrol', default: left === 0 })
      : false);
  if (!now) {
    out.info(next);
    return;
  }
  try {
    await runSetup({ ...options.setup, profile: options.profile, user, replace: false }, deps);
  } catch (error) {
    // Stopped before the new device was enabled (its device removed again): the reset stands;
    // running reset again is not the way on, the enrolment's own command is.
    if (!(error instanceof CancelledError) || error.id !== 'error.cancelled') throw error;
    out.info(next);
    throw new CancelledError('reset.enrolCancelled');
  }
}
