import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { report } from '../../src/wizard/batch/report.js';
import type { Outcome } from '../../src/wizard/batch/state-file.js';
import { setLanguage } from '../../src/ui/messages/index.js';
import { createOutput } from '../../src/ui/output.js';
import { displayWidth, grid } from '../../src/ui/width.js';

/** A terminal of `columns` × 24 that keeps what the report printed on it. */
function terminal(columns: number) {
  const sink = Object.assign(new PassThrough(), { isTTY: true, columns, rows: 24 });
  let text = '';
  sink.on('data', (chunk: Buffer) => (text += chunk.toString()));
  return { deps: { out: createOutput(sink, sink, { NO_COLOR: '1' }), writer: { write: async () => undefined }, endpoint: undefined } as never, text: () => text };
}

const outcomes: Outcome[] = [
  { user: 'alice', status: 'done', serialNumber: 'arn:aws:iam::123456789012:mfa/alice', enabledAt: '2026-12-07T09:12:44.000Z', sessionVerified: true },
  { user: 'bob', status: 'failed', error: 'AccessDenied: User: arn:aws:iam::123456789012:user/admin is not authorized to perform: iam:CreateVirtualMFADevice on resource: arn:aws:iam::123456789012:mfa/bob' },
  { user: 'carol', status: 'skipped' },
  { user: 'dave', status: 'interrupted' },
];

describe('the batch summary table (issue 23 item 5, issue 20 item 2.7)', () => {
  afterEach(() => setLanguage('en'));

  for (const lang of ['en', 'ja'] as const) {
    it(`fits 80 columns in ${lang}: no line wider, no word split, the error kept whole in its block`, async () => {
      setLanguage(lang);
      const term = terminal(80);
      await report(outcomes, {}, term.deps).catch(() => undefined);
      const lines = term.text().split('\n');
      for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(80);
      const text = lines.map((l) => l.trim()).join(' ');
      // Every word of every cell reads back whole.
      for (const o of outcomes) for (const word of [o.user, o.serialNumber, o.enabledAt, ...(o.error?.split(' ') ?? [])]) if (word) expect(text).toContain(word);
      // Nothing wraps to column 0 under the table.
      const table = lines.slice(lines.findIndex((l) => l.includes('alice')));
      for (const line of table.filter((l) => l.trim() && !/^[✖!]/.test(l.trim()))) expect(line).toMatch(/^ {2}/);
    });
  }

  it('at a wide terminal, stays one row a hire', async () => {
    const term = terminal(250);
    await report(outcomes, {}, term.deps).catch(() => undefined);
    expect(term.text()).toMatch(/\n {2}alice +done +arn:aws:iam::123456789012:mfa\/alice +2026-12-07T09:12:44.000Z +yes\n/);
  });

  it('narrows the wider columns first, wrapping their cells at word boundaries', () => {
    const lines = grid([['User', 'Note'], ['alice', 'one two three four five six seven eight nine ten']], { width: 30, header: true });
    expect(lines).toEqual(['  User   Note', '  alice  one two three four', '         five six seven eight', '         nine ten']);
  });

  it('measures a name carrying escape sequences as it is shown (spelt out), so the columns stay aligned', () => {
    const lines = grid([['User', 'Status'], ['\u001b[31mevil', 'done'], ['bob', 'done']], { width: 80, header: true });
    const column = (line: string) => line.indexOf('done');
    expect(lines[1]).toContain('\\u001b[31mevil');
    expect(column(lines[1]!)).toBe(column(lines[2]!));
  });
});
