import { spawnSync } from 'node:child_process';
import { promises as fs, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KeyCredentials } from '../aws/client.js';
import type { CommandContext, Runtime } from '../deps.js';
import type { Fault } from '../emulator/embedded/server.js';
import { startMoto } from '../emulator/moto.js';
import { UserError } from '../errors.js';
import { mfaPolicy } from '../policy/document.js';
import { t, type MessageId } from '../ui/messages/index.js';
import type { Output } from '../ui/output.js';
import type { SetupOptions } from '../wizard/context.js';
import { runSetup } from '../wizard/setup.js';
import type { AdminDay } from './demo-admin.js';
import { rehearsedFaults, startRehearsal } from './embedded.js';
import { removeFolder } from './remove-folder.js';

const DEMO_USER = 'alice';
const AWS_VARIABLES = /^AWS_/;
/** moto and LocalStack accept any administrator key; this one never leaves the emulator. */
const ANY_ADMIN: KeyCredentials = { accessKeyId: 'AKIADEMOADMIN0000000', secretAccessKey: 'demo'.repeat(10) };

/** Which emulator the demo runs on, what the administrator rehearses on it, and the wizard's flags. */
export interface DemoOptions {
  /** `faults`: --rehearse-fault's `ACTION=KIND`, as given (checked against the emulator's actions here). */
  emulator: { kind: 'embedded'; consistencyDelayMs: number; faults: string[] } | { kind: 'moto' } | { kind: 'url'; url: string };
  /** The wizard's options, but the CSV (the demo makes it). */
  setup: SetupOptions;
  /** --keep: keep the demo's temporary folder. */
  keep: boolean;
  /** --admin: the administrator's day (embedded emulator only) instead of one user's setup. */
  admin?: AdminDay;
}


/** The emulator the demo runs on: its address, an administrator's key, and how to stop it. */
interface RunningEmulator {
  url: string;
  admin: KeyCredentials;
  /** moto's sessions all name one fixed user, not the demo's. */
  namesFixedUser: boolean;
  stop(): Promise<void>;
}

async function startEmulator(emulator: DemoOptions['emulator'], faults: Fault[], runtime: Runtime, out: Output): Promise<RunningEmulator> {
  if (emulator.kind === 'url') {
    out.info(t('demo.usingUrl', { url: emulator.url }));
    // Not ours: it keeps running after the demo.
    return { url: emulator.url, admin: ANY_ADMIN, namesFixedUser: true, stop: async () => undefined };
  }
  if (emulator.kind === 'moto') {
    if (spawnSync('python3', ['-c', 'import moto.server'], { stdio: 'ignore', env: runtime.env }).status !== 0) {
      throw new UserError('demo.noMoto');
    }
    out.info(t('demo.startingMoto'));
    const moto = await startMoto();
    return { url: moto.url, admin: ANY_ADMIN, namesFixedUser: true, stop: moto.stop };
  }
  out.info(t('demo.startingEmbedded'));
  const embedded = await startRehearsal(emulator, faults, runtime, out);
  return { url: embedded.url, admin: embedded.admin, namesFixedUser: false, stop: embedded.stop };
}

/** The name of the self-service policy the demo gives alice (`policy --attach-group`'s default name). */
const DEMO_POLICY_NAME = 'mfa-onboard-require-mfa';

/**
 * Creates the demo user, with our self-service MFA policy (an emulator that evaluates policies,
 * as the embedded one does, lets a user with none do nothing) and a key, and writes the CSV as
 * the console does.
 */
async function prepareDemoUser(emulator: RunningEmulator, dir: string): Promise<string> {
  const { IAMClient, CreateUserCommand, CreateAccessKeyCommand, PutUserPolicyCommand } = await import('@aws-sdk/client-iam');
  const iam = new IAMClient({ endpoint: emulator.url, region: 'us-east-1', credentials: emulator.admin });
  // Nothing there, or not an AWS emulator (a wrong --emulator-url): said plainly, not as a crash.
  const unreachable = (error: unknown) =>
    new UserError('demo.emulatorUnreachable', { url: emulator.url, reason: (error as Error).message || (error as Error).name }, { cause: error });
  try {
    await iam.send(new CreateUserCommand({ UserName: DEMO_USER }));
  } catch (error) {
    // An emulator already running (--emulator-url) may have alice from an earlier demo.
    if ((error as Error).name !== 'EntityAlreadyExistsException') throw unreachable(error);
  }
  // The policy's default, as `mfa-onboard policy` prints it: the device name pinned to the user's.
  const document = JSON.stringify(mfaPolicy({ allowIps: [], scope: 'user' }));
  await iam
    .send(new PutUserPolicyCommand({ UserName: DEMO_USER, PolicyName: DEMO_POLICY_NAME, PolicyDocument: document }))
    .catch((error: unknown) => Promise.reject(unreachable(error)));
  const key = (await iam.send(new CreateAccessKeyCommand({ UserName: DEMO_USER })).catch((error: unknown) => Promise.reject(unreachable(error)))).AccessKey!;
  const csvPath = join(dir, `${DEMO_USER}_accessKeys.csv`);
  const csv = `\uFEFFAccess key ID,Secret access key\r\n${key.AccessKeyId},${key.SecretAccessKey}\r\n`;
  await fs.writeFile(csvPath, csv, { mode: 0o600 });
  return csvPath;
}

/** The demo's world, ready: its emulator, its folder and throwaway HOME, and the environment that points at them. */
interface DemoWorld {
  emulator: RunningEmulator;
  dir: string;
  home: string;
  env: NodeJS.ProcessEnv;
}

/**
 * Runs `body` in the demo's world: a temporary folder with a fresh HOME, the emulator
 * started, no AWS setting of the person's leaking in (process.env too, which the SDK reads).
 * The real ~/.aws is never read or written; everything started is stopped at the end,
 * whatever happens (Ctrl-C too), and the folder goes unless --keep.
 */
async function inDemoWorld(options: DemoOptions, context: CommandContext, heading: MessageId, body: (world: DemoWorld) => Promise<void>): Promise<void> {
  const { runtime, out } = context;
  const faults = options.emulator.kind === 'embedded' ? rehearsedFaults(options.emulator) : [];
  const dir = await fs.mkdtemp(join(tmpdir(), 'mfa-onboard-demo-'));
  // A second Ctrl-C exits at once, past every finally: the folder still goes then, if it can
  // (Bun's recursive rm on Windows fails now and then: an exiting process has no one to tell).
  const removeAtExit = () => {
    try {
      rmSync(dir, { recursive: true, force: true });
    } catch {
      // Left in the temporary folder, as a process killed outright leaves it.
    }
  };
  if (!options.keep) process.once('exit', removeAtExit);
  const home = join(dir, 'home');
  await fs.mkdir(home, { mode: 0o700 });
  let emulator: RunningEmulator | undefined;
  try {
    out.heading(t(heading));
    emulator = await startEmulator(options.emulator, faults, runtime, out);
    // The demo's world: a fresh HOME, no AWS settings of the person's leaking in.
    const env: NodeJS.ProcessEnv = Object.fromEntries(
      Object.entries(runtime.env).filter(([name]) => !AWS_VARIABLES.test(name)),
    );
    Object.assign(env, {
      HOME: home,
      AWS_SHARED_CREDENTIALS_FILE: join(home, '.aws', 'credentials'),
      AWS_CONFIG_FILE: join(home, '.aws', 'config'),
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    });
    // The SDK reads process.env itself (config files, endpoints): point it at the demo too.
    const saved = { ...process.env };
    for (const name of Object.keys(process.env)) if (AWS_VARIABLES.test(name)) delete process.env[name];
    Object.assign(process.env, env);
    try {
      await body({ emulator, dir, home, env });
    } finally {
      for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name];
      Object.assign(process.env, saved);
    }
  } finally {
    await emulator?.stop();
    if (options.keep) out.info(t('demo.kept', { dir }));
    else {
      const left = await removeFolder(dir);
      // Only now: a second Ctrl-C during the stop or the removal exits at once too.
      process.off('exit', removeAtExit);
      if (left) out.warn(t('demo.notRemoved', { dir, code: left }));
    }
    if (emulator) out.info(t(options.emulator.kind === 'url' ? 'demo.leftRunning' : 'demo.stopped', { url: emulator.url }));
  }
}

/**
 * `mfa-onboard demo`: the real wizard against a local AWS emulator, in a throwaway HOME;
 * with --admin, an administrator's onboarding day (demo-admin.ts).
 */
export async function runDemo(options: DemoOptions, context: CommandContext): Promise<void> {
  const { admin } = options;
  if (admin) {
    // The batch would refuse it at its step, after the policy and the hires: said before anything starts.
    if (!context.out.size() && !options.setup.showSecret && !options.setup.qrPng) throw new UserError('qr.noWayToShow');
    const { runAdminDay } = await import('./demo-admin.js');
    return inDemoWorld(options, context, 'demo.admin.heading', ({ emulator, home, env }) => runAdminDay(admin, { url: emulator.url, admin: emulator.admin, home, env }, context));
  }
  await inDemoWorld(options, context, 'demo.heading', async ({ emulator, dir, home, env }) => {
    const { out } = context;
    const csvPath = await prepareDemoUser(emulator, dir);
    out.info(t('demo.ready', { url: emulator.url, home, csv: csvPath }));
    // A rehearsal: the summary offers no command that needs the emulator or HOME about to go.
    await runSetup({ ...options.setup, csvPath, rehearsal: true }, context.deps({ env, endpoint: emulator.url }));
    if (emulator.namesFixedUser) out.info(t('demo.identityNote'));
  });
  // What to try next works after the demo: its profiles needed the emulator that is gone.
  context.out.info(t('demo.tryMore'));
}
