import { t, type MessageId, type MessageParams } from './ui/messages/index.js';

/** A problem the user can fix; its message is one paragraph saying what and how. Exit 1. */
export class UserError extends Error {
  constructor(
    readonly id: MessageId,
    readonly params: MessageParams = {},
    options?: { cause?: unknown },
  ) {
    super(t(id, params), options);
    this.name = 'UserError';
  }
}

/** The user stopped the run (Ctrl-C, or answered "cancel"). Exit 2. */
export class CancelledError extends Error {
  /** `why` says what the next run does, when it is more than starting over. */
  constructor(why: MessageId = 'error.cancelled') {
    super(t(why));
    this.name = 'CancelledError';
  }
}

/** Exit codes, documented in the README. */
export const ExitCode = { ok: 0, error: 1, cancelled: 2 } as const;
