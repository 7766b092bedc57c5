import { randomBytes } from 'node:crypto';
import { AwsFault } from './protocol.js';

/** The account every emulated entity lives in (moto's too, so the two compare). */
export const ACCOUNT_ID = '123456789012';

export interface User {
  name: string;
  path: string;
  id: string;
  arn: string;
  created: Date;
  /** Inline policies by name: the documents as given (decoded JSON text). */
  policies: Map<string, string>;
}

/** An IAM group: its members (user names) and inline policies. */
export interface Group {
  name: string;
  path: string;
  id: string;
  arn: string;
  created: Date;
  members: Set<string>;
  policies: Map<string, string>;
}

/** Where and when a long-term key last signed a request that IAM or STS carried out. */
export interface KeyUse {
  date: Date;
  /** The service's namespace (`iam`, `sts`). */
  service: string;
  /** The region of the request's signature scope (IAM's global endpoint signs for us-east-1). */
  region: string;
}

export interface AccessKey {
  id: string;
  secret: string;
  userName: string;
  created: Date;
  /** Never used yet: GetAccessKeyLastUsed then answers N/A for the service and region, and no date. */
  lastUsed?: KeyUse;
}

/**
 * A key used again within this span keeps its first use: AWS's credential report says "when
 * an access key is used more than once in a 15-minute span, only the first use is recorded".
 */
export const KEY_USE_SPAN_MS = 15 * 60_000;

/** Records a use of a long-term key, as IAM tracks it (the first use in each 15-minute span). */
export function recordKeyUse(key: AccessKey, use: KeyUse): void {
  if (key.lastUsed && use.date.getTime() - key.lastUsed.date.getTime() < KEY_USE_SPAN_MS) return;
  key.lastUsed = use;
}

export interface Role {
  name: string;
  path: string;
  id: string;
  arn: string;
  created: Date;
  maxSessionSeconds: number;
}

export interface VirtualDevice {
  serial: string;
  /** The base32 secret (64 characters, as AWS's). */
  seed: string;
  created: Date;
  userName?: string;
  enabled?: Date;
  /** The last TOTP window a code was accepted for: it and older ones are refused. */
  lastCounter?: number;
  /** How many windows the phone runs off, as ResyncMFADevice measured it. */
  driftWindows: number;
  /** Until then (emulator clock, ms) STS does not know the device yet: IAM is eventually consistent. */
  usableFrom: number;
}

/** Temporary credentials from GetSessionToken or AssumeRole. */
export interface Session {
  key: AccessKey;
  token: string;
  expires: number;
  /** The user the session speaks for (GetSessionToken). */
  userName?: string;
  /** Made with an MFA code: the session's calls carry aws:MultiFactorAuthPresent = true. */
  mfa: boolean;
  /** The role assumed (AssumeRole), with the session's name. */
  role?: { arn: string; id: string; name: string; sessionName: string };
}

/** Who signed a request. */
export type Caller = { kind: 'user'; user: User; key: AccessKey } | { kind: 'session'; session: Session };

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const SECRET_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** `length` random characters of `alphabet` (both alphabets have a power-of-two size: no bias). */
export function randomText(alphabet: string, length: number): string {
  return [...randomBytes(length)].map((byte) => alphabet[byte % alphabet.length]).join('');
}

/** Identifiers shaped as AWS's: a 4-letter kind prefix and upper-case base32. */
export const newId = (prefix: 'AKIA' | 'ASIA' | 'AIDA' | 'AROA' | 'AGPA', length = prefix.endsWith('IA') ? 16 : 17) =>
  prefix + randomText(BASE32, length);

export function newKey(userName: string, prefix: 'AKIA' | 'ASIA', now: number): AccessKey {
  return { id: newId(prefix), secret: randomText(SECRET_ALPHABET, 40), userName, created: new Date(now) };
}

export const newSeed = () => randomText(BASE32, 64);

/** IAM's name rule for users, roles and devices. */
export const NAME_PATTERN = /^[\w+=,.@-]+$/;

/** Everything the emulator knows, in memory only. */
export class EmulatorState {
  readonly users = new Map<string, User>();
  readonly keys = new Map<string, AccessKey>();
  readonly roles = new Map<string, Role>();
  readonly groups = new Map<string, Group>();
  readonly devices = new Map<string, VirtualDevice>();
  readonly sessions = new Map<string, Session>();
  readonly aliases: string[] = [];

  constructor(readonly partition = 'aws') {}

  arn(service: 'iam' | 'sts', resource: string): string {
    return `arn:${this.partition}:${service}::${ACCOUNT_ID}:${resource}`;
  }

  user(name: string): User {
    const user = this.users.get(name);
    if (!user) throw new AwsFault('NoSuchEntity', `The user with name ${name} cannot be found.`, 404);
    return user;
  }

  addUser(name: string, path: string, now: number): User {
    if (this.users.has(name)) throw new AwsFault('EntityAlreadyExists', `User with name ${name} already exists.`, 409);
    const user = { name, path, id: newId('AIDA'), arn: this.arn('iam', `user${path}${name}`), created: new Date(now), policies: new Map<string, string>() };
    this.users.set(name, user);
    return user;
  }

  group(name: string): Group {
    const group = this.groups.get(name);
    if (!group) throw new AwsFault('NoSuchEntity', `The group with name ${name} cannot be found.`, 404);
    return group;
  }

  /** The groups a user is in, oldest first. */
  groupsOf(userName: string): Group[] {
    return [...this.groups.values()].filter((g) => g.members.has(userName));
  }

  addKey(userName: string, now: number): AccessKey {
    const key = newKey(userName, 'AKIA', now);
    this.keys.set(key.id, key);
    return key;
  }

  device(serial: string): VirtualDevice {
    const device = this.devices.get(serial);
    if (!device) throw new AwsFault('NoSuchEntity', `VirtualMFADevice with serial number ${serial} doesn't exist.`, 404);
    return device;
  }

  /** The devices assigned to a user, oldest first. */
  devicesOf(userName: string): VirtualDevice[] {
    return [...this.devices.values()].filter((d) => d.userName === userName);
  }

  /** The signer of a request, by access key id; undefined when the key is unknown. */
  caller(accessKeyId: string): Caller | undefined {
    const key = this.keys.get(accessKeyId);
    if (key) return { kind: 'user', user: this.user(key.userName), key };
    const session = this.sessions.get(accessKeyId);
    return session ? { kind: 'session', session } : undefined;
  }
}
