import { promises as fs } from 'node:fs';
import {
  CreateVirtualMFADeviceCommand, DeactivateMFADeviceCommand, DeleteConflictException, DeleteVirtualMFADeviceCommand,
  EnableMFADeviceCommand, EntityAlreadyExistsException, EntityTemporarilyUnmodifiableException, LimitExceededException,
  IAMClient, InvalidAuthenticationCodeException, ListAccountAliasesCommand, ListMFADevicesCommand,
  ListVirtualMFADevicesCommand,
} from '@aws-sdk/client-iam';
import { AssumeRoleCommand, GetCallerIdentityCommand, GetSessionTokenCommand, STSClient } from '@aws-sdk/client-sts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { codeAt, counterAt } from '../../src/totp/totp.js';
import { strictMock } from '../helpers/aws-mock.js';
import { fakeClock } from '../helpers/clock.js';
import { consoleCsv } from '../helpers/moto.js';
import { runCli } from '../helpers/run.js';
import { makeSandbox, type Sandbox } from '../helpers/sandbox.js';

// Error paths moto cannot produce, stubbed at the SDK level. The happy path is proven against moto.
const KEY = { accessKeyId: 'AKIAMOCKMOCKMOCK0001', secretAccessKey: 'Mock/Secret+Key0000000000000000000000000' };
const SEED = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const SERIAL = 'arn:aws:iam::111122223333:mfa/alice';
const SESSION = {
  AccessKeyId: 'ASIAMOCKSESSION00001',
  SecretAccessKey: 'SessionSecret/0000000000000000000000000+',
  SessionToken: 'IQoJb3JpZ2luX2VjMockSessionToken0000000000000000000000000000',
  Expiration: new Date('2030-01-01T00:00:00Z'),
};

const awsError = (name: string, message: string, status = 403) =>
  Object.assign(new Error(message), { name, $metadata: { httpStatusCode: status }, $fault: 'client' });

describe('AWS error paths (SDK stubs)', () => {
  const iam = strictMock(IAMClient);
  const sts = strictMock(STSClient);
  let box: Sandbox;
  let csv: string;

  beforeEach(async () => {
    iam.reset();
    sts.reset();
    box = await makeSandbox('http://127.0.0.1:9'); // nothing listens there: an unstubbed call fails loudly
    csv = await box.write('alice_accessKeys.csv', consoleCsv(KEY));
    sts.on(GetCallerIdentityCommand).resolves({ Account: '111122223333', Arn: 'arn:aws:iam::111122223333:user/alice', UserId: 'AIDA' });
    sts.on(GetSessionTokenCommand).resolves({ Credentials: SESSION });
    iam.on(ListMFADevicesCommand).resolves({ MFADevices: [] });
    iam.on(ListVirtualMFADevicesCommand).resolves({ VirtualMFADevices: [] });
    iam.on(ListAccountAliasesCommand).resolves({ AccountAliases: ['acme'] });
    iam.on(CreateVirtualMFADeviceCommand).resolves({
      VirtualMFADevice: { SerialNumber: SERIAL, Base32StringSeed: new TextEncoder().encode(SEED) },
    });
    iam.on(EnableMFADeviceCommand).resolves({});
    iam.on(DeleteVirtualMFADeviceCommand).resolves({});
  });
  afterEach(async () => {
    await box.cleanup();
  });

  /** Codes for consecutive windows from the fake clock's start, as many as asked. */
  function codes(clock: ReturnType<typeof fakeClock>, count: number, firstWindow = counterAt(clock.now())) {
    return Array.from({ length: count }, (_, i) => codeAt(SEED, firstWindow + i)).join('\n') + '\n';
  }
  const args = () => [csv, '--profile', 'alice', '--region', 'us-east-1', '--keep-csv', '--codes-from-stdin', '--qr-png', `${box.dir}/qr.png`];
  const secrets = [KEY.secretAccessKey, SESSION.SecretAccessKey, SESSION.SessionToken, SEED];

  describe('replacing a device (--replace, old phone at hand)', () => {
    const OLD = 'arn:aws:iam::111122223333:mfa/alice-old';
    beforeEach(() => {
      iam.on(ListMFADevicesCommand).resolves({ MFADevices: [{ UserName: 'alice', SerialNumber: OLD, EnableDate: new Date('2025-01-02T00:00:00Z') }] });
      iam.on(DeactivateMFADeviceCommand).resolves({});
    });
    const replace = () => [...args(), '--replace'];

    it('LimitExceeded on the new device (8 already): says so, names reset, keeps the old device', async () => {
      iam.on(CreateVirtualMFADeviceCommand).rejects(new LimitExceededException({ message: 'Cannot exceed quota for MFADevicesPerUser: 8', $metadata: {} }));
      const clock = fakeClock();
      const result = await runCli(replace(), { env: box.env, clock, stdin: codes(clock, 1) });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('the most MFA devices IAM allows (8)');
      expect(result.stderr).toContain('mfa-onboard reset --profile ADMIN --user NAME');
      expect(iam.commandCalls(DeactivateMFADeviceCommand)).toHaveLength(0);
      expect(iam.commandCalls(DeleteVirtualMFADeviceCommand)).toHaveLength(0);
      // Nothing is under way any more: the next run asks afresh.
      expect(await fs.readFile(box.configFile, 'utf8')).not.toContain('mfa_onboard_replacing');
    });

    it('EntityTemporarilyUnmodifiable when retiring the old device: the new one stays enabled, and the message says to run again', async () => {
      iam.on(DeactivateMFADeviceCommand).rejects(
        new EntityTemporarilyUnmodifiableException({ message: 'Cannot modify user alice at this time. Please try again later.', $metadata: {} }),
      );
      const clock = fakeClock();
      const result = await runCli(replace(), { env: box.env, clock, stdin: codes(clock, 4) });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('IAM cannot change alice right now (EntityTemporarilyUnmodifiable');
      expect(result.stderr).toContain(`${OLD} is still there`);
      // The new device was enabled and checked: it is never rolled back for this.
      expect(iam.commandCalls(DeleteVirtualMFADeviceCommand)).toHaveLength(0);
      const config = await fs.readFile(box.configFile, 'utf8');
      expect(config).toContain(`mfa_serial = ${SERIAL}`);
      expect(config).toContain(`mfa_onboard_replacing = ${OLD}`); // the next run finishes the job
    });

    it('DeleteConflict when deleting the old device: retried a few times, then explained, with how to deactivate it', async () => {
      iam.on(DeleteVirtualMFADeviceCommand).rejects(
        new DeleteConflictException({ message: 'MFA Device is still in use by arn:aws:iam::111122223333:user/alice', $metadata: {} }),
      );
      const clock = fakeClock();
      const result = await runCli(replace(), { env: box.env, clock, stdin: codes(clock, 4) });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`IAM would not delete ${OLD}: it still counts it as assigned to a user (DeleteConflict)`);
      // IAM catching up after the deactivation is waited for before giving up.
      expect(iam.commandCalls(DeleteVirtualMFADeviceCommand)).toHaveLength(4);
      expect(result.stderr).toContain(`aws iam deactivate-mfa-device --user-name alice --serial-number ${OLD}`);
    });

    it('AccessDenied when retiring the old device: names the permissions and the command someone allowed runs', async () => {
      iam.on(DeactivateMFADeviceCommand).rejects(awsError('AccessDenied', 'User: arn:aws:sts::111122223333:assumed-role/x is not authorized to perform: iam:DeactivateMFADevice'));
      const clock = fakeClock();
      const result = await runCli(replace(), { env: box.env, clock, stdin: codes(clock, 4) });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('Removing takes iam:DeactivateMFADevice and iam:DeleteVirtualMFADevice');
      expect(result.stderr).toContain(`mfa-onboard reset --profile ADMIN --user alice --remove-serial ${OLD}`);
    });
  });

  it('InvalidAuthenticationCode: explains, lets the person retry, then succeeds', async () => {
    iam.on(EnableMFADeviceCommand)
      .rejectsOnce(new InvalidAuthenticationCodeException({ message: 'Authentication code for device is not valid.', $metadata: {} }))
      .resolves({});
    const clock = fakeClock();
    const result = await runCli(args(), { env: box.env, clock, stdin: codes(clock, 5) });
    expect(result.stderr).toContain('AWS did not accept the two codes (InvalidAuthenticationCode)');
    expect(result.code).toBe(0);
    expect(iam.commandCalls(EnableMFADeviceCommand)).toHaveLength(2);
    for (const secret of secrets) expect(result.stderr + result.stdout).not.toContain(secret);
  });

  it('a reused code on GetSessionToken: waits for the next code and tries again', async () => {
    sts.on(GetSessionTokenCommand)
      .rejectsOnce(awsError('AccessDenied', 'MultiFactorAuthentication failed with invalid MFA one time pass code. '))
      .resolves({ Credentials: SESSION });
    const clock = fakeClock();
    const result = await runCli(args(), { env: box.env, clock, stdin: codes(clock, 4) });
    expect(result.stderr).toContain('AWS did not accept that code for a session');
    expect(result.code).toBe(0);
    const calls = sts.commandCalls(GetSessionTokenCommand).map((c) => c.args[0].input.TokenCode);
    expect(calls).toHaveLength(2);
    expect(new Set(calls).size).toBe(2);
    expect(sts.commandCalls(GetSessionTokenCommand)[0]!.args[0].input).toMatchObject({ SerialNumber: SERIAL, DurationSeconds: 43200 });
  });

  it('EntityAlreadyExists with an orphan the user may not list: removes it and creates again', async () => {
    iam.on(ListVirtualMFADevicesCommand).rejects(awsError('AccessDenied', 'not authorized to perform: iam:ListVirtualMFADevices'));
    iam.on(CreateVirtualMFADeviceCommand)
      .rejectsOnce(new EntityAlreadyExistsException({ message: 'MFADevice entity at the same path and name already exists.', $metadata: {} }))
      .resolves({ VirtualMFADevice: { SerialNumber: SERIAL, Base32StringSeed: new TextEncoder().encode(SEED) } });
    const clock = fakeClock();
    const result = await runCli(args(), { env: box.env, clock, stdin: codes(clock, 3) });
    expect(result.code).toBe(0);
    expect(iam.commandCalls(DeleteVirtualMFADeviceCommand)[0]!.args[0].input).toEqual({ SerialNumber: SERIAL });
    expect(result.stderr).toContain(`Removed the unfinished device ${SERIAL}`);
  });

  it('AccessDenied deleting the orphan: names the permission, the ARN and the admin command', async () => {
    iam.on(ListVirtualMFADevicesCommand).resolves({ VirtualMFADevices: [{ SerialNumber: SERIAL }] });
    iam.on(DeleteVirtualMFADeviceCommand).rejects(
      awsError('AccessDenied', `User: arn:aws:iam::111122223333:user/alice is not authorized to perform: iam:DeleteVirtualMFADevice on resource: ${SERIAL} with an explicit deny`),
    );
    const result = await runCli(args(), { env: box.env, clock: fakeClock(), stdin: '' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('iam:DeleteVirtualMFADevice');
    expect(result.stderr).toContain(`aws iam delete-virtual-mfa-device --serial-number ${SERIAL}`);
    expect(iam.commandCalls(CreateVirtualMFADeviceCommand)).toHaveLength(0);
  });

  it('throttling that outlasts the SDK retries: a plain message, and the new device removed', async () => {
    iam.on(EnableMFADeviceCommand).rejects(awsError('Throttling', 'Rate exceeded', 400));
    const clock = fakeClock();
    const result = await runCli(args(), { env: box.env, clock, stdin: codes(clock, 3) });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('AWS is limiting the request rate');
    expect(iam.commandCalls(DeleteVirtualMFADeviceCommand)).toHaveLength(1);
  });

  it('regression: an enable whose answer was lost but which worked keeps the device (no delete) and the run finishes (issue 14)', async () => {
    iam.on(ListMFADevicesCommand).resolvesOnce({ MFADevices: [] }).resolves({ MFADevices: [{ SerialNumber: SERIAL, UserName: 'alice', EnableDate: new Date() }] });
    iam.on(EnableMFADeviceCommand).rejects(Object.assign(new Error('socket hang up'), { name: 'Error', code: 'ECONNRESET' }));
    const clock = fakeClock();
    const result = await runCli(args(), { env: box.env, clock, stdin: codes(clock, 3) });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`The answer to enabling ${SERIAL} was lost on the way back, but IAM lists the device as enabled: carrying on.`);
    expect(await fs.readFile(box.configFile, 'utf8')).toContain(`mfa_serial = ${SERIAL}`);
    expect(iam.commandCalls(DeleteVirtualMFADeviceCommand)).toHaveLength(0);
  });

  it('regression: a rollback the policy refuses says why and names the admin command', async () => {
    iam.on(EnableMFADeviceCommand).rejects(awsError('Throttling', 'Rate exceeded', 400));
    iam.on(DeleteVirtualMFADeviceCommand).rejects(awsError('AccessDenied', 'explicit deny'));
    const clock = fakeClock();
    const result = await runCli(args(), { env: box.env, clock, stdin: codes(clock, 3) });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`Could not remove the unfinished device ${SERIAL} (AccessDenied)`);
    expect(result.stderr).toContain(`aws iam delete-virtual-mfa-device --serial-number ${SERIAL}`);
  });

  it('regression: a session refused after enabling still records mfa_serial and says how to get a session', async () => {
    sts.on(GetSessionTokenCommand).rejects(awsError('AccessDenied', 'User is not authorized to perform: sts:GetSessionToken'));
    const clock = fakeClock();
    const result = await runCli(args(), { env: box.env, clock, stdin: codes(clock, 3) });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`aws sts get-session-token --serial-number ${SERIAL} --token-code CODE --profile alice`);
    expect(await fs.readFile(box.configFile, 'utf8')).toContain(`mfa_serial = ${SERIAL}`);
    expect(iam.commandCalls(DeleteVirtualMFADeviceCommand)).toHaveLength(0);
  });

  it('regression: with no terminal and neither --qr-png nor --show-secret, refuses before creating a device', async () => {
    const result = await runCli([csv, '--profile', 'alice', '--region', 'us-east-1', '--codes-from-stdin'], { env: box.env, clock: fakeClock(), stdin: '' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Pass --qr-png FILE');
    expect(iam.commandCalls(CreateVirtualMFADeviceCommand)).toHaveLength(0);
  });

  it('regression: --yes with the profile holding another key stops instead of looping', async () => {
    await fs.mkdir(`${box.home}/.aws`, { mode: 0o700 });
    await fs.writeFile(box.credentialsFile, '[alice]\naws_access_key_id = AKIAOTHEROTHEROTHER0\naws_secret_access_key = ' + 'o'.repeat(40) + '\n', { mode: 0o600 });
    const result = await runCli([csv, '--yes', '--region', 'us-east-1', '--qr-png', `${box.dir}/qr.png`, '--codes-from-stdin'], { env: box.env, clock: fakeClock(), stdin: '' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Profile alice already holds another access key and was left as it is');
    expect(await fs.readFile(box.credentialsFile, 'utf8')).toContain('AKIAOTHEROTHEROTHER0');
  });

  it('regression: importing over a profile that held session credentials drops the old token', async () => {
    await fs.mkdir(`${box.home}/.aws`, { mode: 0o700 });
    await fs.writeFile(box.credentialsFile, '[alice]\naws_access_key_id = ASIAOLDOLDOLDOLDOLD0\naws_secret_access_key = ' + 'o'.repeat(40) + '\naws_session_token = OLDTOKEN\nexpiration = 2020-01-01T00:00:00Z\n', { mode: 0o600 });
    const clock = fakeClock();
    const result = await runCli([...args(), '--replace-profile'], { env: box.env, clock, stdin: codes(clock, 3) });
    expect(result.code).toBe(0);
    const text = await fs.readFile(box.credentialsFile, 'utf8');
    const alice = text.slice(text.indexOf('[alice]'), text.indexOf('[alice-mfa]'));
    expect(alice).toContain(KEY.accessKeyId);
    expect(alice).not.toMatch(/aws_session_token|expiration/);
  });

  it.each([
    ['the long-term profile itself', ['--session-profile', 'alice'], 'cannot be alice itself'],
    ['a profile holding long-term keys', ['--session-profile', 'work'], 'Profile work holds long-term keys'],
  ])('regression: the session profile never overwrites %s', async (_label, extra, expected) => {
    await fs.mkdir(`${box.home}/.aws`, { mode: 0o700 });
    await fs.writeFile(box.credentialsFile, '[work]\naws_access_key_id = AKIAWORKWORKWORKWORK\naws_secret_access_key = ' + 'w'.repeat(40) + '\n', { mode: 0o600 });
    const result = await runCli([...args(), ...extra], { env: box.env, clock: fakeClock(), stdin: '' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(expected);
    expect(iam.commandCalls(CreateVirtualMFADeviceCommand)).toHaveLength(0);
    expect(await fs.readFile(box.credentialsFile, 'utf8')).toContain('AKIAWORKWORKWORKWORK');
  });

  it.each([
    ['InvalidClientTokenId', 'The security token included in the request is invalid.', 'AWS does not know the access key in'],
    ['SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided.', 'AWS rejected the secret access key in'],
  ])('%s on the CSV keys: says which part is wrong, writes nothing', async (name, message, expected) => {
    sts.on(GetCallerIdentityCommand).rejects(awsError(name, message));
    const result = await runCli(args(), { env: box.env, clock: fakeClock(), stdin: '' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(expected);
    expect(result.stderr).not.toContain(KEY.secretAccessKey);
    await expect(fs.stat(box.credentialsFile)).rejects.toThrow();
  });

  it('the root user is refused with the reason', async () => {
    sts.on(GetCallerIdentityCommand).resolves({ Account: '111122223333', Arn: 'arn:aws:iam::111122223333:root', UserId: '111122223333' });
    const result = await runCli(args(), { env: box.env, clock: fakeClock(), stdin: '' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("These are the root user's keys for account 111122223333");
    await expect(fs.stat(box.credentialsFile)).rejects.toThrow();
  });

  it('a name-pinning policy refusing --device-name: explains the mfa/${aws:username} pitfall', async () => {
    iam.on(CreateVirtualMFADeviceCommand).rejects(awsError('AccessDenied', 'not authorized to perform: iam:CreateVirtualMFADevice on resource: arn:aws:iam::111122223333:mfa/phone'));
    const result = await runCli([...args(), '--device-name', 'phone'], { env: box.env, clock: fakeClock(), stdin: '' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('mfa/${aws:username}');
  });
});

describe('bad input: a clear error, exit 1, nothing written', () => {
  let box: Sandbox;
  beforeEach(async () => {
    box = await makeSandbox('http://127.0.0.1:9');
  });
  afterEach(async () => {
    await box.cleanup();
  });

  const good = consoleCsv(KEY);
  it.each([
    ['a missing file', null, [], 'There is no file at'],
    ['an empty file', '', [], 'is empty'],
    ['a file that is not a CSV', '\u0000\u0001PNG binary', [], 'is not an AWS access-key CSV'],
    ['a spreadsheet that is not an access-key CSV', 'Name,Email\r\nAlice,a@example.com\r\n', [], 'is not an AWS access-key CSV'],
    ['the user-creation CSV without keys', 'User name,Password,Console sign-in URL\nalice,pw,https://x.signin.aws.amazon.com/console\n', [], 'holds no access key'],
    ['temporary ASIA keys', good.replace('AKIAMOCK', 'ASIAMOCK'), [], 'temporary access key (ASIA…0001'],
    ['a malformed key id', good.replace('AKIAMOCKMOCKMOCK0001', 'AKIA-broken'), [], 'is not shaped like one'],
    ['a truncated secret', good.replace(KEY.secretAccessKey, KEY.secretAccessKey.slice(0, 30)), [], 'this one has 30'],
    ['a profile name with ]', good, ['--profile', 'alice]'], 'cannot be a profile name'],
    ['a profile name with a newline', good, ['--profile', 'alice\n[evil]'], 'cannot be a profile name'],
    ['a session profile with spaces', good, ['--session-profile', 'my session'], 'cannot be a profile name'],
    // The JS SDK does not read [profile a=b] in the config file: mfa_serial would be lost there.
    ['a session profile with =', good, ['--session-profile', 'a=b'], 'the AWS SDK for JavaScript does not read a [profile …] section with = or ,'],
    ['a profile name of 300 characters', good, ['--profile', 'a'.repeat(300)], 'up to 128 characters'],
    ['a duration out of range', good, ['--duration', '48h'], 'an MFA session lasts from 15m (900) to 36h (129600)'],
    ['an unknown option', good, ['--profle', 'x'], 'Unknown option --profle'],
    ['a bad region', good, ['--region', 'Europe'], 'is not a region name'],
  ])('%s', async (_label, content, extra, expected) => {
    const csv = content === null ? `${box.dir}/missing.csv` : await box.write('keys.csv', content);
    const result = await runCli([csv, ...extra], { env: box.env });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(expected);
    expect(result.stderr).not.toContain(KEY.secretAccessKey);
    expect(result.stderr.trim().split('\n').filter((l) => l.startsWith('✖'))).toHaveLength(1);
    await expect(fs.stat(box.credentialsFile)).rejects.toThrow();
  });
});

describe('mfa-onboard session: refusals moto cannot produce (SDK stubs)', () => {
  const sts = strictMock(STSClient);
  let box: Sandbox;
  const ROLE = 'arn:aws:iam::111122223333:role/Admin';
  beforeEach(async () => {
    sts.reset();
    box = await makeSandbox('http://127.0.0.1:9');
    await fs.mkdir(`${box.home}/.aws`, { mode: 0o700 });
    await fs.writeFile(box.credentialsFile, `[alice]\naws_access_key_id = ${KEY.accessKeyId}\naws_secret_access_key = ${KEY.secretAccessKey}\n`, { mode: 0o600 });
    await fs.writeFile(box.configFile, `[profile alice]\nregion = us-east-1\nmfa_serial = ${SERIAL}\n`, { mode: 0o600 });
    sts.on(GetCallerIdentityCommand).resolves({ Account: '111122223333', Arn: 'arn:aws:iam::111122223333:user/alice', UserId: 'AIDA' });
    sts.on(GetSessionTokenCommand).resolves({ Credentials: SESSION });
    sts.on(AssumeRoleCommand).resolves({ Credentials: SESSION });
  });
  afterEach(async () => {
    await box.cleanup();
  });

  it('a wrong code: the AccessDenied AWS gives is explained and the next code is asked for', async () => {
    sts.on(GetSessionTokenCommand)
      .rejectsOnce(awsError('AccessDenied', 'MultiFactorAuthentication failed with invalid MFA one time pass code. '))
      .resolves({ Credentials: SESSION });
    const result = await runCli(['session', '--profile', 'alice', '--codes-from-stdin'], { env: box.env, stdin: '111111\n222222\n' });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('AWS did not accept that code for a session');
    expect(sts.commandCalls(GetSessionTokenCommand).map((c) => c.args[0].input.TokenCode)).toEqual(['111111', '222222']);
    expect(result.stderr + result.stdout).not.toContain(SESSION.SessionToken);
  });

  it('a serial that is not the user\'s: says so and names --serial', async () => {
    sts.on(GetSessionTokenCommand).rejects(awsError('AccessDenied', 'MultiFactorAuthentication failed, unable to validate MFA code. Please verify your MFA serial number is valid and associated with this user.'));
    const result = await runCli(['session', '--profile', 'alice', '--codes-from-stdin'], { env: box.env, stdin: '111111\n' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`AWS could not check the code against the MFA device ${SERIAL}`);
    // session's device flag is --mfa-serial (--serial is its old spelling).
    expect(result.stderr).toContain('or pass --mfa-serial.');
  });

  it.each([
    ['the role\'s maximum session', 'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.', 'longer than the role allows'],
    ['role chaining', 'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.', 'role chaining'],
    ['the trust policy', `User: arn:aws:iam::111122223333:user/alice is not authorized to perform: sts:AssumeRole on resource: ${ROLE}`, "trust policy must allow your user"],
  ])('a role refusal (%s) is explained', async (_label, message, expected) => {
    sts.on(AssumeRoleCommand).rejects(awsError(message.startsWith('User') ? 'AccessDenied' : 'ValidationError', message, 400));
    const result = await runCli(['session', '--profile', 'alice', '--role-arn', ROLE, '--duration', '8h', '--codes-from-stdin'], { env: box.env, stdin: '111111\n' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(expected);
    expect(sts.commandCalls(AssumeRoleCommand)[0]!.args[0].input).toMatchObject({ RoleArn: ROLE, SerialNumber: SERIAL, TokenCode: '111111', DurationSeconds: 28800 });
  });

  it('the root user: sessions are held to 1 hour (a longer --duration is refused)', async () => {
    sts.on(GetCallerIdentityCommand).resolves({ Account: '111122223333', Arn: 'arn:aws:iam::111122223333:root', UserId: '111122223333' });
    const refused = await runCli(['session', '--profile', 'alice', '--duration', '2h', '--codes-from-stdin'], { env: box.env, stdin: '111111\n' });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("The root user's sessions last at most 1 hour");
    const held = await runCli(['session', '--profile', 'alice', '--codes-from-stdin'], { env: box.env, stdin: '111111\n' });
    expect(held.code).toBe(0);
    expect(sts.commandCalls(GetSessionTokenCommand)[0]!.args[0].input.DurationSeconds).toBe(3600);
  });
});

