import { shiftedClock } from '../../totp/clock.js';
import { t } from '../../ui/messages/index.js';
import type { WizardDeps } from '../context.js';
import { known, type SetupRun } from '../run.js';

/** A computer clock off by this much or more is corrected with AWS's time for the code checks. */
const CLOCK_SKEW_MS = 30_000;

/** AWS's answers tell how far this computer's clock is off: the code checks use AWS's time. */
export async function correctClock(run: Pick<SetupRun, 'iam'>, deps: WizardDeps): Promise<WizardDeps | void> {
  const offset = known(run, 'iam').clockOffsetMs();
  if (offset === undefined || Math.abs(offset) < CLOCK_SKEW_MS) return;
  const seconds = Math.round(Math.abs(offset) / 1000);
  deps.out.warn(t('clock.computerOff', { seconds, direction: t(offset > 0 ? 'time.behind' : 'time.ahead') }));
  return { ...deps, clock: shiftedClock(deps.clock, offset) };
}
