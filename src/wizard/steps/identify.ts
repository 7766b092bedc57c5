import { parseCallerArn } from '../../aws/arn.js';
import { AwsError } from '../../aws/errors.js';
import { UserError } from '../../errors.js';
import { t } from '../../ui/messages/index.js';
import type { Aws, Identity, WizardDeps } from '../context.js';

/** How long a key made moments ago may be unknown to STS (IAM is eventually consistent). */
export const NEW_KEY_WAIT_MS = 20_000;
const NEW_KEY_RETRY_MS = 2_000;

/** GetCallerIdentity; for a key made moments ago, tried again while STS does not know it yet. */
async function callerOf(aws: Aws, fresh: boolean, deps: Pick<WizardDeps, 'out' | 'clock' | 'signal'>): Promise<{ arn: string; account: string }> {
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
  aws: Aws,
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
  const parsed = parseCallerArn(arn);
  if (parsed.kind === 'root') throw new UserError('identify.root', { account });
  if (parsed.kind !== 'user') throw new UserError('identify.notUser', { arn });
  const identity: Identity = {
    arn,
    account,
    partition: parsed.partition,
    userName: parsed.userName!,
    path: parsed.path!,
  };
  deps.out.success(t('identify.done', { user: identity.userName, account, arn }));
  return identity;
}
