import jsqrModule from 'jsqr';
import { Secret, TOTP } from 'otpauth';
import { catalogs, type Language, type MessageId } from '../../src/ui/messages/index.js';
import type { Screen } from './screen.js';

// jsqr is CommonJS with a default export: unwrap it whichever way the loader presents it.
const jsQR = ((jsqrModule as unknown as { default?: typeof jsqrModule }).default ?? jsqrModule) as unknown as typeof jsqrModule.default;

const BLOCKS = /^[█▀▄ ]+$/;

/**
 * Reads a QR code drawn with half blocks (as qrcode-terminal draws it) off screen lines:
 * each character is two pixels, the block light and the blank dark.
 */
export function readQrFromLines(lines: string[]): string {
  let best: string[] = [];
  let run: string[] = [];
  for (const line of lines) {
    const trimmed = line.replace(/\s+$/, '');
    if (trimmed.length >= 21 && BLOCKS.test(trimmed) && /[▀▄█]/.test(trimmed)) run.push(trimmed);
    else {
      if (run.length > best.length) best = run;
      run = [];
    }
  }
  if (run.length > best.length) best = run;
  if (best.length < 10) throw new Error('No QR code on the screen');
  const width = Math.max(...best.map((l) => l.length));
  const modules: boolean[][] = []; // true = light
  for (const line of best) {
    const top: boolean[] = [];
    const bottom: boolean[] = [];
    for (let x = 0; x < width; x++) {
      const ch = line[x] ?? ' ';
      top.push(ch === '█' || ch === '▀');
      bottom.push(ch === '█' || ch === '▄');
    }
    modules.push(top, bottom);
  }
  const scale = 4;
  const margin = 4; // a quiet zone, light
  const w = (width + margin * 2) * scale;
  const h = (modules.length + margin * 2) * scale;
  const pixels = new Uint8ClampedArray(w * h * 4);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const my = Math.floor(y / scale) - margin;
      const mx = Math.floor(x / scale) - margin;
      const light = my < 0 || mx < 0 || my >= modules.length || mx >= width ? true : modules[my]![mx]!;
      const value = light ? 255 : 0;
      const at = (y * w + x) * 4;
      pixels[at] = pixels[at + 1] = pixels[at + 2] = value;
      pixels[at + 3] = 255;
    }
  }
  const decoded = jsQR(pixels, w, h, { inversionAttempts: 'attemptBoth' });
  if (!decoded) throw new Error('The QR code on the screen did not decode');
  return decoded.data;
}

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

  static fromScreen(lines: string[]): Phone {
    return new Phone(readQrFromLines(lines));
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
  const phone = Phone.fromScreen(screen.lines());
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

/** A message of a catalog as a pattern, its {placeholders} matching any text on one line. */
export function messagePattern(lang: Language, id: MessageId): RegExp {
  const parts = catalogs[lang][id].split(/\{\w+\}/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(parts.join('.*?'));
}
