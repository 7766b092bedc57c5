import type { WizardDeps } from '../context.js';
import type { BatchRun } from './types.js';

/** Clears the screen and its scrollback (the last hire's QR code must not be scrolled back to). */
const CLEAR_ALL = '\u001b[H\u001b[2J\u001b[3J';

/** The last hire's enrolment leaves the screen and the scrollback (at a hand-over, a stop, the end). */
export function clearScreen(run: Pick<BatchRun, 'shown'>, deps: Pick<WizardDeps, 'out'>): void {
  if (run.shown && deps.out.size()) deps.out.raw(CLEAR_ALL);
  run.shown = false;
}
