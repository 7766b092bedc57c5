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

/**
 * The one way every call is made: counted (`calls()`), `onSlow(action)` told once when it
 * is still unanswered after `patience.slowMs`, and a failure explained (a timeout says how
 * long was waited).
 */
export function counted({ patience, attempts, explain, onSlow }: {
  patience: Patience;
  /** How many times the SDK tries a call (said when it times out). */
  attempts: number;
  explain: Explain;
  onSlow: (action: string) => void;
}): { send: Send; calls: () => number } {
  let calls = 0;
  const send: Send = async (action, run) => {
    calls++;
    const slow = setTimeout(() => onSlow(action), patience.slowMs);
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
