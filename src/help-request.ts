/** What a command line that asks for help and nothing else asks: whose help, in which language. */
export interface HelpRequest {
  /** The command named (`status --help`, `help status`); undefined for the whole help. */
  word?: string;
  /** `--lang`'s value as typed, checked by whoever answers. */
  lang?: string;
}

/**
 * A help request and nothing else, read without util.parseArgs (loading and running it cost a
 * help request a sixth of its start-up): `--help` / `-h`, `COMMAND --help`, `help [COMMAND]`,
 * each with or without `--lang L` (or `--lang=L`). Anything else, a missing or flag-like
 * language among them, gives undefined: the whole command line is then parsed as always.
 * The launcher sends what this reads to help.js; cli.ts's main answers it without parsing.
 */
export function helpRequest(argv: readonly string[]): HelpRequest | undefined {
  const rest = [...argv];
  let lang: string | undefined;
  const at = rest.findIndex((word) => word === '--lang' || word.startsWith('--lang='));
  if (at >= 0) {
    const spaced = rest[at] === '--lang';
    lang = spaced ? rest[at + 1] : rest[at]!.slice('--lang='.length);
    if (lang === undefined || (spaced && lang.startsWith('-'))) return undefined;
    rest.splice(at, spaced ? 2 : 1);
  }
  const [first, second, ...more] = rest;
  const flag = (word: string | undefined) => word === '--help' || word === '-h';
  const name = (word: string | undefined): word is string => word !== undefined && /^[a-z][a-z-]*$/.test(word);
  const asked = (word?: string): HelpRequest => ({ ...(word !== undefined ? { word } : {}), ...(lang !== undefined ? { lang } : {}) });
  if (more.length > 0) return undefined;
  if (flag(first) && second === undefined) return asked();
  if (!name(first)) return undefined;
  if (flag(second)) return first === 'help' ? asked() : asked(first);
  if (first === 'help' && (second === undefined || name(second))) return asked(second);
  return undefined;
}
