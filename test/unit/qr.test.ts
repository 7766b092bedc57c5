import xterm from '@xterm/headless';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import type { Aws } from '../../src/aws/client.js';
import { createFileWriter } from '../../src/credentials/files.js';
import { systemClock } from '../../src/totp/clock.js';
import { createOutput } from '../../src/ui/output.js';
import { catalogs, setLanguage, type Language, type MessageId } from '../../src/ui/messages/index.js';
import { drawQr, encodeQr, fullLabel, keyLines, layoutQr, otpauthUri, qrPng, type QrLabel, type QrPaint } from '../../src/ui/qr.js';
import { displayWidth } from '../../src/ui/width.js';
import { showQr } from '../../src/wizard/show-qr.js';
import { DARK_THEME, LIGHT_THEME, photograph, photographText, scan, type Theme } from '../helpers/camera.js';
import { scriptedPrompter } from '../helpers/prompter.js';

const SEED = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const ACCOUNT = '123456789012';
const COLOR: QrPaint = { kind: 'color', palette: '256' };

/** Names as IAM allows them ([\w+=,.@-]), the worst for a QR code being the percent-encoded ones. */
const nameOf = (length: number, chars = 'abcdefghij') => Array.from({ length }, (_, i) => chars[i % chars.length]).join('');

describe('the QR code', () => {
  it('puts the secret in an alphanumeric segment, so a typical code is version 5 (37 modules)', () => {
    const qr = encodeQr(otpauthUri(fullLabel({ device: 'alice', alias: 'acme-prod', accountId: ACCOUNT }), SEED));
    expect(qr.modes.at(-1)).toBe('Alphanumeric');
    expect([qr.version, qr.size]).toEqual([5, 37]);
    // The same URI all in byte mode would be version 6 or more.
    expect(encodeQr(otpauthUri(fullLabel({ device: 'alice', alias: 'acme-prod', accountId: ACCOUNT }), SEED.toLowerCase())).version).toBeGreaterThan(5);
  });

  it.each([
    { how: '256 colours', theme: LIGHT_THEME, paint: COLOR },
    { how: '256 colours', theme: DARK_THEME, paint: COLOR },
    { how: '16 colours', theme: LIGHT_THEME, paint: { kind: 'color', palette: '16' } as QrPaint },
    { how: '16 colours', theme: DARK_THEME, paint: { kind: 'color', palette: '16' } as QrPaint },
    { how: 'ink for a light background (NO_COLOR)', theme: LIGHT_THEME, paint: { kind: 'ink', background: 'light' } as QrPaint },
    { how: 'ink for a dark background (NO_COLOR)', theme: DARK_THEME, paint: { kind: 'ink', background: 'dark' } as QrPaint },
  ])('drawn in $how on a $theme.name terminal, a camera reads it without inverting', async ({ theme, paint }) => {
    const uri = otpauthUri(fullLabel({ device: 'alice', accountId: ACCOUNT }), SEED);
    const lines = drawQr(encodeQr(uri), 2, paint);
    expect(scan(await photographText(lines.join('\n'), theme))).toBe(uri);
  });

  it.each([
    { theme: LIGHT_THEME, paint: { kind: 'ink', background: 'dark' } as QrPaint },
    { theme: DARK_THEME, paint: { kind: 'ink', background: 'light' } as QrPaint },
  ])('ink drawn for the wrong background is a negative on $theme.name: a camera that never inverts cannot read it', async ({ theme, paint }) => {
    const uri = otpauthUri(fullLabel({ device: 'alice', accountId: ACCOUNT }), SEED);
    expect(scan(await photographText(drawQr(encodeQr(uri), 2, paint).join('\n'), theme))).toBeUndefined();
  });

  it('--qr-png decodes to the URI with the whole label and secret', async () => {
    const uri = otpauthUri(fullLabel({ device: 'alice', alias: 'acme-prod', accountId: ACCOUNT }), SEED);
    const png = PNG.sync.read(await qrPng(uri));
    expect(scan({ pixels: new Uint8ClampedArray(png.data), width: png.width, height: png.height })).toBe(uri);
  });

  it('the key for typing in: whole groups of four, each line within the width', () => {
    const lines = keyLines(SEED, 40);
    expect(lines.join(' ')).toBe(SEED.match(/.{4}/g)!.join(' '));
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(40);
  });
});

describe('the QR code at 80×24 with its question, for every real name', () => {
  // Names of 1 to 64 characters (word characters, and the percent-encoded + and @), aliases up to 63.
  const cases: { device: string; alias?: string }[] = [];
  for (let length = 1; length <= 64; length++) {
    cases.push({ device: nameOf(length) }, { device: nameOf(length), alias: nameOf(63, 'abc-') });
    if (length % 8 === 0) cases.push({ device: nameOf(length, 'a+b@c') }, { device: nameOf(length, '+@'), alias: nameOf(63, 'xyz0') });
  }
  const QUESTION_ROWS = 1;

  it('fits in 80 columns and 23 lines (the 24th is the question), never giving up the secret or the issuer', () => {
    for (const { device, alias } of cases) {
      const label: QrLabel = { device, alias, accountId: ACCOUNT };
      const { layout } = layoutQr(label, SEED, { columns: 80, rows: 24 - QUESTION_ROWS });
      expect(layout, `${device}@${alias}`).toBeDefined();
      expect(layout!.columns).toBeLessThanOrEqual(80);
      expect(layout!.rows + QUESTION_ROWS).toBeLessThanOrEqual(24);
      const url = new URL(layout!.uri);
      expect(url.searchParams.get('secret')).toBe(SEED);
      expect(url.searchParams.get('issuer')).toBe('AWS');
      expect(layout!.uri.startsWith('otpauth://totp/AWS:')).toBe(true);
    }
  });

  it('shortens the label in steps: alias, then the account id, then no account, then the name cut', () => {
    const rows = 23;
    const fits = (device: string, alias?: string) => decodeURIComponent(layoutQr({ device, alias, accountId: ACCOUNT }, SEED, { columns: 80, rows }).layout!.label);
    expect(fits('alice', 'acme-prod')).toBe('alice@acme-prod');
    expect(fits(nameOf(30), nameOf(63, 'abc-'))).toBe(`${nameOf(30)}@${ACCOUNT}`);
    expect(fits(nameOf(45), nameOf(63, 'abc-'))).toBe(nameOf(45));
    const cut = fits(nameOf(64, '+@'));
    expect(cut.endsWith('..')).toBe(true);
    expect(nameOf(64, '+@').startsWith(cut.slice(0, -2))).toBe(true);
  });

  it('every chosen code decodes, read off the terminal by a camera, light and dark', async () => {
    for (const [index, { device, alias }] of cases.entries()) {
      if (index % 5 !== 0) continue; // a spread of lengths: each decode is a photograph
      const { layout } = layoutQr({ device, alias, accountId: ACCOUNT }, SEED, { columns: 80, rows: 23 });
      const theme = index % 2 ? LIGHT_THEME : DARK_THEME;
      expect(scan(await photographText(drawQr(layout!.qr, layout!.quiet, COLOR).join('\n'), theme)), `${device}@${alias}`).toBe(layout!.uri);
    }
  });

  it('says the size it needs when even the smallest code cannot fit', () => {
    const { layout, smallest } = layoutQr({ device: 'alice', accountId: ACCOUNT }, SEED, { columns: 60, rows: 15 });
    expect(layout).toBeUndefined();
    expect(smallest.rows).toBeGreaterThan(15);
    expect(smallest.columns).toBeLessThanOrEqual(60);
  });
});

/** showQr on an emulated terminal: what is on the screen when the question is asked. */
async function showOnTerminal(size: { cols: number; rows: number }, theme: Theme, language: Language, label: { device: string; alias?: string }) {
  setLanguage(language);
  const term = new xterm.Terminal({ ...size, allowProposedApi: true });
  const write = (text: string) => term.write(text.replace(/\r?\n/g, '\r\n'));
  const stream = { isTTY: true, columns: size.cols, rows: size.rows, write: (text: string) => (write(text), true) };
  const out = createOutput(stream, stream, { TERM: 'xterm-256color' });
  let seen: { uri?: string; question: string; cursorRow: number; firstLine: string } | undefined;
  const prompter = scriptedPrompter([
    {
      flag: '--yes',
      answer: async (message) => {
        write(message); // as the one-line question prints it
        await new Promise<void>((done) => term.write('', done));
        const buffer = term.buffer.active;
        seen = { uri: scan(photograph(term, theme)), question: message, cursorRow: buffer.cursorY, firstLine: buffer.getLine(0)!.translateToString(true) };
        return 'continue';
      },
    },
  ]);
  const aws: Pick<Aws, 'listAccountAliases'> = { listAccountAliases: async () => (label.alias ? [label.alias] : []) };
  const device = { name: label.device, serialNumber: `arn:aws:iam::${ACCOUNT}:mfa/${label.device}`, seed: SEED };
  out.addSecret(SEED);
  await showQr(aws, { account: ACCOUNT, arn: '', partition: 'aws', userName: label.device, path: '/' }, device, { showSecret: false, yes: false }, {
    out,
    prompter,
    interactive: true,
    qrPaint: async () => ({ paint: COLOR, sure: true }),
    writer: createFileWriter({ clock: systemClock }),
  });
  prompter.assertDone();
  term.dispose();
  setLanguage('en');
  return seen!;
}

describe('the QR screen', () => {
  it.each(Object.keys(catalogs) as Language[])('%s: the one-line questions, with every key offered, fit 80 columns', (language) => {
    const c = catalogs[language];
    const line = (ask: MessageId, keys: MessageId[]) => `${c[ask]} ${keys.map((id) => c[id]).join(' · ')} `;
    expect(displayWidth(line('qr.askScanned', ['qr.keyContinue', 'qr.keyShowKey', 'qr.keyPng', 'qr.keyInvert']))).toBeLessThanOrEqual(80);
    expect(displayWidth(line('qr.askAdded', ['qr.keyContinue', 'qr.keyShowQr', 'qr.keyPng']))).toBeLessThanOrEqual(80);
  });

  it.each([
    { language: 'en' as Language, theme: LIGHT_THEME, label: { device: 'alice', alias: 'acme-prod' } },
    { language: 'ja' as Language, theme: DARK_THEME, label: { device: 'alice', alias: 'acme-prod' } },
    { language: 'en' as Language, theme: DARK_THEME, label: { device: nameOf(64), alias: nameOf(63, 'abc-') } },
    { language: 'ja' as Language, theme: LIGHT_THEME, label: { device: nameOf(64, 'a+@'), alias: nameOf(63, 'abc-') } },
  ])('at 80×24 ($language, $theme.name, $label.device): the code and its one-line question fit, and scan', async ({ language, theme, label }) => {
    const seen = await showOnTerminal({ cols: 80, rows: 24 }, theme, language, label);
    expect(seen.uri).toMatch(new RegExp(`^otpauth://totp/AWS:.*secret=${SEED}$`));
    expect(displayWidth(seen.question)).toBeLessThanOrEqual(80);
    // Nothing scrolled off: the question is on the last line at most, and the top line is still the first one drawn.
    expect(seen.cursorRow).toBeLessThanOrEqual(23);
    expect(seen.firstLine).not.toBe('');
  });
});

describe('the tag that tells a rerun\'s code from an earlier attempt\'s (issue 23 item 4)', () => {
  const seed = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
  it('follows the device name in the full label, and is kept by every shortened one', () => {
    const label: QrLabel = { device: 'a-rather-long-device-name-for-dave-in-engineering', alias: 'acme-corp', accountId: '123456789012', tag: '1207-1433' };
    expect(fullLabel(label)).toBe('a-rather-long-device-name-for-dave-in-engineering.1207-1433@acme-corp');
    // Sizes from roomy to tight: whatever label fits still ends with the tag (or the tag then the account).
    const shown = new Set<string>();
    for (const rows of [40, 24, 23, 22, 21]) {
      const { layout } = layoutQr(label, seed, { columns: 80, rows });
      if (layout) shown.add(layout.label);
    }
    expect([...shown].some((l) => l.includes('..'))).toBe(true); // some were cut
    for (const l of shown) expect(l).toMatch(/\.1207-1433(@[\w-]+)?$/);
  });
});
