import { codeAt, counterAt, DRIFT_SEARCH_WINDOWS, TOLERATED_WINDOWS } from '../../totp/totp.js';
import { AwsFault } from './protocol.js';
import type { VirtualDevice } from './state.js';

/**
 * AWS's MFA rules, as the emulator applies them. The tolerance is the wizard's own
 * (TOLERATED_WINDOWS, one 30 s window either way): its local check and this verdict agree.
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
 * EnableMFADevice: the second code within a window of the clock (±1), the first the one
 * before it; else InvalidAuthenticationCode. Returns the window of the second code.
 */
export function checkEnableCodes(device: VirtualDevice, code1: string, code2: string, now: number): number {
  const second = consecutivePair(device, code1, code2, now, TOLERATED_WINDOWS);
  if (second === undefined) throw MFA_FAULTS.invalidCode();
  return second;
}

/**
 * ResyncMFADevice: two consecutive codes, searched as far as the wizard's drift check looks;
 * the device then remembers how far off the phone runs.
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
