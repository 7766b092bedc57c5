import { codeAt, counterAt, DRIFT_SEARCH_WINDOWS, TOLERATED_WINDOWS } from '../../totp/totp.js';
import { AwsFault } from './protocol.js';
import type { VirtualDevice } from './state.js';

/**
 * AWS's MFA rules, as the emulator applies them. The tolerance is the wizard's own
 * (TOLERATED_WINDOWS, one 30 s window either way) around where the device expects codes
 * (the clock, shifted by its driftWindows): its local check and this verdict agree.
 */
const MFA_FAULTS = {
  invalidCode: () => new AwsFault('InvalidAuthenticationCode', 'Authentication code for device is not valid.', 403),
  rejectedCode: () => new AwsFault('AccessDenied', 'MultiFactorAuthentication failed with invalid MFA one time pass code.', 403),
  unknownDevice: () =>
    new AwsFault(
      'AccessDenied',
      'MultiFactorAuthentication failed, unable to validate MFA code. Please verify your MFA serial number is valid and associated with this user.',
      403,
    ),
};

/** The window within `reach` of `center` whose code is `code`, nearest first. */
function windowOf(seed: string, code: string, center: number, reach: number): number | undefined {
  for (let distance = 0; distance <= reach; distance++) {
    for (const counter of distance === 0 ? [center] : [center - distance, center + distance]) {
      if (codeAt(seed, counter) === code) return counter;
    }
  }
  return undefined;
}

/**
 * Two consecutive codes, the second near the emulator's clock (shifted by the device's known
 * drift): the window of the second, or undefined. The first is judged through the second: the
 * person typed it, then waited for the next, so at the call it is a window older.
 */
function consecutivePair(device: VirtualDevice, code1: string, code2: string, now: number, reach: number): number | undefined {
  if (!/^\d{6}$/.test(code1) || !/^\d{6}$/.test(code2)) return undefined;
  const second = windowOf(device.seed, code2, counterAt(now) + device.driftWindows, reach);
  return second !== undefined && codeAt(device.seed, second - 1) === code1 ? second : undefined;
}

/**
 * How late (in windows) EnableMFADevice still takes two consecutive codes: 20 windows, ten
 * minutes. AWS documents that codes sent too long after they were made leave the device
 * "associated with the user but out of sync"; how long is not documented. This is the
 * emulator's assumption (README, "The emulator's MFA tolerance").
 */
export const ENABLE_LATE_WINDOWS = 20;

/**
 * EnableMFADevice: the second code within a window of the clock (±1), the first the one
 * before it: the device is in step. Codes typed up to ENABLE_LATE_WINDOWS late are taken
 * too, and the device is then out of step: it expects codes at that offset (driftWindows)
 * until ResyncMFADevice. Else InvalidAuthenticationCode. Returns the window of the second code.
 */
export function checkEnableCodes(device: VirtualDevice, code1: string, code2: string, now: number): number {
  const second =
    consecutivePair(device, code1, code2, now, TOLERATED_WINDOWS) ?? latePair(device, code1, code2, now);
  if (second === undefined) throw MFA_FAULTS.invalidCode();
  return second;
}

/** Two consecutive codes from up to ENABLE_LATE_WINDOWS ago: the window of the second; the device then runs that far behind. */
function latePair(device: VirtualDevice, code1: string, code2: string, now: number): number | undefined {
  if (!/^\d{6}$/.test(code1) || !/^\d{6}$/.test(code2)) return undefined;
  const current = counterAt(now) + device.driftWindows;
  for (let late = TOLERATED_WINDOWS + 1; late <= ENABLE_LATE_WINDOWS; late++) {
    const second = current - late;
    if (codeAt(device.seed, second) === code2 && codeAt(device.seed, second - 1) === code1) {
      device.driftWindows -= late;
      return second;
    }
  }
  return undefined;
}

/**
 * ResyncMFADevice: two consecutive codes, searched ±DRIFT_SEARCH_WINDOWS (five minutes) of
 * the clock, as far as the wizard's drift check looks, whatever offset the device had; the
 * device then remembers how far off the phone runs (0 for a phone in step).
 */
export function resync(device: VirtualDevice, code1: string, code2: string, now: number): void {
  const second = consecutivePair({ ...device, driftWindows: 0 }, code1, code2, now, DRIFT_SEARCH_WINDOWS);
  if (second === undefined) throw MFA_FAULTS.invalidCode();
  device.driftWindows = second - counterAt(now);
  device.lastCounter = second;
}

/**
 * GetSessionToken / AssumeRole with a TokenCode: the serial must be a device of the caller
 * that STS knows by now; the code must be current (±1 window) and newer than every code the
 * device accepted before. On success the device remembers the window.
 */
export function checkTokenCode(device: VirtualDevice | undefined, userName: string | undefined, code: string, now: number): void {
  if (!device || device.userName === undefined || device.userName !== userName || now < device.usableFrom) {
    throw MFA_FAULTS.unknownDevice();
  }
  const counter = /^\d{6}$/.test(code)
    ? windowOf(device.seed, code, counterAt(now) + device.driftWindows, TOLERATED_WINDOWS)
    : undefined;
  if (counter === undefined || counter <= (device.lastCounter ?? -Infinity)) throw MFA_FAULTS.rejectedCode();
  device.lastCounter = counter;
}
