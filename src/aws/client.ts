import type { KeyCredentials } from '../keys.js';
import type { AccountAlias } from './account.js';
import type { Patience } from './call.js';
import type { GroupPolicy } from './group-policy.js';
import type { MfaDevices } from './mfa-devices.js';
import type { Sts } from './sts.js';
import type { UserAdmin } from './user-admin.js';

// The types code uses to talk to AWS, all from here; sdk.ts builds the real clients. Each
// capability's interface lives beside its calls (sts.ts, mfa-devices.ts…).
export type { KeyCredentials, SessionCredentials } from '../keys.js';
export type { AccountAlias } from './account.js';
export type { Patience } from './call.js';
export type { GroupPolicy } from './group-policy.js';
export type { MfaDevice, MfaDevices } from './mfa-devices.js';
export type { CallerIdentity, Sts } from './sts.js';
export type { UserAdmin } from './user-admin.js';

/** Where AWS is: a region (always set: the SDK refuses to work without one) and an optional endpoint. */
export interface AwsTarget {
  region: string;
  /** `--endpoint-url`; AWS_ENDPOINT_URL(_IAM|_STS) are honoured by the SDK itself. */
  endpoint?: string;
  /** How long to wait for AWS (tests shorten it); the README documents the defaults. */
  patience?: Patience;
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

/** Builds the clients (sdk.ts: the SDK is loaded on first use, never at start-up). */
export type AwsFactory = (credentials: CredentialSource) => Promise<Aws>;

