// `mfa-onboard demo --admin`: an administrator's onboarding day, rehearsed on the embedded
// emulator with the real commands, each command line shown before it runs.
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { KeyCredentials } from '../aws/client.js';
import type { CommandContext } from '../deps.js';
import { CancelledError } from '../errors.js';
import type { WizardDeps } from '../seams.js';
import { shellLine } from '../ui/command-line.js';
import { t, type MessageId } from '../ui/messages/index.js';
import { runCreateUser } from './admin.js';
import { admin } from './admin.flags.js';
import { runBatch } from './batch.js';
import { batch } from './batch.flags.js';
import type { CommandFlags, FlagTable, Values } from './flags.js';
import { ADMIN_PROFILE, adminProfileFiles } from './emulator.js';
import { runPolicy } from './policy.js';
import { policy } from './policy.flags.js';
import { runReset } from './reset.js';
import { reset } from './reset.flags.js';

/** The group that carries the MFA policy, and the day's two hires (the first loses their phone). */
const GROUP = 'hires';
const HIRES = ['hana', 'ken'] as const;

/** What `demo --admin` passes on: the wizard's flags as typed, for the batch's (and reset's) command lines. */
export interface AdminDay {
  /** The wizard's flags given to the demo, as words (`--yes`, `--qr-png`, `qr.png`…), which the batch takes for each hire. */
  wizardArgs: string[];
}

/** Where the day runs: the demo's emulator (its URL and ready administrator), its HOME and the environment pointing there. */
export interface DemoWorld {
  url: string;
  admin: KeyCredentials;
  home: string;
  env: NodeJS.ProcessEnv;
}

/** The emulator's ready administrator as the emulator command writes it: profile admin in the demo's HOME (mode 0600). */
async function writeAdminProfile(world: DemoWorld, key: KeyCredentials): Promise<void> {
  await fs.mkdir(join(world.home, '.aws'), { mode: 0o700 });
  const { credentials, config } = adminProfileFiles(key);
  await fs.writeFile(world.env.AWS_SHARED_CREDENTIALS_FILE!, credentials, { mode: 0o600, flag: 'wx' });
  await fs.writeFile(world.env.AWS_CONFIG_FILE!, config, { mode: 0o600, flag: 'wx' });
}

/** One step of the day: what it does, and the command line that does it (`mfa-onboard` left out). */
interface Step<T extends FlagTable, O> {
  what: MessageId;
  params?: Record<string, string>;
  spec: CommandFlags<T, O>;
  argv: string[];
  run: (options: O, deps: WizardDeps) => Promise<unknown>;
  /** Said after the command line, before it runs (a file it reads). */
  note?: string;
}

/**
 * Shows a step's command line (one line; `~` for the demo's HOME), then runs it as the CLI
 * would: its own flags parse it, its own options() reads them, its own run does it.
 */
async function runStep<T extends FlagTable, O>(step: Step<T, O>, n: number, total: number, world: DemoWorld, context: CommandContext): Promise<void> {
  const args = step.argv.slice(1);
  const { values, positionals } = parseArgs({ args, options: step.spec.flags, allowPositionals: true, strict: true });
  const shown = shellLine(['mfa-onboard', ...step.argv].map((word) => (word === world.home || word.startsWith(`${world.home}/`) ? `~${word.slice(world.home.length)}` : word)));
  context.out.heading(t('demo.admin.step', { n, total, what: t(step.what, step.params ?? {}), command: shown }));
  if (step.note !== undefined) context.out.info(step.note);
  // `admin create-user NAME`: the verb and the name are its words, as the CLI gives them.
  const options = step.spec.options(values as Values<T>, positionals, world.env);
  await step.run(options, context.deps({ env: world.env, endpoint: world.url }));
}

/**
 * The administrator's day on the embedded emulator, in the demo's HOME: the MFA policy on a
 * group, two hires created, both enrolled in a batch (each hire's phone scans in turn; their
 * keys check the session in memory and are never saved here), then one hire's device reset
 * as for a lost phone. Every command line is shown before it runs.
 */
export async function runAdminDay(day: AdminDay, world: DemoWorld, context: CommandContext): Promise<void> {
  const { out } = context;
  await writeAdminProfile(world, world.admin);
  out.addSecret(world.admin.secretAccessKey);
  out.info(t('demo.admin.ready', { url: world.url, home: world.home, profile: ADMIN_PROFILE }));
  const usersCsv = join(world.home, 'users.csv');
  const [first, second] = HIRES;
  const profile = ['--profile', ADMIN_PROFILE];
  // users.csv names each hire and the key CSV admin create-user writes (relative to it).
  const rows = ['user,csv', ...HIRES.map((user) => `${user},${user}_accessKeys.csv`)];
  await fs.writeFile(usersCsv, `${rows.join('\n')}\n`, { mode: 0o600 });
  const usersNote = t('demo.admin.usersCsv', { rows: rows.map((row) => `    ${row}`).join('\n') });
  const steps: ((n: number, total: number) => Promise<void>)[] = [
    (n, total) =>
      runStep({ what: 'demo.admin.policy', params: { group: GROUP }, spec: policy, argv: ['policy', '--attach-group', GROUP, '--create-group', ...profile], run: runPolicy }, n, total, world, context),
    ...HIRES.map(
      (user) => (n: number, total: number) =>
        runStep(
          { what: 'demo.admin.createUser', params: { user, group: GROUP }, spec: admin, argv: ['admin', 'create-user', user, '--group', GROUP, '--out', world.home, ...profile], run: runCreateUser },
          n, total, world, context,
        ),
    ),
    (n, total) =>
      runStep({ what: 'demo.admin.batch', params: { first, second }, spec: batch, argv: ['batch', usersCsv, ...profile, ...day.wizardArgs], run: runBatch, note: usersNote }, n, total, world, context),
    // The lost phone: --no-enrol, as the hire enrols their new phone another day.
    (n, total) =>
      runStep(
        { what: 'demo.admin.reset', params: { user: first }, spec: reset, argv: ['reset', ...profile, '--user', first, '--no-enrol', ...(day.wizardArgs.includes('--yes') ? ['--yes'] : [])], run: runReset },
        n, total, world, context,
      ),
  ];
  try {
    for (const [index, step] of steps.entries()) await step(index + 1, steps.length);
  } catch (error) {
    // A command's own way to carry on (the batch's) names the demo's files, which go now:
    // the rehearsal starts again from the start, and the last word says so.
    if (!(error instanceof CancelledError)) throw error;
    out.info(t('demo.admin.stopped', { command: 'mfa-onboard demo --admin' }));
    throw new CancelledError();
  }
  out.heading(t('demo.admin.done', { group: GROUP, first, second, command: 'mfa-onboard emulator' }));
}
