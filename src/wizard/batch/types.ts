import type { SetupOptions, Aws, WizardDeps } from '../context.js';
import type { AuditLog } from './audit-log.js';
import type { State } from './state.js';
import type { Hire } from './users.js';

export interface BatchOptions {
  usersCsv: string;
  profile: string;
  /** Create users that do not exist (with --group/path from the file), and their key CSV. */
  create: boolean;
  only: string[];
  skip: string[];
  report?: string;
  region?: string;
  envRegion?: string;
  /** The wizard's own options, for each enrolment. */
  setup: SetupOptions;
}

/** One run of a batch: the hires it is about, what earlier runs did, and the administrator acting. */
export interface BatchRun {
  readonly options: BatchOptions;
  /** The hires this run is about (--only), in the file's order. */
  readonly selected: Hire[];
  /** --only and --skip, as users.csv spells the names. */
  readonly only: string[];
  readonly skip: string[];
  /** The state file (`users.csv.state.json`) and what it holds, updated hire by hire. */
  readonly statePath: string;
  readonly state: State;
  /** The administrator's client (unaudited: its reads are not changes). */
  readonly adminAws: Aws;
  /** Where the administrator's changes are written down, for the hire being enrolled. */
  readonly audit: AuditLog;
  /** The seams each enrolment runs with: the administrator's clients audited. */
  readonly wizardDeps: WizardDeps;
  /** A hire's enrolment is on screen (maybe a QR code), to clear before anything else. */
  shown: boolean;
}

/** Left out of this run by --skip (and not done before): reported as skipped, not recorded as such. */
export function skippedNow(run: Pick<BatchRun, 'skip' | 'state'>, user: string): boolean {
  return run.skip.includes(user) && run.state.hires[user]?.status !== 'done';
}

/** Clears the screen and its scrollback (the last hire's QR code must not be scrolled back to). */
const CLEAR_ALL = '\u001b[H\u001b[2J\u001b[3J';

/** The last hire's enrolment leaves the screen and the scrollback (at a hand-over, a stop, the end). */
export function clearScreen(run: Pick<BatchRun, 'shown'>, deps: Pick<WizardDeps, 'out'>): void {
  if (run.shown && deps.out.size()) deps.out.raw(CLEAR_ALL);
  run.shown = false;
}
