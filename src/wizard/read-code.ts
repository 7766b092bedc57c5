import { UserError } from '../errors.js';
import { t } from '../ui/messages/index.js';
import { isSixDigits, matchCode, STEP_MS, TOLERATED_WINDOWS, type CodeMatch } from '../totp/totp.js';
import type { SetupOptions, WizardDeps } from './context.js';

/** Bad codes in a row before the wizard gives up (a script feeding codes must not loop forever). */
const MAX_BAD_CODES = 6;

export interface CheckedCode {
  code: string;
  match: CodeMatch;
}

/** Says how far off a phone clock is, in words: "about 2 minutes behind". */
function describeDrift(offsetWindows: number): { amount: string; direction: string } {
  const seconds = Math.abs(offsetWindows) * (STEP_MS / 1000);
  const amount = seconds < 120 ? t('time.seconds', { n: seconds }) : t('time.minutes', { n: Math.round(seconds / 60) });
  return { amount, direction: t(offsetWindows < 0 ? 'time.behind' : 'time.ahead') };
}

/**
 * Asks for a code until one is usable: six digits, not already used, no older than
 * `after` allows, and matching the seed near now. Each problem gets its own message;
 * a phone clock off by 2–10 windows is named, and the person may try the code anyway.
 */
export async function readCheckedCode(
  message: string,
  seed: string,
  rules: { used: string[]; after?: number },
  options: Pick<SetupOptions, 'allowClockDrift'>,
  deps: Pick<WizardDeps, 'out' | 'prompter' | 'clock' | 'readCode'>,
): Promise<CheckedCode> {
  const { out, clock } = deps;
  for (let bad = 0; bad < MAX_BAD_CODES; bad++) {
    const code = (await deps.readCode(message)).replace(/\s+/g, '');
    if (!isSixDigits(code)) {
      out.warn(t('code.notSixDigits'));
      continue;
    }
    if (rules.used.includes(code)) {
      out.warn(t(rules.after === undefined ? 'code.sameTwice' : 'code.alreadyUsed'));
      continue;
    }
    const match = matchCode(seed, code, clock.now());
    if (!match) {
      out.warn(t('code.noMatch'));
      continue;
    }
    if (rules.after !== undefined && match.counter <= rules.after) {
      out.warn(t('code.alreadyUsed'));
      continue;
    }
    if (Math.abs(match.offset) > TOLERATED_WINDOWS) {
      out.warn(t('code.clockOff', describeDrift(match.offset)));
      const tryAnyway =
        options.allowClockDrift ??
        (await deps.prompter.confirm({ message: t('code.tryAnyway'), flag: '--allow-clock-drift', default: false }));
      if (!tryAnyway) continue;
    }
    return { code, match };
  }
  throw new UserError('code.tooManyBad');
}
