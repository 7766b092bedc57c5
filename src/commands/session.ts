import { parseCallerArn } from '../aws/arn.js';
import { AwsError } from '../aws/errors.js';
import type { SessionCredentials } from '../aws/client.js';
import { credentialProcessJson, exportLines, type Shell } from '../credentials/export.js';
import { readTextFile } from '../credentials/files.js';
import { readIniValue } from '../credentials/ini.js';
import { configSection } from '../credentials/paths.js';
import { UserError } from '../errors.js';
import { t } from '../ui/messages/index.js';
import { isSixDigits } from '../totp/totp.js';
import type { WizardDeps } from '../wizard/context.js';
import { checkProfileName } from '../wizard/steps/save-long-term.js';
import { configuredRegion, guardSessionProfile, readSavedSession, saveSession } from '../wizard/steps/save-profiles.js';

/** What `mfa-onboard session` is asked to do. */
export interface SessionOptions {
  profile: string;
  sessionProfile?: string;
  /** Reuse a saved session only if it lasts at least this much longer. */
  minRemainingMs: number;
  force: boolean;
  durationSeconds: number;
  serial?: string;
  exportShell?: Shell;
  credentialProcess: boolean;
  replaceProfile: boolean;
  region?: string;
  envRegion?: string;
}

const MAX_CODES = 3;

/** The device to use: --serial, else the profile's mfa_serial, else the user's only one (or asked). */
async function chooseSerial(
  options: SessionOptions,
  aws: Awaited<ReturnType<ReturnType<WizardDeps['awsFor']>>>,
  deps: Pick<WizardDeps, 'prompter' | 'files'>,
): Promise<string> {
  if (options.serial) return options.serial;
  const section = configSection(options.profile);
  const configured = readIniValue(await readTextFile(deps.files.configFile), [section.section, ...section.aliases], 'mfa_serial');
  if (configured) return configured;
  const identity = parseCallerArn((await aws.getCallerIdentity()).arn);
  if (identity.kind !== 'user') throw new UserError('identify.notUser', { arn: identity.kind });
  const devices = await aws.listMfaDevices(identity.userName!);
  if (devices.length === 0) throw new UserError('session.noDevice', { profile: options.profile, user: identity.userName! });
  if (devices.length === 1) return devices[0]!.serialNumber;
  return deps.prompter.select({
    message: t('session.whichDevice', { count: devices.length }),
    flag: '--serial',
    choices: devices.map((d) => ({ value: d.serialNumber, name: d.serialNumber })),
  });
}

/** Asks for codes until AWS gives a session (a wrong or reused code gets its own message). */
async function newSession(options: SessionOptions, deps: WizardDeps): Promise<SessionCredentials> {
  const { out } = deps;
  const region =
    options.region ?? options.envRegion ?? (await configuredRegion(deps.files.configFile, options.profile)) ?? 'us-east-1';
  const aws = await deps.awsFor(region)({ profile: options.profile });
  if (await aws.usesTemporaryCredentials()) throw new UserError('identify.temporaryProfile', { profile: options.profile });
  const serial = await chooseSerial(options, aws, deps);
  for (let attempt = 0; attempt < MAX_CODES; attempt++) {
    const code = (await deps.readCode(t('session.askCodeFor', { serial }))).replace(/\s+/g, '');
    if (!isSixDigits(code)) {
      out.warn(t('code.notSixDigits'));
      continue;
    }
    try {
      const session = await aws.getSessionToken(serial, code, options.durationSeconds);
      out.addSecret(session.secretAccessKey);
      out.addSecret(session.sessionToken);
      return session;
    } catch (error) {
      if (!(error instanceof AwsError) || !error.is('AccessDenied')) throw error;
      if (/unable to validate MFA code/i.test(error.awsMessage)) throw new UserError('session.badSerial', { serial }, { cause: error });
      if (!/MultiFactorAuthentication failed/i.test(error.awsMessage)) {
        throw new UserError('session.denied', { message: error.awsMessage }, { cause: error });
      }
      out.warn(t('session.codeRejected'));
    }
  }
  throw new UserError('session.gaveUp');
}

/**
 * `mfa-onboard session`: reuse the saved MFA session while it lasts, else get a new one
 * with a code and save it; optionally hand it to a shell or to `credential_process`.
 */
export async function runSession(options: SessionOptions, deps: WizardDeps): Promise<void> {
  const { out, clock } = deps;
  for (const [flag, value] of [['--profile', options.profile], ['--session-profile', options.sessionProfile]] as const) {
    if (value !== undefined && checkProfileName(value) !== true) throw new UserError('profile.badNameFlag', { name: value, flag });
  }
  const sessionProfile = options.sessionProfile ?? `${options.profile}-mfa`;
  await guardSessionProfile(sessionProfile, options.profile, options, deps);

  const saved = options.force ? undefined : readSavedSession(await readTextFile(deps.files.credentialsFile), sessionProfile);
  const left = saved ? saved.expiration.getTime() - clock.now() : 0;
  let session: SessionCredentials;
  if (saved && left > options.minRemainingMs) {
    out.addSecret(saved.secretAccessKey);
    out.addSecret(saved.sessionToken);
    out.success(t('session.reused', { sessionProfile, expires: saved.expiration.toISOString(), minutes: Math.floor(left / 60_000) }));
    session = saved;
  } else {
    if (saved) out.info(t(left > 0 ? 'session.endingSoon' : 'session.expired', { sessionProfile, expires: saved.expiration.toISOString() }));
    session = await newSession(options, deps);
    await saveSession({ sessionProfile, session }, deps);
  }
  if (options.exportShell) out.secretData(exportLines(options.exportShell, session));
  else if (options.credentialProcess) out.secretData(credentialProcessJson(session));
  else out.info(t('session.useIt', { sessionProfile, expires: session.expiration.toISOString() }));
}
