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
    super(t('aws.failed', { action, code, message: awsMessage }), options);
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
  const code = NETWORK_CODES.has(e?.code ?? '') ? 'NetworkError' : raw.replace(/Exception$/, '');
  const message = code === 'NetworkError' ? `${e.code}: ${e.message ?? ''}` : (e?.message ?? '');
  return new AwsError(code, action, message, e?.$metadata?.httpStatusCode, { cause: error });
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
    case 'Throttling':
    case 'ThrottlingException':
    case 'TooManyRequests':
      return 'hint.throttling';
    case 'NetworkError':
      return 'hint.network';
    case 'ExpiredToken':
      return 'hint.expiredToken';
    default:
      return undefined;
  }
}
