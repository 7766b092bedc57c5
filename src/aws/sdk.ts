import type { IAMClient } from '@aws-sdk/client-iam';
import type { STSClient } from '@aws-sdk/client-sts';
import { accountCalls } from './account.js';
import { counted, type CallNotices, type Explain, type Patience } from './call.js';
import type { AwsFactory, AwsTarget, CredentialSource } from './client.js';
import { toAwsError } from './errors.js';
import { groupPolicyCalls } from './group-policy.js';
import { mfaDeviceCalls } from './mfa-devices.js';
import { stsCalls } from './sts.js';
import { userAdminCalls } from './user-admin.js';

/**
 * What the clients need of the shared credentials and config files, which aws/ does not read
 * itself (credentials/ does; deps.ts wires the two together).
 */
export interface SharedFiles {
  /** Before the SDK reads the files for `profile`: a large file is narrowed to what the SDK needs. */
  prepare(profile: string | undefined): Promise<void>;
  /** Why the SDK found no keys for `profile`: no such profile (say which there are), or none in it. */
  noCredentials(profile: string, error: unknown): Promise<Error>;
}

/** The SDK's default number of tries of a call (a timeout, a 5xx or throttling is tried again). */
const ATTEMPTS = 3;

/** Documented in the README: "AWS is slow" after 5 s; a call gives up after 3 tries of 10 s. */
export const DEFAULT_PATIENCE: Patience = { slowMs: 5_000, attemptMs: 10_000 };

/** The longest a call waits for AWS, in seconds (said with the slow notice). */
export function giveUpSeconds(patience: Patience = DEFAULT_PATIENCE): number {
  return Math.round((patience.attemptMs * ATTEMPTS) / 1000);
}

/**
 * AWS's clock minus ours, from an HTTP Date header (1 s resolution: the header drops the
 * fraction, so half a second is added back). Undefined when the header does not parse.
 */
export function serverClockOffset(dateHeader: string, localNow: number): number | undefined {
  const server = Date.parse(dateHeader);
  return Number.isNaN(server) ? undefined : server + 500 - localNow;
}

/** The SDK's settings for both clients: where, as whom, and for how long to wait. */
function sdkConfig(target: AwsTarget, patience: Patience, source: CredentialSource) {
  return {
    region: target.region,
    maxAttempts: ATTEMPTS,
    // NOTE: without these a stalled endpoint is waited on for ever (the SDK's default has no limit).
    requestHandler: { connectionTimeout: patience.attemptMs, requestTimeout: patience.attemptMs, throwOnRequestTimeout: true },
    ...(target.endpoint ? { endpoint: target.endpoint } : {}),
    ...('keys' in source ? { credentials: source.keys } : { profile: source.profile }),
  };
}

/**
 * AWS's own time, for the TOTP checks (a computer clock that is off must not be blamed on
 * the phone): the offset read from the first response of either client, undefined before one.
 */
function serverClock(clients: readonly (IAMClient | STSClient)[], now: () => number): () => number | undefined {
  let offset: number | undefined;
  for (const client of clients) {
    (client.middlewareStack as { add: (m: unknown, o: unknown) => void }).add(
      (next: (args: unknown) => Promise<{ response: { headers?: Record<string, string> } }>) => async (args: unknown) => {
        const result = await next(args);
        const date = result.response.headers?.date;
        if (offset === undefined && date) offset = serverClockOffset(date, now());
        return result;
      },
      { step: 'deserialize', name: 'mfaOnboardServerClock' },
    );
  }
  return () => offset;
}

/** The `Explain` for calls made with `source`'s credentials (a profile it lacks keys for is looked up). */
function explainer(source: CredentialSource, files: SharedFiles | undefined): Explain {
  return async (error, action) =>
    files && 'profile' in source && (error as { name?: string } | undefined)?.name === 'CredentialsProviderError'
      ? files.noCredentials(source.profile, error)
      : toAwsError(error, action);
}

/**
 * The real factory, over HTTP with the AWS SDK v3: the clients and the one `send` every call
 * goes through, composed from each capability's calls.
 */
export function sdkAwsFactory(
  target: AwsTarget,
  signal?: AbortSignal,
  now: () => number = Date.now,
  /** Told of a call still unanswered after `patience.slowMs`, and of Ctrl-C during a call that is waited for. */
  notices: CallNotices = {},
  /** The shared files, when the credentials may come from them (a profile). */
  files?: SharedFiles,
): AwsFactory {
  const patience = target.patience ?? DEFAULT_PATIENCE;
  return async (source) => {
    const [iamSdk, stsSdk] = await Promise.all([
      import('@aws-sdk/client-iam'),
      import('@aws-sdk/client-sts'),
      files?.prepare('profile' in source ? source.profile : undefined),
    ]);
    const config = sdkConfig(target, patience, source);
    const iam = new iamSdk.IAMClient(config);
    const sts = new stsSdk.STSClient(config);
    const clockOffsetMs = serverClock([iam, sts], now);
    const explain = explainer(source, files);
    const { send, calls } = counted({ patience, attempts: ATTEMPTS, explain, notices, ...(signal ? { signal } : {}) });
    const abortable = signal ? { abortSignal: signal } : {};
    const onIam = { sdk: iamSdk, client: iam, send, abortable };
    return {
      get calls() {
        return calls();
      },
      ...stsCalls({ sdk: stsSdk, client: sts, send, abortable }, clockOffsetMs, explain),
      ...mfaDeviceCalls(onIam),
      ...userAdminCalls(onIam),
      ...groupPolicyCalls(onIam),
      ...accountCalls(onIam),
    };
  };
}
