import {
  AddUserToGroupCommand, CreateAccessKeyCommand, CreateAccountAliasCommand, CreateGroupCommand, CreateRoleCommand,
  CreateUserCommand, CreateVirtualMFADeviceCommand, DeleteUserCommand, DeleteUserPolicyCommand, DeleteVirtualMFADeviceCommand,
  EnableMFADeviceCommand, GetUserPolicyCommand, IAMClient, ListMFADevicesCommand, ListUserPoliciesCommand, ListUsersCommand,
  PutGroupPolicyCommand, PutUserPolicyCommand, RemoveUserFromGroupCommand, ResyncMFADeviceCommand,
} from '@aws-sdk/client-iam';
import { AssumeRoleCommand, GetCallerIdentityCommand, GetSessionTokenCommand, STSClient } from '@aws-sdk/client-sts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startEmbeddedEmulator, type EmbeddedEmulator, type EmbeddedOptions } from '../../src/emulator/embedded/server.js';
import { mfaPolicy } from '../../src/policy/document.js';
import { codeAt, counterAt } from '../../src/totp/totp.js';

type Keys = { accessKeyId: string; secretAccessKey: string; sessionToken?: string };

describe('the embedded emulator follows AWS', () => {
  let emulator: EmbeddedEmulator;
  /** The emulator's clock: 10 s into a window, moved by the tests. */
  let now: number;
  const k = () => counterAt(now);

  async function start(options: Omit<EmbeddedOptions, 'now'> = {}) {
    emulator = await startEmbeddedEmulator({ ...options, now: () => now });
  }
  beforeEach(async () => {
    now = Math.floor(Date.now() / 30_000) * 30_000 + 10_000;
    await start();
  });
  afterEach(async () => {
    await emulator.stop();
  });

  const iam = (keys: Keys = emulator.admin) => new IAMClient({ endpoint: emulator.url, region: 'us-east-1', credentials: keys, maxAttempts: 1 });
  const sts = (keys: Keys, maxAttempts = 1) => new STSClient({ endpoint: emulator.url, region: 'us-east-1', credentials: keys, maxAttempts });

  /** A user with a key and a created (not yet enabled) device named after them. */
  async function userWithDevice(name: string) {
    await iam().send(new CreateUserCommand({ UserName: name }));
    const key = (await iam().send(new CreateAccessKeyCommand({ UserName: name }))).AccessKey!;
    const device = (await iam().send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: name }))).VirtualMFADevice!;
    const seed = Buffer.from(device.Base32StringSeed!).toString('ascii');
    return { keys: { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! }, serial: device.SerialNumber!, seed };
  }
  const enable = (name: string, serial: string, code1: string, code2: string) =>
    iam().send(new EnableMFADeviceCommand({ UserName: name, SerialNumber: serial, AuthenticationCode1: code1, AuthenticationCode2: code2 }));

  async function rejection(promise: Promise<unknown>) {
    const error = (await promise.then(() => undefined, (e: unknown) => e)) as { name: string; message: string; $metadata: { httpStatusCode: number } } | undefined;
    if (!error) throw new Error('expected AWS to refuse the call');
    return { code: error.name.replace(/Exception$/, ''), message: error.message, status: error.$metadata.httpStatusCode };
  }

  it('names the signer: a long-term key is its user', async () => {
    const { keys } = await userWithDevice('alice');
    const who = await sts(keys).send(new GetCallerIdentityCommand({}));
    expect(who).toMatchObject({ Account: '123456789012', Arn: 'arn:aws:iam::123456789012:user/alice' });
    expect(who.UserId).toMatch(/^AIDA[A-Z2-7]{17}$/);
    expect(keys.accessKeyId).toMatch(/^AKIA[A-Z2-7]{16}$/);
  });

  it('a wrong secret gets SignatureDoesNotMatch (403), an unknown key InvalidClientTokenId (403)', async () => {
    const { keys } = await userWithDevice('alice');
    expect(await rejection(sts({ ...keys, secretAccessKey: 'x'.repeat(40) }).send(new GetCallerIdentityCommand({})))).toMatchObject({
      code: 'SignatureDoesNotMatch',
      status: 403,
      message: expect.stringMatching(/^The request signature we calculated does not match/),
    });
    expect(await rejection(sts({ ...keys, accessKeyId: 'AKIAUNKNOWN000000000' }).send(new GetCallerIdentityCommand({})))).toEqual({
      code: 'InvalidClientTokenId',
      status: 403,
      message: 'The security token included in the request is invalid.',
    });
  });

  it('answers an unsigned request with the <ErrorResponse> XML AWS sends', async () => {
    const response = await fetch(emulator.url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'Action=GetCallerIdentity&Version=2011-06-15',
    });
    expect(response.status).toBe(403);
    expect(response.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);
    expect(await response.text()).toMatch(
      /^<ErrorResponse xmlns="https:\/\/sts\.amazonaws\.com\/doc\/2011-06-15\/"><Error><Type>Sender<\/Type><Code>MissingAuthenticationToken<\/Code><Message>Request is missing Authentication Token<\/Message><\/Error><RequestId>[0-9a-f-]{36}<\/RequestId><\/ErrorResponse>$/,
    );
  });

  it('EnableMFADevice: the second code near the clock, the first the one before; codes out of step are InvalidAuthenticationCode (403)', async () => {
    const { serial, seed } = await userWithDevice('alice');
    const refused = { code: 'InvalidAuthenticationCode', status: 403, message: 'Authentication code for device is not valid.' };
    for (const [first, second] of [[k(), k() + 2], [k(), k() - 1], [k() + 1, k() + 2], [k() - 3, k() - 2], [k(), k()]] as const) {
      expect(await rejection(enable('alice', serial, codeAt(seed, first), codeAt(seed, second)))).toEqual(refused);
    }
    expect(await rejection(enable('alice', serial, '12345', codeAt(seed, k())))).toMatchObject({ code: 'ValidationError', status: 400 });
    await enable('alice', serial, codeAt(seed, k() - 1), codeAt(seed, k()));
    const devices = (await iam().send(new ListMFADevicesCommand({ UserName: 'alice' }))).MFADevices!;
    expect(devices.map((d) => d.SerialNumber)).toEqual([serial]);
    expect(await rejection(enable('alice', serial, codeAt(seed, k()), codeAt(seed, k() + 1)))).toMatchObject({ code: 'EntityAlreadyExists', status: 409 });
  });

  it('GetSessionToken: a code the device already accepted is refused, a fresh one gives a new session named for the user', async () => {
    const { keys, serial, seed } = await userWithDevice('alice');
    await enable('alice', serial, codeAt(seed, k() - 1), codeAt(seed, k()));
    const token = (code: string) => sts(keys).send(new GetSessionTokenCommand({ SerialNumber: serial, TokenCode: code, DurationSeconds: 3600 }));
    const reused = { code: 'AccessDenied', status: 403, message: 'MultiFactorAuthentication failed with invalid MFA one time pass code.' };
    expect(await rejection(token(codeAt(seed, k())))).toEqual(reused); // the enabling's second code
    expect(await rejection(token(codeAt(seed, k() - 1)))).toEqual(reused); // older still
    expect(await rejection(token(codeAt(seed, k() + 2)))).toEqual(reused); // too far ahead
    const first = (await token(codeAt(seed, k() + 1))).Credentials!;
    expect(await rejection(token(codeAt(seed, k() + 1)))).toEqual(reused); // the same code twice
    now += 60_000;
    const second = (await token(codeAt(seed, k()))).Credentials!;
    expect(first.AccessKeyId).toMatch(/^ASIA[A-Z2-7]{16}$/);
    expect(second.AccessKeyId).not.toBe(first.AccessKeyId);
    expect(first.Expiration!.getTime()).toBe(Math.floor((now - 60_000 + 3600_000) / 1000) * 1000);
    const session = { accessKeyId: first.AccessKeyId!, secretAccessKey: first.SecretAccessKey!, sessionToken: first.SessionToken! };
    expect((await sts(session).send(new GetCallerIdentityCommand({}))).Arn).toBe('arn:aws:iam::123456789012:user/alice');
    expect(await rejection(sts(session).send(new GetSessionTokenCommand({})))).toEqual({
      code: 'AccessDenied',
      status: 403,
      message: 'Cannot call GetSessionToken with session credentials',
    });
    expect(await rejection(sts({ ...session, sessionToken: 'forged' }).send(new GetCallerIdentityCommand({})))).toMatchObject({ code: 'InvalidClientTokenId' });
  });

  it('GetSessionToken: a serial that is not the caller\'s gets "unable to validate MFA code"', async () => {
    const alice = await userWithDevice('alice');
    const bob = await userWithDevice('bob');
    await enable('bob', bob.serial, codeAt(bob.seed, k() - 1), codeAt(bob.seed, k()));
    const foreign = {
      code: 'AccessDenied',
      status: 403,
      message: 'MultiFactorAuthentication failed, unable to validate MFA code. Please verify your MFA serial number is valid and associated with this user.',
    };
    const bobsCode = codeAt(bob.seed, k() + 1);
    expect(await rejection(sts(alice.keys).send(new GetSessionTokenCommand({ SerialNumber: bob.serial, TokenCode: bobsCode })))).toEqual(foreign);
    // alice's own device, created but never enabled, is not one STS validates either.
    const aliceCode = codeAt(alice.seed, k());
    expect(await rejection(sts(alice.keys).send(new GetSessionTokenCommand({ SerialNumber: alice.serial, TokenCode: aliceCode })))).toEqual(foreign);
  });

  it('rehearses IAM\'s eventual consistency: a just-enabled device is unknown to STS for the delay', async () => {
    await emulator.stop();
    await start({ consistencyDelayMs: 8_000 });
    const { keys, serial, seed } = await userWithDevice('alice');
    await enable('alice', serial, codeAt(seed, k() - 1), codeAt(seed, k()));
    const token = () => sts(keys).send(new GetSessionTokenCommand({ SerialNumber: serial, TokenCode: codeAt(seed, k() + 1) }));
    expect((await rejection(token())).message).toMatch(/unable to validate MFA code/);
    now += 8_000;
    expect((await token()).Credentials?.AccessKeyId).toMatch(/^ASIA/);
  });

  it('rehearses throttling: the first call of the action fails with every retry, the next one succeeds', async () => {
    await emulator.stop();
    await start({ faults: [{ action: 'GetCallerIdentity', kind: 'throttle' }, { action: 'ListMFADevices', kind: '5xx' }] });
    const client = sts(emulator.admin, 2);
    const throttled = (await client.send(new GetCallerIdentityCommand({})).catch((e: unknown) => e)) as { name: string; $metadata: { attempts: number; httpStatusCode: number } };
    expect(throttled).toMatchObject({ name: 'Throttling', $metadata: { attempts: 2, httpStatusCode: 400 } });
    expect((await client.send(new GetCallerIdentityCommand({}))).Arn).toBe('arn:aws:iam::123456789012:user/admin');
    expect(await rejection(iam().send(new ListMFADevicesCommand({})))).toMatchObject({ code: 'ServiceFailure', status: 500 });
  }, 20_000);

  it('AssumeRole with MFA: the code is checked as GetSessionToken\'s, the session is the assumed role', async () => {
    const { keys, serial, seed } = await userWithDevice('alice');
    await enable('alice', serial, codeAt(seed, k() - 1), codeAt(seed, k()));
    const role = (await iam().send(new CreateRoleCommand({ RoleName: 'ops', AssumeRolePolicyDocument: '{}' }))).Role!;
    const assume = (code: string, roleArn = role.Arn!) =>
      sts(keys).send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'alice', SerialNumber: serial, TokenCode: code }));
    // Without a policy that lets her assume it, alice may not (the emulator reads no trust policy).
    expect((await rejection(assume(codeAt(seed, k() + 1)))).message).toBe(
      `User: arn:aws:iam::123456789012:user/alice is not authorized to perform: sts:AssumeRole on resource: ${role.Arn} because no identity-based policy allows the sts:AssumeRole action`,
    );
    const mayAssume = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: role.Arn }] };
    await iam().send(new PutUserPolicyCommand({ UserName: 'alice', PolicyName: 'ops', PolicyDocument: JSON.stringify(mayAssume) }));
    expect((await rejection(assume(codeAt(seed, k())))).message).toBe('MultiFactorAuthentication failed with invalid MFA one time pass code.');
    expect(await rejection(assume(codeAt(seed, k() + 1), 'arn:aws:iam::123456789012:role/nobody'))).toMatchObject({ code: 'AccessDenied', status: 403 });
    const out = await assume(codeAt(seed, k() + 1));
    expect(out.AssumedRoleUser?.Arn).toBe('arn:aws:sts::123456789012:assumed-role/ops/alice');
    const c = out.Credentials!;
    const who = await sts({ accessKeyId: c.AccessKeyId!, secretAccessKey: c.SecretAccessKey!, sessionToken: c.SessionToken! }).send(new GetCallerIdentityCommand({}));
    expect(who).toMatchObject({ Arn: 'arn:aws:sts::123456789012:assumed-role/ops/alice', UserId: `${role.RoleId}:alice` });
  });

  it('ResyncMFADevice: codes from a phone 4 windows behind resynchronise the device, then its codes are accepted', async () => {
    const { keys, serial, seed } = await userWithDevice('alice');
    await enable('alice', serial, codeAt(seed, k() - 1), codeAt(seed, k()));
    now += 120_000;
    const behind = k() - 4;
    const token = (counter: number) => sts(keys).send(new GetSessionTokenCommand({ SerialNumber: serial, TokenCode: codeAt(seed, counter) }));
    expect((await rejection(token(behind))).code).toBe('AccessDenied');
    await iam().send(new ResyncMFADeviceCommand({ UserName: 'alice', SerialNumber: serial, AuthenticationCode1: codeAt(seed, behind), AuthenticationCode2: codeAt(seed, behind + 1) }));
    now += 30_000;
    expect((await token(behind + 2)).Credentials?.AccessKeyId).toMatch(/^ASIA/);
  });

  it('an assigned device cannot be deleted (DeleteConflict, 409); an unknown one is NoSuchEntity (404)', async () => {
    const { serial, seed } = await userWithDevice('alice');
    await enable('alice', serial, codeAt(seed, k() - 1), codeAt(seed, k()));
    expect(await rejection(iam().send(new DeleteVirtualMFADeviceCommand({ SerialNumber: serial })))).toMatchObject({ code: 'DeleteConflict', status: 409 });
    expect(await rejection(iam().send(new DeleteVirtualMFADeviceCommand({ SerialNumber: `${serial}x` })))).toMatchObject({ code: 'NoSuchEntity', status: 404 });
  });

  const policyOf = (...Statement: object[]) => JSON.stringify({ Version: '2012-10-17', Statement });
  const denied = (action: string, resource: string, how: 'implicit' | 'explicit', user = 'alice') => ({
    code: 'AccessDenied',
    status: 403,
    message: `User: arn:aws:iam::123456789012:user/${user} is not authorized to perform: ${action} on resource: ${resource} ${
      how === 'explicit' ? 'with an explicit deny in an identity-based policy' : `because no identity-based policy allows the ${action} action`
    }`,
  });

  it('evaluates the caller\'s policies and its groups\': none allows nothing; the group\'s MFA policy denies without MFA, its grant allows with it', async () => {
    const { keys, serial, seed } = await userWithDevice('alice');
    expect(await rejection(iam(keys).send(new ListUsersCommand({})))).toEqual(denied('iam:ListUsers', 'arn:aws:iam::123456789012:user/', 'implicit'));
    // No permission is needed to ask who you are, or for a session.
    expect((await sts(keys).send(new GetCallerIdentityCommand({}))).Arn).toBe('arn:aws:iam::123456789012:user/alice');
    await iam().send(new CreateGroupCommand({ GroupName: 'hires' }));
    await iam().send(new AddUserToGroupCommand({ GroupName: 'hires', UserName: 'alice' }));
    await iam().send(new PutGroupPolicyCommand({ GroupName: 'hires', PolicyName: 'mfa', PolicyDocument: JSON.stringify(mfaPolicy({ allowIps: [], scope: 'user' })) }));
    await iam().send(new PutGroupPolicyCommand({ GroupName: 'hires', PolicyName: 'list', PolicyDocument: policyOf({ Effect: 'Allow', Action: 'iam:ListUsers', Resource: '*' }) }));
    expect(await rejection(iam(keys).send(new ListUsersCommand({})))).toEqual(denied('iam:ListUsers', 'arn:aws:iam::123456789012:user/', 'explicit'));
    // Her own device, as the wizard makes it, is allowed without MFA.
    await iam(keys).send(new EnableMFADeviceCommand({ UserName: 'alice', SerialNumber: serial, AuthenticationCode1: codeAt(seed, k() - 1), AuthenticationCode2: codeAt(seed, k()) }));
    const plain = (await sts(keys).send(new GetSessionTokenCommand({}))).Credentials!;
    const withoutMfa = { accessKeyId: plain.AccessKeyId!, secretAccessKey: plain.SecretAccessKey!, sessionToken: plain.SessionToken! };
    // A session made without a code may not call IAM at all (AWS answers as to an invalid token).
    expect(await rejection(iam(withoutMfa).send(new ListUsersCommand({})))).toMatchObject({ code: 'InvalidClientTokenId', status: 403 });
    const c = (await sts(keys).send(new GetSessionTokenCommand({ SerialNumber: serial, TokenCode: codeAt(seed, k() + 1) }))).Credentials!;
    const session = { accessKeyId: c.AccessKeyId!, secretAccessKey: c.SecretAccessKey!, sessionToken: c.SessionToken! };
    expect((await iam(session).send(new ListUsersCommand({}))).Users!.map((u) => u.UserName)).toEqual(['admin', 'alice']);
    // mfa/${aws:username}: a second name is refused even with MFA; another user's things too.
    expect(await rejection(iam(session).send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: 'alice-2' })))).toEqual(
      denied('iam:CreateVirtualMFADevice', 'arn:aws:iam::123456789012:mfa/alice-2', 'implicit'),
    );
    expect(await rejection(iam(session).send(new ListMFADevicesCommand({ UserName: 'admin' })))).toEqual(
      denied('iam:ListMFADevices', 'arn:aws:iam::123456789012:user/admin', 'implicit'),
    );
    // Out of the group, the group's policies no longer apply.
    await iam().send(new RemoveUserFromGroupCommand({ GroupName: 'hires', UserName: 'alice' }));
    expect((await rejection(iam(session).send(new ListUsersCommand({})))).message).toMatch(/because no identity-based policy allows/);
  });

  it('aws:SourceIp is the caller\'s address: --allow-ip 127.0.0.1/32 exempts loopback calls from the MFA deny', async () => {
    const { keys } = await userWithDevice('alice');
    const office = JSON.stringify(mfaPolicy({ allowIps: ['127.0.0.1/32'], scope: 'user' }));
    await iam().send(new PutUserPolicyCommand({ UserName: 'alice', PolicyName: 'mfa', PolicyDocument: office }));
    await iam().send(new PutUserPolicyCommand({ UserName: 'alice', PolicyName: 'list', PolicyDocument: policyOf({ Effect: 'Allow', Action: 'iam:ListUsers', Resource: '*' }) }));
    expect((await iam(keys).send(new ListUsersCommand({}))).Users).toHaveLength(2);
    const elsewhere = JSON.stringify(mfaPolicy({ allowIps: ['192.0.2.0/24'], scope: 'user' }));
    await iam().send(new PutUserPolicyCommand({ UserName: 'alice', PolicyName: 'mfa', PolicyDocument: elsewhere }));
    expect((await rejection(iam(keys).send(new ListUsersCommand({})))).message).toMatch(/with an explicit deny/);
  });

  it('inline user policies: put (a malformed one refused), get (URL-encoded, as AWS), list, delete; DeleteUser waits for keys, policies and groups to go', async () => {
    await iam().send(new CreateUserCommand({ UserName: 'bob' }));
    const document = policyOf({ Effect: 'Allow', Action: 'iam:GetUser', Resource: '*' });
    expect(await rejection(iam().send(new PutUserPolicyCommand({ UserName: 'bob', PolicyName: 'p', PolicyDocument: '{"Statement":[{"Effect":"Maybe"}]}' })))).toMatchObject({
      code: 'MalformedPolicyDocument',
      status: 400,
    });
    await iam().send(new PutUserPolicyCommand({ UserName: 'bob', PolicyName: 'p', PolicyDocument: document }));
    expect((await iam().send(new GetUserPolicyCommand({ UserName: 'bob', PolicyName: 'p' }))).PolicyDocument).toBe(encodeURIComponent(document));
    expect((await iam().send(new ListUserPoliciesCommand({ UserName: 'bob' }))).PolicyNames).toEqual(['p']);
    await iam().send(new CreateGroupCommand({ GroupName: 'g' }));
    await iam().send(new AddUserToGroupCommand({ GroupName: 'g', UserName: 'bob' }));
    expect((await rejection(iam().send(new DeleteUserCommand({ UserName: 'bob' })))).message).toBe('Cannot delete entity, must delete policies first.');
    await iam().send(new DeleteUserPolicyCommand({ UserName: 'bob', PolicyName: 'p' }));
    expect(await rejection(iam().send(new GetUserPolicyCommand({ UserName: 'bob', PolicyName: 'p' })))).toMatchObject({ code: 'NoSuchEntity', status: 404 });
    expect((await rejection(iam().send(new DeleteUserCommand({ UserName: 'bob' })))).message).toBe('Cannot delete entity, must remove users from group first.');
    await iam().send(new RemoveUserFromGroupCommand({ GroupName: 'g', UserName: 'bob' }));
    await iam().send(new DeleteUserCommand({ UserName: 'bob' }));
  });

  it('the account alias: one at a time, in IAM\'s pattern', async () => {
    expect(await rejection(iam().send(new CreateAccountAliasCommand({ AccountAlias: 'Not--Valid' })))).toMatchObject({ code: 'ValidationError', status: 400 });
    await iam().send(new CreateAccountAliasCommand({ AccountAlias: 'example-corp' }));
    await iam().send(new CreateAccountAliasCommand({ AccountAlias: 'example-two' }));
    expect(emulator.state.aliases).toEqual(['example-two']);
  });
});
