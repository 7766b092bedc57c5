import { CancelledError, UserError } from '../errors.js';
import { t } from './messages/index.js';

/**
 * An error as a person reads it: ours rendered from the catalog (in the run's language),
 * anything else by its own message.
 */
export function errorText(error: unknown): string {
  if (error instanceof UserError) return t(error.id, error.params);
  if (error instanceof CancelledError) return t(error.id);
  return error instanceof Error ? error.message : String(error);
}
