import { identityOf, parseCallerArn } from '../aws/names.js';
import { AwsError, UserError } from '../errors.js';
import { t } from '../ui/messages/index.js';
import { refusal } from './aws-refusals.js';
import type { Aws, Identity, WizardDeps } from './context.js';

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
    // A key typed or saved by hand is reported as AWS said; the CSV's gets its own words.
    if (error instanceof AwsError && source.fromCsv) throw refusal('identify-csv-keys', error, { path: source.fromCsv }) ?? error;
    throw error;
  }
  if (parseCallerArn(arn).kind === 'root') throw new UserError('identify.root', { account });
  const identity = identityOf(arn);
  if (!identity) throw new UserError('identify.notUser', { arn });
  deps.out.success(t('identify.done', { user: identity.userName, account, arn }));
  return identity;
}
