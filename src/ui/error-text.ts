import { AwsError, messageFor } from '../aws/errors.js';
import { CancelledError, UserError } from '../errors.js';
import { t } from './messages/index.js';

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
