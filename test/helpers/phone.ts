import { promises as fs } from 'node:fs';
import type { PassThrough } from 'node:stream';
import { Secret, TOTP } from 'otpauth';
import { PNG } from 'pngjs';
import { codeAt } from '../../src/totp/totp.js';
import { catalogs, type Language, type MessageId } from '../../src/ui/messages/index.js';
import { groupedKey } from '../../src/ui/qr.js';
import { scan } from './camera.js';
import type { Screen } from './screen.js';

/** A test phone: an authenticator app holding the secret read from the QR code. */
export class Phone {
  readonly uri: URL;
  readonly secret: string;
  private readonly totp: TOTP;
  private readonly given = new Set<string>();

  constructor(otpauthUri: string) {
    this.uri = new URL(otpauthUri);
    this.secret = this.uri.searchParams.get('secret') ?? '';
    this.totp = new TOTP({ secret: Secret.fromBase32(this.secret), digits: 6, period: 30, algorithm: 'SHA1' });
  }

  /** Points the phone's camera at the screen: the QR code as the terminal shows it, in its colours. */
  static fromScreen(screen: Screen): Phone {
    const uri = screen.scanScreen();
    if (!uri) throw new Error(`The phone cannot read a QR code on the screen (${screen.terminal.theme.name} theme):\n${screen.lines().slice(-30).join('\n')}`);
    return new Phone(uri);
  }

  /** The current 30 s window number. */
  window(at = Date.now()): number {
    return Math.floor(at / 30_000);
  }

  /** The code for a window; a phone never hands out the same code twice in these tests. */
  code(window = this.window()): string {
    const code = this.totp.generate({ timestamp: window * 30_000 });
    if (this.given.has(code)) throw new Error(`The test phone would repeat code ${code}`);
    this.given.add(code);
    return code;
  }
}

/** Waits until at least `ms` remain in the current 30 s window, so a code read now stays current. */
export async function awayFromBoundary(ms = 6_000): Promise<void> {
  const left = 30_000 - (Date.now() % 30_000);
  if (left < ms) await new Promise((r) => setTimeout(r, left + 200));
}

/**
 * From the QR screen to the device enabled, as a quick person with a test phone: reads the
 * QR, continues, and enables with the codes of windows k−1 and k (within the one window of
 * drift the wizard accepts).
 */
export async function enableWithPhone(screen: Screen, from = 0, lang: Language = 'en') {
  const say = (id: MessageId) => messagePattern(lang, id);
  let at = await screen.waitFor(say('qr.askScanned'), from);
  const phone = Phone.fromScreen(screen);
  screen.answer('');
  at = await screen.waitFor(say('enable.askFirst'), at);
  await awayFromBoundary();
  const k = phone.window();
  screen.answer(phone.code(k - 1));
  at = await screen.waitFor(say('enable.askSecond'), at);
  screen.answer(phone.code(k));
  return { phone, at, k };
}

/** enableWithPhone, then the session code typed when the wizard asks for it. */
export async function enrolWithPhone(screen: Screen, from = 0, lang: Language = 'en') {
  const enabled = await enableWithPhone(screen, from, lang);
  const at = await screen.waitFor(messagePattern(lang, 'session.askCode'), enabled.at, 40_000);
  const sessionAskedAt = Date.now();
  screen.answer(enabled.phone.code());
  return { ...enabled, at, sessionAskedAt };
}

/**
 * What the person is left with after the run: the normal screen and its whole scrollback
 * hold no QR code a camera could read, and not the seed in any form.
 */
export function assertNoTrace(screen: Screen, seed: string): void {
  if (screen.onAlternateScreen()) throw new Error('The program left the terminal on its alternate screen');
  const text = screen.lines().join('\n');
  const firstGroups = groupedKey(seed).split(' ').slice(0, 4).join(' ');
  if (text.includes(seed) || text.includes(firstGroups)) throw new Error('The seed is left in the scrollback');
  if (/[▀▄█]{8}/.test(text)) throw new Error('QR blocks are left in the scrollback');
  const readable = screen.scanScrollback();
  if (readable) throw new Error(`A camera still reads a QR code in the scrollback: ${readable.replace(/secret=\w+/, 'secret=…')}`);
}

/** A message of a catalog as a pattern, its {placeholders} matching any text on one line. */
export function messagePattern(lang: Language, id: MessageId): RegExp {
  const parts = catalogs[lang][id].split(/\{\w+\}/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(parts.join('.*?'));
}

/**
 * A phone for in-process runs with `--qr-png`: once the PNG is written, scans it as a camera
 * would and types on `stdin` the codes of `count` windows from `start` on (the wizard's clock;
 * a function: read when the PNG appears, for a phone whose turn comes later).
 */
export function phoneOnPng(png: string, stdin: PassThrough, start: number | (() => number), count: number): { stop(): void } {
  const timer = setInterval(() => {
    void fs.readFile(png).then((bytes) => {
      clearInterval(timer);
      const picture = PNG.sync.read(bytes);
      const uri = scan({ pixels: new Uint8ClampedArray(picture.data), width: picture.width, height: picture.height });
      if (!uri) throw new Error(`The phone cannot read the QR code in ${png}`);
      const seed = new URL(uri).searchParams.get('secret')!;
      const first = typeof start === 'number' ? start : start();
      stdin.write(Array.from({ length: count }, (_, i) => codeAt(seed, first + i)).join('\n') + '\n');
    }, () => undefined);
  }, 20);
  return { stop: () => clearInterval(timer) };
}
