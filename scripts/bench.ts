/**
 * `npm run bench`: start-up, time to first prompt, the wizard's own time per step against
 * moto with a scripted phone, the same steps with the aws CLI, and package size. Medians of
 * several runs, beside `node -e 0` in the same run. Prints a table, writes bench-results.json,
 * and exits 1 if a target is missed.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { consoleCsv, createUserWithKey, listDevices, startMoto, type Moto } from '../test/helpers/moto.js';
import { enrolWithPhone } from '../test/helpers/phone.js';
import { makeSandbox } from '../test/helpers/sandbox.js';
import { Screen } from '../test/helpers/screen.js';

// The moto helpers use the SDK in this process: its Node-version notice is noise here.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
const ROOT = process.cwd();
const BIN = join(ROOT, 'dist/bin.js');
const RUNS = Number(process.env.BENCH_RUNS ?? 21);
const WIZARD_RUNS = Number(process.env.BENCH_WIZARD_RUNS ?? 3);
const MiB = 1024 * 1024;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const ms = (n: number) => `${n.toFixed(0)} ms`;

/** Wall time of a command, median of `runs`, and its peak memory (a preload reports maxRSS). */
async function measureCommand(args: string[], runs = RUNS) {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    spawnSync(process.execPath, args, { stdio: 'ignore' });
    times.push(performance.now() - start);
  }
  const rssFile = join(tmpdir(), `bench-rss-${process.pid}`);
  spawnSync(process.execPath, ['--require', join(ROOT, 'scripts/maxrss.cjs'), ...args], {
    stdio: 'ignore',
    env: { ...process.env, BENCH_RSS_FILE: rssFile },
  });
  const rss = Number(await fs.readFile(rssFile, 'utf8'));
  await fs.rm(rssFile, { force: true });
  return { ms: median(times), rssBytes: rss };
}

/** Peak memory of one run of `command`, from GNU time (an executable cannot be preloaded). */
function maxRssOf(command: string[], env: NodeJS.ProcessEnv): number {
  const result = spawnSync('/usr/bin/time', ['-f', '%M', ...command], { env, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
  return Number(result.stderr.trim().split('\n').at(-1)) * 1024;
}

/** One start-up row: a command's median ratio to `node -e 0` over interleaved pairs, and its peak memory. */
interface StartupRow {
  build: 'node' | 'executable';
  label: string;
  ratio: number;
  ms: number;
  floorMs: number;
  rssBytes: number;
  bound: string;
  ok: boolean;
  /** The Node build's: CPU time against node -e 0's (informative, not bound). */
  cpuRatio?: number;
}
const rowValue = (row: StartupRow) =>
  `${row.ratio.toFixed(2)}× node -e 0 (${ms(row.ms)} / ${ms(row.floorMs)})${row.cpuRatio ? `, CPU ${row.cpuRatio.toFixed(2)}×` : ''}, ${(row.rssBytes / MiB).toFixed(1)} MiB`;

/** The median ratio of CPU time (user + system) of `dist/bin.js ARGS` to `node -e 0`'s, over interleaved pairs. */
async function cpuTimeRatio(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const cpuFile = join(tmpdir(), `bench-cpu-${process.pid}`);
  const cpu = async (argv: string[]) => {
    spawnSync(process.execPath, ['--require', join(ROOT, 'scripts/maxrss.cjs'), ...argv], { env: { ...env, BENCH_CPU_FILE: cpuFile }, stdio: ['ignore', 'pipe', 'pipe'] });
    return Number(await fs.readFile(cpuFile, 'utf8'));
  };
  const ratios: number[] = [];
  for (let i = 0; i < RUNS; i++) ratios.push((await cpu([BIN, ...args])) / (await cpu(['-e', '0'])));
  await fs.rm(cpuFile, { force: true });
  return median(ratios);
}

/**
 * Start-up of what runs most: the AWS tools' credential_process and a shell's --export with a
 * valid saved session (≤ 1.15× node -e 0, ≤ 45 MiB), --help and --version (≤ 1.3×). Each run
 * is paired with a `node -e 0` just before it, so that load on the machine weighs on both;
 * the row is the median of the pairs' ratios. For the Node build and, when one is built, the
 * standalone executable (BENCH_EXE, else build/standalone/<this platform>/mfa-onboard).
 */
async function startupRows(): Promise<StartupRow[]> {
  const box = await makeSandbox();
  try {
    const expires = new Date(Date.now() + 10 * 3600_000).toISOString();
    await fs.mkdir(join(box.home, '.aws'), { mode: 0o700 });
    await fs.writeFile(
      box.credentialsFile,
      `[alice]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n\n` +
        `[alice-mfa]\naws_access_key_id = ASIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n` +
        `aws_session_token = ${'FwoGZXIvYXdzEJr'.repeat(24)}\nexpiration = ${expires}\n` +
        `mfa_onboard_source_profile = alice\nmfa_onboard_serial = arn:aws:iam::123456789012:mfa/alice\n`,
      { mode: 0o600 },
    );
    await fs.writeFile(box.configFile, '[profile alice]\nregion = us-east-1\nmfa_serial = arn:aws:iam::123456789012:mfa/alice\n', { mode: 0o600 });
    const cases = [
      { label: 'session --credential-process (reuse)', args: ['session', '--profile', 'alice', '--credential-process'], ratio: 1.15, mib: 45 },
      { label: 'session --export sh (reuse)', args: ['session', '--profile', 'alice', '--export', 'sh'], ratio: 1.15, mib: 45 },
      { label: '--help', args: ['--help'], ratio: 1.3 },
      { label: '--version', args: ['--version'], ratio: 1.3 },
    ];
    const platform = `${process.platform === 'win32' ? 'windows' : process.platform}-${process.arch}`;
    const exe = process.env.BENCH_EXE ?? join(ROOT, 'build', 'standalone', platform, 'mfa-onboard');
    const builds: { build: StartupRow['build']; command: string[] }[] = [{ build: 'node', command: [process.execPath, BIN] }];
    if (await fs.access(exe).then(() => true, () => false)) builds.push({ build: 'executable', command: [exe] });
    const rows: StartupRow[] = [];
    for (const { build, command } of builds) {
      for (const c of cases) {
        const run = (argv: string[]) => {
          const start = performance.now();
          const result = spawnSync(argv[0]!, argv.slice(1), { env: box.env, stdio: ['ignore', 'pipe', 'pipe'] });
          if (result.status !== 0) throw new Error(`${argv.join(' ')} exited ${result.status}: ${result.stderr}`);
          return performance.now() - start;
        };
        const pairs = Array.from({ length: RUNS }, () => {
          const floorMs = run([process.execPath, '-e', '0']);
          return { floorMs, ms: run([...command, ...c.args]) };
        });
        const ratio = median(pairs.map((p) => p.ms / p.floorMs));
        // The Node build's CPU time too, which the machine's load hardly moves (informative).
        const cpuRatio = build === 'node' ? await cpuTimeRatio(c.args, box.env) : undefined;
        const rssBytes = Math.max(...[0, 1, 2].map(() => maxRssOf([...command, ...c.args], box.env)));
        const ok = ratio <= c.ratio && (c.mib === undefined || rssBytes <= c.mib * MiB);
        const bound = `≤ ${c.ratio}× node -e 0${c.mib ? `, ≤ ${c.mib} MiB` : ''}`;
        rows.push({ build, label: c.label, ratio, ms: median(pairs.map((p) => p.ms)), floorMs: median(pairs.map((p) => p.floorMs)), rssBytes, bound, ok, ...(cpuRatio ? { cpuRatio } : {}) });
      }
    }
    return rows;
  } finally {
    await box.cleanup();
  }
}

function printStartup(rows: StartupRow[]): void {
  console.log(`\nmfa-onboard start-up (${process.version}, medians of ${RUNS} interleaved pairs)\n`);
  const width = Math.max(...rows.map((row) => `${row.build}: ${row.label}`.length));
  for (const row of rows) console.log(`${row.ok ? '✔' : '✘'} ${`${row.build}: ${row.label}`.padEnd(width)}  ${rowValue(row)}  (${row.bound})`);
}

interface Timings {
  steps: { step: string; ms: number; waitingMs: number; awsCalls: number }[];
  totalMs: number;
  waitingMs: number;
  awsCalls: number;
  maxRssBytes: number;
}

/** One whole wizard run in a pty with a phone reading the QR off the screen. */
async function wizardRun(moto: Moto) {
  await moto.reset();
  const box = await makeSandbox();
  try {
    const key = await createUserWithKey(moto, 'alice');
    const csv = await box.write('alice_accessKeys.csv', consoleCsv(key));
    const timingsFile = join(box.dir, 'timings.json');
    const args = [csv, '--endpoint-url', moto.url, '--profile', 'alice', '--region', 'us-east-1', '--delete-csv'];
    const start = performance.now();
    const screen = new Screen(args, { ...box.env, MFA_ONBOARD_TIMINGS: timingsFile }, undefined, [process.execPath, BIN]);
    const { k, sessionAskedAt: askedAt } = await enrolWithPhone(screen);
    const code = await screen.exited;
    const wallMs = performance.now() - start;
    if (code !== 0) throw new Error(`wizard exited ${code}:\n${screen.plain().slice(-2000)}`);
    if ((await listDevices(moto))[0]?.user !== 'alice') throw new Error('device not assigned');
    const timings = JSON.parse(await fs.readFile(timingsFile, 'utf8')) as Timings;
    return {
      wallMs,
      ownMs: wallMs - timings.waitingMs,
      timings,
      // How late the session prompt came after the first window in which a fresh code existed.
      sessionPromptWindow: Math.floor(askedAt / 30_000) - k,
      sessionPromptLateMs: askedAt % 30_000,
    };
  } finally {
    await box.cleanup();
  }
}

/** The same steps typed as aws CLI commands (those this machine's aws has). */
async function awsCliRun(moto: Moto) {
  await moto.reset();
  const box = await makeSandbox();
  try {
    const key = await createUserWithKey(moto, 'alice');
    const env = { ...box.env, AWS_ACCESS_KEY_ID: key.accessKeyId, AWS_SECRET_ACCESS_KEY: key.secretAccessKey, AWS_DEFAULT_REGION: 'us-east-1' };
    const aws = (...args: string[]) => {
      const start = performance.now();
      const out = execFileSync('aws', [...args, '--endpoint-url', moto.url, '--output', 'json'], { env, encoding: 'utf8' });
      return { ms: performance.now() - start, out };
    };
    const steps: { command: string; ms: number }[] = [];
    const step = (command: string, ...args: string[]) => {
      const result = aws(...args);
      steps.push({ command, ms: result.ms });
      return result.out;
    };
    step('sts get-caller-identity', 'sts', 'get-caller-identity');
    step('iam list-mfa-devices', 'iam', 'list-mfa-devices', '--user-name', 'alice');
    const created = JSON.parse(
      step('iam create-virtual-mfa-device', 'iam', 'create-virtual-mfa-device', '--virtual-mfa-device-name', 'alice', '--outfile', join(box.dir, 'qr.png'), '--bootstrap-method', 'QRCodePNG'),
    );
    const serial = created.VirtualMFADevice.SerialNumber as string;
    step('iam enable-mfa-device', 'iam', 'enable-mfa-device', '--user-name', 'alice', '--serial-number', serial, '--authentication-code1', '123456', '--authentication-code2', '234567');
    step('sts get-session-token', 'sts', 'get-session-token', '--serial-number', serial, '--token-code', '345678');
    for (const name of ['aws_access_key_id', 'aws_secret_access_key', 'aws_session_token']) {
      const start = performance.now();
      execFileSync('aws', ['configure', 'set', name, 'x', '--profile', 'alice-mfa'], { env });
      steps.push({ command: `configure set ${name}`, ms: performance.now() - start });
    }
    const start = performance.now();
    execFileSync('aws', ['configure', 'set', 'mfa_serial', serial, '--profile', 'alice'], { env });
    steps.push({ command: 'configure set mfa_serial', ms: performance.now() - start });
    return steps;
  } finally {
    await box.cleanup();
  }
}

/** The release's sizes: the standalone executable for this machine and every archive in release/ (npm run release). */
async function artefactSizes(): Promise<[string, string][]> {
  const platform = `${process.platform === 'win32' ? 'windows' : process.platform}-${process.arch}`;
  const exe = process.env.BENCH_EXE ?? join(ROOT, 'build', 'standalone', platform, 'mfa-onboard');
  const rows: [string, string][] = [];
  const exeBytes = await fs.stat(exe).then((stat) => stat.size, () => undefined);
  rows.push([`standalone executable (${platform})`, exeBytes === undefined ? 'not built: npm run release (or release:check) first' : `${(exeBytes / MiB).toFixed(1)} MiB`]);
  const release = join(ROOT, 'release');
  for (const name of (await fs.readdir(release).catch(() => [] as string[])).filter((n) => /\.(tar\.gz|zip)$/.test(n)).sort()) {
    rows.push([`  release/${name}`, `${((await fs.stat(join(release, name))).size / MiB).toFixed(1)} MiB`]);
  }
  return rows;
}

async function packageSize() {
  const dir = await fs.mkdtemp(join(tmpdir(), 'mfa-onboard-pack-'));
  try {
    const distBytes = Number(execFileSync('du', ['-sb', join(ROOT, 'dist')], { encoding: 'utf8' }).split('\t')[0]);
    const packed = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', dir], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }))[0];
    const tarball = join(dir, packed.filename);
    const install = join(dir, 'install');
    await fs.mkdir(install);
    await fs.writeFile(join(install, 'package.json'), '{"private":true}');
    execFileSync('npm', ['install', '--omit=dev', '--no-audit', '--no-fund', tarball], { cwd: install, stdio: 'ignore' });
    const installedBytes = Number(execFileSync('du', ['-sb', join(install, 'node_modules')], { encoding: 'utf8' }).split('\t')[0]);
    return { distBytes, tarballBytes: packed.size as number, installedBytes };
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

const results: Record<string, unknown> = { date: new Date().toISOString(), node: process.version, runs: RUNS, wizardRuns: WIZARD_RUNS };
const floor = await measureCommand(['-e', '0']);
const startup = await startupRows();
results.startup = startup;
if (process.argv.includes('--startup')) {
  printStartup(startup);
  process.exit(startup.every((row) => row.ok) ? 0 : 1);
}
const help = startup.find((row) => row.label === '--help' && row.build === 'node')!;
const version = startup.find((row) => row.label === '--version' && row.build === 'node')!;

const moto = await startMoto();
let wizard: Awaited<ReturnType<typeof wizardRun>>[] = [];
let awsCli: Awaited<ReturnType<typeof awsCliRun>>[] = [];
const firstPrompt: number[] = [];
try {
  for (let i = 0; i < Math.max(5, WIZARD_RUNS); i++) {
    await moto.reset();
    const box = await makeSandbox();
    const key = await createUserWithKey(moto, 'alice');
    const csv = await box.write('alice_accessKeys.csv', consoleCsv(key));
    const start = performance.now();
    const screen = new Screen([csv, '--endpoint-url', moto.url], box.env, undefined, [process.execPath, BIN]);
    await screen.waitFor('Profile name for these keys');
    firstPrompt.push(performance.now() - start);
    screen.kill();
    await screen.exited;
    await box.cleanup();
  }
  for (let i = 0; i < WIZARD_RUNS; i++) wizard.push(await wizardRun(moto));
  for (let i = 0; i < 3; i++) awsCli.push(await awsCliRun(moto));
} finally {
  await moto.stop();
}
const stepNames = wizard[0]!.timings.steps.map((s) => s.step);
const perStep = stepNames.map((name) => {
  const runs = wizard.map((w) => w.timings.steps.find((s) => s.step === name)!);
  return { step: name, ownMs: median(runs.map((s) => s.ms - s.waitingMs)), awsCalls: runs[0]!.awsCalls };
});
const ownMs = median(wizard.map((w) => w.ownMs));
const peakRss = Math.max(...wizard.map((w) => w.timings.maxRssBytes), help.rssBytes, version.rssBytes);
const awsSteps = awsCli[0]!.map((s, i) => ({ command: s.command, ms: median(awsCli.map((run) => run[i]!.ms)) }));
const awsTotal = awsSteps.reduce((sum, s) => sum + s.ms, 0);
results.firstPromptMs = median(firstPrompt);
results.wizard = {
  wallMs: median(wizard.map((w) => w.wallMs)),
  ownMs,
  awsCalls: wizard[0]!.timings.awsCalls,
  perStep,
  maxRssBytes: peakRss,
  sessionPrompt: wizard.map((w) => ({ window: w.sessionPromptWindow, lateMs: w.sessionPromptLateMs })),
};
results.awsCli = { totalMs: awsTotal, steps: awsSteps, note: 'aws configure import is not in AWS CLI v1; not timed' };
results.size = await packageSize();

const targets = [
  ...startup.map((row) => ({ target: `${row.build} ${row.label}: ${row.bound}`, ok: row.ok, value: rowValue(row) })),
  { target: "wizard's own time ≤ 500 ms", ok: ownMs <= 500, value: ms(ownMs) },
  { target: 'peak memory ≤ 90 MiB', ok: peakRss <= 90 * MiB, value: `${(peakRss / MiB).toFixed(1)} MiB` },
  {
    target: 'session code asked as soon as a new code exists, never sooner',
    ok: wizard.every((w) => w.sessionPromptWindow === 1 && w.sessionPromptLateMs < 1_500),
    value: wizard.map((w) => `window k+${w.sessionPromptWindow} +${w.sessionPromptLateMs} ms`).join(', '),
  },
];
results.targets = targets;

const size = results.size as { distBytes: number; tarballBytes: number; installedBytes: number };
const rows: [string, string][] = [
  ['node -e 0 (floor)', `${ms(floor.ms)}, ${(floor.rssBytes / MiB).toFixed(1)} MiB`],
  ...startup.map((row): [string, string] => [`${row.build}: ${row.label}`, rowValue(row)]),
  ['start to first prompt (CSV, moto)', ms(results.firstPromptMs as number)],
  ['whole wizard, wall (incl. waits)', ms((results.wizard as { wallMs: number }).wallMs)],
  ["whole wizard, own time", `${ms(ownMs)} (${wizard[0]!.timings.awsCalls} AWS calls)`],
  ...perStep.map((s): [string, string] => [`  step ${s.step}`, `${ms(s.ownMs)} (${s.awsCalls} AWS calls)`]),
  ['aws CLI, same steps (sum)', ms(awsTotal)],
  ...awsSteps.map((s): [string, string] => [`  aws ${s.command}`, ms(s.ms)]),
  ['bundle (dist/)', `${(size.distBytes / 1024).toFixed(0)} KiB`],
  ['npm pack tarball', `${(size.tarballBytes / 1024).toFixed(0)} KiB`],
  ['installed (node_modules)', `${(size.installedBytes / MiB).toFixed(1)} MiB`],
  ...(await artefactSizes()),
];
const width = Math.max(...rows.map(([k]) => k.length));
console.log(`\nmfa-onboard benchmark (${process.version}, medians of ${RUNS} start-ups, ${WIZARD_RUNS} wizard runs)\n`);
for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v}`);
console.log('\nTargets');
for (const t of targets) console.log(`${t.ok ? '✔' : '✘'} ${t.target}: ${t.value}`);
await fs.writeFile(join(ROOT, 'bench-results.json'), JSON.stringify(results, null, 2) + '\n');
console.log('\nWritten to bench-results.json');
process.exitCode = targets.every((t) => t.ok) ? 0 : 1;
