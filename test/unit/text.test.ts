import { afterEach, describe, expect, it } from 'vitest';
import { setLanguage } from '../../src/ui/messages/index.js';
import { whenText } from '../../src/ui/when.js';
import { displayWidth, wrapText } from '../../src/ui/width.js';

describe('prose wrapped to the terminal', () => {
  it('breaks English at word boundaries, never inside a word, continuation lines hanging', () => {
    const text = '! The terminal is too small for the QR code: it needs 45×24 (columns × lines), this one is 60×20. Make the window bigger.';
    const lines = wrapText(text, 40, 2).split('\n');
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(40);
    for (const line of lines.slice(1)) expect(line).toMatch(/^ {2}\S/);
    // Nothing lost, nothing split: the words read back in order.
    expect(lines.map((l) => l.trim()).join(' ')).toBe(text);
  });

  it('puts a path or an ARN longer than the line on a line of its own, whole', () => {
    const arn = 'arn:aws:iam::123456789012:mfa/a-very-long-device-name-for-somebody-in-engineering';
    const lines = wrapText(`Created virtual MFA device ${arn} for alice`, 60).split('\n');
    expect(lines).toContain(arn);
  });

  it('colour codes take no width', () => {
    expect(displayWidth('\u001b[33m!\u001b[39m ok')).toBe(4);
    expect(wrapText('\u001b[33m!\u001b[39m abc def', 9)).toBe('\u001b[33m!\u001b[39m abc def');
  });

  it('leaves preformatted lines (commands, tables: they start with a space) as they are', () => {
    const text = `Run:\n    aws iam list-mfa-devices --user-name alice --profile admin --endpoint-url http://127.0.0.1:5000`;
    expect(wrapText(text, 40)).toBe(text);
  });

  it('wraps Japanese by display width, between characters, with no line starting with 。or 、', () => {
    const text =
      'アプリで「セットアップキーを入力」を選び、アカウント名に alice、種類に「時間ベース」を指定して、次のキーを入力してください (空白は省略可)。長い説明がさらに続きます、ここで改行されることがあります。';
    for (const width of [20, 21, 30, 33, 40, 80]) {
      const lines = wrapText(text, width).split('\n');
      for (const line of lines) {
        expect(displayWidth(line)).toBeLessThanOrEqual(width);
        expect(line).not.toMatch(/^[。、」）]/);
        expect(line).not.toMatch(/[「（]$/);
      }
      expect(lines.join('').replace(/ /g, '')).toBe(text.replace(/ /g, ''));
    }
  });

  it('never breaks an emoji with a skin tone or a ZWJ sequence apart, and counts each as two columns', () => {
    const text = '準備できました👍🏽🧑\u200d💻👍🏽🧑\u200d💻👍🏽🧑\u200d💻 次へ進みます';
    for (const width of [10, 11, 15, 20]) {
      const lines = wrapText(text, width).split('\n');
      for (const line of lines) {
        expect(displayWidth(line)).toBeLessThanOrEqual(width);
        expect(line).not.toMatch(/^[\u{1f3fb}-\u{1f3ff}\u200d]|\u200d$/u);
      }
      expect(lines.join('').replace(/ /g, '')).toBe(text.replace(/ /g, ''));
    }
    expect(wrapText(text, 20).split('\n')[0]).toBe('準備できました👍🏽🧑\u200d💻👍🏽');
  });
});

describe('times for people', () => {
  afterEach(() => setLanguage('en'));
  // Built from local parts: whatever TZ the machine has, these are local times.
  const now = new Date(2026, 11, 2, 11, 40).getTime();

  it.each([
    { at: new Date(2026, 11, 2, 23, 40), en: '23:40 (in 12 h)', ja: '23:40 (あと 12 時間)' },
    { at: new Date(2026, 11, 2, 12, 25), en: '12:25 (in 45 min)', ja: '12:25 (あと 45 分)' },
    { at: new Date(2026, 11, 2, 11, 5), en: '11:05 (35 min ago)', ja: '11:05 (35 分前)' },
  ])('$en', ({ at, en, ja }) => {
    expect(whenText(at, now)).toBe(en);
    setLanguage('ja');
    expect(whenText(at, now)).toBe(ja);
  });

  it('names the day when it is not today', () => {
    const text = whenText(new Date(2026, 11, 3, 9, 10), now);
    expect(text).toMatch(/Dec/);
    expect(text).toMatch(/09:10 \(in 22 h\)$/);
  });
});
