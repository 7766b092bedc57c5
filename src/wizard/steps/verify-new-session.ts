import type { CredentialSource, SessionCredentials } from '../../aws/client.js';
import { AwsError, CancelledError, UserError } from '../../errors.js';
import { countdown } from '../../ui/countdown.js';
import { t } from '../../ui/messages/index.js';
import { msUntilPhoneShows } from '../../totp/totp.js';
import type { Aws, CodeHistory, Device, Identity, SetupOptions, WizardDeps } from '../context.js';
import { known, named, type SetupRun } from '../run.js';
import { refusal } from '../aws-refusals.js';
import { readCheckedCode } from '../read-code.js';
import { resyncCommand } from '../ask-for-session.js';
import { saveNewSession } from './save-new-session.js';
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
  aws: Pick<Aws, 'getSessionToken'>,
  /** Clients for the new session's credentials (only asked who they are). */
  awsFactory: (credentials: CredentialSource) => Promise<Pick<Aws, 'getCallerIdentity'>>,
  identity: Identity,
  device: Device,
  history: CodeHistory,
  /** `resyncProfile`: the profile the resync command for a refused code names. */
  options: Pick<SetupOptions, 'durationSeconds' | 'allowClockDrift'> & { resyncProfile?: string },
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
        out.warn(t('session.codeRejected', { command: resyncCommand(options.resyncProfile) }));
      } else {
        throw refusal('get-session', error, {}) ?? error;
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
  throw new UserError('session.gaveUp', { command: resyncCommand(options.resyncProfile) });
}

/**
 * Steps 7–8 with the user's keys: a session with a fresh code, proven to work, and saved.
 * Should it fail, the device stays enabled, and the next run asks for one code.
 */
export async function verifyNewSession(
  run: Pick<SetupRun, 'own' | 'profiles' | 'awsFactory' | 'identity' | 'device' | 'history' | 'options' | 'session' | 'enrolled' | 'changes'>,
  deps: Pick<WizardDeps, 'out' | 'prompter' | 'clock' | 'readCode' | 'signal' | 'files' | 'writer'>,
): Promise<void> {
  const own = known(run, 'own');
  const profile = named(run, 'longTerm');
  const device = known(run, 'device');
  try {
    run.session = (await verifySession(own, run.awsFactory, known(run, 'identity'), device, known(run, 'history'), { ...run.options, resyncProfile: profile }, deps))
      .credentials;
    await saveNewSession(run, deps);
  } catch (error) {
    deps.out.warn(t('setup.enabledNotVerified', { serial: device.serialNumber, profile, config: deps.files.configFile }));
    // Not "nothing was left half-done": the device is enabled; the next run asks for one code.
    if (error instanceof CancelledError) throw new CancelledError('error.cancelledRunAgain');
    throw error;
  }
}
