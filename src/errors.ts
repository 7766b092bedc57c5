// NOTE: type only: an error names its message by id, and nothing of ui/ is loaded here.
import type { MessageId, MessageParams } from './ui/messages/index.js';

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

/** Exit codes, documented in the README. */
export const ExitCode = { ok: 0, error: 1, cancelled: 2 } as const;
