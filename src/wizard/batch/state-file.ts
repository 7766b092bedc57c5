import { promises as fs } from 'node:fs';
import { UserError } from '../../errors.js';
import type { WizardDeps } from '../context.js';

/**
 * What became of one hire: kept in the state file (never a secret) and in the report.
 * `skipped`: passed over at the hand-over, on purpose (later runs leave them out unless named
 * with --only); `interrupted`: stopped with Ctrl-C, then passed over (the next run enrols them).
 */
export interface Outcome {
  user: string;
  status: 'done' | 'skipped' | 'interrupted' | 'failed';
  serialNumber?: string;
  enabledAt?: string;
  sessionVerified?: boolean;
  /** The hire's access-key CSV on this computer: to hand over to the hire, then delete here (a path, never its content). */
  csv?: string;
  error?: string;
  /**
   * Not enrolled: the label of the last QR code shown to the hire (`AWS:alice@123456789012`,
   * no secret), whose entry may be in their app for a device that is gone. The next run's
   * code is then tagged, and the hire told to delete that entry.
   */
  qrShown?: string;
}

/** The state file (`users.csv.state.json`): what earlier runs did, so that a run carries on. */
export interface State {
  version: 1;
  /** The account the hires are in: the same file run against another account is refused. */
  account?: string;
  hires: Record<string, Outcome>;
}

/** The catalog id of each status, as the summary shows it. */
export const STATUS = { done: 'batch.statusDone', skipped: 'batch.statusSkipped', interrupted: 'batch.statusInterrupted', failed: 'batch.statusFailed' } as const;

/** True for an outcome as this tool writes it: a state file edited by hand may hold anything. */
function isOutcome(value: unknown): value is Outcome {
  if (value === null || typeof value !== 'object') return false;
  const o = value as Record<string, unknown>;
  const optional = (key: string, type: string) => o[key] === undefined || typeof o[key] === type;
  return (
    typeof o.user === 'string' &&
    Object.hasOwn(STATUS, String(o.status)) &&
    optional('serialNumber', 'string') &&
    optional('enabledAt', 'string') &&
    optional('error', 'string') &&
    optional('csv', 'string') &&
    optional('qrShown', 'string') &&
    optional('sessionVerified', 'boolean')
  );
}

/** The state file as earlier runs left it; none yet is an empty state, a damaged one is refused. */
export async function readState(path: string): Promise<State> {
  const text = await fs.readFile(path, 'utf8').catch(() => undefined);
  if (text === undefined) return { version: 1, hires: {} };
  try {
    const state = JSON.parse(text) as State;
    const hires: unknown = state?.hires;
    // typeof null is 'object': a state file with "hires": null (or a list) is damaged too.
    if (state?.version === 1 && hires !== null && typeof hires === 'object' && !Array.isArray(hires)) {
      if (Object.values(hires as Record<string, unknown>).every(isOutcome)) return state;
    }
  } catch {
    // fall through
  }
  throw new UserError('batch.badState', { path });
}

/** Writes the state down (atomically: a run stopped half-way leaves the last state whole). */
export async function saveState(path: string, state: State, deps: Pick<WizardDeps, 'writer'>): Promise<void> {
  await deps.writer.write(path, `${JSON.stringify(state, null, 2)}\n`, 'replace');
}

/** Left out of this run by --skip (and not done before): reported as skipped, not recorded as such. */
export function skippedNow(run: { readonly skip: readonly string[]; readonly state: State }, user: string): boolean {
  return run.skip.includes(user) && run.state.hires[user]?.status !== 'done';
}
