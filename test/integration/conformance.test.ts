import {
  AddUserToGroupCommand, CreateAccessKeyCommand, CreateAccountAliasCommand, CreateGroupCommand, CreateUserCommand,
  CreateVirtualMFADeviceCommand, DeactivateMFADeviceCommand, DeleteAccessKeyCommand, DeleteVirtualMFADeviceCommand,
  EnableMFADeviceCommand, GetAccessKeyLastUsedCommand, GetGroupCommand, GetGroupPolicyCommand, GetUserCommand, IAMClient, ListAccessKeysCommand,
  ListAccountAliasesCommand, ListGroupPoliciesCommand, ListGroupsForUserCommand, ListMFADevicesCommand, ListUsersCommand,
  ListVirtualMFADevicesCommand, PutGroupPolicyCommand,
} from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand, GetSessionTokenCommand, STSClient } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KeyCredentials } from '../../src/aws/client.js';
import { startEmbeddedEmulator, type EmbeddedEmulator } from '../../src/emulator/embedded/server.js';
import { mfaPolicy } from '../../src/policy/document.js';
import { codeAt, counterAt } from '../../src/totp/totp.js';
import { ADMIN, startMoto, type Moto } from '../helpers/moto.js';

/** One emulator as the script sees it: an endpoint and an administrator's key. */
interface Target {
  url: string;
  admin: KeyCredentials;
}

/** What the script remembers between calls on one target. */
interface Run {
  target: Target;
  alice?: KeyCredentials;
  serial?: string;
  seed?: string;
  session?: KeyCredentials;
  /** A second key of alice's, made to be deleted. */
  secondKey?: string;
  /** The window the script's codes are counted from (fixed at the start, away from a boundary). */
  k: number;
}

const iam = (run: Run, keys = run.target.admin) => new IAMClient({ endpoint: run.target.url, region: 'us-east-1', credentials: keys, maxAttempts: 1 });
const sts = (run: Run, keys: KeyCredentials) => new STSClient({ endpoint: run.target.url, region: 'us-east-1', credentials: keys, maxAttempts: 1 });
const code = (run: Run, window: number) => codeAt(run.seed!, window);

/** The administrator's setup: our MFA policy on the hires' group, and a grant of ListUsers there too. */
const MFA_POLICY = JSON.stringify(mfaPolicy({ allowIps: [], scope: 'user' }));
const LIST_USERS = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'iam:ListUsers', Resource: '*' }] });

/**
 * What came back, reduced to what must agree: the shape of a result (member names and value
 * types, ids by their AWS prefix) or an error's code and HTTP status.
 */
type Outcome = { ok: unknown } | { error: string; status: number | undefined };

function shapeOf(value: unknown): unknown {
  if (value instanceof Date) return 'timestamp';
  if (value instanceof Uint8Array) return 'blob';
  if (Array.isArray(value)) return value.length ? [shapeOf(value[0])] : [];
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([name, v]) => name !== '$metadata' && v !== undefined)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([name, v]) => [name, shapeOf(v)]),
    );
  }
  // Access key ids by kind (long-term or temporary); other ids differ in form between the two.
  if (typeof value === 'string') return /^(AKIA|ASIA)/.exec(value)?.[0] ?? (value.startsWith('arn:') ? 'arn' : 'string');
  return typeof value;
}

async function outcome(call: () => Promise<unknown>): Promise<Outcome> {
  try {
    return { ok: shapeOf(await call()) };
  } catch (error) {
    // A check of the script's own failed: that is the test failing, not an answer to compare.
    if ((error as Error).name === 'AssertionError') throw error;
    const e = error as { name: string; $metadata?: { httpStatusCode?: number } };
    return { error: e.name.replace(/Exception$/, ''), status: e.$metadata?.httpStatusCode };
  }
}

/** The same calls, in the same order, on each emulator: the wizard's calls and AWS's refusals. */
const SCRIPT: [string, (run: Run) => Promise<unknown>][] = [
  ['CreateUser', (run) => iam(run).send(new CreateUserCommand({ UserName: 'alice' }))],
  ['CreateUser: the same name again', (run) => iam(run).send(new CreateUserCommand({ UserName: 'alice' }))],
  ['CreateUser: with a path', (run) => iam(run).send(new CreateUserCommand({ UserName: 'bob', Path: '/eng/' }))],
  ['GetUser: nobody', (run) => iam(run).send(new GetUserCommand({ UserName: 'nobody' }))],
  ['GetUser: with a path', async (run) => {
    const out = await iam(run).send(new GetUserCommand({ UserName: 'bob' }));
    expect(out.User).toMatchObject({ Path: '/eng/', Arn: 'arn:aws:iam::123456789012:user/eng/bob' });
    return out;
  }],
  ['ListUsers: PathPrefix', (run) => iam(run).send(new ListUsersCommand({ PathPrefix: '/eng/' }))],
  ['CreateGroup', (run) => iam(run).send(new CreateGroupCommand({ GroupName: 'hires' }))],
  ['CreateGroup: the same name again', (run) => iam(run).send(new CreateGroupCommand({ GroupName: 'hires' }))],
  ['GetGroup: nobody', (run) => iam(run).send(new GetGroupCommand({ GroupName: 'nobody' }))],
  ['AddUserToGroup', (run) => iam(run).send(new AddUserToGroupCommand({ GroupName: 'hires', UserName: 'alice' }))],
  ['AddUserToGroup: no such user', (run) => iam(run).send(new AddUserToGroupCommand({ GroupName: 'hires', UserName: 'nobody' }))],
  ['GetGroup', (run) => iam(run).send(new GetGroupCommand({ GroupName: 'hires' }))],
  ['ListGroupsForUser', (run) => iam(run).send(new ListGroupsForUserCommand({ UserName: 'alice' }))],
  ['PutGroupPolicy: the MFA policy', (run) => iam(run).send(new PutGroupPolicyCommand({ GroupName: 'hires', PolicyName: 'mfa-onboard-require-mfa', PolicyDocument: MFA_POLICY }))],
  ['PutGroupPolicy: ListUsers', (run) => iam(run).send(new PutGroupPolicyCommand({ GroupName: 'hires', PolicyName: 'list-users', PolicyDocument: LIST_USERS }))],
  ['PutGroupPolicy: not JSON', (run) => iam(run).send(new PutGroupPolicyCommand({ GroupName: 'hires', PolicyName: 'broken', PolicyDocument: '{"Version":' }))],
  ['GetGroupPolicy', async (run) => {
    const out = await iam(run).send(new GetGroupPolicyCommand({ GroupName: 'hires', PolicyName: 'list-users' }));
    // AWS sends the document URL-encoded (what `mfa-onboard policy` decodes).
    expect(JSON.parse(decodeURIComponent(out.PolicyDocument!))).toEqual(JSON.parse(LIST_USERS));
    return out;
  }],
  ['GetGroupPolicy: none of that name', (run) => iam(run).send(new GetGroupPolicyCommand({ GroupName: 'hires', PolicyName: 'nothing' }))],
  ['ListGroupPolicies', async (run) => {
    const out = await iam(run).send(new ListGroupPoliciesCommand({ GroupName: 'hires' }));
    expect(out.PolicyNames?.sort()).toEqual(['list-users', 'mfa-onboard-require-mfa']);
    return out;
  }],
  ['CreateAccessKey', async (run) => {
    const out = await iam(run).send(new CreateAccessKeyCommand({ UserName: 'alice' }));
    run.alice = { accessKeyId: out.AccessKey!.AccessKeyId!, secretAccessKey: out.AccessKey!.SecretAccessKey! };
    return out;
  }],
  ['ListAccessKeys', (run) => iam(run).send(new ListAccessKeysCommand({ UserName: 'alice' }))],
  ['GetAccessKeyLastUsed: a key never used', async (run) => {
    const out = await iam(run).send(new GetAccessKeyLastUsedCommand({ AccessKeyId: run.alice!.accessKeyId }));
    expect(out).toMatchObject({ UserName: 'alice', AccessKeyLastUsed: { ServiceName: 'N/A', Region: 'N/A' } });
    expect(out.AccessKeyLastUsed?.LastUsedDate).toBeUndefined();
    return out;
  }],
  ['CreateAccessKey: a second', async (run) => {
    const out = await iam(run).send(new CreateAccessKeyCommand({ UserName: 'alice' }));
    run.secondKey = out.AccessKey!.AccessKeyId!;
    return out;
  }],
  ['CreateAccessKey: a third (two is the limit)', (run) => iam(run).send(new CreateAccessKeyCommand({ UserName: 'alice' }))],
  ['DeleteAccessKey', (run) => iam(run).send(new DeleteAccessKeyCommand({ UserName: 'alice', AccessKeyId: run.secondKey }))],
  ['DeleteAccessKey: gone', (run) => iam(run).send(new DeleteAccessKeyCommand({ UserName: 'alice', AccessKeyId: run.secondKey }))],
  ['GetAccessKeyLastUsed: a deleted key', (run) => iam(run).send(new GetAccessKeyLastUsedCommand({ AccessKeyId: run.secondKey }))],
  ['GetCallerIdentity: alice\'s key', async (run) => {
    const out = await sts(run, run.alice!).send(new GetCallerIdentityCommand({}));
    expect(out.Arn).toBe('arn:aws:iam::123456789012:user/alice');
    return out;
  }],
  ['GetAccessKeyLastUsed: after alice\'s GetCallerIdentity', async (run) => {
    const out = await iam(run).send(new GetAccessKeyLastUsedCommand({ AccessKeyId: run.alice!.accessKeyId }));
    expect(out).toMatchObject({ UserName: 'alice', AccessKeyLastUsed: { ServiceName: 'sts', Region: 'us-east-1', LastUsedDate: expect.any(Date) } });
    return out;
  }],
  ['ListMFADevices: none yet', (run) => iam(run, run.alice).send(new ListMFADevicesCommand({ UserName: 'alice' }))],
  ['CreateVirtualMFADevice', async (run) => {
    const out = await iam(run, run.alice).send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: 'alice' }));
    run.serial = out.VirtualMFADevice!.SerialNumber!;
    run.seed = Buffer.from(out.VirtualMFADevice!.Base32StringSeed!).toString('ascii');
    expect(run.serial).toBe('arn:aws:iam::123456789012:mfa/alice');
    expect(run.seed).toMatch(/^[A-Z2-7]{64}$/);
    return out;
  }],
  ['CreateVirtualMFADevice: the same name again', (run) => iam(run, run.alice).send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: 'alice' }))],
  ['ListVirtualMFADevices: Unassigned', (run) => iam(run, run.alice).send(new ListVirtualMFADevicesCommand({ AssignmentStatus: 'Unassigned' }))],
  ['EnableMFADevice: codes out of step', (run) => iam(run, run.alice).send(new EnableMFADeviceCommand({ UserName: 'alice', SerialNumber: 'arn:aws:iam::123456789012:mfa/alice', AuthenticationCode1: code(run, run.k), AuthenticationCode2: code(run, run.k + 2) }))],
  ['EnableMFADevice', (run) => iam(run, run.alice).send(new EnableMFADeviceCommand({ UserName: 'alice', SerialNumber: run.serial, AuthenticationCode1: code(run, run.k - 1), AuthenticationCode2: code(run, run.k) }))],
  ['ListMFADevices', (run) => iam(run, run.alice).send(new ListMFADevicesCommand({ UserName: 'alice' }))],
  ['ListVirtualMFADevices: Assigned', (run) => iam(run, run.alice).send(new ListVirtualMFADevicesCommand({ AssignmentStatus: 'Assigned' }))],
  ['GetSessionToken: a code the device already accepted', (run) => sts(run, run.alice!).send(new GetSessionTokenCommand({ SerialNumber: run.serial, TokenCode: code(run, run.k), DurationSeconds: 3600 }))],
  ['GetSessionToken: another user\'s serial', (run) => sts(run, run.alice!).send(new GetSessionTokenCommand({ SerialNumber: 'arn:aws:iam::123456789012:mfa/bob', TokenCode: code(run, run.k + 1), DurationSeconds: 3600 }))],
  ['GetSessionToken', async (run) => {
    const out = await sts(run, run.alice!).send(new GetSessionTokenCommand({ SerialNumber: run.serial, TokenCode: code(run, run.k + 1), DurationSeconds: 3600 }));
    const c = out.Credentials!;
    run.session = { accessKeyId: c.AccessKeyId!, secretAccessKey: c.SecretAccessKey!, sessionToken: c.SessionToken! };
    return out;
  }],
  ['ListAccountAliases', (run) => iam(run, run.alice).send(new ListAccountAliasesCommand({}))],
  ['ListUsers: the hire\'s long-term keys', (run) => iam(run, run.alice).send(new ListUsersCommand({}))],
  ['ListUsers: the hire\'s MFA session', (run) => iam(run, run.session).send(new ListUsersCommand({}))],
  ['CreateVirtualMFADevice: a second name, with the MFA session', (run) => iam(run, run.session).send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: 'alice-2' }))],
  ['CreateAccountAlias', (run) => iam(run).send(new CreateAccountAliasCommand({ AccountAlias: 'example-corp' }))],
  ['ListAccountAliases: after CreateAccountAlias', async (run) => {
    const out = await iam(run).send(new ListAccountAliasesCommand({}));
    expect(out.AccountAliases).toEqual(['example-corp']);
    return out;
  }],
  ['DeleteVirtualMFADevice: still assigned', (run) => iam(run).send(new DeleteVirtualMFADeviceCommand({ SerialNumber: run.serial }))],
  ['DeactivateMFADevice', (run) => iam(run).send(new DeactivateMFADeviceCommand({ UserName: 'alice', SerialNumber: run.serial }))],
  ['DeleteVirtualMFADevice', (run) => iam(run).send(new DeleteVirtualMFADeviceCommand({ SerialNumber: run.serial }))],
  ['DeleteVirtualMFADevice: gone', (run) => iam(run).send(new DeleteVirtualMFADeviceCommand({ SerialNumber: run.serial }))],
  ['GetCallerIdentity: a wrong secret', (run) => sts(run, { ...run.alice!, secretAccessKey: 'x'.repeat(40) }).send(new GetCallerIdentityCommand({}))],
  ['GetCallerIdentity: an unknown key', (run) => sts(run, { accessKeyId: 'AKIAUNKNOWNKEY000000', secretAccessKey: 'x'.repeat(40) }).send(new GetCallerIdentityCommand({}))],
];

const accessDenied = { error: 'AccessDenied', status: 403 };
/** moto leaves out IsTruncated where AWS always sends it (false on a last page), as the embedded emulator does. */
const isTruncatedSent = {
  why: 'moto leaves out IsTruncated; AWS always sends it (false on a last page), as the embedded emulator does',
  moto: (o: Outcome) => expect(o).not.toHaveProperty('ok.IsTruncated'),
  embedded: (o: Outcome) => expect(o).toHaveProperty('ok.IsTruncated', 'boolean'),
};
/** moto evaluates no policy (authentication is off in this suite, and it would not read MFA conditions anyway). */
const motoEvaluatesNoPolicy = (embedded: Outcome) => ({
  why: 'moto evaluates no policy; the embedded emulator does, as IAM: the group\'s MFA policy and the mfa/${aws:username} scope refuse this',
  moto: (o: Outcome) => expect(o).toHaveProperty('ok'),
  embedded,
});
/** moto's answer to a GetSessionToken that AWS refuses: a session all the same. */
const motoGivesSession = (o: Outcome) => expect(o).toMatchObject({ ok: { Credentials: { AccessKeyId: expect.any(String) } } });

/**
 * Where the two differ on purpose: moto is lax where AWS is strict, and the embedded
 * emulator follows AWS. Each entry says what each one answers; anything else must agree.
 */
const INTENDED_DIFFERENCES: Record<string, { why: string; moto: Outcome | ((o: Outcome) => void); embedded: Outcome | ((o: Outcome) => void) }> = {
  'ListAccessKeys': isTruncatedSent,
  'GetGroup': isTruncatedSent,
  'ListGroupPolicies': isTruncatedSent,
  'ListAccountAliases: after CreateAccountAlias': isTruncatedSent,
  'ListUsers: the hire\'s long-term keys': motoEvaluatesNoPolicy(accessDenied),
  'CreateVirtualMFADevice: a second name, with the MFA session': motoEvaluatesNoPolicy(accessDenied),
  'ListAccountAliases': {
    why: 'moto leaves out IsTruncated; AWS always sends it (false on a last page), as the embedded emulator does',
    moto: { ok: { AccountAliases: [] } },
    embedded: { ok: { AccountAliases: [], IsTruncated: 'boolean' } },
  },
  'CreateVirtualMFADevice': {
    why: 'the embedded emulator sends no QRCodePNG (the wizard draws its own QR from the seed); moto sends random bytes',
    moto: (o) => expect(o).toMatchObject({ ok: { VirtualMFADevice: { QRCodePNG: 'blob', Base32StringSeed: 'blob' } } }),
    embedded: (o) => expect(o).toEqual({ ok: { VirtualMFADevice: { Base32StringSeed: 'blob', SerialNumber: 'arn' } } }),
  },
  'ListVirtualMFADevices: Unassigned': {
    why: 'moto lists each device\'s seed and QR code; AWS (and the embedded emulator) show them only at creation',
    moto: (o) => expect(o).toMatchObject({ ok: { VirtualMFADevices: [{ Base32StringSeed: 'blob', SerialNumber: 'arn' }] } }),
    embedded: { ok: { IsTruncated: 'boolean', VirtualMFADevices: [{ SerialNumber: 'arn' }] } },
  },
  'ListVirtualMFADevices: Assigned': {
    why: 'moto lists each device\'s seed and QR code; AWS (and the embedded emulator) show them only at creation',
    moto: (o) => expect(o).toMatchObject({ ok: { VirtualMFADevices: [{ Base32StringSeed: 'blob', EnableDate: 'timestamp' }] } }),
    embedded: (o) => expect(o).toMatchObject({ ok: { VirtualMFADevices: [{ SerialNumber: 'arn', EnableDate: 'timestamp', User: { UserName: 'string' } }] } }),
  },
  'EnableMFADevice: codes out of step': {
    why: 'moto accepts any code: it enables a device with codes AWS refuses',
    moto: { ok: {} },
    embedded: { error: 'InvalidAuthenticationCode', status: 403 },
  },
  'EnableMFADevice': {
    why: 'on moto the device is already enabled by the out-of-step codes just before',
    moto: { error: 'EntityAlreadyExists', status: 409 },
    embedded: { ok: {} },
  },
  'GetSessionToken: a code the device already accepted': {
    why: 'moto accepts a reused code; AWS refuses it until the next window',
    moto: motoGivesSession,
    embedded: accessDenied,
  },
  'GetSessionToken: another user\'s serial': {
    why: 'moto does not check that the serial is the caller\'s device',
    moto: motoGivesSession,
    embedded: accessDenied,
  },
  'GetSessionToken': {
    why: 'moto returns fixed example credentials (not an ASIA key); the embedded emulator mints ASIA keys per call, as AWS',
    moto: (o) => expect(o).toMatchObject({ ok: { Credentials: { AccessKeyId: 'AKIA', Expiration: 'timestamp' } } }),
    embedded: { ok: { Credentials: { AccessKeyId: 'ASIA', Expiration: 'timestamp', SecretAccessKey: 'string', SessionToken: 'string' } } },
  },
  'DeleteVirtualMFADevice: still assigned': {
    why: 'moto deletes a device still assigned to a user; AWS refuses (DeleteConflict)',
    moto: { ok: {} },
    embedded: { error: 'DeleteConflict', status: 409 },
  },
  'DeleteVirtualMFADevice': {
    why: 'on moto the device was deleted just before',
    moto: { error: 'NoSuchEntity', status: 404 },
    embedded: { ok: {} },
  },
  'GetAccessKeyLastUsed: a deleted key': {
    why: 'moto says the key does not exist; AWS does not say so of a key it does not hold (its reference lists no NoSuchEntity here): AccessDenied',
    moto: { error: 'NoSuchEntity', status: 404 },
    embedded: accessDenied,
  },
  'GetCallerIdentity: a wrong secret': {
    why: 'the suite runs moto without authentication, so it accepts any signature',
    moto: { ok: { Account: 'string', Arn: 'arn', UserId: 'string' } },
    embedded: { error: 'SignatureDoesNotMatch', status: 403 },
  },
  'GetCallerIdentity: an unknown key': {
    why: 'the suite runs moto without authentication, so it accepts any key',
    moto: (o) => expect(o).toHaveProperty('ok'),
    embedded: { error: 'InvalidClientTokenId', status: 403 },
  },
};

describe('conformance: the embedded emulator answers as moto does, except where named', () => {
  let moto: Moto;
  let embedded: EmbeddedEmulator;
  const results = new Map<string, { moto: Outcome; embedded: Outcome }>();
  const sessionArns: Record<string, unknown> = {};

  beforeAll(async () => {
    [moto, embedded] = await Promise.all([startMoto(), startEmbeddedEmulator()]);
    // The codes are counted from one window, away from its end, so both runs use the same ones.
    const left = 30_000 - (Date.now() % 30_000);
    if (left < 8_000) await new Promise((resolve) => setTimeout(resolve, left + 200));
    const k = counterAt(Date.now());
    const runs: Record<'moto' | 'embedded', Run> = {
      moto: { target: { url: moto.url, admin: ADMIN }, k },
      embedded: { target: embedded, k },
    };
    for (const [name, step] of SCRIPT) {
      const pair = { moto: await outcome(() => step(runs.moto)), embedded: await outcome(() => step(runs.embedded)) };
      results.set(name, pair);
    }
    for (const side of ['moto', 'embedded'] as const) {
      sessionArns[side] = runs[side].session && (await sts(runs[side], runs[side].session!).send(new GetCallerIdentityCommand({})).catch(() => undefined))?.Arn;
    }
  }, 60_000);
  afterAll(async () => {
    await Promise.all([moto?.stop(), embedded?.stop()]);
  });

  it.each(SCRIPT.map(([name]) => name))('%s', (name) => {
    const { moto: onMoto, embedded: onEmbedded } = results.get(name)!;
    const difference = INTENDED_DIFFERENCES[name];
    if (!difference) {
      expect(onEmbedded).toEqual(onMoto);
      return;
    }
    for (const [side, got] of [['moto', onMoto], ['embedded', onEmbedded]] as const) {
      const expected = difference[side];
      if (typeof expected === 'function') expected(got);
      else expect(got, `${side}: ${difference.why}`).toEqual(expected);
    }
    expect(onEmbedded, `a named difference that is not one: ${difference.why}`).not.toEqual(onMoto);
  });

  it('the session names its user on the embedded emulator, moto\'s fixed user on moto', () => {
    expect(sessionArns.embedded).toBe('arn:aws:iam::123456789012:user/alice');
    expect(sessionArns.moto).toMatch(/:user\/moto$/);
  });
});
