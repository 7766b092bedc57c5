import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  codeAt,
  counterAt,
  DRIFT_SEARCH_WINDOWS,
  isSixDigits,
  matchCode,
  msUntilPhoneShows,
  phoneCounter,
  STEP_MS,
  windowStart,
} from '../../src/totp/totp.js';

/** RFC 6238's SHA-1 seed, ASCII "12345678901234567890", in base32. */
const RFC_SEED = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

/** An independent HOTP (RFC 4226) so the matching tests do not trust the code under test. */
function referenceCode(base32: string, counter: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const char of base32.replace(/=+$/, '')) bits += alphabet.indexOf(char).toString(2).padStart(5, '0');
  const key = Buffer.from((bits.match(/.{8}/g) ?? []).map((byte) => Number.parseInt(byte, 2)));
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const digest = createHmac('sha1', key).update(message).digest();
  const offset = digest[digest.length - 1]! & 0x0f;
  const binary = digest.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 1_000_000).padStart(6, '0');
}

// A server time in the middle of window 56_666_666 (12.345 s into it).
const COUNTER = 56_666_666;
const NOW = COUNTER * 30_000 + 12_345;
const MS_LEFT_IN_WINDOW = 30_000 - 12_345;

describe('codeAt: RFC 6238 appendix B, SHA-1, last six of the eight digits', () => {
  it.each([
    { time: 59, code: '287082' },
    { time: 1_111_111_109, code: '081804' },
    { time: 1_111_111_111, code: '050471' },
    { time: 1_234_567_890, code: '005924' },
    { time: 2_000_000_000, code: '279037' },
    { time: 20_000_000_000, code: '353130' },
  ])('T = $time s → $code', ({ time, code }) => {
    expect(codeAt(RFC_SEED, counterAt(time * 1000))).toBe(code);
  });

  it('the reference implementation agrees with the RFC too', () => {
    expect(referenceCode(RFC_SEED, Math.floor(1_234_567_890 / 30))).toBe('005924');
  });
});

describe('windows', () => {
  it.each([
    { ms: 0, counter: 0 },
    { ms: 29_999, counter: 0 },
    { ms: 30_000, counter: 1 },
    { ms: 59_000, counter: 1 },
    { ms: NOW, counter: COUNTER },
  ])('counterAt($ms) = $counter', ({ ms, counter }) => {
    expect(counterAt(ms)).toBe(counter);
  });

  it('a window starts 30 s after the previous one', () => {
    expect(STEP_MS).toBe(30_000);
    expect(windowStart(COUNTER)).toBe(NOW - 12_345);
    expect(windowStart(COUNTER + 1) - windowStart(COUNTER)).toBe(30_000);
  });

  it.each([
    { code: '123456', ok: true },
    { code: '000000', ok: true },
    { code: '12345', ok: false },
    { code: '1234567', ok: false },
    { code: '12 456', ok: false },
    { code: '12345a', ok: false },
    { code: '', ok: false },
  ])('isSixDigits($code) = $ok', ({ code, ok }) => {
    expect(isSixDigits(code)).toBe(ok);
  });
});

describe('matchCode', () => {
  const codes = new Map<number, string>();
  for (let offset = -13; offset <= 13; offset++) codes.set(offset, referenceCode(RFC_SEED, COUNTER + offset));

  it('the chosen time has a distinct code in every window from -13 to +13 (so every match is unambiguous)', () => {
    expect(new Set(codes.values()).size).toBe(27);
    expect(DRIFT_SEARCH_WINDOWS).toBe(10);
  });

  const offsets = Array.from({ length: 21 }, (_, index) => index - 10);
  it.each(offsets)('finds the code of window offset %i', (offset) => {
    expect(matchCode(RFC_SEED, codes.get(offset)!, NOW)).toEqual({ counter: COUNTER + offset, offset });
  });

  it.each([-13, -12, -11, 11, 12, 13])('finds nothing for the code of window offset %i', (offset) => {
    expect(matchCode(RFC_SEED, codes.get(offset)!, NOW)).toBeUndefined();
  });

  it('finds nothing for a code no nearby window has', () => {
    const unused = ['000000', '111111', '999999', '123456'].find((code) => ![...codes.values()].includes(code))!;
    expect(matchCode(RFC_SEED, unused, NOW)).toBeUndefined();
  });

  it('a phone 95 s behind shows a code three windows back: offset -3', () => {
    const phoneCode = referenceCode(RFC_SEED, Math.floor((NOW - 95_000) / 30_000));
    expect(matchCode(RFC_SEED, phoneCode, NOW)?.offset).toBe(-3);
  });

  it('a phone 2 min ahead shows a code four windows on: offset +4', () => {
    const phoneCode = referenceCode(RFC_SEED, Math.floor((NOW + 120_000) / 30_000));
    expect(matchCode(RFC_SEED, phoneCode, NOW)?.offset).toBe(4);
  });

  it('matches with a 64-character seed like the ones AWS hands out', () => {
    const seed = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
    const code = referenceCode(seed, COUNTER + 2);
    expect(matchCode(seed, code, NOW)).toEqual({ counter: COUNTER + 2, offset: 2 });
  });
});

describe('phoneCounter', () => {
  it.each([
    { offset: 0, expected: COUNTER, why: 'in step' },
    { offset: 1, expected: COUNTER, why: 'one window is a read near a boundary, not drift' },
    { offset: -1, expected: COUNTER, why: 'one window is a read near a boundary, not drift' },
    { offset: 2, expected: COUNTER + 2, why: 'two windows ahead is drift' },
    { offset: -5, expected: COUNTER - 5, why: 'five windows behind is drift' },
    { offset: 10, expected: COUNTER + 10, why: 'the edge of the search' },
  ])('offset $offset → window $expected ($why)', ({ offset, expected }) => {
    // The match was found a minute ago: what counts is the server's window now.
    expect(phoneCounter({ counter: COUNTER - 2 + offset, offset }, NOW)).toBe(expected);
  });
});

describe('msUntilPhoneShows', () => {
  it.each([
    { title: 'in step, the next window', counter: COUNTER + 1, phoneOffset: 0, ms: MS_LEFT_IN_WINDOW },
    { title: 'in step, two windows on', counter: COUNTER + 2, phoneOffset: 0, ms: MS_LEFT_IN_WINDOW + 30_000 },
    { title: 'in step, the window it shows now', counter: COUNTER, phoneOffset: 0, ms: 0 },
    { title: 'in step, a past window', counter: COUNTER - 3, phoneOffset: 0, ms: 0 },
    { title: 'phone 2 ahead, the window it shows now', counter: COUNTER + 2, phoneOffset: 2, ms: 0 },
    { title: 'phone 2 ahead, its next window', counter: COUNTER + 3, phoneOffset: 2, ms: MS_LEFT_IN_WINDOW },
    { title: 'phone 3 behind, its next window', counter: COUNTER - 2, phoneOffset: -3, ms: MS_LEFT_IN_WINDOW },
    { title: 'phone 3 behind, the server window', counter: COUNTER, phoneOffset: -3, ms: MS_LEFT_IN_WINDOW + 60_000 },
  ])('$title → $ms ms', ({ counter, phoneOffset, ms }) => {
    expect(msUntilPhoneShows(counter, phoneOffset, NOW)).toBe(ms);
  });

  it('at the very start of a window the next one is a full step away', () => {
    expect(msUntilPhoneShows(COUNTER + 1, 0, COUNTER * 30_000)).toBe(30_000);
  });
});
