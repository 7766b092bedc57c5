import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Aws, CallerIdentity, SessionCredentials } from '../../src/aws/client.js';
import { createFileWriter } from '../../src/credentials/files.js';
import { readIniValue } from '../../src/credentials/ini.js';
import { systemClock } from '../../src/totp/clock.js';
import { AwsError, UserError } from '../../src/errors.js';
import { codeAt, counterAt } from '../../src/totp/totp.js';
import { t } from '../../src/ui/messages/index.js';
import type { Device, Identity } from '../../src/wizard/context.js';
import { enableDevice } from '../../src/wizard/steps/show-and-enable.js';
import { saveLongTermProfile } from '../../src/wizard/steps/save-keys.js';
import { showQr } from '../../src/wizard/show-qr.js';
import { verifySession } from '../../src/wizard/steps/verify-new-session.js';
import { fakeClock } from '../helpers/clock.js';
import { scriptedPrompter } from '../helpers/prompter.js';
import { recordingOutput } from '../helpers/output.js';

// Steps with fakes: each step takes only the AWS calls it makes (Pick<Aws, …>), so a fake is
// those calls, and a call the step should not make does not exist on it.

const SEED = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const ALICE: Identity = { arn: 'arn:aws:iam::123456789012:user/alice', account: '123456789012', partition: 'aws', userName: 'alice', path: '/' };
const DEVICE: Device = { name: 'alice', serialNumber: 'arn:aws:iam::123456789012:mfa/alice', seed: SEED };

/** An Output with no terminal whose text (stderr and stdout) is kept, secrets filtered as the real one does. */
/** Codes typed in order; one more asked for than given fails the test. */
function typedCodes(codes: string[]) {
  const queue = [...codes];
  const asked: string[] = [];
  return {
    asked,
    readCode: async (message: string) => {
      asked.push(message);
      const code = queue.shift();
      if (code === undefined) throw new Error(`Unexpected code prompt: ${message}`);
      return code;
    },
    left: () => queue.length,
  };
}

const wrongPair = () => new AwsError('InvalidAuthenticationCode', 'iam:EnableMFADevice', 'Authentication code for device is not valid.', 403);

describe('enableDevice (step 6)', () => {
  it('sends two consecutive codes, waiting for the second, and remembers what it used', async () => {
    const clock = fakeClock();
    const k = counterAt(clock.now());
    const codes = typedCodes([codeAt(SEED, k), codeAt(SEED, k + 1)]);
    const sent: string[][] = [];
    const aws: Pick<Aws, 'enableMfaDevice' | 'listMfaDevices'> = {
      enableMfaDevice: async (user, serial, one, two) => void sent.push([user, serial, one, two]),
      listMfaDevices: async () => expect.unreachable('IAM is asked only when an answer was lost'),
    };
    const { out } = recordingOutput([SEED]);
    const history = await enableDevice(aws, ALICE, DEVICE, {}, { out, prompter: scriptedPrompter([]), clock, readCode: codes.readCode, signal: new AbortController().signal });
    expect(sent).toEqual([['alice', DEVICE.serialNumber, codeAt(SEED, k), codeAt(SEED, k + 1)]]);
    expect(history).toEqual({ usedCodes: [codeAt(SEED, k), codeAt(SEED, k + 1)], lastCounter: k + 1, phoneOffset: 0 });
    expect(clock.slept.length).toBeGreaterThan(0); // the second code did not exist yet
    expect(codes.left()).toBe(0);
  });

  it('a pair AWS rejects is explained, and the next pair enables', async () => {
    const clock = fakeClock();
    const k = counterAt(clock.now());
    const codes = typedCodes([codeAt(SEED, k), codeAt(SEED, k + 1), codeAt(SEED, k + 1), codeAt(SEED, k + 2)]);
    let tries = 0;
    const aws: Pick<Aws, 'enableMfaDevice' | 'listMfaDevices'> = {
      enableMfaDevice: async () => {
        if (++tries === 1) throw wrongPair();
      },
      listMfaDevices: async () => expect.unreachable('a rejected pair is not a lost answer'),
    };
    const { out, text } = recordingOutput([SEED]);
    const history = await enableDevice(aws, ALICE, DEVICE, {}, { out, prompter: scriptedPrompter([]), clock, readCode: codes.readCode, signal: new AbortController().signal });
    expect(tries).toBe(2);
    expect(text()).toContain(t('enable.rejected'));
    expect(history.lastCounter).toBe(k + 2);
  });

  /** Enabling with a good pair, AWS answering EntityAlreadyExists (a retry after a lost answer), IAM listing `listed`. */
  const afterLostAnswer = (listed: string[]) => {
    const clock = fakeClock();
    const k = counterAt(clock.now());
    const codes = typedCodes([codeAt(SEED, k), codeAt(SEED, k + 1)]);
    const aws: Pick<Aws, 'enableMfaDevice' | 'listMfaDevices'> = {
      enableMfaDevice: async () => {
        throw new AwsError('EntityAlreadyExists', 'iam:EnableMFADevice', 'MFA device already in use.', 409);
      },
      listMfaDevices: async () => listed.map((serialNumber) => ({ serialNumber })),
    };
    const { out, text } = recordingOutput([SEED]);
    const run = enableDevice(aws, ALICE, DEVICE, {}, { out, prompter: scriptedPrompter([]), clock, readCode: codes.readCode, signal: new AbortController().signal });
    return { run, text, pair: [codeAt(SEED, k), codeAt(SEED, k + 1)] };
  };

  it('an answer lost on the way back: IAM says the device is enabled, and the run goes on', async () => {
    const { run, text, pair } = afterLostAnswer([DEVICE.serialNumber]);
    expect((await run).usedCodes).toEqual(pair);
    expect(text()).toContain(t('enable.answerLost', { serial: DEVICE.serialNumber }));
  });

  it('EntityAlreadyExists for a device IAM does not list as the user\'s is an error that says so', async () => {
    await expect(afterLostAnswer([]).run).rejects.toMatchObject({ id: 'enable.alreadyEnabled' });
  });
});

describe('verifySession (step 7)', () => {
  const session: SessionCredentials = {
    accessKeyId: 'ASIAEXAMPLEEXAMPLE12',
    secretAccessKey: 'c2Vzc2lvbi1zZWNyZXQtZXhhbXBsZS1leGFtcGxlMTI=',
    sessionToken: 'c2Vzc2lvbi10b2tlbg==',
    expiration: new Date('2030-01-01T00:00:00Z'),
  };
  const whoami = (identity: CallerIdentity): Pick<Aws, 'getCallerIdentity'> => ({ getCallerIdentity: async () => identity });

  it('waits for a code never used, gets a session with it, and proves it with the session\'s own call', async () => {
    const clock = fakeClock();
    const k = counterAt(clock.now());
    const codes = typedCodes([codeAt(SEED, k + 1)]);
    const asked: [string, string, number][] = [];
    const aws: Pick<Aws, 'getSessionToken'> = {
      getSessionToken: async (serial, code, seconds) => {
        asked.push([serial, code, seconds]);
        return session;
      },
    };
    const madeWith: unknown[] = [];
    const factory = async (credentials: unknown) => {
      madeWith.push(credentials);
      return whoami({ arn: ALICE.arn, account: ALICE.account });
    };
    const { out, text } = recordingOutput([SEED]);
    const history = { usedCodes: [codeAt(SEED, k - 1), codeAt(SEED, k)], lastCounter: k, phoneOffset: 0 };
    const verified = await verifySession(aws, factory, ALICE, DEVICE, history, { durationSeconds: 3600 }, { out, prompter: scriptedPrompter([]), clock, readCode: codes.readCode, signal: new AbortController().signal });
    expect(asked).toEqual([[DEVICE.serialNumber, codeAt(SEED, k + 1), 3600]]);
    expect(madeWith).toEqual([{ keys: session }]);
    expect(verified).toEqual({ credentials: session, arn: ALICE.arn });
    expect(clock.slept.reduce((a, b) => a + b, 0)).toBeGreaterThan(0); // the fresh code was waited for
    expect(text()).not.toContain(session.secretAccessKey);
    expect(text()).not.toContain(session.sessionToken);
  });

  it('a code the local check found current but AWS refuses: the warning names resync for the profile (issue 21)', async () => {
    const clock = fakeClock();
    const k = counterAt(clock.now());
    const codes = typedCodes([codeAt(SEED, k + 1), codeAt(SEED, k + 2)]);
    let calls = 0;
    const aws: Pick<Aws, 'getSessionToken'> = {
      getSessionToken: async () => {
        if (calls++ === 0) throw new AwsError('AccessDenied', 'sts:GetSessionToken', 'MultiFactorAuthentication failed with invalid MFA one time pass code.', 403);
        return session;
      },
    };
    const factory = async () => whoami({ arn: ALICE.arn, account: ALICE.account });
    const { out, text } = recordingOutput([SEED]);
    const history = { usedCodes: [], lastCounter: k, phoneOffset: 0 };
    await verifySession(aws, factory, ALICE, DEVICE, history, { durationSeconds: 3600, resyncProfile: 'alice' }, { out, prompter: scriptedPrompter([]), clock, readCode: codes.readCode, signal: new AbortController().signal });
    expect(text()).toContain('\n    mfa-onboard resync --profile alice\n');
  });

  it('a session that is another account\'s is refused', async () => {
    const clock = fakeClock();
    const k = counterAt(clock.now());
    const codes = typedCodes([codeAt(SEED, k + 1)]);
    const aws: Pick<Aws, 'getSessionToken'> = { getSessionToken: async () => session };
    const factory = async () => whoami({ arn: 'arn:aws:iam::999999999999:user/alice', account: '999999999999' });
    const { out } = recordingOutput([SEED]);
    const history = { usedCodes: [], lastCounter: k, phoneOffset: 0 };
    const run = verifySession(aws, factory, ALICE, DEVICE, history, { durationSeconds: 3600 }, { out, prompter: scriptedPrompter([]), clock, readCode: codes.readCode, signal: new AbortController().signal });
    await expect(run).rejects.toMatchObject({ id: 'session.wrongAccount' });
  });
});

describe('showQr (step 5) without a terminal', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await fs.mkdtemp(join(tmpdir(), 'mfa-onboard-steps-'));
  });
  afterEach(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });
  const aliases: Pick<Aws, 'listAccountAliases'> = { listAccountAliases: async () => ['acme'] };
  const noPaint = async () => expect.unreachable('no terminal: nothing is painted');

  it('--qr-png: the PNG is written 0600 and reported, the seed never printed', async () => {
    const path = join(dir, 'alice.png');
    const wrote: string[] = [];
    const { out, text } = recordingOutput([SEED]);
    await showQr(aliases, ALICE, DEVICE, { showSecret: false, qrPng: path, yes: true }, { out, prompter: scriptedPrompter([]), interactive: false, qrPaint: noPaint, writer: createFileWriter({ clock: systemClock }) }, (p) => wrote.push(p));
    expect(wrote).toEqual([path]);
    expect((await fs.stat(path)).mode & 0o777).toBe(0o600);
    expect(text()).toContain(t('qr.noTerminal'));
    expect(text()).not.toContain(SEED);
  });

  it('--qr-png naming a file that exists: refused, the file untouched', async () => {
    const path = join(dir, 'taken.png');
    await fs.writeFile(path, 'mine');
    const { out } = recordingOutput([SEED]);
    const run = showQr(aliases, ALICE, DEVICE, { showSecret: false, qrPng: path, yes: true }, { out, prompter: scriptedPrompter([]), interactive: false, qrPaint: noPaint, writer: createFileWriter({ clock: systemClock }) });
    await expect(run).rejects.toMatchObject({ id: 'qr.pngExists' });
    expect(await fs.readFile(path, 'utf8')).toBe('mine');
  });

  it('asked, with no code on screen: a PNG saved on request, then continue', async () => {
    const path = join(dir, 'asked.png');
    const wrote: string[] = [];
    const prompter = scriptedPrompter([
      { flag: '--yes', answer: 'png' },
      { flag: '--qr-png', answer: path },
      { flag: '--yes', answer: 'continue' },
    ]);
    const { out, text } = recordingOutput([SEED]);
    await showQr(aliases, ALICE, DEVICE, { showSecret: false, yes: false }, { out, prompter, interactive: true, qrPaint: noPaint, writer: createFileWriter({ clock: systemClock }) }, (p) => wrote.push(p));
    prompter.assertDone();
    expect(wrote).toEqual([path]);
    expect((await fs.stat(path)).mode & 0o777).toBe(0o600);
    expect(text()).not.toContain(SEED);
  });
});

describe('saveLongTermProfile (the save-keys step)', () => {
  let dir: string;
  let files: { credentialsFile: string; configFile: string };
  beforeEach(async () => {
    dir = await fs.mkdtemp(join(tmpdir(), 'mfa-onboard-steps-'));
    files = { credentialsFile: join(dir, 'credentials'), configFile: join(dir, 'config') };
  });
  afterEach(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });
  const key = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', line: 2 };

  it('asks the name (the user\'s by default) and writes the keys 0600', async () => {
    const prompter = scriptedPrompter([{ flag: '--profile', answer: 'alice' }]);
    const { out } = recordingOutput([SEED]);
    const saved = await saveLongTermProfile(key, ALICE, { replaceProfile: false }, { out, prompter, files, writer: createFileWriter({ clock: systemClock }) });
    prompter.assertDone();
    expect(saved.profile).toBe('alice');
    const text = await fs.readFile(files.credentialsFile, 'utf8');
    expect(readIniValue(text, 'alice', 'aws_access_key_id')).toBe(key.accessKeyId);
    expect((await fs.stat(files.credentialsFile)).mode & 0o777).toBe(0o600);
  });

  it('another key under the name: asked before replacing; declined, another name is asked and the old key kept', async () => {
    await fs.writeFile(files.credentialsFile, '[alice]\naws_access_key_id = AKIAOTHEROTHEROTHER1\naws_secret_access_key = other\n', { mode: 0o600 });
    const prompter = scriptedPrompter([
      { flag: '--profile', answer: 'alice' },
      { flag: '--replace-profile', answer: false },
      { flag: '--profile', answer: 'alice-2' },
    ]);
    const { out } = recordingOutput([SEED]);
    const saved = await saveLongTermProfile(key, ALICE, { replaceProfile: false }, { out, prompter, files, writer: createFileWriter({ clock: systemClock }) });
    prompter.assertDone();
    expect(saved.profile).toBe('alice-2');
    const text = await fs.readFile(files.credentialsFile, 'utf8');
    expect(readIniValue(text, 'alice', 'aws_access_key_id')).toBe('AKIAOTHEROTHEROTHER1');
    expect(readIniValue(text, 'alice-2', 'aws_access_key_id')).toBe(key.accessKeyId);
  });

  it('--profile naming another key, declined: stops, nothing written', async () => {
    const before = '[alice]\naws_access_key_id = AKIAOTHEROTHEROTHER1\naws_secret_access_key = other\n';
    await fs.writeFile(files.credentialsFile, before, { mode: 0o600 });
    const prompter = scriptedPrompter([{ flag: '--replace-profile', answer: false }]);
    const { out } = recordingOutput([SEED]);
    const run = saveLongTermProfile(key, ALICE, { profile: 'alice', replaceProfile: false }, { out, prompter, files, writer: createFileWriter({ clock: systemClock }) });
    await expect(run).rejects.toBeInstanceOf(UserError);
    await expect(run).rejects.toMatchObject({ id: 'profile.keptExisting' });
    prompter.assertDone();
    expect(await fs.readFile(files.credentialsFile, 'utf8')).toBe(before);
  });
});
