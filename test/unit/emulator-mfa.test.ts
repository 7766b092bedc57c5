import { describe, expect, it } from 'vitest';
import { checkEnableCodes, checkTokenCode } from '../../src/emulator/embedded/mfa.js';
import { AwsFault } from '../../src/emulator/embedded/protocol.js';
import type { VirtualDevice } from '../../src/emulator/embedded/state.js';
import { codeAt, counterAt, windowStart } from '../../src/totp/totp.js';
import { createOutput } from '../../src/ui/output.js';
import { readCheckedCode } from '../../src/wizard/read-code.js';
import { scriptedPrompter } from '../helpers/prompter.js';

const SEED = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const W = 59_000_000; // a window number in 2026

/** A device as CreateVirtualMFADevice leaves it, enabled for alice when `lastCounter` is given. */
function device(lastCounter?: number): VirtualDevice {
  return {
    serial: 'arn:aws:iam::123456789012:mfa/alice',
    seed: SEED,
    created: new Date(0),
    driftWindows: 0,
    usableFrom: 0,
    ...(lastCounter !== undefined ? { userName: 'alice', enabled: new Date(0), lastCounter } : {}),
  };
}

/**
 * The wizard's own check of a typed code at `now` (src/wizard/steps/read-code.ts), with no
 * --allow-clock-drift: true when it would send the code to AWS as it is.
 */
async function wizardSends(code: string, now: number, rules: { used: string[]; after?: number }): Promise<boolean> {
  const typed = [code];
  const silent = { write: () => true, isTTY: false };
  try {
    await readCheckedCode('code', SEED, rules, { allowClockDrift: false }, {
      out: createOutput(silent, silent, {}),
      prompter: scriptedPrompter([]),
      clock: { now: () => now, sleep: async () => undefined },
      readCode: async () => {
        const next = typed.shift();
        if (next === undefined) throw new Error('refused'); // asked again: the first one was not sent
        return next;
      },
    });
    return true;
  } catch (error) {
    if ((error as Error).message === 'refused') return false;
    throw error;
  }
}

function emulatorAccepts(check: () => unknown): boolean {
  try {
    check();
    return true;
  } catch (error) {
    if (error instanceof AwsFault) return false;
    throw error;
  }
}

/** Phone clock minus the emulator's, in seconds: a phone up to ~2 minutes off either way. */
const OFFSETS = [-125, -95, -65, -50, -35, -31, -25, -10, -1, 0, 1, 10, 25, 31, 35, 50, 65, 95, 125];
/** Where in its 30 s window the emulator's clock is when the code is typed. */
const INTO_WINDOW = [1, 15, 29];
const rows = OFFSETS.flatMap((offset) => INTO_WINDOW.map((into) => ({ offset, into })));

describe('the wizard\'s local code check agrees with the emulator\'s verdict', () => {
  it.each(rows)('session code from a phone $offset s off, $into s into the window', async ({ offset, into }) => {
    const now = windowStart(W) + into * 1000;
    const shown = counterAt(now + offset * 1000);
    const code = codeAt(SEED, shown);
    // Enabling accepted windows up to W−3: every code the phone shows now is new to the device.
    const local = await wizardSends(code, now, { used: [], after: W - 3 });
    const remote = emulatorAccepts(() => checkTokenCode(device(W - 3), 'alice', code, now));
    expect({ local, remote }).toEqual({ local: Math.abs(shown - W) <= 1, remote: local });
  });

  it.each(rows)('enabling with a phone $offset s off, $into s into the window', async ({ offset, into }) => {
    const now = windowStart(W) + into * 1000;
    const first = counterAt(now + offset * 1000);
    // The second code is typed when the phone shows the next window; the call goes then.
    const sentAt = Math.max(now, windowStart(first + 1) - offset * 1000);
    const [code1, code2] = [codeAt(SEED, first), codeAt(SEED, first + 1)];
    const local = (await wizardSends(code1, now, { used: [] })) && (await wizardSends(code2, sentAt, { used: [code1] }));
    const remote = emulatorAccepts(() => checkEnableCodes(device(), code1, code2, sentAt));
    // The wizard never sends a pair the emulator refuses. The one place they part: a phone
    // 31–60 s behind shows a first code two windows old when typed; the wizard warns of the
    // clock (and sends it only if told to try anyway), while at the call, a window later, the
    // pair is within the emulator's tolerance.
    const firstTypedInTolerance = Math.abs(first - counterAt(now)) <= 1;
    expect(local).toBe(remote && firstTypedInTolerance);
  });

  it('the session check refuses a code the device accepted, as the wizard does not send one', async () => {
    const now = windowStart(W) + 5_000;
    const code = codeAt(SEED, W);
    expect(await wizardSends(code, now, { used: [], after: W })).toBe(false);
    expect(() => checkTokenCode(device(W), 'alice', code, now)).toThrow('MultiFactorAuthentication failed with invalid MFA one time pass code.');
  });
});
