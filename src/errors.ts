/**
 * The message catalog, as errors know it: its ids only. The catalog itself (ui/messages/en.ts)
 * fills this in by module augmentation, so an error names its message by id while errors.ts,
 * below ui/, imports nothing of it.
 */
export interface MessageCatalog {}

/** The id of a message in the catalogs (`ui/messages/en.ts`). */
export type MessageId = keyof MessageCatalog;
/** Values substituted for `{name}` placeholders in a message. */
export type MessageParams = Record<string, string | number>;

/**
 * A problem the user can fix; its message (`id` with `params`) is one paragraph saying what
 * and how, rendered where it is reported (`errorText`). Exit 1.
 */
export class UserError extends Error {
  constructor(
    readonly id: MessageId,
    readonly params: MessageParams = {},
    options?: { cause?: unknown },
  ) {
    // For stack traces and test failures (never a secret: tests check params hold none).
    // Nothing shown to a person reads `message`.
    super(Object.keys(params).length ? `${id} ${JSON.stringify(params)}` : id, options);
    this.name = 'UserError';
  }
}

/** The user stopped the run (Ctrl-C, or answered "cancel"). Exit 2. */
export class CancelledError extends Error {
  /** `id` says what the next run does, when it is more than starting over. */
  constructor(readonly id: MessageId = 'error.cancelled') {
    super(id);
    this.name = 'CancelledError';
  }
}

/** How long was waited for an answer that never came: `attempts` tries of `seconds` each. */
export interface Waited {
  seconds: number;
  attempts: number;
}

const THROTTLING = new Set(['Throttling', 'ThrottlingException', 'TooManyRequests']);
const TIMEOUTS = new Set(['NetworkError', 'TimeoutError', 'RequestTimeout', 'RequestTimeoutException']);

/**
 * An AWS API refusal, with the error code normalized (the SDK names modeled errors
 * `…Exception`; the wire code has no suffix) and the action that was being attempted. Made
 * in aws/ (`toAwsError`); its text is rendered where it is reported (`errorText`).
 */
export class AwsError extends Error {
  /** Set when the call timed out: how long was waited (said instead of the SDK's message). */
  readonly waited: Waited | undefined;
  /**
   * How many times the SDK sent the call (1 when unknown). More than one: an earlier try may
   * have been carried out by AWS, its answer lost on the way back.
   */
  readonly tries: number;

  constructor(
    readonly code: string,
    readonly action: string,
    readonly awsMessage: string,
    readonly status: number | undefined,
    options?: { cause?: unknown; waited?: Waited; tries?: number },
  ) {
    // For stack traces and test failures; nothing shown to a person reads `message`.
    super(`${action} ${code}${status === undefined ? '' : ` ${status}`}: ${awsMessage}`, options);
    this.name = 'AwsError';
    this.waited = options?.waited;
    this.tries = options?.tries ?? 1;
  }

  /** True when this is `code` (without the Exception suffix). */
  is(...codes: string[]): boolean {
    return codes.includes(this.code);
  }

  /** No answer came: the connection broke or stalled. */
  get timedOut(): boolean {
    return TIMEOUTS.has(this.code);
  }

  /** AWS was throttling the calls (and the SDK's retries). */
  get throttled(): boolean {
    return THROTTLING.has(this.code);
  }

  /** AWS answered with a 5xx: it failed, it did not refuse. */
  get serverFailed(): boolean {
    return this.status !== undefined && this.status >= 500;
  }
}

/** Exit codes, documented in the README. */
export const ExitCode = { ok: 0, error: 1, cancelled: 2 } as const;
