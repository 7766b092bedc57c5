import { AwsError, CancelledError, UserError, type MessageId } from '../errors.js';
import { t } from './messages/index.js';

/**
 * Which message says `error`: a 5xx is AWS failing, not refusing (said so, so nobody goes
 * looking for a wrong setting), and a timeout is no answer at all.
 */
function messageFor(error: AwsError): MessageId {
  if (error.timedOut) return 'aws.noAnswer';
  return error.serverFailed ? 'aws.serverFailed' : 'aws.failed';
}

/** A hint for well-known codes: what it usually means and what to do. */
export function hintFor(error: AwsError): MessageId | undefined {
  switch (error.code) {
    case 'InvalidClientTokenId':
      return 'hint.invalidClientTokenId';
    case 'SignatureDoesNotMatch':
      return 'hint.signatureDoesNotMatch';
    case 'AccessDenied':
      return 'hint.accessDenied';
    case 'ExpiredToken':
      return 'hint.expiredToken';
    default:
      if (error.throttled) return 'hint.throttling';
      if (error.timedOut) return 'hint.network';
      if (error.serverFailed) return 'hint.serverFailure';
      return undefined;
  }
}

/**
 * An error as a person reads it: ours rendered from the catalog (in the run's language),
 * anything else by its own message.
 */
export function errorText(error: unknown): string {
  if (error instanceof UserError) return t(error.id, error.params);
  if (error instanceof CancelledError) return t(error.id);
  if (error instanceof AwsError) {
    // A timeout says how long was waited, not what the SDK said.
    const message = error.waited ? t('aws.timedOut', { ...error.waited }) : error.awsMessage;
    return t(messageFor(error), { action: error.action, code: error.code, message, status: error.status ?? '' });
  }
  return error instanceof Error ? error.message : String(error);
}

/** At most this many profile names in a message: a file may hold thousands. */
const LISTED_PROFILES = 20;

/** The profile names a message lists (there is no profile X; these are there): the first few, and how many more. */
export function shownProfiles(profiles: string[]): string {
  if (profiles.length === 0) return t('profile.noneThere');
  const listed = profiles.slice(0, LISTED_PROFILES).join(', ');
  return profiles.length > LISTED_PROFILES ? t('profile.andMore', { listed, count: profiles.length - LISTED_PROFILES }) : listed;
}
