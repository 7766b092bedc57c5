import { promises as fs } from 'node:fs';
import {
  CreateAccessKeyCommand, CreateUserCommand, DeleteAccessKeyCommand, GetAccessKeyLastUsedCommand, IAMClient, ListUsersCommand,
  PutUserPolicyCommand,
} from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startEmbeddedEmulator, type EmbeddedEmulator } from '../../src/emulator/embedded/server.js';
import { fakeClock } from '../helpers/clock.js';
import { scriptedPrompter } from '../helpers/prompter.js';
import { runCli } from '../helpers/run.js';
import { makeSandbox, type Sandbox } from '../helpers/sandbox.js';

type Keys = { accessKeyId: string; secretAccessKey: string };

/** What GetAccessKeyLastUsed answers, without the SDK's metadata; or the refusal's code, status and message. */
async function lastUsed(iam: IAMClient, accessKeyId: string) {
  try {
    const { $metadata: _, ...out } = await iam.send(new GetAccessKeyLastUsedCommand({ AccessKeyId: accessKeyId }));
    return out;
  } catch (error) {
    const e = error as { name: string; message: string; $metadata: { httpStatusCode: number } };
    return { error: e.name, status: e.$metadata.httpStatusCode, message: e.message };
  }
}

describe('the embedded emulator serves GetAccessKeyLastUsed as AWS does', () => {
  let emulator: EmbeddedEmulator;
  /** The emulator's clock (whole seconds, as AWS's timestamps), moved by the tests. */
  let now: number;
  beforeEach(async () => {
    now = Date.UTC(2026, 11, 7, 9, 0, 5);
    emulator = await startEmbeddedEmulator({ now: () => now });
  });
  afterEach(async () => {
    await emulator.stop();
  });

  const iam = (keys: Keys = emulator.admin, region = 'us-east-1') =>
    new IAMClient({ endpoint: emulator.url, region, credentials: keys, maxAttempts: 1 });
  const sts = (keys: Keys, region: string) => new STSClient({ endpoint: emulator.url, region, credentials: keys, maxAttempts: 1 });
  async function userWithKey(name: string): Promise<Keys> {
    await iam().send(new CreateUserCommand({ UserName: name }));
    const key = (await iam().send(new CreateAccessKeyCommand({ UserName: name }))).AccessKey!;
    return { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! };
  }

  it('a key never used: its user, "N/A" for service and region, no date; then the service, region and emulator time of its last request', async () => {
    const kim = await userWithKey('kim');
    expect(await lastUsed(iam(), kim.accessKeyId)).toEqual({ UserName: 'kim', AccessKeyLastUsed: { ServiceName: 'N/A', Region: 'N/A' } });

    const first = now;
    await sts(kim, 'eu-west-1').send(new GetCallerIdentityCommand({}));
    expect(await lastUsed(iam(), kim.accessKeyId)).toEqual({
      UserName: 'kim',
      AccessKeyLastUsed: { LastUsedDate: new Date(first), ServiceName: 'sts', Region: 'eu-west-1' },
    });

    // Used again within 15 minutes: AWS keeps the first use of the span.
    now += 14 * 60_000;
    await sts(kim, 'ap-northeast-1').send(new GetCallerIdentityCommand({}));
    expect(await lastUsed(iam(), kim.accessKeyId)).toEqual({ UserName: 'kim', AccessKeyLastUsed: { LastUsedDate: new Date(first), ServiceName: 'sts', Region: 'eu-west-1' } });

    // 15 minutes on, the next use is recorded: here a call IAM refuses is none, the one it carries out is.
    now += 60_000;
    await expect(iam(kim, 'us-east-1').send(new ListUsersCommand({}))).rejects.toThrow(/not authorized to perform: iam:ListUsers/);
    await expect(sts({ ...kim, secretAccessKey: 'x'.repeat(40) }, 'us-west-2').send(new GetCallerIdentityCommand({}))).rejects.toThrow();
    expect(await lastUsed(iam(), kim.accessKeyId)).toMatchObject({ AccessKeyLastUsed: { LastUsedDate: new Date(first) } });
    await iam().send(new PutUserPolicyCommand({
      UserName: 'kim',
      PolicyName: 'list',
      PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'iam:ListUsers', Resource: '*' }] }),
    }));
    await iam(kim, 'us-east-1').send(new ListUsersCommand({}));
    expect(await lastUsed(iam(), kim.accessKeyId)).toEqual({ UserName: 'kim', AccessKeyLastUsed: { LastUsedDate: new Date(now), ServiceName: 'iam', Region: 'us-east-1' } });
  });

  it('the caller\'s own key: a use is recorded once the call is carried out, so the next answer shows it; a key IAM does not hold is AccessDenied naming it', async () => {
    expect(await lastUsed(iam(), emulator.admin.accessKeyId)).toEqual({ UserName: 'admin', AccessKeyLastUsed: { ServiceName: 'N/A', Region: 'N/A' } });
    expect(await lastUsed(iam(), emulator.admin.accessKeyId)).toEqual({
      UserName: 'admin',
      AccessKeyLastUsed: { LastUsedDate: new Date(now), ServiceName: 'iam', Region: 'us-east-1' },
    });
    const kim = await userWithKey('kim');
    await iam().send(new DeleteAccessKeyCommand({ UserName: 'kim', AccessKeyId: kim.accessKeyId }));
    for (const gone of [kim.accessKeyId, 'AKIAUNKNOWN000000000']) {
      expect(await lastUsed(iam(), gone)).toEqual({
        error: 'AccessDenied',
        status: 403,
        message: `User: arn:aws:iam::123456789012:user/admin is not authorized to perform: iam:GetAccessKeyLastUsed on resource: access key ${gone}`,
      });
    }
    // The API model's constraints: 16 to 128 word characters.
    expect(await lastUsed(iam(), 'AKIA123')).toMatchObject({ error: 'ValidationError', status: 400, message: expect.stringContaining('greater than or equal to 16') });
    expect(await lastUsed(iam(), 'AKIA-NOT-A-KEY-ID-AT-ALL')).toMatchObject({ error: 'ValidationError', message: expect.stringContaining('[\\w]+') });
  });

  it('needs iam:GetAccessKeyLastUsed on the key\'s user: a policy scoped to ${aws:username} answers for her own key only', async () => {
    const kim = await userWithKey('kim');
    const noa = await userWithKey('noa');
    expect(await lastUsed(iam(kim), kim.accessKeyId)).toMatchObject({
      error: 'AccessDenied',
      message: 'User: arn:aws:iam::123456789012:user/kim is not authorized to perform: iam:GetAccessKeyLastUsed on resource: arn:aws:iam::123456789012:user/kim because no identity-based policy allows the iam:GetAccessKeyLastUsed action',
    });
    const own = { Effect: 'Allow', Action: 'iam:GetAccessKeyLastUsed', Resource: 'arn:aws:iam::*:user/${aws:username}' };
    await iam().send(new PutUserPolicyCommand({ UserName: 'kim', PolicyName: 'own-keys', PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [own] }) }));
    expect(await lastUsed(iam(kim), kim.accessKeyId)).toMatchObject({ UserName: 'kim' });
    expect(await lastUsed(iam(kim), noa.accessKeyId)).toMatchObject({ error: 'AccessDenied', message: expect.stringContaining('on resource: arn:aws:iam::123456789012:user/noa because') });
  });
});

/**
 * The story the call exists for (issue 22): an administrator's computer still holds a hire's
 * profiles that an earlier version's admin mode wrote. On the embedded emulator, as on AWS,
 * `status` and `batch` name them and touch nothing.
 */
describe('hires\' profiles left on an administrator\'s computer, on the embedded emulator', () => {
  let box: Sandbox;
  let emulator: EmbeddedEmulator;
  let kim: Keys;
  let carol: Keys;
  let before: string[];
  beforeEach(async () => {
    box = await makeSandbox();
    emulator = await startEmbeddedEmulator();
    const iam = new IAMClient({ endpoint: emulator.url, region: 'us-east-1', credentials: emulator.admin, maxAttempts: 1 });
    const keyOf = async (name: string) => {
      await iam.send(new CreateUserCommand({ UserName: name }));
      const key = (await iam.send(new CreateAccessKeyCommand({ UserName: name }))).AccessKey!;
      return { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! };
    };
    [kim, carol] = [await keyOf('kim'), await keyOf('carol')];
    // The administrator's files: their own profile, kim's keys and session with the wizard's
    // marks (mfa_serial, a session saved from them), carol's keys without any (not claimed).
    await fs.mkdir(`${box.home}/.aws`, { mode: 0o700 });
    await fs.writeFile(box.credentialsFile, [
      `[admin]\naws_access_key_id = ${emulator.admin.accessKeyId}\naws_secret_access_key = ${emulator.admin.secretAccessKey}\n`,
      `[kim]\naws_access_key_id = ${kim.accessKeyId}\naws_secret_access_key = ${kim.secretAccessKey}\n`,
      `[kim-mfa]\naws_access_key_id = ASIAEXAMPLE000000000\naws_secret_access_key = ${'x'.repeat(40)}\naws_session_token = tok\nexpiration = 2026-12-01T00:00:00Z\nmfa_onboard_source_profile = kim\n`,
      `[ci]\naws_access_key_id = ${carol.accessKeyId}\naws_secret_access_key = ${carol.secretAccessKey}\n`,
    ].join(''), { mode: 0o600 });
    await fs.writeFile(box.configFile, '[profile admin]\nregion = us-east-1\n[profile kim]\nregion = eu-west-1\nmfa_serial = arn:aws:iam::123456789012:mfa/kim\n', { mode: 0o600 });
    before = await Promise.all([fs.readFile(box.credentialsFile, 'utf8'), fs.readFile(box.configFile, 'utf8')]);
  });
  afterEach(async () => {
    await emulator.stop();
    await box.cleanup();
  });
  const files = () => Promise.all([fs.readFile(box.credentialsFile, 'utf8'), fs.readFile(box.configFile, 'utf8')]);

  it('status --profile admin names kim\'s sections (table and --json), not carol\'s; nothing is changed, no secret shown', async () => {
    const shown = await runCli(['status', '--profile', 'admin', '--endpoint-url', emulator.url], { env: box.env });
    expect(shown.code).toBe(0);
    expect(shown.stderr).toContain('holds the access keys and MFA sessions of 1 other IAM user(s)');
    expect(shown.stderr).toContain(`  kim:\n    ${box.credentialsFile}: [kim], [kim-mfa]\n    ${box.configFile}: [profile kim]\n`);
    expect(shown.stderr).not.toMatch(/\[ci\]|carol/);
    const json = await runCli(['status', '--profile', 'admin', '--endpoint-url', emulator.url, '--json'], { env: box.env });
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout).othersProfiles).toEqual([{ profile: 'kim', user: 'kim', credentials: ['kim', 'kim-mfa'], config: ['profile kim'] }]);
    // Only the administrator's key was used: IAM was asked about kim's, not called with it.
    expect(emulator.state.keys.get(kim.accessKeyId)?.lastUsed).toBeUndefined();
    expect(await files()).toEqual(before);
    for (const secret of [kim.secretAccessKey, carol.secretAccessKey]) expect(shown.stderr + json.stdout + json.stderr).not.toContain(secret);
  });

  it('batch, as it opens, names them too and goes on; nothing is changed', async () => {
    const users = await box.write('users.csv', 'user\nalice\n');
    const result = await runCli(
      ['batch', users, '--profile', 'admin', '--create', '--skip', 'alice', '--qr-png', `${box.dir}/qr.png`, '--endpoint-url', emulator.url],
      { env: box.env, clock: fakeClock(), prompter: scriptedPrompter([]) },
    );
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(new RegExp(`other IAM user\\(s\\)[\\s\\S]*  kim:\\n    ${box.credentialsFile}: \\[kim\\], \\[kim-mfa\\]\\n[\\s\\S]*Batch: 0 of 1`));
    expect(result.stderr).not.toContain('[ci]');
    expect(await files()).toEqual(before);
    expect(result.stderr).not.toContain(kim.secretAccessKey);
  });
});
