import type { FlagTable, Values } from './flags.js';

/**
 * The command line as `util.parseArgs` reads it (strict, no positionals), for the plain forms
 * only: `--name value`, `--name=value`, `--name` for a boolean, and a boolean's short `-x`.
 * Anything else (a word that is not a flag, grouped letters, `--`, `--no-x`, an unknown flag,
 * a value that starts with `-`, a boolean given a value, a table with defaults) gives
 * undefined: the caller then runs parseArgs itself, which reads or refuses it. The start-up
 * path reads `session`'s flags with this, as loading and running parseArgs costs a shell
 * start-up half a millisecond; test/unit/plain-flags.test.ts holds it to parseArgs.
 */
export function plainFlags<T extends FlagTable>(args: readonly string[], table: T): Values<T> | undefined {
  const values: Record<string, string | boolean> = Object.create(null);
  if (Object.values(table).some((flag) => flag.default !== undefined)) return undefined;
  for (let index = 0; index < args.length; index++) {
    const arg = args[index]!;
    let name: string | undefined;
    let inline: string | undefined;
    if (arg.startsWith('--')) {
      const equals = arg.indexOf('=');
      name = equals < 0 ? arg.slice(2) : arg.slice(2, equals);
      inline = equals < 0 ? undefined : arg.slice(equals + 1);
    } else if (arg.length === 2 && arg[0] === '-') {
      name = Object.keys(table).find((long) => table[long]!.short === arg[1]);
    }
    const flag = name ? Object.hasOwn(table, name) && table[name] : undefined;
    if (!flag || !name) return undefined;
    if (flag.type === 'boolean') {
      if (inline !== undefined || flag.multiple) return undefined;
      values[name] = true;
      continue;
    }
    const value = inline ?? args[++index];
    if (value === undefined || (inline === undefined && value.startsWith('-')) || flag.multiple) return undefined;
    values[name] = value;
  }
  return values as Values<T>;
}
