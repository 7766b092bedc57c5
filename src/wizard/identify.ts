import { identityOf, parseCallerArn } from '../aws/names.js';
import { AwsError } from '../aws/errors.js';
import { UserError } from '../errors.js';
import { t } from '../ui/messages/index.js';
import type { CredentialSource } from '../aws/client.js';
import { shiftedClock } from '../totp/clock.js';
import type { Aws, Identity, WizardDeps } from './context.js';
import { known, type SetupRun } from './run.js';
import { importCsv } from './import-csv.js';

/** How long a key made moments ago may be unknown to STS (IAM is eventually consistent). */
export const NEW_KEY_WAIT_MS = 20_000;
const NEW_KEY_RETRY_MS = 2_000;

/** GetCallerIdentity; for a key made moments ago, tried again while STS does not know it yet. */
async function callerOf(aws: Pick<Aws, 'getCallerIdentity'>, fresh: boolean, deps: Pick<WizardDeps, 'out' | 'clock' | 'signal'>): Promise<{ arn: string; account: string }> {
  for (let waited = 0; ; waited += NEW_KEY_RETRY_MS) {
    try {
      return await aws.getCallerIdentity();
    } catch (error) {
      if (!fresh || waited >= NEW_KEY_WAIT_MS || !(error instanceof AwsError && error.is('InvalidClientTokenId'))) throw error;
      if (waited === 0) deps.out.info(t('identify.newKeyWait'));
      await deps.clock.sleep(NEW_KEY_RETRY_MS, deps.signal);
    }
  }
}

/**
 * Step 2: asks STS who the keys belong to. Refuses the root user and temporary keys;
 * a rejected key gets a message that says which part of it is wrong. `fresh`: the key was
 * made moments ago, and AWS may take some seconds to know it.
 */
export async function identify(
  aws: Pick<Aws, 'getCallerIdentity'>,
  source: { fromCsv?: string; profile?: string; fresh?: boolean },
  deps: Pick<WizardDeps, 'out' | 'clock' | 'signal'>,
): Promise<Identity> {
  let arn: string;
  let account: string;
  try {
    ({ arn, account } = await callerOf(aws, source.fresh === true, deps));
  } catch (error) {
    if (error instanceof AwsError && source.fromCsv) {
      if (error.is('InvalidClientTokenId')) throw new UserError('identify.unknownKey', { path: source.fromCsv }, { cause: error });
      if (error.is('SignatureDoesNotMatch')) throw new UserError('identify.wrongSecret', { path: source.fromCsv }, { cause: error });
    }
    throw error;
  }
  if (parseCallerArn(arn).kind === 'root') throw new UserError('identify.root', { account });
  const identity = identityOf(arn);
  if (!identity) throw new UserError('identify.notUser', { arn });
  deps.out.success(t('identify.done', { user: identity.userName, account, arn }));
  return identity;
}

/**
 * Step 2 with the user's own keys (not admin mode): from the CSV (read now), else the profile's; STS says
 * whose they are. A profile of temporary credentials cannot enrol.
 */
export async function identifyOwnKeys(
  run: Pick<SetupRun, 'csvPath' | 'options' | 'profiles' | 'key' | 'own' | 'awsFactory' | 'identity' | 'iam'>,
  deps: Pick<WizardDeps, 'out' | 'prompter' | 'clock' | 'signal'>,
): Promise<void> {
  const csvPath = run.csvPath;
  if (csvPath !== undefined) run.key = await importCsv({ csvPath, user: run.options.user }, deps);
  const { key } = run;
  const existingProfile = csvPath === undefined ? run.profiles.longTerm : undefined;
  const source: CredentialSource = key
    ? { keys: { accessKeyId: key.accessKeyId, secretAccessKey: key.secretAccessKey } }
    : { profile: existingProfile! };
  const self = run.own ?? (await run.awsFactory(source));
  run.own = self;
  run.iam = self;
  if (existingProfile !== undefined && (await self.usesTemporaryCredentials())) {
    throw new UserError('identify.temporaryProfile', { profile: existingProfile });
  }
  run.identity = await identify(self, { fromCsv: csvPath, profile: existingProfile }, deps);
}

/** A computer clock off by this much or more is corrected with AWS's time for the code checks. */
const CLOCK_SKEW_MS = 30_000;

/** AWS's answers tell how far this computer's clock is off: the code checks use AWS's time. */
export async function correctClock(run: Pick<SetupRun, 'iam'>, deps: WizardDeps): Promise<WizardDeps | void> {
  const offset = known(run, 'iam').clockOffsetMs();
  if (offset === undefined || Math.abs(offset) < CLOCK_SKEW_MS) return;
  const seconds = Math.round(Math.abs(offset) / 1000);
  deps.out.warn(t('clock.computerOff', { seconds, direction: t(offset > 0 ? 'time.behind' : 'time.ahead') }));
  return { ...deps, clock: shiftedClock(deps.clock, offset) };
}
