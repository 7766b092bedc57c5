import { parseArgs } from 'node:util';
import { describe, expect, it } from 'vitest';
import { generatedLines } from '../helpers/generated-lines.js';
import { helpRequest } from '../../src/help-request.js';

/** What cli.ts's main makes of a line by parsing it: a help request (whose help, which --lang) or not one. */
function parsedRequest(argv: string[]) {
  try {
    const { values, positionals } = parseArgs({ args: argv, options: { help: { type: 'boolean', short: 'h' }, lang: { type: 'string' } }, allowPositionals: true, strict: true });
    if (!values.help && positionals[0] !== 'help') return undefined;
    return { word: positionals[0] === 'help' ? positionals[1] : positionals[0], lang: values.lang, positionals };
  } catch {
    return undefined;
  }
}

const WORDS = ['--help', '-h', 'help', 'session', 'status', 'sesion', '--lang', 'ja', '--lang=ja', '--lang=', 'xx', '-V', '--', 'Session', './a.csv'];

describe('helpRequest (the launcher and cli read a help request without parseArgs)', () => {
  it('where it reads a help request, parsing reads the same one: 20,000 generated lines', () => {
    let read = 0;
    for (const argv of generatedLines(WORDS, 20_000, 5, 19)) {
      const asked = helpRequest(argv);
      if (!asked) continue;
      read++;
      const parsed = parsedRequest(argv);
      expect(parsed, JSON.stringify(argv)).toBeDefined();
      // At most the command's word and `help` before it: anything more is not a help request.
      expect(parsed!.positionals.length, JSON.stringify(argv)).toBeLessThanOrEqual(parsed!.positionals[0] === 'help' ? 2 : 1);
      // `help` as the word is the whole help to both (printHelp).
      const whole = (word: string | undefined) => (word === 'help' ? undefined : word);
      expect({ word: whole(asked.word), lang: asked.lang }, JSON.stringify(argv)).toEqual({ word: whole(parsed!.word), lang: parsed!.lang });
    }
    expect(read).toBeGreaterThan(500);
  });

  it.each([
    [['--help'], {}],
    [['-h'], {}],
    [['help'], {}],
    [['help', '--help'], {}],
    [['session', '--help'], { word: 'session' }],
    [['help', 'status'], { word: 'status' }],
    [['help', 'sesion'], { word: 'sesion' }],
    [['--help', '--lang', 'ja'], { lang: 'ja' }],
    [['--lang=ja', 'status', '-h'], { word: 'status', lang: 'ja' }],
  ])('%j → %o', (argv, request) => {
    expect(helpRequest(argv)).toEqual(request);
  });

  it.each([
    [['session']],
    [['--help', '--lang']],
    [['--help', '--lang', '--help']],
    [['--help', 'session', 'extra']],
    [['session', '--help', '--profile', 'x']],
    [['./alice.csv', '--help']],
    [['--version']],
    [[]],
  ])('%j is not one (parsed as always)', (argv) => {
    expect(helpRequest(argv)).toBeUndefined();
  });
});
