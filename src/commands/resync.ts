import { parseCallerArn } from '../aws/names.js';
import type { CommandContext } from '../deps.js';
import { AwsError, UserError } from '../errors.js';
import { isSixDigits } from '../totp/totp.js';
import { shellLine } from '../ui/command-line.js';
import { t } from '../ui/messages/index.js';
import { refusal } from '../wizard/aws-refusals.js';
import type { WizardDeps } from '../wizard/context.js';
import { resolveSessionProfiles } from '../wizard/resolve-profiles.js';
import { chooseSerial } from './session.js';

/** What `mfa-onboard resync` is asked to do. */
export interface ResyncOptions {
  /** Whose device: the profile with the user's long-term keys (or a role profile naming its source). */
  profile: string;
  /** `--mfa-serial`: the device, else the profile's mfa_serial, else the user's only one (or asked). */
  mfaSerial?: string;
  region?: string;
  envRegion?: string;
}

/** Bad answers in a row before giving up (a script feeding codes must not loop forever). */
const MAX_BAD_CODES = 6;
/** Pairs AWS may refuse before giving up: each pair takes a minute of the person's time. */
const MAX_PAIRS = 3;

/**
 * Two consecutive codes of a device whose seed is not known here: only what can be seen
 * without it is checked (six digits; the second not the first again).
 */
async function readPair(serial: string, deps: Pick<WizardDeps, 'out' | 'readCode'>): Promise<[string, string]> {
  const codes: string[] = [];
  for (let bad = 0; bad < MAX_BAD_CODES && codes.length < 2; bad++) {
    const asked = codes.length === 0 ? t('resync.askFirst', { serial }) : t('resync.askSecond');
    const code = (await deps.readCode(asked)).replace(/\s+/g, '');
    if (!isSixDigits(code)) deps.out.warn(t('code.notSixDigits'));
    else if (codes.includes(code)) deps.out.warn(t('code.sameTwice'));
    else codes.push(code);
  }
  if (codes.length < 2) throw new UserError('code.tooManyBad');
  return [codes[0]!, codes[1]!];
}

/** The command's entry. */
export async function runResyncCommand(options: ResyncOptions, context: CommandContext): Promise<void> {
  await runResync(options, context.deps());
}

/**
 * `mfa-onboard resync`: a device whose codes AWS expects at an offset (enabled with codes
 * typed late, or a hardware clock gone off) is set right with two consecutive codes it
 * shows now (iam:ResyncMFADevice). Nothing is written on this computer.
 */
export async function runResync(options: ResyncOptions, deps: WizardDeps): Promise<void> {
  const { out } = deps;
  const profiles = await resolveSessionProfiles({ profile: options.profile, ...regionsOf(options) }, deps.files);
  const aws = await deps.awsFor(profiles.region)({ profile: profiles.longTerm });
  const caller = parseCallerArn((await aws.getCallerIdentity()).arn);
  if (caller.kind !== 'user') throw new UserError('resync.notUser', { profile: profiles.longTerm });
  const user = caller.userName!;
  const serial = await chooseSerial(options, profiles, caller, aws, deps);
  out.info(t('resync.intro', { serial }));
  for (let pair = 0; pair < MAX_PAIRS; pair++) {
    const [code1, code2] = await readPair(serial, deps);
    try {
      await aws.resyncMfaDevice(user, serial, code1, code2);
    } catch (error) {
      if (!(error instanceof AwsError)) throw error;
      const explained = refusal('resync-device', error, { serial, user, profile: profiles.longTerm });
      if (explained) throw explained;
      if (!error.is('InvalidAuthenticationCode')) throw error;
      out.warn(t('resync.codesRefused'));
      continue;
    }
    const next = shellLine(['mfa-onboard', 'session', ...(options.profile === 'default' ? [] : ['--profile', options.profile])]);
    out.success(t('resync.done', { serial, command: next }));
    return;
  }
  throw new UserError('resync.gaveUp', { serial });
}

function regionsOf(options: ResyncOptions): { region?: string; envRegion?: string } {
  return { ...(options.region !== undefined ? { region: options.region } : {}), ...(options.envRegion !== undefined ? { envRegion: options.envRegion } : {}) };
}
