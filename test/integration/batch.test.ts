import { promises as fs } from 'node:fs';
import { CreateGroupCommand, GetGroupCommand, ListUsersCommand } from '@aws-sdk/client-iam';
import { loadSharedConfigFiles } from '@smithy/shared-ini-file-loader';
import { describe, expect, it, vi } from 'vitest';
import { CancelledError } from '../../src/errors.js';
import { codeAt, counterAt } from '../../src/totp/totp.js';
import { errorText } from '../../src/ui/error-text.js';
import { fakeClock } from '../helpers/clock.js';
import { userErrorFrom } from '../helpers/errors.js';
import { addAdminProfile, adminIam, createUserWithKey, enrolledDevice, listDevices } from '../helpers/moto.js';
import { scriptedPrompter, type Answer } from '../helpers/prompter.js';
import { runCli } from '../helpers/run.js';
import { makeSandbox } from '../helpers/sandbox.js';
import { useMotoWorld } from '../helpers/world.js';

describe('mfa-onboard batch, against moto', () => {
  const world = useMotoWorld();

  async function setUp() {
    await addAdminProfile(world.box);
    await adminIam(world.moto).send(new CreateGroupCommand({ GroupName: 'new-hires' }));
    return world.box.write('users.csv', '\uFEFFUser,Group,Path\r\nalice,new-hires,/\r\nbob,new-hires,/eng/\r\ncarol,new-hires,/\r\n');
  }

  /**
   * The fake clock only moves when the wizard waits, so over several hires it would run ahead
   * of the emulator's (and from 30 s off the wizard would take AWS's time instead). At each
   * hand-over it is set back to the real time, as a hire's phone would be: the wizard and
   * this phone then read the same clock.
   */
  const phone = (user: string, clock: ReturnType<typeof fakeClock>) => async () => {
    const seed = (await listDevices(world.moto)).find((d) => d.serialNumber.endsWith(`:mfa/${user}`))?.seed;
    return codeAt(seed!, counterAt(clock.now()));
  };
  /** The administrator takes the keyboard back (the batch's profile typed) and chooses what next. */
  const admin = (next: 'next' | 'again' | 'stop' = 'next'): Answer[] => [{ flag: '--profile', answer: 'admin' }, { flag: '--yes', answer: next }];
  /** One hire at the keyboard: ready, scanned, two codes, the session code; then the administrator's screen. */
  const hire = (user: string, clock: ReturnType<typeof fakeClock>): Answer[] => [
    {
      flag: '--yes',
      answer: () => {
        clock.advance(Date.now() - clock.now());
        return 'enrol';
      },
    },
    { flag: '--yes', answer: 'continue' },
    { flag: '--codes-from-stdin', answer: phone(user, clock) },
    { flag: '--codes-from-stdin', answer: phone(user, clock) },
    { flag: '--codes-from-stdin', answer: phone(user, clock) },
    ...admin(),
  ];
  /** A hire enrolled again after a QR code was shown to her: she first deletes that code's entry from her app (issue 23 item 4). */
  const afterEarlierCode = ([ready, ...rest]: Answer[]): Answer[] => [ready!, { flag: '--yes', answer: true }, ...rest];
  const args = (users: string, ...extra: string[]) => [
    'batch', users, '--profile', 'admin', '--create', '--region', 'eu-west-1', '--qr-png', `${world.box.dir}/qr-${Math.random()}.png`,
    '--endpoint-url', world.moto.url, ...extra,
  ];

  it('three hires, stopped during the second and resumed: three enabled devices, a report, an audit log, no secret anywhere', async () => {
    const users = await setUp();
    const adminFile = await fs.readFile(world.box.credentialsFile, 'utf8');
    let clock = fakeClock();
    const first = await runCli(args(users), {
      env: world.box.env,
      clock,
      prompter: scriptedPrompter([...hire('alice', clock), { flag: '--yes', answer: 'enrol' }, { flag: '--yes', answer: () => { throw new CancelledError(); } }, ...admin('stop')]),
    });
    expect(first.code).toBe(2);
    // bob's Ctrl-C came back to the administrator's screen; the administrator stopped the batch there.
    expect(first.stderr).toContain("bob's enrolment was stopped with Ctrl-C; the device begun for it was removed.");
    expect(first.stderr).toContain("bob's turn was stopped. bob, please hand the keyboard back to the administrator.");
    expect(first.stderr).toContain('When bob is done, or presses Ctrl-C, the keyboard comes back to a screen that only the administrator can leave.');
    expect(first.stderr).toContain('Hire 1 of 3: alice');
    expect(first.stderr).toContain('Hire 2 of 3: bob');
    expect(first.stderr).toContain(`Stopped at bob. Everyone before is recorded. To carry on:\n    mfa-onboard batch ${users} --profile admin --create --region eu-west-1\n`);
    expect(first.stderr).toContain('Run the same command again: it carries on');
    expect(first.stderr).not.toContain('start over');
    expect(first.stderr).not.toContain('Next, with'); // the batch goes on to enrol itself
    // bob's unfinished device went with the Ctrl-C; alice's stays.
    expect((await listDevices(world.moto)).map((d) => [d.serialNumber, d.user])).toEqual([['arn:aws:iam::123456789012:mfa/alice', 'alice']]);

    clock = fakeClock();
    const report = `${world.box.dir}/report.json`;
    const second = await runCli(args(users, '--report', report), {
      env: world.box.env,
      clock,
      prompter: scriptedPrompter([...afterEarlierCode(hire('bob', clock)), ...hire('carol', clock)]),
    });
    expect(second.stderr).toContain('1 of 3 hires are already done or skipped');
    // bob's QR code of the first run may be in his app: the new one is told apart.
    expect(second.stderr).toContain("An earlier attempt's code, AWS:bob@123456789012, is probably still in your authenticator app");
    expect(second.stderr).toContain('Hire 2 of 3: bob');
    expect(second.code).toBe(0);
    const devices = await listDevices(world.moto);
    expect(devices.map((d) => d.user).sort()).toEqual(['alice', 'bob', 'carol']);
    const written = JSON.parse(await fs.readFile(report, 'utf8'));
    expect(written).toMatchObject([
      { user: 'alice', status: 'done', serialNumber: 'arn:aws:iam::123456789012:mfa/alice', sessionVerified: true },
      { user: 'bob', status: 'done', sessionVerified: true },
      { user: 'carol', status: 'done', sessionVerified: true },
    ]);
    expect(second.stderr).toMatch(/Batch: 3 of 3 hires enrolled/);
    const group = await adminIam(world.moto).send(new GetGroupCommand({ GroupName: 'new-hires' }));
    expect(group.Users?.map((u) => u.UserName).sort()).toEqual(['alice', 'bob', 'carol']);

    // The audit log: every change the admin made, with who and for whom, and no secret.
    const audit = (await fs.readFile(`${users}.audit.jsonl`, 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
    const actions = (user: string) => audit.filter((e) => e.user === user && e.result === 'ok').map((e) => e.action);
    expect(actions('carol')).toEqual(['iam:CreateUser', 'iam:AddUserToGroup', 'iam:CreateAccessKey', 'iam:CreateVirtualMFADevice', 'iam:EnableMFADevice']);
    expect(audit.filter((e) => e.user === 'bob' && e.action === 'iam:DeleteVirtualMFADevice')).toHaveLength(1); // the Ctrl-C's clean-up
    for (const entry of audit) expect(entry).toMatchObject({ admin: 'arn:aws:sts::123456789012:user/moto', time: expect.any(String) });
    const secrets = await Promise.all(['alice', 'bob', 'carol'].map(async (u) => (await fs.readFile(`${world.box.dir}/${u}_accessKeys.csv`, 'utf8')).split(/[,\r\n]+/)[3]!));
    const state = await fs.readFile(`${users}.state.json`, 'utf8');
    for (const secret of [...secrets, ...devices.map((d) => d.seed!)]) {
      for (const text of [first.stderr, second.stderr, JSON.stringify(audit), state, JSON.stringify(written)]) expect(text).not.toContain(secret);
    }

    // Issue 22: nothing of the hires' on the administrator's computer but the CSVs to hand over.
    expect(await fs.readFile(world.box.credentialsFile, 'utf8')).toBe(adminFile);
    await expect(fs.stat(world.box.configFile)).rejects.toThrow();
    expect(second.stderr).toContain('Still to hand over (3): give each file to its hire');
    expect(second.stderr).toContain(`each hire runs this with their file; one code from their phone sets them up:\n    mfa-onboard FILE --endpoint-url ${world.moto.url}\n`);
    for (const u of ['alice', 'bob', 'carol']) expect(second.stderr).toMatch(new RegExp(`\\n  ${u} +${world.box.dir}/${u}_accessKeys\\.csv\\n`));
    expect(written.map((o: { csv?: string }) => o.csv)).toEqual(['alice', 'bob', 'carol'].map((u) => `${world.box.dir}/${u}_accessKeys.csv`));
    // A file handed over and deleted is not listed again.
    await fs.rm(`${world.box.dir}/alice_accessKeys.csv`);
    const third = await runCli(args(users), { env: world.box.env, clock: fakeClock(), prompter: scriptedPrompter([]) });
    expect(third.stderr).toContain('Still to hand over (2)');
    expect(third.stderr).not.toContain('alice_accessKeys.csv');
  });

  it('issue 22: a hire the batch enrolled picks up on her own computer with the CSV the batch made: one code, her keys, mfa_serial and a session', async () => {
    const users = await setUp();
    const clock = fakeClock();
    const run = await runCli(args(users, '--only', 'carol'), { env: world.box.env, clock, prompter: scriptedPrompter(hire('carol', clock)) });
    expect(run.code).toBe(0);
    const csv = `${world.box.dir}/carol_accessKeys.csv`;
    const key = (await fs.readFile(csv, 'utf8')).split(/[,\r\n]+/);
    const own = await makeSandbox();
    try {
      const handed = await own.write('carol_accessKeys.csv', await fs.readFile(csv, 'utf8'));
      const later = fakeClock();
      const carol = scriptedPrompter([
        { flag: '--codes-from-stdin', answer: phone('carol', later) },
        { flag: '--backup', answer: false }, // a backup device, offered once her session works (issue 21)
        { flag: '--delete-csv / --keep-csv', answer: true },
      ]);
      const picked = await runCli([handed, '--profile', 'carol', '--region', 'eu-west-1', '--endpoint-url', world.moto.url], { env: own.env, clock: later, prompter: carol });
      carol.assertDone();
      expect(picked.code).toBe(0);
      const files = await loadSharedConfigFiles({ filepath: own.credentialsFile, configFilepath: own.configFile, ignoreCache: true });
      expect(files.credentialsFile.carol).toMatchObject({ aws_access_key_id: key[2], aws_secret_access_key: key[3] });
      expect(files.credentialsFile['carol-mfa']).toMatchObject({ aws_session_token: expect.any(String), mfa_onboard_serial: 'arn:aws:iam::123456789012:mfa/carol' });
      expect(files.configFile.carol).toMatchObject({ mfa_serial: 'arn:aws:iam::123456789012:mfa/carol', region: 'eu-west-1' });
      await expect(fs.stat(handed)).rejects.toThrow();
      expect((await listDevices(world.moto)).map((d) => d.user)).toEqual(['carol']);
    } finally {
      await own.cleanup();
    }
  });

  it('the endpoint from AWS_ENDPOINT_URL (no --endpoint-url): the line each hire runs carries it, and works as printed on her computer, which has no such variable', async () => {
    const users = await setUp();
    const clock = fakeClock();
    const withoutFlag = args(users, '--only', 'carol').filter((word, i, all) => word !== '--endpoint-url' && all[i - 1] !== '--endpoint-url');
    const run = await runCli(withoutFlag, { env: { ...world.box.env, AWS_ENDPOINT_URL: world.moto.url }, clock, prompter: scriptedPrompter(hire('carol', clock)) });
    expect(run.code).toBe(0);
    const line = /one code from their phone sets them up:\n {4}(.+)\n/.exec(run.stderr)?.[1];
    expect(line).toBe(`mfa-onboard FILE --endpoint-url ${world.moto.url}`);
    const own = await makeSandbox();
    try {
      expect(own.env.AWS_ENDPOINT_URL).toBeUndefined();
      const handed = await own.write('carol_accessKeys.csv', await fs.readFile(`${world.box.dir}/carol_accessKeys.csv`, 'utf8'));
      const later = fakeClock();
      const carol = scriptedPrompter([
        { flag: '--codes-from-stdin', answer: phone('carol', later) },
        { flag: '--backup', answer: false },
        { flag: '--delete-csv / --keep-csv', answer: false },
      ]);
      const argv = line!.split(' ').slice(1).map((word) => (word === 'FILE' ? handed : word));
      const picked = await runCli([...argv, '--profile', 'carol', '--region', 'eu-west-1'], { env: own.env, clock: later, prompter: carol });
      carol.assertDone();
      expect(picked.code).toBe(0);
      expect(picked.stderr).toContain('arn:aws:iam::123456789012:mfa/carol');
    } finally {
      await own.cleanup();
    }
  });

  it('a hire enabled but not verified (the session check failed) is recorded as done, and the next run does not enrol them twice', async () => {
    const users = await setUp();
    const clock = fakeClock();
    const [ready, scanned, first, second] = hire('alice', clock);
    const broken: Answer = { flag: '--codes-from-stdin', answer: () => { throw new Error('the network went away'); } };
    const run1 = await runCli(args(users, '--only', 'alice'), { env: world.box.env, clock, prompter: scriptedPrompter([ready!, scanned!, first!, second!, broken, ...admin()]) });
    expect(run1.stderr).toContain("alice's device is enabled, so alice is recorded as done, but the session check did not pass: the network went away");
    const state = JSON.parse(await fs.readFile(`${users}.state.json`, 'utf8'));
    expect(state.hires.alice).toMatchObject({ status: 'done', serialNumber: 'arn:aws:iam::123456789012:mfa/alice', sessionVerified: false, error: 'the network went away' });
    expect(state.account).toBe('123456789012');
    expect(run1.code).toBe(0);

    // alice is not asked again; a device she got outside the batch counts as well (bob).
    await runCli(['admin', 'create-user', 'bob', '--profile', 'admin', '--out', world.box.dir, '--endpoint-url', world.moto.url], { env: world.box.env });
    await enrolledDevice(world.moto, 'bob', 'bob');
    const run2 = await runCli(args(users, '--only', 'alice', '--only', 'BOB'), { env: world.box.env, clock: fakeClock(), prompter: scriptedPrompter([]) });
    expect(run2.stderr).toContain('1 of 2 hires are already done or skipped');
    expect(run2.stderr).toContain('bob already has an MFA device (arn:aws:iam::123456789012:mfa/bob): recorded as done');
    expect(run2.code).toBe(0);
    expect((await listDevices(world.moto)).map((d) => d.user).sort()).toEqual(['alice', 'bob']);
  });

  it('issue 23 item 2: the hire\'s Ctrl-C ends her turn, not the run: her device is taken back, and only the administrator (who types the profile) goes on from there', async () => {
    const users = await setUp();
    const clock = fakeClock();
    // Ctrl-C as main.ts routes it: while a hire has the keyboard, it aborts her turn only.
    const run = new AbortController();
    let turn: AbortController | undefined;
    const interrupts = { take: () => ((turn = new AbortController()), { signal: turn.signal, release: () => void (turn = undefined) }) };
    const [ready, scanned, first] = hire('alice', clock);
    const ctrlC: Answer = { flag: '--codes-from-stdin', answer: () => { turn!.abort(); throw new CancelledError(); } };
    const result = await runCli(args(users, '--only', 'alice'), {
      env: world.box.env, clock, signal: run.signal, interrupts,
      // Enrolled again, she first deletes the earlier code from her app (issue 23 item 4).
      prompter: scriptedPrompter([ready!, scanned!, first!, ctrlC, ...admin('again'), ...afterEarlierCode(hire('alice', clock))]),
    });
    expect(result.stderr.replace(/\s*\n\s*/g, ' ')).toMatch(/An earlier attempt's code, AWS:alice@123456789012, is probably still in your authenticator app.*The new code shows as AWS:alice\.\d{4}-\d{4}@123456789012\./);
    expect(result.stderr).toContain('When alice is done, or presses Ctrl-C, the keyboard comes back to a screen that only the administrator can leave.');
    expect(result.stderr).toContain("alice's enrolment was stopped with Ctrl-C; the device begun for it was removed.");
    expect(result.stderr).toContain("alice's turn was stopped. alice, please hand the keyboard back to the administrator.");
    // The administrator chose to enrol her again: one device, enabled, and the summary.
    expect(result.stderr).toContain('Done: alice is enrolled. alice, please hand the keyboard back to the administrator.');
    expect(result.code).toBe(0);
    expect(run.signal.aborted).toBe(false);
    expect(turn).toBeUndefined();
    expect((await listDevices(world.moto)).map((d) => d.user)).toEqual(['alice']);
    const audit = (await fs.readFile(`${users}.audit.jsonl`, 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
    expect(audit.filter((e) => e.action === 'iam:DeleteVirtualMFADevice' && e.result === 'ok')).toHaveLength(1);
    expect(result.stderr).toMatch(/Batch: 1 of 1 hires enrolled/);
  });

  it('a real Ctrl-C at the session code (every AWS call aborted from then on) still records the enabled hire as done', async () => {
    const users = await setUp();
    const clock = fakeClock();
    const controller = new AbortController();
    const [ready, scanned, first, second] = hire('alice', clock);
    const ctrlC: Answer = { flag: '--codes-from-stdin', answer: () => { controller.abort(); throw new CancelledError(); } };
    const run = await runCli(args(users, '--only', 'alice'), { env: world.box.env, clock, signal: controller.signal, prompter: scriptedPrompter([ready!, scanned!, first!, second!, ctrlC]) });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Stopped at alice, whose device is enabled and recorded (the session was not checked)');
    const state = JSON.parse(await fs.readFile(`${users}.state.json`, 'utf8'));
    expect(state.hires.alice).toMatchObject({ status: 'done', serialNumber: 'arn:aws:iam::123456789012:mfa/alice', sessionVerified: false });
    expect((await listDevices(world.moto)).map((d) => d.user)).toEqual(['alice']);
  });

  it('--skip is for this run and never undoes a done hire; one skipped at the hand-over comes back with --only', async () => {
    const users = await setUp();
    let clock = fakeClock();
    const skipBob: Answer = { flag: '--yes', answer: 'skip' };
    const report = `${world.box.dir}/r.json`;
    const run1 = await runCli(args(users, '--skip', 'carol', '--report', report), { env: world.box.env, clock, prompter: scriptedPrompter([...hire('alice', clock), skipBob]) });
    expect(run1.code).toBe(0);
    const outcome = async () => JSON.parse(await fs.readFile(`${users}.state.json`, 'utf8')).hires;
    expect(await outcome()).toMatchObject({ alice: { status: 'done' }, bob: { status: 'skipped' } });
    expect((await outcome()).carol).toBeUndefined(); // --skip: this run only
    expect(JSON.parse(await fs.readFile(report, 'utf8')).map((o: { status: string }) => o.status)).toEqual(['done', 'skipped', 'skipped']);

    const run2 = await runCli(args(users, '--skip', 'alice', '--skip', 'carol'), { env: world.box.env, clock: fakeClock(), prompter: scriptedPrompter([]) });
    expect(run2.code).toBe(0);
    expect((await outcome()).alice).toMatchObject({ status: 'done', serialNumber: 'arn:aws:iam::123456789012:mfa/alice' });

    clock = fakeClock();
    const run3 = await runCli(args(users, '--only', 'bob'), { env: world.box.env, clock, prompter: scriptedPrompter(hire('bob', clock)) });
    expect(run3.stderr).toContain('Hire 1 of 1: bob');
    expect(run3.code).toBe(0);
    expect((await outcome()).bob).toMatchObject({ status: 'done' });

    // carol, only left out with --skip before, is asked for by a plain run.
    clock = fakeClock();
    const run4 = await runCli(args(users), { env: world.box.env, clock, prompter: scriptedPrompter(hire('carol', clock)) });
    expect(run4.stderr).toContain('Hire 3 of 3: carol');
    expect(run4.code).toBe(0);
  });

  it('a hire passed over after her Ctrl-C is "interrupted", not "skipped": the table, the report and the state say so, and the next run enrols her but not the one skipped on purpose', async () => {
    const users = await setUp();
    let clock = fakeClock();
    const ctrlCAtQr: Answer[] = [{ flag: '--yes', answer: 'enrol' }, { flag: '--yes', answer: () => { throw new CancelledError(); } }, ...admin('next')];
    const report = `${world.box.dir}/r.json`;
    const first = await runCli(args(users, '--report', report), { env: world.box.env, clock, prompter: scriptedPrompter([...ctrlCAtQr, { flag: '--yes', answer: 'skip' }, ...hire('carol', clock)]) });
    expect(first.code).toBe(0);
    expect(first.stderr).toMatch(/\n {2}alice +interrupted +- /);
    expect(first.stderr).toMatch(/\n {2}bob +skipped +- /);
    expect(JSON.parse(await fs.readFile(report, 'utf8')).map((o: { status: string }) => o.status)).toEqual(['interrupted', 'skipped', 'done']);
    const again = `mfa-onboard batch ${users} --profile admin --create --report ${report} --region eu-west-1`;
    expect(first.stderr).toContain(`Interrupted with Ctrl-C and passed over: alice. Their unfinished devices were removed; the next run of the batch enrols them:\n    ${again}\n`);
    expect(first.stderr).toContain(`Skipped at the hand-over: bob. Later runs leave them out; to enrol them:\n    mfa-onboard batch ${users} --profile admin --create --only bob --report ${report} --region eu-west-1\n`);
    const state = async () => JSON.parse(await fs.readFile(`${users}.state.json`, 'utf8')).hires;
    expect(await state()).toMatchObject({ alice: { status: 'interrupted' }, bob: { status: 'skipped' }, carol: { status: 'done' } });

    // The next run: alice is enrolled (bob, skipped on purpose, is only named); nothing is left to say under the table.
    clock = fakeClock();
    const second = await runCli(args(users), { env: world.box.env, clock, prompter: scriptedPrompter(afterEarlierCode(hire('alice', clock))) });
    expect(second.code).toBe(0);
    expect(second.stderr).toContain('Skipped at an earlier hand-over: bob.');
    expect((await listDevices(world.moto)).map((d) => d.user).sort()).toEqual(['alice', 'carol']);
    expect(await state()).toMatchObject({ alice: { status: 'done' }, bob: { status: 'skipped' } });
    expect(second.stderr).not.toContain('Interrupted with Ctrl-C');
    expect(second.stderr).toContain('Skipped at the hand-over: bob.');
  });

  it('a rerun after a hire\'s Ctrl-C at her QR code: the state remembers the code\'s label (no secret), so her new code is told apart and she is asked to delete the dead entry', async () => {
    const users = await setUp();
    let clock = fakeClock();
    const report = `${world.box.dir}/r.json`;
    const ctrlCAtQr: Answer[] = [{ flag: '--yes', answer: 'enrol' }, { flag: '--yes', answer: () => { throw new CancelledError(); } }, ...admin('next')];
    const first = await runCli(args(users, '--only', 'alice', '--report', report), { env: world.box.env, clock, prompter: scriptedPrompter(ctrlCAtQr) });
    expect(first.code).toBe(0);
    const state = async () => JSON.parse(await fs.readFile(`${users}.state.json`, 'utf8')).hires;
    expect((await state()).alice).toEqual({ user: 'alice', status: 'interrupted', qrShown: 'AWS:alice@123456789012' });
    // The label is the next run's to know; the report is about what became of the hire.
    expect(JSON.parse(await fs.readFile(report, 'utf8'))).toEqual([{ user: 'alice', status: 'interrupted' }]);

    clock = fakeClock();
    const [ready, ...rest] = hire('alice', clock);
    const deleted: Answer = { flag: '--yes', answer: (message) => (expect(message).toContain('AWS:alice@123456789012'), true) };
    const second = await runCli(args(users, '--only', 'alice'), { env: world.box.env, clock, prompter: scriptedPrompter([ready!, deleted, ...rest]) });
    expect(second.code).toBe(0);
    expect(second.stderr.replace(/\s*\n\s*/g, ' ')).toMatch(/An earlier attempt's code, AWS:alice@123456789012, is probably still in your authenticator app.*The new code shows as AWS:alice\.\d{4}-\d{4}@123456789012\./);
    expect((await state()).alice).toMatchObject({ status: 'done' });
    expect((await state()).alice).not.toHaveProperty('qrShown');
  });

  it('issue 23 item 6: hires skipped at the hand-over are named with the --only that enrols them; "nothing left" is said plainly; a missing user without --create names --create', async () => {
    const users = await setUp();
    const clock = fakeClock();
    const skip: Answer = { flag: '--yes', answer: 'skip' };
    const first = await runCli(args(users), { env: world.box.env, clock, prompter: scriptedPrompter([...hire('alice', clock), skip, skip]) });
    expect(first.code).toBe(0);
    const again = await runCli(args(users), { env: world.box.env, clock: fakeClock(), prompter: scriptedPrompter([]) });
    expect(again.code).toBe(0);
    expect(again.stderr).not.toContain('carrying on with the rest');
    expect(again.stderr).toContain('hires are already done or skipped (from ' + users + '.state.json): nothing is left to enrol in this run.');
    expect(again.stderr).toContain(`Skipped at an earlier hand-over: bob, carol. To enrol them:\n    mfa-onboard batch ${users} --profile admin --create --only bob --only carol --region eu-west-1\n`);

    // --only Carol for a user IAM does not have, without --create: the error names --create, and nothing is done.
    const lone = await world.box.write('lone.csv', 'user\ncarol\n');
    const missing = await runCli(['batch', lone, '--profile', 'admin', '--only', 'Carol', '--region', 'eu-west-1', '--qr-png', `${world.box.dir}/q.png`, '--endpoint-url', world.moto.url], { env: world.box.env, clock: fakeClock(), prompter: scriptedPrompter([]) });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('carol has no IAM user in account 123456789012');
    expect(missing.stderr).toContain(`--create`);
    expect(missing.stderr).toContain(`    mfa-onboard batch ${lone} --profile admin --create --only carol --region eu-west-1\n`);
    expect(missing.stderr).not.toContain('Hire 1 of 1');
  });

  it('Ctrl-C after the QR PNG was written takes the PNG along with the device; the next run writes it again', async () => {
    const users = await setUp();
    const png = `${world.box.dir}/qr.png`;
    const withPng = (...extra: string[]) => args(users, '--only', 'alice', ...extra).map((a, i, all) => (all[i - 1] === '--qr-png' ? png : a));
    const stop: Answer = { flag: '--yes', answer: () => { throw new CancelledError(); } };
    const [ready] = hire('alice', fakeClock());
    const run1 = await runCli(withPng(), { env: world.box.env, clock: fakeClock(), prompter: scriptedPrompter([ready!, stop, ...admin('stop')]) });
    expect(run1.code).toBe(2);
    expect(run1.stderr).toContain(`Removed ${world.box.dir}/qr-alice.png`);
    await expect(fs.stat(`${world.box.dir}/qr-alice.png`)).rejects.toThrow();
    const clock = fakeClock();
    const run2 = await runCli(withPng(), { env: world.box.env, clock, prompter: scriptedPrompter(afterEarlierCode(hire('alice', clock))) });
    expect(run2.code).toBe(0);
    expect((await fs.stat(`${world.box.dir}/qr-alice.png`)).mode & 0o777).toBe(0o600);
  });

  it('what would stop every hire is refused before the first user is created', async () => {
    const users = await setUp();
    const base = ['batch', users, '--profile', 'admin', '--create', '--endpoint-url', world.moto.url];
    const noQr = await runCli(base, { env: world.box.env });
    expect(noQr.code).toBe(1);
    expect(noQr.stderr).toContain('--qr-png');
    // With everyone done, no QR is needed: the summary only.
    await fs.writeFile(`${users}.state.json`, JSON.stringify({ version: 1, hires: Object.fromEntries(['alice', 'bob', 'carol'].map((u) => [u, { user: u, status: 'skipped' }])) }));
    const allDone = await runCli(base, { env: world.box.env });
    expect(allDone.code).toBe(0);
    expect(allDone.stderr).toContain('Batch: 0 of 3 hires enrolled');
    await fs.rm(`${users}.state.json`);
    const noFolder = await runCli([...base, '--qr-png', `${world.box.dir}/q.png`, '--report', `${world.box.dir}/missing/r.json`], { env: world.box.env });
    expect(noFolder.stderr).toContain(`the folder ${world.box.dir}/missing does not exist or is not writable`);
    const oneName = await runCli([...base, '--device-name', 'phone'], { env: world.box.env });
    expect(oneName.stderr).toContain('--device-name applies to one user, so it cannot be given to a batch');
    const iam = adminIam(world.moto);
    const group = await iam.send(new GetGroupCommand({ GroupName: 'new-hires' }));
    expect(group.Users).toEqual([]);
    // The same file against another account: refused, not reported as all done.
    await fs.writeFile(`${users}.state.json`, JSON.stringify({ version: 1, account: '999999999999', hires: { alice: { user: 'alice', status: 'done' } } }));
    const other = await runCli([...base, '--qr-png', `${world.box.dir}/q.png`], { env: world.box.env });
    expect(other.code).toBe(1);
    expect(other.stderr).toContain('records hires of account 999999999999, but profile admin is in account 123456789012');
  });

  it('issue 22: a batch opening on a computer where an earlier version left a hire\'s profiles names them, touches nothing, and goes on', async () => {
    const users = await setUp();
    const kim = await createUserWithKey(world.moto, 'kim');
    await fs.appendFile(world.box.credentialsFile, `[kim]\naws_access_key_id = ${kim.accessKeyId}\naws_secret_access_key = ${kim.secretAccessKey}\n[kim-mfa]\naws_access_key_id = ASIAEXAMPLE000000000\naws_secret_access_key = x\naws_session_token = t\nmfa_onboard_source_profile = kim\n`);
    const before = await fs.readFile(world.box.credentialsFile, 'utf8');
    const result = await runCli(args(users, '--skip', 'alice', '--skip', 'bob', '--skip', 'carol'), { env: world.box.env, clock: fakeClock(), prompter: scriptedPrompter([]) });
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(new RegExp(`other IAM user\\(s\\)[\\s\\S]*  kim:\\n    ${world.box.credentialsFile}: \\[kim\\], \\[kim-mfa\\]\\n[\\s\\S]*Batch: 0 of 3`));
    expect(await fs.readFile(world.box.credentialsFile, 'utf8')).toBe(before);
    expect(result.stderr).not.toContain(kim.secretAccessKey);
  });

  it('--only and --skip choose the hires; a CSV report; a skipped hire counts as handled', async () => {
    const users = await setUp();
    const clock = fakeClock();
    const report = `${world.box.dir}/report.csv`;
    const result = await runCli(args(users, '--skip', 'alice', '--only', 'bob', '--only', 'alice', '--report', report), {
      env: world.box.env,
      clock,
      prompter: scriptedPrompter(hire('bob', clock)),
    });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('Hire 2 of 2: bob'); // alice, skipped, was the first
    const lines = (await fs.readFile(report, 'utf8')).trim().split('\n');
    expect(lines[0]).toBe('user,status,serial_number,enabled_at,session_verified,error');
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 2).join(','))).toEqual(['alice,skipped', 'bob,done']);
  });

  it('users.csv: rows of empty cells are blank lines; a bad name is reported at its real line', async () => {
    const { parseUsersCsv } = await import('../../src/commands/batch.js');
    expect(parseUsersCsv('user,group\r\nalice,a\r\n,,\r\n\r\nbob,b\r\n', 'u.csv').map((h) => h.user)).toEqual(['alice', 'bob']);
    expect(errorText(userErrorFrom(() => parseUsersCsv('user,group\n"alice","a\nb"\nbad name,x\n', 'u.csv')))).toMatch(/Line 4/);
  });

  it('a users.csv without a user column, or an --only not in it, is refused before anything is done', async () => {
    await setUp();
    const bad = await world.box.write('bad.csv', 'name\nalice\n');
    const noColumn = await runCli(['batch', bad, '--profile', 'admin', '--endpoint-url', world.moto.url], { env: world.box.env });
    expect(noColumn.code).toBe(1);
    expect(noColumn.stderr).toContain('has no user column');
    const users = await world.box.write('u.csv', 'user\nalice\n');
    const only = await runCli(['batch', users, '--profile', 'admin', '--only', 'zed', '--endpoint-url', world.moto.url], { env: world.box.env });
    expect(only.stderr).toContain('zed (from --only or --skip) is not listed');
    expect(await listDevices(world.moto)).toEqual([]);
  });

  it('regression (issue 13): a state file that cannot be written (a full disk) leaves no temp copy beside it, and nothing is created', async () => {
    const users = await setUp();
    const realOpen = fs.open.bind(fs);
    vi.spyOn(fs, 'open').mockImplementation(async (...args: Parameters<typeof fs.open>) => {
      const handle = await realOpen(...args);
      if (/\.state\.json\.tmp-/.test(String(args[0]))) {
        handle.writeFile = async (data: Parameters<typeof handle.writeFile>[0]) => {
          await handle.write(String(data).slice(0, 10));
          throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
        };
      }
      return handle;
    });
    // (How the state was written before: one writeFile to a temp name.)
    const realWriteFile = fs.writeFile.bind(fs);
    vi.spyOn(fs, 'writeFile').mockImplementation(async (...args: Parameters<typeof fs.writeFile>) => {
      if (!/\.state\.json\..*tmp/.test(String(args[0]))) return realWriteFile(...args);
      await realWriteFile(args[0], String(args[1]).slice(0, 10), args[2]);
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    });
    const result = await runCli(args(users, '--yes'), { env: world.box.env });
    vi.restoreAllMocks();
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('ENOSPC');
    // Before: `users.csv.state.json.<pid>.tmp`, half-written, stayed there.
    expect((await fs.readdir(world.box.dir)).filter((name) => name.includes('.state.json'))).toEqual([]);
    expect((await adminIam(world.moto).send(new ListUsersCommand({}))).Users ?? []).toEqual([]);
  });
});
