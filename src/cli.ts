import { parseArgs } from 'node:util';
import pkg from '../package.json' with { type: 'json' };
import { checkEndpoints } from './aws/endpoint.js';
import { checkCommandWord, unknownOption } from './commands/command-word.js';
import { addBackup } from './commands/add-backup.flags.js';
import { admin } from './commands/admin.flags.js';
import { batch } from './commands/batch.flags.js';
import { demo } from './commands/demo.flags.js';
import { emulator } from './commands/emulator.flags.js';
import type { CommandFlags, CommandName, FlagTable, HelpRow, Values } from './commands/flags.js';
import { policy } from './commands/policy.flags.js';
import { reset } from './commands/reset.flags.js';
import { resync } from './commands/resync.flags.js';
import { session } from './commands/session.flags.js';
import { setup } from './commands/setup.flags.js';
import { status } from './commands/status.flags.js';
import type { CommandContext, Runtime } from './deps.js';
import { AwsError, CancelledError, ExitCode, UserError } from './errors.js';
import { chooseLanguage, languageOf, setLanguage, t } from './ui/messages/index.js';
import { errorText, hintFor } from './ui/error-text.js';
import { createOutput, type Output } from './ui/output.js';
import type { WizardDeps } from './seams.js';
import { layoutHelp, type HelpBlock } from './ui/help.js';
import { helpRequest } from './help-request.js';

const { version } = pkg;

/** Defined (true) only by the release build that compiles the standalone executable with Bun. */
declare const __MFA_ONBOARD_STANDALONE__: boolean | undefined;
/** `--version`: the version alone, or with the standalone executable's runtime beside it. */
const versionLine = (): string =>
  typeof __MFA_ONBOARD_STANDALONE__ === 'undefined' ? version : t('cli.versionStandalone', { version, bun: process.versions.bun ?? '?' });

/** A command's run module's entry, given its options and what it runs with. */
type Run<O> = (options: O, context: CommandContext) => Promise<unknown>;

/** A command as the table holds it: its flags (eager) and its code (loaded when run). */
interface Command {
  name: CommandName;
  flags: FlagTable;
  help: CommandFlags<FlagTable, unknown>['help'];
  /** Parses `args` (its name taken out) with its own flags, then loads and runs it. */
  run(args: string[], runtime: Runtime, out: Output): Promise<void>;
}

/** Most commands need only their seams. */
const withDeps =
  <O>(run: (options: O, deps: WizardDeps) => Promise<unknown>): Run<O> =>
  (options, context) =>
    run(options, context.deps());

const NO_ANSWERS = { yes: false, codesFromStdin: false };

/** A command of the table: `spec` says what its command line is; `load` brings its code. */
function command<const T extends FlagTable, O>(spec: CommandFlags<T, O>, load: () => Promise<Run<O>>): Command {
  return {
    name: spec.name,
    flags: spec.flags,
    help: spec.help,
    async run(args, runtime, out) {
      const { values, positionals } = parse(args, spec.flags, spec.name);
      const endpoint = (values as { 'endpoint-url'?: string })['endpoint-url'];
      checkEndpoints(endpoint, runtime.env);
      if (positionals.length > spec.positionals) {
        throw spec.tooManyWords?.(positionals, values, runtime.env) ?? new UserError('cli.extraArgument', { argument: positionals[spec.positionals]!, command: spec.name, usage: spec.help.usage[0]! });
      }
      const options = spec.options(values, positionals, runtime.env);
      // NOTE: the command's code and the seams are loaded on demand so that --help and
      // argument errors stay fast.
      const [start, { commandContext }] = await Promise.all([load(), import('./deps.js')]);
      try {
        await start(options, commandContext(runtime, out, spec.answers?.(values) ?? NO_ANSWERS, endpoint));
      } catch (error) {
        // `reset --user alice` with no profile named: not a CSV to import into default, but the administrator's keys.
        const unnamed = (values as { profile?: string }).profile === undefined && !runtime.env.AWS_PROFILE;
        if (spec.administrator && unnamed && error instanceof UserError && error.id === 'profile.notFound' && error.params.profile === 'default') {
          const line = spec.administrator(positionals, values);
          throw new UserError('cli.needsAdminProfile', { command: spec.name, profiles: error.params.profiles!, line }, { cause: error });
        }
        // An administrator's keys (an administrator's command, or acting for --user): the wizard
        // on a CSV, which the plain hint suggests, would enrol the administrator. aws configure instead.
        const forAdmin = spec.administrator !== undefined || (values as { user?: string }).user !== undefined;
        if (forAdmin && error instanceof UserError && (error.id === 'profile.notFound' || error.id === 'profile.noKeys')) {
          throw new UserError(error.id === 'profile.notFound' ? 'profile.adminNotFound' : 'profile.adminNoKeys', error.params, { cause: error });
        }
        throw error;
      }
    },
  };
}

/** Every command, the first being the default (when the first word names none). */
const COMMANDS: readonly Command[] = [
  command(setup, async () => withDeps((await import('./commands/setup.js')).runSetup)),
  command(session, async () => (await import('./commands/session.js')).sessionCommand),
  command(status, async () => withDeps((await import('./commands/status.js')).runStatus)),
  command(reset, async () => withDeps((await import('./commands/reset.js')).runReset)),
  command(policy, async () => withDeps((await import('./commands/policy.js')).runPolicy)),
  command(admin, async () => withDeps((await import('./commands/admin.js')).runCreateUser)),
  command(batch, async () => withDeps((await import('./commands/batch.js')).runBatch)),
  command(demo, async () => (await import('./commands/demo.js')).runDemo),
  command(emulator, async () => (await import('./commands/emulator.js')).runEmulator),
  command(addBackup, async () => withDeps((await import('./commands/add-backup.js')).runAddBackup)),
  command(resync, async () => (await import('./commands/resync.js')).runResyncCommand),
];

/** The words that name a command, `help` among them. */
const COMMAND_NAMES = [...COMMANDS.map((c) => c.name), 'help'];

/** Every flag of every command, to tell a flag of another command from one that does not exist. */
const ALL_FLAGS: FlagTable = Object.assign({}, ...COMMANDS.map((c) => c.flags));

/** Parses with `flags`; an option outside them is unknown, or (when `command` is named) not one of its. */
function parse<T extends FlagTable>(argv: string[], flags: T, command?: CommandName) {
  try {
    return parseArgs({ args: argv, options: flags, allowPositionals: true, strict: true, tokens: true }) as {
      values: Values<T>;
      positionals: string[];
      tokens: NonNullable<ReturnType<typeof parseArgs>['tokens']>;
    };
  } catch (error) {
    const message = (error as Error).message;
    const option = (/'([^']+)'/.exec(message)?.[1] ?? message).replace(/ <value>$/, '');
    const code = (error as { code?: string }).code;
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') throw new UserError('cli.missingValue', { option });
    if (command !== undefined) throw new UserError('cli.notAnOption', { option, command });
    throw unknownOption(option, Object.keys(ALL_FLAGS));
  }
}

/** Help rows, translated. */
const rowsOf = (rows: readonly HelpRow[]) => rows.map(([what, description]) => [what, t(description)] as const);

/**
 * A command's help (usage, what it does, its options, notes), or without one, the whole
 * help: what the tool is, the commands a line each, the wizard's most used options.
 */
function helpText(command: Command | undefined): HelpBlock[] {
  if (command) {
    const { help, name } = command;
    return [
      { kind: 'text', text: `mfa-onboard ${version}` },
      { kind: 'section', heading: t('help.heading.usage'), body: { kind: 'usage', lines: help.usage } },
      { kind: 'text', text: t(help.summary) },
      {
        kind: 'section',
        heading: name === 'setup' ? t('help.heading.wizard') : t('help.heading.options', { command: name === 'admin' ? 'admin create-user' : name }),
        body: { kind: 'rows', rows: rowsOf(help.rows) },
      },
      ...(help.notes ?? []).map((id): HelpBlock => ({ kind: 'text', text: t(id) })),
      { kind: 'text', text: t('help.footer') },
    ];
  }
  const wizard = COMMANDS[0]!.help;
  return [
    { kind: 'text', text: t('help.about', { version }) },
    { kind: 'section', heading: t('help.heading.usage'), body: { kind: 'usage', lines: [...wizard.usage, t('help.usage.command')] } },
    {
      kind: 'section',
      heading: t('help.heading.commands'),
      body: { kind: 'rows', rows: [...COMMANDS.map((c) => [c.name, t(c.help.summary)] as const), ['help', t('help.summary.help')] as const] },
    },
    { kind: 'section', heading: t('help.heading.common'), body: { kind: 'rows', rows: rowsOf(wizard.rows.filter((row) => row[2] === 'common')) } },
    { kind: 'text', text: t('help.examples') },
    { kind: 'text', text: t('help.more') },
  ];
}

/** Prints an error as one paragraph, with a hint for well-known AWS refusals. */
function report(error: unknown, out: Output, env: NodeJS.ProcessEnv): number {
  if (error instanceof CancelledError) {
    out.info(`\n${errorText(error)}`);
    return ExitCode.cancelled;
  }
  if (error instanceof UserError) {
    out.error(errorText(error));
    return ExitCode.error;
  }
  if (error instanceof AwsError) {
    const hint = hintFor(error);
    out.error(`${errorText(error)}${hint ? ` ${t(hint)}` : ''}`);
    return ExitCode.error;
  }
  const name = (error as Error | undefined)?.name ?? 'Error';
  out.error(t('error.internal', { message: `${name}: ${(error as Error | undefined)?.message ?? String(error)}` }));
  if (env.MFA_ONBOARD_DEBUG) out.info(String((error as Error | undefined)?.stack));
  return ExitCode.error;
}

/** `--lang`'s value as typed, read before parsing: an error in the rest of the line speaks it too. */
function langWord(argv: string[]): string | undefined {
  for (let i = 0; i < argv.length && argv[i] !== '--'; i++) {
    if (argv[i] === '--lang') return argv[i + 1];
    if (argv[i]!.startsWith('--lang=')) return argv[i]!.slice('--lang='.length);
  }
  return undefined;
}

/** `--lang` as given, if it was: its catalog from now on, or an error naming it. */
function speak(lang: string | undefined): void {
  if (lang === undefined) return;
  const language = languageOf(lang);
  if (!language) throw new UserError('cli.badLang', { value: lang });
  setLanguage(language);
}

/** The help of the command `word` names, or without one the whole help; a word that names none is refused. */
function printHelp(word: string | undefined, argv: string[], runtime: Runtime, out: Output): number {
  const about = COMMANDS.find((c) => c.name === word);
  // `help sesion`, `sesion --help`: the help of the command meant, not the whole help.
  if (!about && word !== undefined && word !== 'help') checkCommandWord(word, COMMAND_NAMES, argv);
  // Laid out for the terminal (80 columns when piped: a pager, a README).
  const columns = (runtime.stdout as { columns?: number }).columns ?? 80;
  out.data(layoutHelp(helpText(about), Math.max(60, columns)));
  return ExitCode.ok;
}

/** argv → exit code. Errors become one-paragraph messages here, and only here. */
export async function main(argv: string[], runtime: Runtime): Promise<number> {
  const out = createOutput(runtime.stderr, runtime.stdout, runtime.env);
  // The language comes first, so that even an argument error is in it.
  setLanguage(chooseLanguage(runtime.env));
  // Errors are rendered when reported, so a known --lang applies even if parsing then fails.
  const early = languageOf(langWord(argv));
  if (early) setLanguage(early);
  try {
    // A help request and nothing else (read without parseArgs: it is asked often).
    const asked = helpRequest(argv);
    if (asked) {
      speak(asked.lang);
      return printHelp(asked.word, argv, runtime, out);
    }
    // Every command's flags first, to find the command's name among the words.
    const { values: flags, positionals, tokens } = parse(argv, ALL_FLAGS);
    speak(flags.lang as string | undefined);
    if (flags.version) {
      out.data(versionLine());
      return ExitCode.ok;
    }
    const named = COMMANDS.find((c) => c.name === positionals[0]);
    // `mfa-onboard help status` is `mfa-onboard status --help`.
    if (flags.help || positionals[0] === 'help') return printHelp(positionals[0] === 'help' ? positionals[1] : positionals[0], argv, runtime, out);
    // A first word that names no command is the wizard's CSV only when it looks like a path.
    if (!named && positionals[0] !== undefined) checkCommandWord(positionals[0], COMMAND_NAMES, argv);
    // The command's name is the first word; the rest is its own command line.
    const word = named ? tokens.findIndex((token) => token.kind === 'positional') : -1;
    const args = word < 0 ? argv : argv.filter((_, i) => i !== tokens[word]!.index);
    await (named ?? COMMANDS[0]!).run(args, runtime, out);
    return ExitCode.ok;
  } catch (error) {
    return report(error, out, runtime.env);
  }
}
