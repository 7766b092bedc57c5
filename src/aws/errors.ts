import { CancelledError, UserError } from '../errors.js';
import { t, type MessageId } from '../ui/messages/index.js';

/**
 * An AWS API refusal, with the error code normalized (the SDK names modeled errors
 * `…Exception`; the wire code has no suffix) and the action that was being attempted.
 */
export class AwsError extends Error {
  constructor(
    readonly code: string,
    readonly action: string,
    readonly awsMessage: string,
    readonly status: number | undefined,
    options?: { cause?: unknown },
  ) {
    // A 5xx is AWS failing, not refusing: said so, so nobody goes looking for a wrong setting.
    const id = TIMEOUTS.has(code) ? 'aws.noAnswer' : status !== undefined && status >= 500 ? 'aws.serverFailed' : 'aws.failed';
    super(t(id, { action, code, message: awsMessage, status: status ?? '' }), options);
    this.name = 'AwsError';
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
  return TIMEOUTS.has(error.code) || THROTTLING.has(error.code) || error.status === undefined || error.status >= 500;
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
      if (error.status !== undefined && error.status >= 500) return 'hint.serverFailure';
      return undefined;
  }
}
