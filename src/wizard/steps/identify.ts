import { parseCallerArn } from '../../aws/arn.js';
import { AwsError } from '../../aws/errors.js';
import { UserError } from '../../errors.js';
import { t } from '../../ui/messages/index.js';
import type { Aws, Identity, WizardDeps } from '../context.js';

/**
 * Step 2: asks STS who the keys belong to. Refuses the root user and temporary keys;
 * a rejected key gets a message that says which part of it is wrong.
 */
export async function identify(
  aws: Aws,
  source: { fromCsv?: string; profile?: string },
  deps: Pick<WizardDeps, 'out'>,
): Promise<Identity> {
  let arn: string;
  let account: string;
  try {
    ({ arn, account } = await aws.getCallerIdentity());
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
