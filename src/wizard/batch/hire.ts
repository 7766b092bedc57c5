import { promises as fs } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { audited } from '../../aws/audit.js';
import { AwsError, CancelledError } from '../../errors.js';
import { errorText } from '../../ui/error-text.js';
import { t } from '../../ui/messages/index.js';
import type { WizardDeps } from '../context.js';
import { createUserWithKey, userExists } from '../create-user.js';
import { runSetup } from '../setup.js';
import { batchAgain } from './again.js';
import { clearScreen } from './screen.js';
import type { BatchRun } from './types.js';
import { saveState, type Outcome } from './state-file.js';
import type { Hire } from './users.js';

/**
 * One hire, the `k`th of the run (`next`: the one after, if any): recorded as done when
 * enrolled already; else handed over, created (--create), enrolled by the wizard, and
 * recorded. A failure fails this hire only. Where a person answers, the turn ends on a screen
 * only the administrator leaves (the hire's Ctrl-C too comes back to it): the next hire, this
 * one again, or stop. Elsewhere a Ctrl-C stops the batch.
 */
export async function takeHire(run: BatchRun, hire: Hire, k: number, next: string | undefined, deps: WizardDeps): Promise<void> {
  run.audit.hire = hire.user;
  /** The label of the QR code an unfinished turn (of this run or an earlier one) showed: its entry stays in the hire's app. */
  let earlierQr = run.state.hires[hire.user]?.qrShown;
  try {
    if (await recordIfEnrolled(run, hire.user, deps)) return;
  } catch (error) {
    await recordFailure(run, hire.user, earlierQr !== undefined ? { earlierQr } : {}, error, deps);
    return await saveState(run.statePath, run.state, deps);
  }
  const guarded = deps.interactive;
  for (;;) {
    /** The device the wizard enabled for this hire, as it said so (after a Ctrl-C no AWS call gets through). */
    const turn: Turn = { ...(earlierQr !== undefined ? { earlierQr } : {}) };
    // Ctrl-C is the turn's from the hand-over until the administrator has the keyboard back.
    const seams = run.turn();
    try {
      let ended: 'done' | 'failed' | 'interrupted';
      try {
        // The hand-over: the last hire's QR code leaves the screen and the scrollback.
        clearScreen(run, deps);
        if ((await handOver(run, hire.user, k, guarded, seams.deps)) === 'skip') return await recordSkipped(run, hire.user, earlierQr, deps);
        run.shown = true;
        run.state.hires[hire.user] = await enrol(run, hire, turn, seams.deps);
        ended = 'done';
      } catch (error) {
        // The hire's Ctrl-C (a prompt's, or the turn's signal): back to the administrator. The
        // run's own signal (a kill, a closed terminal) still stops the batch.
        if (guarded && error instanceof CancelledError && !deps.signal.aborted) {
          ended = await recordInterrupted(run, hire.user, turn, deps);
        } else {
          await recordFailure(run, hire.user, turn, error, deps);
          ended = 'failed';
        }
        // Enrolled again (this run or the next), the hire gets a code told apart from this one.
        earlierQr = turn.shownQr ?? earlierQr;
      }
      await saveState(run.statePath, run.state, deps);
      if (!guarded || (await handBack(run, hire.user, ended, next, deps)) === 'next') return;
    } finally {
      seams.release();
    }
  }
}

/** What a hire's turn learnt: the device enabled, the hire's CSV, the QR code shown (and one an earlier turn showed). */
interface Turn {
  enabled?: Outcome;
  csv?: string;
  shownQr?: string;
  earlierQr?: string;
}

/** A hire not enrolled, with the label of the last QR code shown to them, if any: its entry may be in their app. */
function notEnrolled(user: string, status: 'skipped' | 'interrupted' | 'failed', qrShown: string | undefined, error?: string): Outcome {
  return { user, status, ...(error !== undefined ? { error } : {}), ...(qrShown !== undefined ? { qrShown } : {}) };
}

/**
 * A hire's Ctrl-C: the wizard took back the unfinished device; one enabled before it is
 * recorded as done. Otherwise recorded as interrupted (what an earlier run recorded is out of
 * date): not a hire skipped on purpose, so the next run enrols them.
 */
async function recordInterrupted(run: BatchRun, user: string, turn: Turn, deps: Pick<WizardDeps, 'out'>): Promise<'done' | 'interrupted'> {
  clearScreen(run, deps);
  run.state.hires[user] = turn.enabled ? { ...turn.enabled, sessionVerified: false, ...(turn.csv !== undefined ? { csv: turn.csv } : {}) } : notEnrolled(user, 'interrupted', turn.shownQr ?? turn.earlierQr);
  deps.out.warn(t(turn.enabled ? 'batch.interruptedEnabled' : 'batch.interrupted', { user }));
  return turn.enabled ? 'done' : 'interrupted';
}

/**
 * The end of a hire's turn: what became of it, the keyboard handed back, and a screen only
 * the administrator leaves (by typing the profile this batch runs with; Ctrl-C asks again).
 */
async function handBack(run: BatchRun, user: string, ended: 'done' | 'failed' | 'interrupted', next: string | undefined, deps: WizardDeps): Promise<'next' | 'again'> {
  const { out, prompter } = deps;
  out.heading(t(ended === 'done' ? 'batch.turnDone' : ended === 'failed' ? 'batch.turnFailed' : 'batch.turnInterrupted', { user }));
  const profile = run.options.profile;
  for (;;) {
    try {
      await prompter.input({ message: t('batch.adminGuard'), flag: '--profile', validate: (typed) => typed.trim() === profile || t('batch.adminGuardWrong') });
      break;
    } catch (error) {
      if (error instanceof CancelledError && !deps.signal.aborted) continue;
      throw error;
    }
  }
  const choice = await prompter
    .select({
      message: t('batch.adminNext'),
      flag: '--yes',
      choices: [
        { value: 'next', name: next !== undefined ? t('batch.nextHire', { user: next }) : t('batch.nextSummary') },
        ...(ended === 'done' ? [] : [{ value: 'again' as const, name: t('batch.again', { user }) }]),
        { value: 'stop', name: t('batch.stopHere') },
      ],
      default: 'next',
    })
    .catch((error: unknown) => {
      // The administrator's own Ctrl-C here: a stop.
      if (error instanceof CancelledError) return 'stop' as const;
      throw error;
    });
  if (choice === 'stop') return stop(run, user, undefined, deps, ended === 'done' ? 'batch.stoppedAfter' : 'batch.stopped');
  return choice;
}

/** The hire's newest enabled device as the state records it; undefined when none (or no user yet). */
async function enrolledDevice(run: Pick<BatchRun, 'adminAws'>, user: string): Promise<Outcome | undefined> {
  const devices = await run.adminAws.listMfaDevices(user).catch((error: unknown) => {
    if (error instanceof AwsError && error.is('NoSuchEntity')) return [];
    throw error;
  });
  const newest = devices.sort((a, b) => (b.enableDate?.getTime() ?? 0) - (a.enableDate?.getTime() ?? 0))[0];
  return newest && { user, status: 'done', serialNumber: newest.serialNumber, ...(newest.enableDate ? { enabledAt: newest.enableDate.toISOString() } : {}) };
}

/**
 * Enrolled already (by an earlier run that stopped after enabling, or before the batch):
 * recorded as done; replacing a device is the single-user wizard's job.
 */
async function recordIfEnrolled(run: BatchRun, user: string, deps: Pick<WizardDeps, 'out' | 'writer'>): Promise<boolean> {
  const already = await enrolledDevice(run, user);
  if (!already) return false;
  deps.out.info(t('batch.alreadyEnrolled', { user, serial: already.serialNumber!, profile: run.options.profile }));
  const { sessionVerified: verified, csv } = run.state.hires[user] ?? {};
  run.state.hires[user] = { ...already, ...(verified !== undefined ? { sessionVerified: verified } : {}), ...(csv !== undefined ? { csv } : {}) };
  await saveState(run.statePath, run.state, deps);
  return true;
}

/**
 * The hand-over screen: the hire takes the keyboard, or the admin skips them. `guarded`: the
 * turn comes back to the administrator's screen, and the hire is told so.
 */
async function handOver(run: BatchRun, user: string, k: number, guarded: boolean, deps: Pick<WizardDeps, 'out' | 'prompter'>): Promise<'enrol' | 'skip'> {
  deps.out.heading(t('batch.handOver', { k, n: run.selected.length, user }));
  if (guarded) deps.out.info(t('batch.handOverBack', { user }));
  return deps.prompter.select({
    message: t('batch.ready', { user }),
    flag: '--yes',
    choices: [
      { value: 'enrol', name: t('batch.enrol', { user }) },
      { value: 'skip', name: t('batch.skip', { user }) },
    ],
    default: 'enrol',
  });
}

/** Skipped at the hand-over: not asked again, unless named with --only (a code an earlier turn showed is still remembered). */
async function recordSkipped(run: BatchRun, user: string, earlierQr: string | undefined, deps: Pick<WizardDeps, 'writer'>): Promise<void> {
  run.state.hires[user] = notEnrolled(user, 'skipped', earlierQr);
  await run.audit.skipped(user);
  await saveState(run.statePath, run.state, deps);
}

/** The wizard in admin mode for the hire, with their keys when known; what it enabled. */
async function enrol(run: BatchRun, hire: Hire, turn: Turn, deps: WizardDeps): Promise<Outcome> {
  const { options, audit } = run;
  const { csv, made } = await keysFor(run, hire, deps);
  if (csv !== undefined) turn.csv = resolve(csv);
  // One PNG per hire (the wizard never writes over a file): qr.png → qr-alice.png.
  const qrPng = options.setup.qrPng?.replace(/(\.png)?$/i, `-${hire.user}$1`);
  await runSetup(
    { ...options.setup, profile: options.profile, user: hire.user, ...(csv ? { csvPath: csv } : {}), ...(qrPng ? { qrPng } : {}), deleteCsv: false, freshKey: made },
    deps,
    {
      onEnabled: (serialNumber) => {
        turn.enabled = { user: hire.user, status: 'done', serialNumber, enabledAt: audit.now().toISOString() };
      },
      onQrShown: (label) => {
        turn.shownQr = label;
      },
      ...(turn.earlierQr !== undefined ? { earlierQr: turn.earlierQr } : {}),
    },
  );
  return {
    ...((await enrolledDevice(run, hire.user)) ?? turn.enabled ?? { user: hire.user, status: 'done' }),
    sessionVerified: csv !== undefined,
    // The hire's keys stay in that file only: it is handed over, then deleted here.
    ...(turn.csv !== undefined ? { csv: turn.csv } : {}),
  };
}

/**
 * The hire's access-key CSV: the one users.csv names (relative to it), else the one --create
 * wrote, in this run or in one that stopped; the user and the key are created first with
 * --create when the user does not exist (`made`).
 */
async function keysFor(run: BatchRun, hire: Hire, deps: Pick<WizardDeps, 'out' | 'writer'>): Promise<{ csv: string | undefined; made: boolean }> {
  const { options } = run;
  const outDir = dirname(options.usersCsv);
  const named = hire.csv === undefined ? undefined : isAbsolute(hire.csv) ? hire.csv : join(outDir, hire.csv);
  const madeHere = join(outDir, `${hire.user}_accessKeys.csv`);
  const made = options.create && !(await userExists(run.adminAws, hire.user));
  if (made) {
    await createUserWithKey(
      audited(run.adminAws, run.audit),
      { announceNext: false, profile: options.profile, name: hire.user, path: hire.path ?? '/', ...(hire.group ? { group: hire.group } : {}), outDir, existing: false },
      deps,
    );
  }
  // The key CSV --create wrote is the hire's keys, also when the csv column names one that is not there.
  const exists = (path: string | undefined) => (path === undefined ? Promise.resolve(false) : fs.stat(path).then(() => true, () => false));
  const csv = options.create && !(await exists(named)) && (await exists(madeHere)) ? madeHere : named;
  return { csv, made };
}

/**
 * A hire that went wrong. Enabled before it did (the session check, a Ctrl-C while waiting
 * for a code): the hire is enrolled, and the next run must not try again. A Ctrl-C stops the
 * batch; anything else fails this hire only.
 */
async function recordFailure(run: BatchRun, user: string, turn: Turn, error: unknown, deps: Pick<WizardDeps, 'out' | 'writer'>): Promise<void> {
  const device = turn.enabled ?? (error instanceof CancelledError ? undefined : await enrolledDevice(run, user).catch(() => undefined));
  // Enrolled: the hire's CSV is theirs to get, whatever the check did.
  const enabled = device && { ...device, ...(turn.csv !== undefined ? { csv: turn.csv } : {}) };
  const qrShown = turn.shownQr ?? turn.earlierQr;
  if (error instanceof CancelledError) {
    // The next run enrols this hire again: the code shown this time is remembered for it.
    if (!enabled && qrShown !== undefined) run.state.hires[user] = notEnrolled(user, 'interrupted', qrShown);
    return stop(run, user, enabled, deps);
  }
  const message = errorText(error);
  run.state.hires[user] = enabled ? { ...enabled, sessionVerified: false, error: message } : notEnrolled(user, 'failed', qrShown, message);
  deps.out.warn(t(enabled ? 'batch.enabledNotVerified' : 'batch.failed', { user, message }));
}

/** Ctrl-C: what is known recorded, the screen cleared, and the command that carries on said. */
async function stop(run: BatchRun, user: string, enabled: Outcome | undefined, deps: Pick<WizardDeps, 'out' | 'writer'>, said: 'batch.stopped' | 'batch.stoppedAfter' = 'batch.stopped'): Promise<never> {
  if (enabled) run.state.hires[user] = { ...enabled, sessionVerified: false };
  await saveState(run.statePath, run.state, deps);
  clearScreen(run, deps);
  const again = batchAgain(run.options);
  deps.out.info(t(enabled ? 'batch.stoppedEnrolled' : said, { user, command: again }));
  throw new CancelledError('error.cancelledRunAgain');
}
