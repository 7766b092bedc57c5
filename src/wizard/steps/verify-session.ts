import type { AwsFactory, SessionCredentials } from '../../aws/client.js';
import { AwsError } from '../../aws/errors.js';
import { UserError } from '../../errors.js';
import { countdown } from '../../ui/countdown.js';
import { t } from '../../ui/messages/index.js';
import { msUntilPhoneShows } from '../../totp/totp.js';
import type { Aws, CodeHistory, Device, Identity, SetupOptions, WizardDeps } from '../context.js';
import { readCheckedCode } from './read-code.js';
import { whenText } from '../../ui/when.js';

const MAX_TRIES = 4;
/** IAM is eventually consistent: a just-enabled device may not validate for a few seconds. */
const NOT_YET_VALID_MS = 5_000;

export interface VerifiedSession {
  credentials: SessionCredentials;
  arn: string;
}

/**
 * Step 7: waits for a code never used before (AWS rejects a reused one), gets a session
 * with it, and proves the session works by asking STS who it is.
 */
export async function verifySession(
  aws: Aws,
  awsFactory: AwsFactory,
  identity: Identity,
  device: Device,
  history: CodeHistory,
  options: Pick<SetupOptions, 'durationSeconds' | 'allowClockDrift'>,
  deps: Pick<WizardDeps, 'out' | 'prompter' | 'clock' | 'readCode' | 'signal'>,
): Promise<VerifiedSession> {
  const { out, clock } = deps;
  out.heading(t('session.heading'));
  const used = [...history.usedCodes];
  let lastCounter = history.lastCounter;
  for (let attempt = 0; attempt < MAX_TRIES; attempt++) {
    await countdown(
      msUntilPhoneShows(lastCounter + 1, history.phoneOffset, clock.now()),
      (seconds) => t('session.waitFresh', { seconds }),
      deps,
    );
    const { code, match } = await readCheckedCode(t('session.askCode'), device.seed, { used, after: lastCounter }, options, deps);
    used.push(code);
    lastCounter = Math.max(lastCounter, match.counter);
    let credentials: SessionCredentials;
    try {
      credentials = await aws.getSessionToken(device.serialNumber, code, options.durationSeconds);
    } catch (error) {
      if (!(error instanceof AwsError) || !error.is('AccessDenied')) throw error;
      if (/unable to validate MFA code/i.test(error.awsMessage)) {
        out.warn(t('session.notYetValid'));
        await clock.sleep(NOT_YET_VALID_MS, deps.signal);
      } else if (/MultiFactorAuthentication failed/i.test(error.awsMessage)) {
        out.warn(t('session.codeRejected'));
      } else {
        throw new UserError('session.denied', { message: error.awsMessage }, { cause: error });
      }
      continue;
    }
    out.addSecret(credentials.secretAccessKey);
    out.addSecret(credentials.sessionToken);
    const sessionAws = await awsFactory({ keys: credentials });
    const who = await sessionAws.getCallerIdentity();
    if (who.account !== identity.account) {
      throw new UserError('session.wrongAccount', { account: who.account, expected: identity.account });
    }
    if (who.arn !== identity.arn) out.warn(t('session.otherIdentity', { arn: who.arn, expected: identity.arn }));
    out.success(t('session.verified', { arn: who.arn, expires: whenText(credentials.expiration, deps.clock.now()) }));
    return { credentials, arn: who.arn };
  }
  throw new UserError('session.gaveUp');
}
