import { defaultRegionFor } from '../aws/arn.js';
import type { CredentialSource } from '../aws/client.js';
import { readTextFile, type FileChange } from '../credentials/files.js';
import { readIniValue } from '../credentials/ini.js';
import { configSection } from '../credentials/paths.js';
import { UserError } from '../errors.js';
import { t } from '../ui/messages/index.js';
import type { Identity, SetupOptions, WizardDeps } from '../wizard/context.js';
import { Journal } from '../wizard/journal.js';
import { Timings } from '../wizard/timings.js';
import { createDevice } from '../wizard/steps/create-device.js';
import { enableDevice } from '../wizard/steps/enable-device.js';
import { identify } from '../wizard/steps/identify.js';
import { importCsv } from '../wizard/steps/import-csv.js';
import { preflight } from '../wizard/steps/preflight.js';
import { checkProfileName, saveLongTermProfile } from '../wizard/steps/save-long-term.js';
import { saveProfiles } from '../wizard/steps/save-profiles.js';
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

/** The region the profile has in the config file, if any. */
async function configuredRegion(configFile: string, profile: string): Promise<string | undefined> {
  const section = configSection(profile);
  return readIniValue(await readTextFile(configFile), [section.section, ...section.aliases], 'region');
}

/**
 * The region to write for the profile: `--region`, else nothing if the profile has one,
 * else asked (default: the environment's, else the partition's usual one).
 */
async function chooseRegion(
  profile: string,
  identity: Identity,
  options: Pick<SetupOptions, 'region' | 'envRegion'>,
  deps: Pick<WizardDeps, 'prompter' | 'files'>,
): Promise<string | undefined> {
  if (options.region !== undefined) return options.region;
  if (await configuredRegion(deps.files.configFile, profile)) return undefined;
  return deps.prompter.input({
    message: t('region.ask', { profile }),
    flag: '--region',
    default: options.envRegion ?? defaultRegionFor(identity.partition),
    validate: (value) => REGION.test(value) || t('region.invalid', { value }),
  });
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

async function wizard(options: SetupOptions, deps: WizardDeps, timings: Timings, endpoint?: string): Promise<void> {
  const { out } = deps;
  const step = timings.step.bind(timings);
  if (options.region !== undefined && !REGION.test(options.region)) {
    throw new UserError('region.invalidFlag', { value: options.region });
  }
  for (const [flag, value] of [['--profile', options.profile], ['--session-profile', options.sessionProfile]] as const) {
    if (value !== undefined && checkProfileName(value) !== true) {
      throw new UserError('profile.badNameFlag', { name: value.replace(/[\r\n]/g, '⏎'), flag });
    }
  }

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
  const callRegion =
    options.region ??
    options.envRegion ??
    (existingProfile ? await configuredRegion(deps.files.configFile, existingProfile) : undefined) ??
    defaultRegionFor('aws');
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
  if (checkProfileName(sessionProfile) !== true) {
    throw new UserError('profile.badNameFlag', { name: sessionProfile, flag: '--session-profile' });
  }
  const region = await step('choose-region', () => chooseRegion(profile, identity, options, deps));
  const deviceName = options.deviceName ?? identity.userName;

  // 3–6. Pre-flight, create, show, enable: until enabled, any failure deletes the device.
  await step('preflight', () => preflight(aws, identity, deviceName, deps));
  const journal = new Journal();
  let device;
  let history;
  try {
    device = await step('create-device', () => createDevice(aws, identity, deviceName, journal, deps));
    const created = device;
    await step('show-qr', () => showQr(aws, identity, created, options, deps));
    history = await step('enable-device', () => enableDevice(aws, identity, created, options, deps));
    journal.commit();
  } catch (error) {
    if (journal.pending) {
      out.info(t('rollback.removing'));
      for (const result of await journal.rollback()) {
        if (result.error === undefined) out.success(t('rollback.removed', { serial: result.label }));
        else out.warn(t('rollback.failed', { serial: result.label }));
      }
    }
    throw error;
  }

  // 7–9. Verify, save, summarize.
  const enrolled = device;
  const codes = history;
  const session = await step('verify-session', () => verifySession(aws, awsFactory, identity, enrolled, codes, options, deps));
  changes.push(
    ...(await step('save-profiles', () =>
      saveProfiles({ profile, sessionProfile, serialNumber: enrolled.serialNumber, region, session: session.credentials }, deps),
    )),
  );
  printSummary(
    {
      user: identity.userName,
      serialNumber: device.serialNumber,
      profile,
      sessionProfile,
      expiration: session.credentials.expiration,
      changes,
      endpoint,
    },
    deps,
  );
  if (csvPath !== undefined) {
    const path = csvPath;
    await step('delete-csv', () => offerCsvDeletion(path, deps.files.credentialsFile, options, deps));
  }
}
