import type * as IamSdk from '@aws-sdk/client-iam';
import { AwsError } from '../errors.js';

/** Makes one API call (`action`, e.g. `iam:GetUser`): counted, said to be slow, its failure explained. */
export type Send = <T>(action: string, run: () => Promise<T>) => Promise<T>;

/** What the calls of one capability are built from. */
export interface SdkCalls<Sdk, Client> {
  /** The SDK package (its commands and paginators), loaded on first use. */
  sdk: Sdk;
  client: Client;
  send: Send;
  /**
   * Given to reads, so Ctrl-C cuts them short. NOTE: mutating calls get no abort signal:
   * Ctrl-C must not leave AWS in a state we did not learn about (a device created or
   * enabled without us knowing).
   */
  abortable: { abortSignal?: AbortSignal };
}

/** What the IAM calls of a capability are built from. */
export type IamCalls = SdkCalls<typeof IamSdk, IamSdk.IAMClient>;

/** How long a call waits for AWS before saying it is slow, and each try before giving up. */
export interface Patience {
  /** A call still unanswered after this long is said to be slow (once). */
  slowMs: number;
  /** Each try (connection included) gets this long; the SDK tries a call up to ATTEMPTS times (sdk.ts). */
  attemptMs: number;
}

/** Turns what the SDK threw during `action` into our error: a profile without keys is named, the rest is an AwsError. */
export type Explain = (error: unknown, action: string) => Promise<Error>;

/** What a run is told about calls while they are under way. */
export interface CallNotices {
  /** A call is still unanswered after `patience.slowMs` (told once per call). */
  slow?(action: string): void;
  /**
   * Ctrl-C came while a call that changes something was under way: it is waited for (it has
   * no abort signal), for at most `seconds` more.
   */
  stopping?(action: string, seconds: number): void;
}

/**
 * Reads (Get…, List…) are given the abort signal, so Ctrl-C cuts them short; every other call
 * changes something and is waited for.
 */
const READ = /^\w+:(Get|List)/;

/**
 * The one way every call is made: counted (`calls()`), `notices.slow(action)` told once when
 * it is still unanswered after `patience.slowMs`, `notices.stopping` the moment Ctrl-C
 * (`signal`) comes during a call that is waited for, and a failure explained (a timeout says
 * how long was waited).
 */
export function counted({ patience, attempts, explain, notices = {}, signal }: {
  patience: Patience;
  /** How many times the SDK tries a call (said when it times out). */
  attempts: number;
  explain: Explain;
  notices?: CallNotices;
  signal?: AbortSignal;
}): { send: Send; calls: () => number } {
  let calls = 0;
  const send: Send = async (action, run) => {
    calls++;
    const started = Date.now();
    const slow = setTimeout(() => notices.slow?.(action), patience.slowMs);
    // NOTE: the SDK's limits are real time, so the time left is measured on the real clock.
    const stopping = () => notices.stopping?.(action, Math.max(1, Math.ceil((patience.attemptMs * attempts - (Date.now() - started)) / 1000)));
    const waitedFor = signal !== undefined && !signal.aborted && !READ.test(action);
    if (waitedFor) signal.addEventListener('abort', stopping, { once: true });
    try {
      return await run();
    } catch (error) {
      const failed = await explain(error, action);
      if (failed instanceof AwsError && failed.is('TimeoutError')) {
        const waited = { seconds: patience.attemptMs / 1000, attempts };
        throw new AwsError(failed.code, action, failed.awsMessage, undefined, { cause: error, waited, tries: failed.tries });
      }
      throw failed;
    } finally {
      clearTimeout(slow);
      if (waitedFor) signal.removeEventListener('abort', stopping);
    }
  };
  return { send, calls: () => calls };
}

/** Throws for an answer that lacks what it must hold (an `IncompleteResponse`, explained like any AWS error). */
export function incomplete(what: string): never {
  throw Object.assign(new Error(what), { name: 'IncompleteResponse' });
}

/** True when IAM said there is no such thing (a user, group, policy or device). */
export function isNoSuchEntity(error: unknown): boolean {
  return (error as { name?: string }).name === 'NoSuchEntityException';
}
