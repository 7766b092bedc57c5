import { identityOf } from '../aws/names.js';
import { UserError } from '../errors.js';
import { t } from '../ui/messages/index.js';
import { askForSession } from '../wizard/ask-for-session.js';
import { addBackupDevice, codeDevices, isBackupName } from '../wizard/backup.js';
import type { SetupOptions, WizardDeps } from '../wizard/context.js';
import { resolveSessionProfiles } from '../wizard/resolve-profiles.js';

/** What `mfa-onboard add-backup` is asked to do. */
export interface AddBackupOptions extends Pick<SetupOptions, 'showSecret' | 'qrPng' | 'allowClockDrift' | 'yes'> {
  profile: string;
  /** `--mfa-serial`: the device whose code makes the session, else the profile's mfa_serial. */
  mfaSerial?: string;
  region?: string;
  envRegion?: string;
}

/** Only long enough to add the backup: the session is used for nothing else, and never saved. */
const SESSION_SECONDS = 3600;

/**
 * `mfa-onboard add-backup`: a backup device for a user who has one device already, on the
 * wizard's screens. A code from a device the user has makes the session that adds it (IAM
 * adds a further device only with MFA); mfa_serial is left as it is.
 */
export async function runAddBackup(options: AddBackupOptions, deps: WizardDeps): Promise<void> {
  const { out } = deps;
  const { profile, region, envRegion } = options;
  const profiles = await resolveSessionProfiles({ profile, ...(region ? { region } : {}), ...(envRegion ? { envRegion } : {}) }, deps.files);
  const awsFor = deps.awsFor(profiles.region);
  const aws = await awsFor({ profile: profiles.longTerm });
  if (await aws.usesTemporaryCredentials()) throw new UserError('identify.temporaryProfile', { profile: profiles.longTerm });
  const { arn } = await aws.getCallerIdentity();
  const identity = identityOf(arn);
  if (!identity) throw new UserError('identify.notUser', { arn });
  const user = identity.userName;
  const devices = await aws.listMfaDevices(user);
  const withCodes = codeDevices(devices);
  if (withCodes.length === 0) throw new UserError('backup.noDevice', { user, profile: profiles.longTerm });
  const serials = withCodes.map((d) => d.serialNumber);
  // A device named with --mfa-serial must be one of hers; the config's may be stale (then asked).
  if (options.mfaSerial !== undefined && !serials.includes(options.mfaSerial)) {
    throw new UserError('replace.noSuchDevice', { serial: options.mfaSerial, devices: serials.join(', '), flag: '--mfa-serial' });
  }
  const serial = await deviceAtHand(serials, options.mfaSerial ?? profiles.configuredSerial, deps);
  out.heading(t('backup.sessionHeading'));
  const session = await askForSession(aws, serial, SESSION_SECONDS, deps, { backup: isBackupName(serial, user) });
  const actor = await awsFor({ keys: session });
  out.heading(t('backup.heading'));
  const outcome = await addBackupDevice(actor, identity, devices, options, deps);
  if (!('serial' in outcome)) return;
  const now = [...devices.map((d) => d.serialNumber), outcome.serial];
  out.success(t('backup.done', { user, count: now.length, serials: now.join(', '), serial: profiles.configuredSerial ?? serial }));
}

/** The device whose code makes the session: the one named (if the user's), else the only one, else asked. */
async function deviceAtHand(serials: string[], named: string | undefined, deps: Pick<WizardDeps, 'prompter'>): Promise<string> {
  if (named !== undefined && serials.includes(named)) return named;
  if (serials.length === 1) return serials[0]!;
  return deps.prompter.select({
    message: t('session.whichDevice', { count: serials.length }),
    flag: '--mfa-serial',
    choices: serials.map((value) => ({ value, name: value })),
  });
}
