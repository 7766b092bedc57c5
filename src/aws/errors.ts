import { AwsError, CancelledError, UserError } from '../errors.js';

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'ECONNRESET', 'ETIMEDOUT', 'EAI_AGAIN', 'EHOSTUNREACH']);

/** Turns whatever the SDK threw into an AwsError (or leaves ours alone). */
export function toAwsError(error: unknown, action: string): Error {
  if (error instanceof AwsError) return error;
  const e = error as { name?: string; code?: string; Code?: string; message?: string; $metadata?: { httpStatusCode?: number; attempts?: number } };
  // Ctrl-C aborted the request: that is a cancellation, not an AWS failure.
  if (e?.name === 'AbortError') return new CancelledError();
  // The SDK found no keys for the profile: nothing reached AWS, so nothing was refused.
  if (e?.name === 'CredentialsProviderError') return new UserError('hint.noCredentials', {}, { cause: error });
  const raw = e?.Code ?? e?.name ?? 'Unknown';
  // A timeout (ours: no answer in time) is named as such, whatever socket code it carries.
  const code = raw === 'TimeoutError' ? raw : NETWORK_CODES.has(e?.code ?? '') ? 'NetworkError' : raw.replace(/Exception$/, '');
  const message = code === 'NetworkError' ? `${e.code}: ${e.message ?? ''}` : (e?.message ?? '');
  return new AwsError(code, action, message, e?.$metadata?.httpStatusCode, { cause: error, ...(e?.$metadata?.attempts ? { tries: e.$metadata.attempts } : {}) });
}

/**
 * True when the answer says nothing about whether AWS carried the call out: the connection
 * broke or stalled, AWS failed (5xx) or was throttling retries. A call that creates or
 * changes something must then be checked with IAM, not taken as refused.
 */
export function outcomeUnknown(error: AwsError): boolean {
  return error.timedOut || error.throttled || error.status === undefined || error.serverFailed;
}
