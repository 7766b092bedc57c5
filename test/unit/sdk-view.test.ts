import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { externalDataInterceptor, loadSharedConfigFiles } from '@smithy/shared-ini-file-loader';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { narrowFilesForSdk } from '../../src/credentials/sdk-view.js';

let root: string;
let env: NodeJS.ProcessEnv;
beforeEach(async () => {
  root = await fs.mkdtemp(join(tmpdir(), 'mfa-onboard-sdkview-'));
  env = { HOME: root, AWS_SHARED_CREDENTIALS_FILE: join(root, 'credentials'), AWS_CONFIG_FILE: join(root, 'config') };
});
afterEach(async () => {
  const record = externalDataInterceptor.getFileRecord();
  for (const path of Object.keys(record)) delete record[path];
  await fs.rm(root, { recursive: true, force: true });
});

/** What the SDK's own loader reads of the two files (through its interceptor, as its clients do). */
async function sdkSees(): Promise<Awaited<ReturnType<typeof loadSharedConfigFiles>>> {
  return loadSharedConfigFiles({ filepath: env.AWS_SHARED_CREDENTIALS_FILE!, configFilepath: env.AWS_CONFIG_FILE!, ignoreCache: true });
}

const pad = (count: number) => Array.from({ length: count }, (_, i) => `[filler${i}]\naws_access_key_id = AKIA${String(i).padStart(16, '0')}\naws_secret_access_key = ${'f'.repeat(40)}\n`).join('');

describe('narrowFilesForSdk: what the SDK is shown of a file over 1 MB', () => {
  it('the profiles in play read exactly as from the whole files, through source_profile, sso_session and services; the rest is left out', async () => {
    const credentials = [
      '[alice]\naws_access_key_id = AKIAALICEALICEALICE1\n',
      pad(15_000),
      '[base]\naws_access_key_id = AKIABASEBASEBASEBAS1\n',
      '[default]\nregion = eu-west-1\n',
      // A repeated section: the SDK merges the two, later values winning.
      '[alice]\naws_secret_access_key = second\n',
    ].join('\n');
    const config = [
      '[profile role]\nrole_arn = arn:aws:iam::123456789012:role/R\nsource_profile = base\nsso_session = corp\nservices = local\n',
      '[sso-session corp]\nsso_region = eu-west-1\n',
      '[services local]\niam =\n  endpoint_url = http://127.0.0.1:5000\n',
      '[profile unrelated]\nregion = us-east-1\n',
    ].join('\n');
    await fs.writeFile(env.AWS_SHARED_CREDENTIALS_FILE!, credentials);
    await fs.writeFile(env.AWS_CONFIG_FILE!, config);
    expect(credentials.length).toBeGreaterThan(1024 * 1024);
    const whole = await sdkSees();

    await narrowFilesForSdk('role', env);
    const narrowed = await sdkSees();
    for (const name of ['role', 'default']) expect(narrowed.configFile[name]).toEqual(whole.configFile[name]);
    for (const name of ['base', 'default']) expect(narrowed.credentialsFile[name]).toEqual(whole.credentialsFile[name]);
    expect(narrowed.credentialsFile['filler7']).toBeUndefined();
    expect(Object.keys(narrowed.credentialsFile).sort()).toEqual(['base', 'default']);
    // The config file is small: the SDK reads it whole, as before.
    expect(narrowed.configFile['unrelated']).toEqual(whole.configFile['unrelated']);

    await narrowFilesForSdk('alice', env);
    const forAlice = await sdkSees();
    expect(forAlice.credentialsFile['alice']).toEqual({ aws_access_key_id: 'AKIAALICEALICEALICE1', aws_secret_access_key: 'second' });
    expect(forAlice.credentialsFile['alice']).toEqual(whole.credentialsFile['alice']);
  });

  it('files under 1 MB are left to the SDK, and an earlier narrowing is undone', async () => {
    await fs.writeFile(env.AWS_SHARED_CREDENTIALS_FILE!, `[alice]\naws_access_key_id = AKIAALICEALICEALICE1\n${pad(15_000)}`);
    await narrowFilesForSdk('alice', env);
    expect(Object.keys(externalDataInterceptor.getFileRecord())).toEqual([env.AWS_SHARED_CREDENTIALS_FILE]);
    await fs.writeFile(env.AWS_SHARED_CREDENTIALS_FILE!, '[alice]\naws_access_key_id = AKIAALICEALICEALICE1\n[bob]\nregion = x\n');
    await narrowFilesForSdk('alice', env);
    expect(externalDataInterceptor.getFileRecord()).toEqual({});
    expect(Object.keys((await sdkSees()).credentialsFile)).toEqual(['alice', 'bob']);
  });
});
