import { defaultRegionFor } from '../aws/arn.js';
import { promises as fs } from 'node:fs';
import type { CredentialSource } from '../aws/client.js';
import { AwsError } from '../aws/errors.js';
import { exportLines } from '../credentials/export.js';
import type { FileChange } from '../credentials/files.js';
import { UserError } from '../errors.js';
import { t } from '../ui/messages/index.js';
import type { Aws, Device, Identity, SetupOptions, WizardDeps } from '../wizard/context.js';
import { Journal } from '../wizard/journal.js';
import { Timings } from '../wizard/timings.js';
import { shiftedClock } from '../totp/clock.js';
import { createDevice } from '../wizard/steps/create-device.js';
import { enableDevice } from '../wizard/steps/enable-device.js';
import { identify } from '../wizard/steps/identify.js';
import { importCsv } from '../wizard/steps/import-csv.js';
import { preflight } from '../wizard/steps/preflight.js';
import { assertProfileName, saveLongTermProfile } from '../wizard/steps/save-long-term.js';
import { configuredRegion, guardSessionProfile, regionForCalls, saveMfaSerial, saveSession } from '../wizard/steps/save-profiles.js';
import { showQr } from '../wizard/steps/show-qr.js';
import { offerCsvDeletion, printSummary } from '../wizard/steps/summary.js';
import { verifySession } from '../wizard/steps/verify-session.js';

const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;

/**
 * A path typed at the prompt, as a shell would have read it: `~/` expanded, and the quotes
 * or backslash-escaped spaces a terminal adds when a file is dragged in removed.
 */
export function typedPath(answer: string, home: string | undefined): string {
  let path = answer.trim();
  const quoted = /^(['"])(.*)\1$/.exec(path);
  path = quoted ? quoted[2]! : path.replace(/\\(.)/g, '$1');
  return home && (path === '~' || path.startsWith('~/')) ? home + path.slice(1) : path;
}


/**
 * The profile's region: `--region` (written), else the one the profile has (kept), else
 * asked (default: the environment's, else the partition's usual one) and written.
 */
async function chooseRegion(
  profile: string,
  identity: Identity,
  options: Pick<SetupOptions, 'region' | 'envRegion'>,
  deps: Pick<WizardDeps, 'prompter' | 'files'>,
): Promise<{ name: string; forProfile: boolean }> {
  if (options.region !== undefined) return { name: options.region, forProfile: true };
  const configured = await configuredRegion(deps.files.configFile, profile);
  if (configured) return { name: configured, forProfile: false };
  const name = await deps.prompter.input({
    message: t('region.ask', { profile }),
    flag: '--region',
    default: options.envRegion ?? defaultRegionFor(identity.partition),
    validate: (value) => REGION.test(value) || t('region.invalid', { value }),
  });
  return { name, forProfile: true };
}


/**
 * After a failure or Ctrl-C before the device was known to be enabled: keep it if IAM says
 * it is enabled after all (an answer lost on the way back), else delete it, saying why
 * when that fails.
 */
async function undoUnfinished(
  journal: Journal,
  aws: Aws,
  identity: Identity,
  device: Device | undefined,
  deps: Pick<WizardDeps, 'out'>,
): Promise<void> {
  const { out } = deps;
  if (!journal.pending) return;
  if (device) {
    const assigned = await aws.listMfaDevices(identity.userName).catch(() => []);
    if (assigned.some((d) => d.serialNumber === device.serialNumber)) {
      journal.commit();
      out.warn(t('rollback.keptEnabled', { serial: device.serialNumber, user: identity.userName }));
      return;
    }
  }
  out.info(t('rollback.removing'));
  for (const result of await journal.rollback()) {
    if (result.error === undefined) {
      out.success(t('rollback.removed', { serial: result.label }));
    } else {
      const reason = result.error instanceof AwsError ? result.error.code : String((result.error as Error | undefined)?.message ?? result.error);
      out.warn(t('rollback.failed', { serial: result.label, reason }));
    }
  }
}

/** `mfa-onboard [setup] [CSV]`: the wizard, steps 1 to 9 of DESIGN.md. */
export async function runSetup(options: SetupOptions, rawDeps: WizardDeps, endpoint?: string): Promise<void> {
  const timings = new Timings();
  try {
    await wizard(options, timings.measure(rawDeps), timings, endpoint);
  } finally {
    await timings.save(rawDeps.timingsFile);
  }
}

/** A computer clock off by this much or more is corrected with AWS's time for the code checks. */
const CLOCK_SKEW_MS = 30_000;

async function wizard(options: SetupOptions, measured: WizardDeps, timings: Timings, endpoint?: string): Promise<void> {
  let deps = measured;
  const { out } = deps;
  const step = timings.step.bind(timings);
  if (options.region !== undefined && !REGION.test(options.region)) {
    throw new UserError('region.invalidFlag', { value: options.region });
  }
  if (options.profile !== undefined) assertProfileName(options.profile, '--profile');
  if (options.sessionProfile !== undefined) assertProfileName(options.sessionProfile, '--session-profile');

  // 1a. The keys: from the CSV, or an existing profile.
  let csvPath = options.csvPath;
  const existingProfile = csvPath === undefined ? (options.profile ?? options.envProfile) : undefined;
  if (csvPath === undefined && existingProfile === undefined) {
    const answer = await deps.prompter.input({ message: t('csv.askPath'), flag: 'CSV (the file argument) or --profile' });
    csvPath = typedPath(answer, deps.home);
  }
  const key = csvPath !== undefined ? await step('import-csv', () => importCsv({ csvPath, user: options.user }, deps)) : undefined;
  const source: CredentialSource = key
    ? { keys: { accessKeyId: key.accessKeyId, secretAccessKey: key.secretAccessKey } }
    : { profile: existingProfile! };
  const callRegion = await regionForCalls(options, deps.files.configFile, existingProfile);
  const sdkFactory = deps.awsFor(callRegion);
  const awsFactory: typeof sdkFactory = async (credentials) => {
    const client = await sdkFactory(credentials);
    timings.countAwsCalls(() => client.calls);
    return client;
  };
  const aws = await step('load-sdk', () => awsFactory(source));

  // 2. Who are these keys?
  const identity = await step('identify', async () => {
    if (existingProfile !== undefined && (await aws.usesTemporaryCredentials())) {
      throw new UserError('identify.temporaryProfile', { profile: existingProfile });
    }
    return identify(aws, { fromCsv: csvPath, profile: existingProfile }, deps);
  });
  const offset = aws.clockOffsetMs();
  if (offset !== undefined && Math.abs(offset) >= CLOCK_SKEW_MS) {
    const seconds = Math.round(Math.abs(offset) / 1000);
    out.warn(t('clock.computerOff', { seconds, direction: t(offset > 0 ? 'time.behind' : 'time.ahead') }));
    deps = { ...deps, clock: shiftedClock(deps.clock, offset) };
  }

  // 1b. Import the keys (only now that AWS has accepted them) and settle the names.
  const changes: FileChange[] = [];
  let profile: string;
  if (key) {
    const saved = await step('save-long-term', () => saveLongTermProfile(key, identity, options, deps));
    profile = saved.profile;
    changes.push(saved.change);
  } else {
    profile = existingProfile!;
  }
  const sessionProfile = options.sessionProfile ?? `${profile}-mfa`;
  assertProfileName(sessionProfile, '--session-profile');
  await guardSessionProfile(sessionProfile, profile, options, deps);
  const region = await step('choose-region', () => chooseRegion(profile, identity, options, deps));
  const deviceName = options.deviceName ?? identity.userName;
  // Without a terminal to draw on, the person needs the key or a PNG: say so before creating anything.
  if (!out.size() && !options.showSecret && !options.qrPng) throw new UserError('qr.noWayToShow');
  if (options.qrPng && (await fs.stat(options.qrPng).catch(() => undefined))) {
    throw new UserError('qr.pngExists', { path: options.qrPng });
  }

  // 3–6. Pre-flight, create, show, enable: until enabled, any failure deletes the device.
  await step('preflight', () => preflight(aws, identity, deviceName, deps));
  const journal = new Journal();
  let device: Device | undefined;
  let history;
  try {
    device = await step('create-device', () => createDevice(aws, identity, deviceName, journal, deps));
    const created = device;
    await step('show-qr', () => showQr(aws, identity, created, options, deps));
    history = await step('enable-device', () => enableDevice(aws, identity, created, options, deps));
    journal.commit();
  } catch (error) {
    await undoUnfinished(journal, aws, identity, device, deps);
    throw error;
  }

  // 6b–9. Record the device, verify a session, save it, summarize.
  const enrolled = device;
  const codes = history;
  changes.push(
    await step('save-mfa-serial', () =>
      saveMfaSerial({ profile, sessionProfile, serialNumber: enrolled.serialNumber, region }, deps),
    ),
  );
  let session;
  try {
    session = await step('verify-session', () => verifySession(aws, awsFactory, identity, enrolled, codes, options, deps));
    const credentials = session.credentials;
    changes.push(
      await step('save-session', () => saveSession({ sessionProfile, session: credentials, origin: { sourceProfile: profile, serialNumber: enrolled.serialNumber } }, deps)),
    );
  } catch (error) {
    out.warn(t('setup.enabledNotVerified', { serial: enrolled.serialNumber, profile, config: deps.files.configFile }));
    throw error;
  }
  printSummary(
    {
      user: identity.userName,
      serialNumber: enrolled.serialNumber,
      profile,
      sessionProfile,
      expiration: session.credentials.expiration,
      changes,
      endpoint,
    },
    deps,
  );
  if (options.exportShell) out.secretData(exportLines(options.exportShell, session.credentials));
  if (csvPath !== undefined) {
    const path = csvPath;
    await step('delete-csv', () => offerCsvDeletion(path, deps.files.credentialsFile, options, deps));
  }
}
