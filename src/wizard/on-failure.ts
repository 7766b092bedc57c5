import { promises as fs } from 'node:fs';
import { CancelledError } from '../errors.js';
import { t } from '../ui/messages/index.js';
import type { WizardDeps } from './context.js';
import { abandoned } from './enrolment-state.js';
import { undoUnfinished } from './journal.js';
import { known, type SetupRun } from './run.js';

/**
 * A failure between creating the device and enabling it: the journal undoes what it can;
 * a PNG of a device that is gone goes too, and what the config file recorded of this
 * enrolment is cleared with it. A stop after which something is left to finish says so.
 */
export async function rollBackUnfinished(
  error: unknown,
  run: Pick<SetupRun, 'journal' | 'actor' | 'identity' | 'device' | 'hooks' | 'pngs' | 'removedFirst' | 'recordedOld' | 'profiles' | 'shownQr' | 'earlierQr'>,
  deps: Pick<WizardDeps, 'out' | 'files' | 'writer'>,
): Promise<never> {
  const { out } = deps;
  const identity = known(run, 'identity');
  const user = identity.userName;
  const profile = run.profiles.longTerm;
  const undone = await undoUnfinished(run.journal, known(run, 'actor'), identity, run.device, deps);
  const kept = undone === 'kept';
  if (kept && run.device) run.hooks.onEnabled?.(run.device.serialNumber);
  // A PNG of a device that is gone is a secret with no use: it goes too (only then).
  if (undone === 'removed') for (const path of run.pngs) if (await fs.rm(path).then(() => true, () => false)) out.info(t('rollback.pngRemoved', { path }));
  if (run.removedFirst) out.warn(t('replace.withoutMfa', { user, profile: profile ?? user }));
  // Nothing of the replacement is left to finish (the old device is there, the new one is gone);
  // the enrolment's marker goes only with the device: one that could not be removed is finished
  // or cleared by the next run.
  const replacement = !run.removedFirst && run.recordedOld !== undefined && !kept;
  const enrolment = undone === 'removed';
  // The QR code shown for the device that went stays in the phone's app: the next run names it.
  const shownQr = enrolment ? (run.shownQr ?? run.earlierQr) : undefined;
  if (profile !== undefined && (replacement || enrolment)) await abandoned(profile, { replacement, enrolment, ...(shownQr !== undefined ? { shownQr } : {}) }, deps);
  if (error instanceof CancelledError && (run.removedFirst || kept)) throw new CancelledError('error.cancelledRunAgain');
  throw error;
}

/** A failure before the old device is retired: it is kept, and said so; a stop then is one to run again. */
export async function keepOldOnFailure(
  error: unknown,
  run: Pick<SetupRun, 'old' | 'removedFirst'>,
  deps: Pick<WizardDeps, 'out'>,
): Promise<never> {
  const retiring = run.old && !run.removedFirst ? run.old : undefined;
  if (retiring) deps.out.warn(t('replace.oldKept', { old: retiring.serialNumber }));
  if (error instanceof CancelledError && retiring) throw new CancelledError('error.cancelledRunAgain');
  throw error;
}
