import { defaultRoleSessionName, deviceNameOf, parseCallerArn, type ParsedIdentity } from '../aws/names.js';
import type { SessionCredentials } from '../aws/client.js';
import { credentialProcessJson, exportLines, printableSession, runExported, type Shell } from '../credentials/export.js';
import { shownProfiles } from '../ui/error-text.js';
import { readTextFile } from '../credentials/files.js';
import type { AwsFiles } from '../credentials/paths.js';
import { UserError } from '../errors.js';
import { shellLine } from '../ui/command-line.js';
import { t } from '../ui/messages/index.js';
import { DEFAULT_SESSION_SECONDS } from '../wizard/duration.js';
import type { CommandContext } from '../deps.js';
import type { Aws, WizardDeps } from '../wizard/context.js';
import { profilesIn, readSavedSession } from '../credentials/profiles.js';
import { resolveSessionProfiles, type SessionProfiles } from '../wizard/resolve-profiles.js';
import { ensureSessionRegion, guardSessionProfile, saveMfaSerial, saveSession } from '../wizard/save-profiles.js';
import { whenText } from '../ui/when.js';
import { askForSession } from '../wizard/ask-for-session.js';
import { isBackupName } from '../wizard/backup.js';
import { reuseVerdict, type SavedSession } from '../wizard/reuse.js';
import { SESSION_MARKER } from './flags.js';

/** What `mfa-onboard session` is asked to do. */
export interface SessionOptions {
  profile: string;
  sessionProfile?: string;
  /** Reuse a saved session only if it lasts at least this much longer. */
  minRemainingMs: number;
  force: boolean;
  /** `--mfa-serial`: the device to use. */
  mfaSerial?: string;
  exportShell?: Shell;
  credentialProcess: boolean;
  replaceProfile: boolean;
  region?: string;
  envRegion?: string;
  /** Assume this role with the MFA code (else a config profile's role_arn is used). */
  roleArn?: string;
  roleSessionName?: string;
  /** From --duration; undefined means 12 h for a session, 1 h for a role. */
  durationSeconds?: number;
}

/** AssumeRole allows up to 12 h, capped by the role's own maximum (1 h by default). */
const MAX_ROLE_SECONDS = 43_200;
const MAX_ROOT_SECONDS = 3_600;
const DEFAULT_ROLE_SECONDS = 3_600;

/** The device to use: --mfa-serial, else the profile's mfa_serial, else the user's only one (or asked). */
async function chooseSerial(
  options: SessionOptions,
  profiles: SessionProfiles,
  caller: ParsedIdentity,
  aws: Aws,
  deps: Pick<WizardDeps, 'prompter'>,
): Promise<string> {
  const longTermProfile = profiles.longTerm;
  if (options.mfaSerial) return options.mfaSerial;
  if (profiles.configuredSerial) return profiles.configuredSerial;
  if (caller.kind !== 'user') throw new UserError('session.noSerialForRoot', { profile: longTermProfile });
  const devices = await aws.listMfaDevices(caller.userName!);
  if (devices.length === 0) throw new UserError('session.noDevice', { profile: longTermProfile, user: caller.userName! });
  if (devices.length === 1) return devices[0]!.serialNumber;
  return deps.prompter.select({
    message: t('session.whichDevice', { count: devices.length }),
    flag: '--mfa-serial',
    // Named as the authenticator app shows them (a phone, its backup), the serial beside.
    choices: devices.map((d) => ({ value: d.serialNumber, name: `${deviceNameOf(d.serialNumber)}  ${d.serialNumber}` })),
  });
}

/** A new session for the profile or its role: finds the device, then asks for its code. */
async function newSession(
  options: SessionOptions,
  profiles: SessionProfiles,
  deps: WizardDeps,
): Promise<{ session: SessionCredentials; serial: string }> {
  const { role, longTerm: longTermProfile } = profiles;
  const wanted = options.durationSeconds ?? (role ? DEFAULT_ROLE_SECONDS : DEFAULT_SESSION_SECONDS);
  if (role && wanted > MAX_ROLE_SECONDS) throw new UserError('role.durationTooLong', { duration: wanted });
  const aws = await deps.awsFor(profiles.region)({ profile: longTermProfile });
  if (await aws.usesTemporaryCredentials()) throw new UserError('identify.temporaryProfile', { profile: longTermProfile });
  const caller = parseCallerArn((await aws.getCallerIdentity()).arn);
  const serial = await chooseSerial(options, profiles, caller, aws, deps);
  // The root user's sessions last at most an hour: a longer --duration is refused, the default lowered.
  const rootCapped = !role && caller.kind === 'root' && wanted > MAX_ROOT_SECONDS;
  if (rootCapped && options.durationSeconds !== undefined) throw new UserError('session.rootDuration', { duration: wanted });
  const durationSeconds = rootCapped ? MAX_ROOT_SECONDS : wanted;
  const assume = role ? { role, sessionName: options.roleSessionName ?? defaultRoleSessionName(longTermProfile) } : undefined;
  const backup = caller.kind === 'user' && isBackupName(serial, caller.userName!);
  return { session: await askForSession(aws, serial, durationSeconds, deps, { ...(assume ? { assume } : {}), backup }), serial };
}

/** A span as --min-remaining is typed: whole hours in hours, else minutes. */
function spanText(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  return minutes % 60 === 0 ? t('time.hoursShort', { n: minutes / 60 }) : t('time.minutesShort', { n: minutes });
}

/** Refuses to print what would not survive a shell's quoting (see printableSession). */
function assertPrintable(session: SessionCredentials): void {
  if (!printableSession(session)) throw new UserError('session.oddValue');
}

/**
 * Refuses a profile neither file names, as the SDK's calls would (listing those there are),
 * before anything is written beside the files.
 */
async function assertProfileExists(profile: string, files: AwsFiles): Promise<void> {
  const profiles = await profilesIn(files);
  if (profiles.includes(profile)) return;
  throw new UserError('profile.notFound', { profile, profiles: shownProfiles(profiles), credentials: files.credentialsFile, config: files.configFile });
}

/**
 * This run's command line as a person pastes it again, with what picks the same session
 * (profile, session profile, role, region) and `extra` at the end.
 */
function sessionLine(options: SessionOptions, extra: string[]): string {
  return shellLine([
    'mfa-onboard', 'session', ...(options.profile === 'default' ? [] : ['--profile', options.profile]),
    ...(options.sessionProfile !== undefined ? ['--session-profile', options.sessionProfile] : []),
    ...(options.roleArn !== undefined ? ['--role-arn', options.roleArn] : []),
    ...(options.region !== undefined ? ['--region', options.region] : []),
    ...extra,
  ]);
}

/**
 * Refuses to print the session's secrets onto a terminal, where they would stay on the screen
 * and in its scrollback: `--export` is for a shell to run, `--credential-process` for a tool.
 */
function refuseSecretsOnTerminal(options: SessionOptions, out: CommandContext['out']): void {
  if (!out.dataIsTTY) return;
  if (options.exportShell) {
    const command = runExported(options.exportShell, sessionLine(options, ['--export', options.exportShell]));
    throw new UserError('session.exportToTerminal', { shell: options.exportShell, command });
  }
  if (options.credentialProcess) {
    throw new UserError('session.credentialProcessToTerminal', { line: `credential_process = ${sessionLine(options, ['--credential-process'])}` });
  }
}

/** The command's entry: refuses to run inside itself, then runs. */
export async function sessionCommand(options: SessionOptions, context: CommandContext): Promise<void> {
  // The SDK may run a credential_process that runs us again: never let that loop.
  if (context.runtime.env[SESSION_MARKER]) throw new UserError('session.recursive');
  refuseSecretsOnTerminal(options, context.out);
  process.env[SESSION_MARKER] = '1';
  const deps = context.deps();
  await runSession(options, await resolveSessionProfiles(options, deps.files), deps);
}

/**
 * `mfa-onboard session`: reuse the saved MFA session while it lasts, else get a new one
 * with a code and save it; optionally hand it to a shell or to `credential_process`.
 */
export async function runSession(options: SessionOptions, profiles: SessionProfiles, deps: WizardDeps): Promise<void> {
  const { out, clock } = deps;
  const { role, longTerm: longTermProfile, session: sessionProfile } = profiles;
  await guardSessionProfile(sessionProfile, longTermProfile, options, deps);

  const wanted = { sourceProfile: longTermProfile, roleArn: role?.roleArn, serial: options.mfaSerial };
  const look = async () =>
    reuseVerdict(readSavedSession(await readTextFile(deps.files.credentialsFile), sessionProfile), wanted, options, clock.now());
  const reuse = (saved: SavedSession) => {
    out.addSecret(saved.secretAccessKey);
    out.addSecret(saved.sessionToken);
    out.success(t('session.reused', { sessionProfile, expires: whenText(saved.expiration, clock.now()) }));
    return saved;
  };
  // One refresh at a time per session profile: parallel AWS tools must not each ask for a
  // code (AWS takes each code once). The wait covers a person typing a code.
  const renewUnderLock = async () => {
    // Before the lock, whose file goes beside the credentials file: on a new computer there is
    // no profile, nor even a folder for it (issue 20, 2.1).
    await assertProfileExists(longTermProfile, deps.files);
    return deps.writer.lock(
      `${deps.files.credentialsFile}.${sessionProfile}`,
      async () => {
        // A second look: the run that held the lock may have just saved a new session.
        const verdict = await look();
        const { saved } = verdict;
        if (saved && verdict.clockBehind) out.warn(t('session.clockBehind', { sessionProfile, expires: whenText(saved.expiration, clock.now()) }));
        if (verdict.reuse) return reuse(saved!);
        if (saved && verdict.why) out.info(t(`session.${verdict.why}`, { sessionProfile, expires: whenText(saved.expiration, clock.now()), wanted: spanText(options.minRemainingMs) }));
        const fresh = await newSession(options, profiles, deps);
        const origin = { sourceProfile: longTermProfile, serialNumber: fresh.serial, ...(role ? { roleArn: role.roleArn } : {}) };
        await saveSession({ sessionProfile, session: fresh.session, origin }, deps);
        await ensureSessionRegion({ sourceProfile: longTermProfile, sessionProfile, callRegion: profiles.region }, deps);
        if (profiles.configuredSerial !== undefined && profiles.configuredSerial !== fresh.serial) {
          out.info(t('session.serialKept', { profile: longTermProfile, configured: profiles.configuredSerial, serial: fresh.serial }));
        }
        return { ...fresh.session, origin };
      },
      { waitMs: 5 * 60_000, staleMs: 10 * 60_000 },
    );
  };
  // A valid session is handed over without the lock: parallel tools read it at once.
  const first = await look();
  const session = first.reuse ? reuse(first.saved!) : await renewUnderLock();
  // The device the session came from (--mfa-serial, the only one, the one picked, or the saved
  // session's) goes on record when none is, as the wizard records it; never over another.
  const serial = session.origin?.sourceProfile === longTermProfile ? session.origin.serialNumber : undefined;
  if (profiles.configuredSerial === undefined && serial !== undefined) await saveMfaSerial({ profile: longTermProfile, sessionProfile, serialNumber: serial }, deps);
  if (options.exportShell || options.credentialProcess) assertPrintable(session);
  if (options.exportShell) out.secretData(exportLines(options.exportShell, session, profiles.sessionRegion));
  else if (options.credentialProcess) out.secretData(credentialProcessJson(session));
  else {
    // For other tools, the same session: the profile named, as this run named it.
    const command = runExported('sh', sessionLine(options, ['--export', 'sh']));
    out.info(t('session.useIt', { sessionProfile, expires: whenText(session.expiration, clock.now()), command }));
  }
}
