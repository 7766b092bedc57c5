import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DARK_THEME, LIGHT_THEME, type Theme } from '../helpers/camera.js';
import { consoleCsv, createUserWithKey, listDevices } from '../helpers/moto.js';
import { assertNoTrace, enableWithPhone, messagePattern, Phone } from '../helpers/phone.js';
import { goneWithin } from '../helpers/sandbox.js';
import { Screen } from '../helpers/screen.js';
import { useMotoWorld } from '../helpers/world.js';

/**
 * The QR moment as people have it: the default 80×24 window, light or dark, a phone camera
 * that never tries an inverted picture, resizing, and nothing left behind afterwards.
 */
describe('the QR code on the terminal a new user really has', () => {
  const world = useMotoWorld();
  let screen: Screen | undefined;

  afterEach(() => {
    screen?.kill();
    screen = undefined;
  });

  /** alice's console CSV, and the wizard started on it with the profile and region given. */
  async function start(options: { size?: { cols: number; rows: number }; theme?: Theme; env?: NodeJS.ProcessEnv; answersColorQuery?: boolean; args?: string[] } = {}) {
    const key = await createUserWithKey(world.moto, 'alice');
    const csv = await world.box.write('alice_accessKeys.csv', consoleCsv(key));
    screen = new Screen(
      [csv, '--endpoint-url', world.moto.url, '--profile', 'alice', '--region', 'us-east-1', '--keep-csv', ...(options.args ?? [])],
      { ...world.box.env, ...options.env },
      options.size ?? { cols: 80, rows: 24 },
      undefined,
      undefined,
      { theme: options.theme ?? DARK_THEME, answersColorQuery: options.answersColorQuery ?? true },
    );
    return screen;
  }

  it.each([
    { name: '80×24, light theme (macOS Terminal)', size: { cols: 80, rows: 24 }, theme: LIGHT_THEME, lang: 'en' as const },
    { name: '80×24, dark theme', size: { cols: 80, rows: 24 }, theme: DARK_THEME, lang: 'en' as const },
    { name: '80×24, light theme, Japanese', size: { cols: 80, rows: 24 }, theme: LIGHT_THEME, lang: 'ja' as const },
    { name: '160×50, light theme', size: { cols: 160, rows: 50 }, theme: LIGHT_THEME, lang: 'en' as const },
  ])('$name: the phone scans, the device is enabled with its codes, and the scrollback keeps no QR and no seed', async ({ size, theme, lang }) => {
    const s = await start({ size, theme, env: lang === 'ja' ? { LANG: 'ja_JP.UTF-8' } : {} });
    const { phone, at } = await enableWithPhone(s, 0, lang);
    // The code was drawn whole on the alternate screen, the question under it, nothing scrolled.
    expect(phone.uri.toString()).toBe(`otpauth://totp/AWS:alice@123456789012?issuer=AWS&secret=${phone.secret}`);
    expect((await listDevices(world.moto))[0]?.seed).toBe(phone.secret);
    // Back on the normal screen, one line records what happened on the other one. The rest of
    // the run (a session once the next code exists) is the setup stories' (setup.e2e).
    await s.waitFor(messagePattern(lang, 'enable.done'), at);
    assertNoTrace(s, phone.secret);
    s.interrupt();
    expect(await s.exited).toBe(2);
    assertNoTrace(s, phone.secret);
    expect(s.raw).toContain('\u001b[?1049h');
    expect(s.raw.lastIndexOf('\u001b[?1049l')).toBeGreaterThan(s.raw.lastIndexOf('\u001b[?1049h'));
    expect(s.raw.lastIndexOf('\u001b[?25h')).toBeGreaterThan(s.raw.lastIndexOf('\u001b[?25l'));
  }, 60_000);

  it('NO_COLOR on a light terminal that tells its background: drawn in its own ink, dark modules dark', async () => {
    const s = await start({ theme: LIGHT_THEME, env: { NO_COLOR: '1' } });
    await s.waitFor('Scanned?');
    expect(s.raw).toContain('\u001b]11;?');
    expect(s.scanScreen()).toMatch(/^otpauth:\/\/totp\/AWS:alice/);
    expect(s.raw).not.toMatch(/\u001b\[(38|48);5;/);
    s.interrupt();
    expect(await s.exited).toBe(2);
    expect(await listDevices(world.moto)).toEqual([]);
  }, 60_000);

  it('NO_COLOR on a light terminal that does not answer: assumed dark, and "looks inverted" draws it the other way', async () => {
    const s = await start({ theme: LIGHT_THEME, env: { NO_COLOR: '1' }, answersColorQuery: false });
    let at = await s.waitFor('Scanned?');
    // A negative: a phone that never inverts reads nothing.
    expect(s.scanScreen()).toBeUndefined();
    expect(s.plain().slice(at - 200)).toContain('i: looks inverted');
    s.type('i');
    at = await s.waitFor('Scanned?', at);
    expect(Phone.fromScreen(s).secret).toMatch(/^[A-Z2-7]{64}$/);
    s.interrupt();
    expect(await s.exited).toBe(2);
  }, 60_000);

  it('a window too small says the size it needs; made bigger, the code appears by itself and scans', async () => {
    const s = await start({ size: { cols: 60, rows: 16 } });
    let at = await s.waitFor('The terminal is too small for the QR code');
    expect(s.scanScreen()).toBeUndefined();
    s.resize(80, 24);
    at = await s.waitFor('Scanned?', at);
    const phone = Phone.fromScreen(s);
    s.resize(100, 40);
    at = await s.waitFor('Scanned?', at);
    expect(Phone.fromScreen(s).secret).toBe(phone.secret);
    s.interrupt();
    expect(await s.exited).toBe(2);
    expect(await listDevices(world.moto)).toEqual([]);
    assertNoTrace(s, phone.secret);
    expect(s.lines().join('\n')).toContain('Removed the unfinished device');
  }, 60_000);

  it('the key on request: shown on the QR screen, gone from the terminal afterwards', async () => {
    const s = await start();
    let at = await s.waitFor('Scanned?');
    s.type('k');
    at = await s.waitFor('Added?', at);
    const seed = (await listDevices(world.moto))[0]!.seed!;
    expect(s.lines().filter((line) => /^ {4}[A-Z2-7]{4}/.test(line)).join('').replace(/ /g, '')).toBe(seed);
    s.type('q');
    at = await s.waitFor('Scanned?', at);
    expect(Phone.fromScreen(s).secret).toBe(seed);
    s.interrupt();
    expect(await s.exited).toBe(2);
    assertNoTrace(s, seed);
  }, 60_000);

  it('a terminal closed at the QR code: the device and the PNG holding its seed are removed', async () => {
    const png = join(world.box.home, 'qr.png');
    const s = await start({ args: ['--qr-png', png] });
    await s.waitFor('Scanned?');
    await fs.stat(png);
    expect(await listDevices(world.moto)).toHaveLength(1);
    s.close();
    // The clean-up runs after the terminal is gone: wait for its effect, not its words.
    const deadline = Date.now() + 10_000;
    while ((await listDevices(world.moto)).length > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(await listDevices(world.moto)).toEqual([]);
    expect(await goneWithin(png)).toBe(true);
  }, 60_000);
});
