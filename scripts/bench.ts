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
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
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

// The standalone executable (`npm run release`) beside the Node build: start-up, the
// credential_process answer from a saved session (paid on every AWS call), and each
// artefact's size. Kept in these functions; skipped, with a note, when nothing was built.
const STANDALONE = join(ROOT, 'build/standalone', `${process.platform}-${process.arch}`, 'mfa-onboard');

/** Median wall time of `file args` (no Node in front of it). */
function wallTime(file: string, args: string[], env: NodeJS.ProcessEnv = process.env, runs = RUNS) {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const result = spawnSync(file, args, { stdio: 'ignore', env });
    if (result.status !== 0) throw new Error(`${file} ${args.join(' ')} exited ${result.status}`);
    times.push(performance.now() - start);
  }
  return median(times);
}

/** A HOME whose alice-mfa session lasts six hours: credential_process answers from the file alone. */
async function savedSessionHome() {
  const box = await makeSandbox('http://127.0.0.1:9');
  const expiration = new Date(Date.now() + 6 * 3600_000).toISOString();
  const serial = 'arn:aws:iam::123456789012:mfa/alice';
  await fs.mkdir(join(box.home, '.aws'), { recursive: true });
  await fs.writeFile(box.credentialsFile,
    `[alice]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = ${'x'.repeat(40)}\n\n` +
    `[alice-mfa]\naws_access_key_id = ASIAIOSFODNN7EXAMPLE\naws_secret_access_key = ${'y'.repeat(40)}\naws_session_token = bench\n` +
    `expiration = ${expiration}\nmfa_onboard_source_profile = alice\nmfa_onboard_serial = ${serial}\n`, { mode: 0o600 });
  await fs.writeFile(box.configFile, `[profile alice]\nregion = us-east-1\nmfa_serial = ${serial}\n`);
  return box;
}

async function standaloneBench() {
  const box = await savedSessionHome();
  const credentialProcess = ['session', '--profile', 'alice', '--credential-process'];
  try {
    const node = { credentialProcessMs: wallTime(process.execPath, [BIN, ...credentialProcess], box.env) };
    const exists = await fs.stat(STANDALONE).then(() => true, () => false);
    const executable = exists
      ? {
          path: STANDALONE,
          bytes: (await fs.stat(STANDALONE)).size,
          helpMs: wallTime(STANDALONE, ['--help']),
          versionMs: wallTime(STANDALONE, ['--version']),
          credentialProcessMs: wallTime(STANDALONE, credentialProcess, box.env),
        }
      : undefined;
    const release = join(ROOT, 'release');
    const artefacts = await Promise.all(
      (await fs.readdir(release).catch(() => [] as string[]))
        .filter((name) => /\.(tar\.gz|zip)$/.test(name))
        .sort()
        .map(async (name) => ({ name, bytes: (await fs.stat(join(release, name))).size })),
    );
    return { node, executable, artefacts };
  } finally {
    await box.cleanup();
  }
}

function standaloneRows(bench: Awaited<ReturnType<typeof standaloneBench>>): [string, string][] {
  const rows: [string, string][] = [['credential_process (saved session), Node build', ms(bench.node.credentialProcessMs)]];
  if (!bench.executable) rows.push(['standalone executable', 'not built: npm run release (or release:check) first']);
  else {
    const { executable: exe } = bench;
    rows.push(
      [`standalone --help`, ms(exe.helpMs)],
      [`standalone --version`, ms(exe.versionMs)],
      [`standalone credential_process (saved session)`, ms(exe.credentialProcessMs)],
      [`standalone executable (${process.platform}-${process.arch})`, `${(exe.bytes / MiB).toFixed(1)} MiB`],
    );
  }
  for (const a of bench.artefacts) rows.push([`  release/${a.name}`, `${(a.bytes / MiB).toFixed(1)} MiB`]);
  return rows;
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
const help = await measureCommand([BIN, '--help']);
const version = await measureCommand([BIN, '--version']);
results.startup = { nodeFloor: floor, help, version };

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
const standalone = await standaloneBench();
results.standalone = standalone;

const targets = [
  { target: '--help ≤ 1.3× node -e 0', ok: help.ms <= 1.3 * floor.ms, value: `${(help.ms / floor.ms).toFixed(2)}×` },
  { target: '--version ≤ 1.3× node -e 0', ok: version.ms <= 1.3 * floor.ms, value: `${(version.ms / floor.ms).toFixed(2)}×` },
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
  ['mfa-onboard --help', `${ms(help.ms)}, ${(help.rssBytes / MiB).toFixed(1)} MiB`],
  ['mfa-onboard --version', `${ms(version.ms)}, ${(version.rssBytes / MiB).toFixed(1)} MiB`],
  ['start to first prompt (CSV, moto)', ms(results.firstPromptMs as number)],
  ['whole wizard, wall (incl. waits)', ms((results.wizard as { wallMs: number }).wallMs)],
  ["whole wizard, own time", `${ms(ownMs)} (${wizard[0]!.timings.awsCalls} AWS calls)`],
  ...perStep.map((s): [string, string] => [`  step ${s.step}`, `${ms(s.ownMs)} (${s.awsCalls} AWS calls)`]),
  ['aws CLI, same steps (sum)', ms(awsTotal)],
  ...awsSteps.map((s): [string, string] => [`  aws ${s.command}`, ms(s.ms)]),
  ['bundle (dist/)', `${(size.distBytes / 1024).toFixed(0)} KiB`],
  ['npm pack tarball', `${(size.tarballBytes / 1024).toFixed(0)} KiB`],
  ['installed (node_modules)', `${(size.installedBytes / MiB).toFixed(1)} MiB`],
  ...standaloneRows(standalone),
];
const width = Math.max(...rows.map(([k]) => k.length));
console.log(`\nmfa-onboard benchmark (${process.version}, medians of ${RUNS} start-ups, ${WIZARD_RUNS} wizard runs)\n`);
for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v}`);
console.log('\nTargets');
for (const t of targets) console.log(`${t.ok ? '✔' : '✘'} ${t.target}: ${t.value}`);
await fs.writeFile(join(ROOT, 'bench-results.json'), JSON.stringify(results, null, 2) + '\n');
console.log('\nWritten to bench-results.json');
process.exitCode = targets.every((t) => t.ok) ? 0 : 1;
