import type { IAMClient } from '@aws-sdk/client-iam';
import type { STSClient } from '@aws-sdk/client-sts';
import { narrowFilesForSdk } from '../credentials/sdk-view.js';
import { accountCalls, type AccountAlias } from './account.js';
import { counted, explainer } from './call.js';
import { groupPolicyCalls, type GroupPolicy } from './group-policy.js';
import { mfaDeviceCalls, type MfaDevices } from './mfa-devices.js';
import { stsCalls, type Sts } from './sts.js';
import { userAdminCalls, type UserAdmin } from './user-admin.js';

// Each capability's interface lives beside its calls (sts.ts, mfa-devices.ts…); code imports them all from here.
export type { AccountAlias } from './account.js';
export type { GroupPolicy } from './group-policy.js';
export type { MfaDevice, MfaDevices } from './mfa-devices.js';
export type { CallerIdentity, SessionCredentials, Sts } from './sts.js';
export type { UserAdmin } from './user-admin.js';

/** Where AWS is: a region (always set: the SDK refuses to work without one) and an optional endpoint. */
export interface AwsTarget {
  region: string;
  /** `--endpoint-url`; AWS_ENDPOINT_URL(_IAM|_STS) are honoured by the SDK itself. */
  endpoint?: string;
  /** How long to wait for AWS (tests shorten it); the README documents the defaults. */
  patience?: Patience;
}

/** How long a call waits for AWS before saying it is slow, and each try before giving up. */
export interface Patience {
  /** A call still unanswered after this long is said to be slow (once). */
  slowMs: number;
  /** Each try (connection included) gets this long; the SDK tries a call up to ATTEMPTS times. */
  attemptMs: number;
}

/** The SDK's default number of tries of a call (a timeout, a 5xx or throttling is tried again). */
const ATTEMPTS = 3;

/** Documented in the README: "AWS is slow" after 5 s; a call gives up after 3 tries of 10 s. */
export const DEFAULT_PATIENCE: Patience = { slowMs: 5_000, attemptMs: 10_000 };

/** The longest a call waits for AWS, in seconds (said with the slow notice). */
export function giveUpSeconds(patience: Patience = DEFAULT_PATIENCE): number {
  return Math.round((patience.attemptMs * ATTEMPTS) / 1000);
}

export interface KeyCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/** Explicit keys, or a named profile read by the SDK's own chain. */
export type CredentialSource = { keys: KeyCredentials } | { profile: string };

/** How many API calls a client made (for the benchmark). */
export interface CallCount {
  readonly calls: number;
}

/**
 * Every IAM and STS call the program makes, typed, with errors turned into AwsError: the
 * capabilities together. Code takes only the capabilities (or `Pick<Aws, …>`) it uses, so a
 * test's fake implements only those.
 */
export type Aws = Sts & MfaDevices & UserAdmin & GroupPolicy & AccountAlias & CallCount;

/**
 * AWS's clock minus ours, from an HTTP Date header (1 s resolution: the header drops the
 * fraction, so half a second is added back). Undefined when the header does not parse.
 */
export function serverClockOffset(dateHeader: string, localNow: number): number | undefined {
  const server = Date.parse(dateHeader);
  return Number.isNaN(server) ? undefined : server + 500 - localNow;
}

/** Builds the clients; the SDK is loaded here, on first use, never at start-up. */
export type AwsFactory = (credentials: CredentialSource) => Promise<Aws>;

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

/**
 * The real factory, over HTTP with the AWS SDK v3: the clients and the one `send` every call
 * goes through, composed from each capability's calls.
 */
export function sdkAwsFactory(
  target: AwsTarget,
  signal?: AbortSignal,
  now: () => number = Date.now,
  /** Told once per call still unanswered after `patience.slowMs`. */
  onSlow: (action: string) => void = () => {},
): AwsFactory {
  const patience = target.patience ?? DEFAULT_PATIENCE;
  return async (source) => {
    const [iamSdk, stsSdk] = await Promise.all([
      import('@aws-sdk/client-iam'),
      import('@aws-sdk/client-sts'),
      narrowFilesForSdk('profile' in source ? source.profile : undefined),
    ]);
    const config = sdkConfig(target, patience, source);
    const iam = new iamSdk.IAMClient(config);
    const sts = new stsSdk.STSClient(config);
    const clockOffsetMs = serverClock([iam, sts], now);
    const explain = explainer(source);
    const { send, calls } = counted({ patience, attempts: ATTEMPTS, explain, onSlow });
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
