import type { SetupOptions, Aws, WizardDeps } from '../context.js';
import type { AuditLog } from './audit-log.js';
import type { State } from './state-file.js';
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
  /**
   * A hire's turn: the seams it runs with, Ctrl-C ending the turn only (where the process's
   * signals are ours), until `release`.
   */
  turn(): { deps: WizardDeps; release(): void };
  /** A hire's enrolment is on screen (maybe a QR code), to clear before anything else. */
  shown: boolean;
}
