import { promises as fs } from 'node:fs';
import { UserError } from '../../errors.js';
import type { WizardDeps } from '../context.js';
import type { SetupRun } from '../run.js';

/** Without a terminal to draw on, the person needs the key or a PNG: said before anything is created. */
export async function checkWayToShow(run: Pick<SetupRun, 'options'>, deps: Pick<WizardDeps, 'out'>): Promise<void> {
  const { options } = run;
  if (!deps.out.size() && !options.showSecret && !options.qrPng) throw new UserError('qr.noWayToShow');
  if (options.qrPng && (await fs.stat(options.qrPng).catch(() => undefined))) {
    throw new UserError('qr.pngExists', { path: options.qrPng });
  }
}
