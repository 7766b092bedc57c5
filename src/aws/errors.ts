import { CancelledError, UserError } from '../errors.js';
// NOTE: type only: an AwsError carries what AWS answered, and nothing of ui/ is loaded here.
import type { MessageId } from '../ui/messages/index.js';

/** How long was waited for an answer that never came: `attempts` tries of `seconds` each. */
export interface Waited {
  seconds: number;
  attempts: number;
}

/**
 * An AWS API refusal, with the error code normalized (the SDK names modeled errors
 * `…Exception`; the wire code has no suffix) and the action that was being attempted. Its
 * text (`messageFor`) is rendered where it is reported (`errorText`).
 */
export class AwsError extends Error {
  /** Set when the call timed out: how long was waited (said instead of the SDK's message). */
  readonly waited: Waited | undefined;

  constructor(
    readonly code: string,
    readonly action: string,
    readonly awsMessage: string,
    readonly status: number | undefined,
    options?: { cause?: unknown; waited?: Waited },
  ) {
    // For stack traces and test failures; nothing shown to a person reads `message`.
    super(`${action} ${code}${status === undefined ? '' : ` ${status}`}: ${awsMessage}`, options);
    this.name = 'AwsError';
    this.waited = options?.waited;
  }

  /** True when this is `code` (without the Exception suffix). */
  is(...codes: string[]): boolean {
    return codes.includes(this.code);
  }
}

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'ECONNRESET', 'ETIMEDOUT', 'EAI_AGAIN', 'EHOSTUNREACH']);

/** Turns whatever the SDK threw into an AwsError (or leaves ours alone). */
export function toAwsError(error: unknown, action: string): Error {
  if (error instanceof AwsError) return error;
  const e = error as { name?: string; code?: string; Code?: string; message?: string; $metadata?: { httpStatusCode?: number } };
  // Ctrl-C aborted the request: that is a cancellation, not an AWS failure.
  if (e?.name === 'AbortError') return new CancelledError();
  // The SDK found no keys for the profile: nothing reached AWS, so nothing was refused.
  if (e?.name === 'CredentialsProviderError') return new UserError('hint.noCredentials', {}, { cause: error });
  const raw = e?.Code ?? e?.name ?? 'Unknown';
  // A timeout (ours: no answer in time) is named as such, whatever socket code it carries.
  const code = raw === 'TimeoutError' ? raw : NETWORK_CODES.has(e?.code ?? '') ? 'NetworkError' : raw.replace(/Exception$/, '');
  const message = code === 'NetworkError' ? `${e.code}: ${e.message ?? ''}` : (e?.message ?? '');
  return new AwsError(code, action, message, e?.$metadata?.httpStatusCode, { cause: error });
}

const THROTTLING = new Set(['Throttling', 'ThrottlingException', 'TooManyRequests']);
const TIMEOUTS = new Set(['NetworkError', 'TimeoutError', 'RequestTimeout', 'RequestTimeoutException']);

/**
 * True when the answer says nothing about whether AWS carried the call out: the connection
 * broke or stalled, AWS failed (5xx) or was throttling retries. A call that creates or
 * changes something must then be checked with IAM, not taken as refused.
 */
export function outcomeUnknown(error: AwsError): boolean {
  return TIMEOUTS.has(error.code) || THROTTLING.has(error.code) || error.status === undefined || serverFailed(error);
}

/** AWS answered with a 5xx: it failed, it did not refuse. */
function serverFailed(error: AwsError): boolean {
  return error.status !== undefined && error.status >= 500;
}

/**
 * Which message says `error`: a 5xx is AWS failing, not refusing (said so, so nobody goes
 * looking for a wrong setting), and a timeout is no answer at all.
 */
export function messageFor(error: AwsError): MessageId {
  if (TIMEOUTS.has(error.code)) return 'aws.noAnswer';
  return serverFailed(error) ? 'aws.serverFailed' : 'aws.failed';
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
      if (THROTTLING.has(error.code)) return 'hint.throttling';
      if (TIMEOUTS.has(error.code)) return 'hint.network';
      if (serverFailed(error)) return 'hint.serverFailure';
      return undefined;
  }
}
