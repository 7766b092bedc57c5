import { promises as fs } from 'node:fs';
import { PassThrough } from 'node:stream';
import { loadSharedConfigFiles } from '@smithy/shared-ini-file-loader';
import { afterAll, afterEach, beforeEach, expect, it } from 'vitest';
import { codeAt, counterAt } from '../../src/totp/totp.js';
import { fakeClock } from './clock.js';
import { faultProxy, type FaultProxy, type FaultRule } from './fault-proxy.js';
import { consoleCsv, createUserWithKey, listDevices } from './moto.js';
import { runCli } from './run.js';
import { useMotoWorld } from './world.js';

/**
 * The wizard in-process against moto behind a fault proxy, which breaks chosen calls before
 * or after moto has carried them out (integration/lost-answers and the fault matrix files).
 * Register it first in a describe: one moto per file, a fresh proxy and sandbox per test.
 */
export function useFaultedWizard() {
  const world = useMotoWorld();
  const state = {} as { proxy: FaultProxy };
  beforeEach(async () => {
    state.proxy = await faultProxy(world.moto.url);
  });
  afterEach(async () => {
    await state.proxy.close();
  });

  async function seedOf(user: string): Promise<string | undefined> {
    return (await listDevices(world.moto)).find((d) => d.serialNumber.endsWith(`:mfa/${user}`))?.seed;
  }

  /** A stdin that gets `count` good codes (this window and the next ones) once the device exists, then ends (a wrong guess fails fast). */
  function codesOnStdin(clock: ReturnType<typeof fakeClock>, count: number, end: boolean, creates: number) {
    const stdin = new PassThrough();
    const start = counterAt(clock.now());
    const timer = setInterval(async () => {
      // The device the wizard keeps: after the creates it makes (a lost answer makes it create again).
      const seed = (state.proxy.seen.CreateVirtualMFADevice ?? 0) >= creates ? await seedOf('alice') : undefined;
      if (!seed) return;
      clearInterval(timer);
      stdin.write(Array.from({ length: count }, (_, i) => codeAt(seed, start + i)).join('\n') + '\n');
      if (end) stdin.end();
    }, 20);
    return { stdin, stop: () => clearInterval(timer) };
  }

  const args = (csv: string) => [
    csv, '--endpoint-url', state.proxy.url, '--profile', 'alice', '--region', 'eu-west-1', '--keep-csv', '--codes-from-stdin',
    '--qr-png', `${world.box.dir}/qr.png`,
  ];

  /**
   * AWS calls wait this long where one stalls (the CLI's own 5 s / 3 × 10 s are checked in
   * slow-aws.test.ts): 1 s, not less, as the calls that do not stall must get through too.
   */
  const patience = { slowMs: 100, attemptMs: 1_000 };
  /**
   * Where none stalls: an answer is waited for as long as moto may take on a busy machine (it
   * missed 0.3 s with the suite at load 16, and a run meant to finish stopped instead).
   */
  const calm = { slowMs: 5_000, attemptMs: 5_000 };
  const patienceFor = (rules: FaultRule[]) => (rules.some((rule) => rule.fault === 'stall') ? patience : calm);

  async function run(rules: FaultRule[], { codes = 3, end = true, creates = 1 } = {}) {
    const key = await createUserWithKey(world.moto, 'alice');
    const csv = await world.box.write('alice_accessKeys.csv', consoleCsv(key));
    return again(csv, rules, { codes, end, creates });
  }

  /** The wizard on the CSV (again), with these faults. */
  async function again(csv: string, rules: FaultRule[], { codes = 3, end = true, creates = 1 } = {}) {
    state.proxy.setRules(rules);
    const clock = fakeClock();
    const stdin = codesOnStdin(clock, codes, end, creates);
    const started = Date.now();
    const result = await runCli(args(csv), { env: world.box.env, clock, stdin: stdin.stdin, patience: patienceFor(rules) });
    stdin.stop();
    return { ...result, csv, seconds: (Date.now() - started) / 1000 };
  }

  const config = async () =>
    (await loadSharedConfigFiles({ filepath: world.box.credentialsFile, configFilepath: world.box.configFile, ignoreCache: true }));
  const orphans = async () => (await listDevices(world.moto)).filter((d) => d.user === undefined);

  return {
    world,
    get proxy() {
      return state.proxy;
    },
    seedOf,
    args,
    patience,
    calm,
    run,
    again,
    config,
    orphans,
  };
}

/** Every call the wizard makes on a first enrolment, in the order it makes them. */
export const WIZARD_ACTIONS = ['GetCallerIdentity', 'ListMFADevices', 'ListVirtualMFADevices', 'CreateVirtualMFADevice', 'ListAccountAliases', 'EnableMFADevice', 'GetSessionToken'] as const;

/**
 * The matrix, for `actions`: each fault, before or after moto, on every try (and, after moto,
 * on the first try only: the retry then meets a call already done). Held = no internal error;
 * exit 0 with everything saved, or exit 1 and the next run (no faults) finishes; never an
 * orphan; no QR PNG without an enabled device. In two files, so that both cores share it.
 */
export function faultMatrix(wizard: ReturnType<typeof useFaultedWizard>, actions: readonly string[]): void {
  const { world, run, again, args, calm, config, orphans } = wizard;
  const table: string[] = [];
  afterAll(() => {
    if (table.length) console.log(`fault matrix (${table.length} cases):\n${table.join('\n')}`);
  });
  for (const action of actions) {
    for (const fault of ['500', 'throttle', 'reset', 'stall'] as const) {
      for (const [when, times] of [['before', undefined], ['after', undefined], ['after', 1]] as const) {
        const tries = times === undefined ? 'every try' : 'first try';
        it(`matrix: ${action} ${fault} ${when} moto, ${tries} — held`, async () => {
          // A create done but unanswered once is met by a retry (EntityAlreadyExists), then made again.
          const creates = action === 'CreateVirtualMFADevice' && times === 1 && when === 'after' ? 3 : 1;
          const first = await run([{ action, fault, when, ...(times ? { times } : {}) }], { creates });
          expect(first.stderr).not.toContain('Something unexpected');
          expect([0, 1]).toContain(first.code);
          expect(await orphans()).toHaveLength(0);
          const enabled = (await listDevices(world.moto)).filter((d) => d.user === 'alice');
          const png = await fs.stat(`${world.box.dir}/qr.png`).then(() => true, () => false);
          if (enabled.length === 0) expect(png).toBe(false);
          let rerun: { code: number } | undefined;
          if (first.code !== 0) {
            // The next run, with AWS answering again, finishes what this one left.
            await fs.rm(`${world.box.dir}/qr.png`, { force: true });
            await config(); // a new process would read the files afresh: so does the SDK's cache now
            wizard.proxy.setRules([]);
            rerun = enabled.length
              ? await runCli(args(first.csv), { env: world.box.env, clock: fakeClock(), stdin: `${codeAt(enabled[0]!.seed!, counterAt(Date.now()))}\n`, patience: calm })
              : await again(first.csv, [], { creates: (wizard.proxy.seen.CreateVirtualMFADevice ?? 0) + 1 });
            expect(rerun.code).toBe(0);
          }
          const { configFile, credentialsFile } = await config();
          const devices = await listDevices(world.moto);
          expect(devices).toHaveLength(1);
          expect(devices[0]!.user).toBe('alice');
          expect(configFile.alice).toMatchObject({ mfa_serial: devices[0]!.serialNumber });
          expect(configFile.alice).not.toHaveProperty('mfa_onboard_enrolling');
          expect(credentialsFile['alice-mfa']).toHaveProperty('aws_session_token');
          table.push(
            `${action.padEnd(24)} ${fault.padEnd(8)} ${when.padEnd(6)} ${tries.padEnd(9)} exit ${first.code}${rerun ? ` then ${rerun.code}` : '       '}  ` +
              `enabled after 1st run: ${enabled.length}  orphans: 0  ${first.seconds.toFixed(1)} s`,
          );
        });
      }
    }
  }
}
