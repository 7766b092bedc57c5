import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFileWriter, type FileWriter } from '../../src/credentials/files.js';
import { readIniValue } from '../../src/credentials/ini.js';
import { systemClock } from '../../src/totp/clock.js';
import { abandoned, deviceCreated, enrolmentFinished, nextRun, readUnderway, replacementStarted } from '../../src/wizard/enrolment-state.js';

const OLD = 'arn:aws:iam::123456789012:mfa/alice';
const NEW = 'arn:aws:iam::123456789012:mfa/alice-20261202';

describe('the enrolment state kept in the config file (one change per transition)', () => {
  let dir: string;
  let deps: { files: { credentialsFile: string; configFile: string }; writer: FileWriter };
  beforeEach(async () => {
    dir = await fs.mkdtemp(join(tmpdir(), 'mfa-onboard-state-'));
    deps = { files: { credentialsFile: join(dir, 'credentials'), configFile: join(dir, 'config') }, writer: createFileWriter({ clock: systemClock }) };
  });
  afterEach(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });
  const config = () => fs.readFile(deps.files.configFile, 'utf8');

  it('a replacement: started, its device created, finished; every profile naming the old device then names the new one', async () => {
    await fs.writeFile(deps.files.configFile, `[profile alice]\nmfa_serial = ${OLD}\n\n[profile admin-role]\nsource_profile = alice\nmfa_serial = ${OLD}\n`);
    await replacementStarted('alice', OLD, deps);
    expect(await readUnderway(deps.files.configFile, 'alice')).toEqual({ replacing: { old: OLD } });
    await deviceCreated('alice', NEW, OLD, deps);
    expect(await readUnderway(deps.files.configFile, 'alice')).toEqual({ replacing: { old: OLD, new: NEW } });
    await enrolmentFinished('alice', { retired: OLD, serial: NEW, replacement: true }, deps);
    expect(await readUnderway(deps.files.configFile, 'alice')).toEqual({});
    const text = await config();
    expect(readIniValue(text, 'profile alice', 'mfa_serial')).toBe(NEW);
    expect(readIniValue(text, 'profile admin-role', 'mfa_serial')).toBe(NEW);
  });

  it('an enrolment: recorded when the device exists, cleared when abandoned', async () => {
    await deviceCreated('default', NEW, undefined, deps);
    expect(await readUnderway(deps.files.configFile, 'default')).toEqual({ enrolling: NEW });
    await abandoned('default', { enrolment: true }, deps);
    expect(await readUnderway(deps.files.configFile, 'default')).toEqual({});
  });

  it('abandoning a replacement leaves an enrolment recorded beside it alone, and the other way round', async () => {
    await replacementStarted('alice', OLD, deps);
    await deviceCreated('alice', NEW, undefined, deps);
    await abandoned('alice', { replacement: true }, deps);
    expect(await readUnderway(deps.files.configFile, 'alice')).toEqual({ enrolling: NEW });
  });

  it('nothing to clear: the file is not created (nor touched)', async () => {
    await abandoned('alice', { replacement: true, enrolment: true }, deps);
    await enrolmentFinished('alice', { serial: NEW, replacement: false }, deps);
    await expect(fs.stat(deps.files.configFile)).rejects.toMatchObject({ code: 'ENOENT' });
    const before = '# mine\n[profile alice]\nregion = eu-west-1\n';
    await fs.writeFile(deps.files.configFile, before);
    const { mtimeMs } = await fs.stat(deps.files.configFile);
    await abandoned('alice', { replacement: true, enrolment: true }, deps);
    expect(await config()).toBe(before);
    expect((await fs.stat(deps.files.configFile)).mtimeMs).toBe(mtimeMs);
  });
});

describe('issue 20, 2.4: what the next run does about what is under way (status says it)', () => {
  it.each([
    { underway: {}, assigned: [OLD], next: undefined },
    { underway: { enrolling: NEW }, assigned: [NEW], next: { next: 'finish-enrolment', serial: NEW } },
    { underway: { enrolling: NEW }, assigned: [], next: { next: 'start-afresh', serial: NEW } },
    { underway: { replacing: { old: OLD, new: NEW } }, assigned: [OLD, NEW], next: { next: 'finish-replacement', serial: NEW, old: OLD, oldLeft: true } },
    { underway: { replacing: { old: OLD, new: NEW } }, assigned: [NEW], next: { next: 'finish-replacement', serial: NEW, old: OLD, oldLeft: false } },
    { underway: { replacing: { old: OLD, new: NEW } }, assigned: [OLD], next: { next: 'replace-again', old: OLD, serial: NEW } },
    { underway: { replacing: { old: OLD } }, assigned: [OLD], next: { next: 'replace-again', old: OLD } },
    { underway: { replacing: { old: OLD } }, assigned: [], next: { next: 'enrol-afresh', old: OLD } },
    // A replacement recorded outweighs an enrolment recorded beside it (as resumeEarlierRun decides).
    { underway: { replacing: { old: OLD }, enrolling: NEW }, assigned: [OLD, NEW], next: { next: 'replace-again', old: OLD } },
  ])('$underway with $assigned assigned → $next.next', ({ underway, assigned, next }) => {
    expect(nextRun(underway, assigned)).toEqual(next);
  });
});
