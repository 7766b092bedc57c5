import { describe, expect, it } from 'vitest';
import { reuseVerdict, type SavedSession } from '../../src/wizard/reuse.js';

const NOW = Date.UTC(2026, 11, 7, 9, 0);
const SERIAL = 'arn:aws:iam::123456789012:mfa/alice';
const ROLE = 'arn:aws:iam::123456789012:role/deploy';
const saved = (msLeft: number, origin: SavedSession['origin'] | null = { sourceProfile: 'alice', serialNumber: SERIAL }): SavedSession => ({
  accessKeyId: 'ASIAEXAMPLE',
  secretAccessKey: 'secret',
  sessionToken: 'token',
  expiration: new Date(NOW + msLeft),
  ...(origin ? { origin } : {}),
});
const MIN = 60_000;
const HOUR = 3600_000;

/** The one reuse rule, as the full run and the start-up fast path both apply it. */
describe('reuseVerdict', () => {
  it.each([
    ['a session with hours left, same profile', saved(10 * HOUR), {}, { reuse: true, clockBehind: false }],
    ['just over the minimum left', saved(15 * MIN + 1), {}, { reuse: true, clockBehind: false }],
    ['exactly the minimum left', saved(15 * MIN), {}, { reuse: false, clockBehind: false, why: 'endingSoon' }],
    ['ended', saved(-MIN), {}, { reuse: false, clockBehind: false, why: 'expired' }],
    ['ending within a larger --min-remaining', saved(2 * HOUR), { minRemainingMs: 3 * HOUR }, { reuse: false, clockBehind: false, why: 'endingSoon' }],
    ['--force', saved(10 * HOUR), { force: true }, { reuse: false, clockBehind: false }],
    ['36 h left: the longest a session lasts', saved(36 * HOUR), {}, { reuse: true, clockBehind: false }],
    ['further off than any session lasts: the clock is behind', saved(36 * HOUR + 1), {}, { reuse: false, clockBehind: true }],
    ['made from another profile', saved(10 * HOUR, { sourceProfile: 'bob', serialNumber: SERIAL }), {}, { reuse: false, clockBehind: false, why: 'otherOrigin' }],
    ['made for a role, asked without', saved(10 * HOUR, { sourceProfile: 'alice', serialNumber: SERIAL, roleArn: ROLE }), {}, { reuse: false, clockBehind: false, why: 'otherOrigin' }],
    ['made by another tool (no origin)', saved(10 * HOUR, null), {}, { reuse: false, clockBehind: false, why: 'otherOrigin' }],
    ['another device named', saved(10 * HOUR), { serial: `${SERIAL}-2` }, { reuse: false, clockBehind: false, why: 'otherOrigin' }],
    ['the same device named', saved(10 * HOUR), { serial: SERIAL }, { reuse: true, clockBehind: false }],
  ] as const)('%s', (_label, session, given, expected) => {
    const { force = false, minRemainingMs = 15 * MIN, serial } = given as { force?: boolean; minRemainingMs?: number; serial?: string };
    const verdict = reuseVerdict(session, { sourceProfile: 'alice', serial }, { force, minRemainingMs }, NOW);
    expect({ reuse: verdict.reuse, clockBehind: verdict.clockBehind, ...(verdict.why ? { why: verdict.why } : {}) }).toEqual(expected);
  });

  it('no saved session: a new one', () => {
    expect(reuseVerdict(undefined, { sourceProfile: 'alice' }, { force: false, minRemainingMs: 0 }, NOW)).toEqual({ reuse: false, clockBehind: false });
  });
});
