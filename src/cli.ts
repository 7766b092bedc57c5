import { parseArgs } from 'node:util';
import pkg from '../package.json' with { type: 'json' };
import { AwsError, hintFor } from './aws/errors.js';
import type { Runtime } from './deps.js';
import { checkEndpoint } from './aws/endpoint.js';
import { CancelledError, ExitCode, UserError } from './errors.js';
import { chooseLanguage, languageOf, setLanguage, t } from './ui/messages/index.js';
import { errorText } from './ui/error-text.js';
import { createOutput, type Output } from './ui/output.js';
import { layoutHelp } from './ui/width.js';

const OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'V' },
  profile: { type: 'string' },
  'session-profile': { type: 'string' },
  user: { type: 'string' },
  'device-name': { type: 'string' },
  region: { type: 'string' },
  'endpoint-url': { type: 'string' },
  duration: { type: 'string' },
  'show-secret': { type: 'boolean' },
  'qr-png': { type: 'string' },
  'codes-from-stdin': { type: 'boolean' },
  'replace-profile': { type: 'boolean' },
  'delete-csv': { type: 'boolean' },
  'keep-csv': { type: 'boolean' },
  'allow-clock-drift': { type: 'boolean' },
  yes: { type: 'boolean', short: 'y' },
  keep: { type: 'boolean' },
  lang: { type: 'string' },
  'min-remaining': { type: 'string' },
  force: { type: 'boolean' },
  serial: { type: 'string' },
  export: { type: 'string' },
  'credential-process': { type: 'boolean' },
  'role-arn': { type: 'string' },
  'role-session-name': { type: 'string' },
  json: { type: 'boolean' },
  replace: { type: 'boolean' },
  all: { type: 'boolean' },
  enrol: { type: 'boolean' },
  'no-enrol': { type: 'boolean' },
  'allow-ip': { type: 'string', multiple: true },
  'device-name-scope': { type: 'string' },
  partition: { type: 'string' },
  'attach-group': { type: 'string' },
  'create-group': { type: 'boolean' },
  'policy-name': { type: 'string' },
  group: { type: 'string' },
  out: { type: 'string' },
  path: { type: 'string' },
  existing: { type: 'boolean' },
  create: { type: 'boolean' },
  only: { type: 'string', multiple: true },
  skip: { type: 'string', multiple: true },
  report: { type: 'string' },
  emulator: { type: 'string' },
  'emulator-url': { type: 'string' },
  'rehearse-consistency': { type: 'string' },
  'rehearse-fault': { type: 'string', multiple: true },
} as const;

const { version } = pkg;
/** Set while `mfa-onboard session` runs, and so in every process the SDK starts from it. */
const SESSION_MARKER = 'MFA_ONBOARD_SESSION_RUNNING';
const COMMANDS = ['setup', 'session', 'status', 'reset', 'policy', 'admin', 'batch', 'demo', 'help'] as const;
type Command = (typeof COMMANDS)[number];

export type Flags = ReturnType<typeof parse>['values'];

function parse(argv: string[]) {
  try {
    return parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    const message = (error as Error).message;
    const option = (/'([^']+)'/.exec(message)?.[1] ?? message).replace(/ <value>$/, '');
    const id = (error as { code?: string }).code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' ? 'cli.missingValue' : 'cli.unknownOption';
    throw new UserError(id, { option });
  }
}

const ENDPOINT_VARIABLES = ['AWS_ENDPOINT_URL', 'AWS_ENDPOINT_URL_IAM', 'AWS_ENDPOINT_URL_STS'] as const;

/** An endpoint is an http(s) URL with a host: `127.0.0.1:5000` or `http://` would fail inside the SDK. */
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
    out.error(`${error.message}${hint ? ` ${t(hint)}` : ''}`);
    return ExitCode.error;
  }
  const name = (error as Error | undefined)?.name ?? 'Error';
  out.error(t('error.internal', { message: `${name}: ${(error as Error | undefined)?.message ?? String(error)}` }));
  if (env.MFA_ONBOARD_DEBUG) out.info(String((error as Error | undefined)?.stack));
  return ExitCode.error;
}

/** argv → exit code. Errors become one-paragraph messages here, and only here. */
export async function main(argv: string[], runtime: Runtime): Promise<number> {
  const out = createOutput(runtime.stderr, runtime.stdout, runtime.env);
  // The language comes first, so that even an argument error is in it.
  setLanguage(chooseLanguage(runtime.env));
  try {
    const { values: flags, positionals } = parse(argv);
    if (flags.lang !== undefined) {
      const lang = languageOf(flags.lang);
      if (!lang) throw new UserError('cli.badLang', { value: flags.lang });
      setLanguage(lang);
    }
    let command: Command = 'setup';
    if (positionals[0] && (COMMANDS as readonly string[]).includes(positionals[0])) {
      command = positionals.shift() as Command;
    }
    if (flags.version) {
      out.data(version);
      return ExitCode.ok;
    }
    if (flags.help || command === 'help') {
      // Laid out for the terminal (80 columns when piped: a pager, a README).
      const columns = (runtime.stdout as { columns?: number }).columns ?? 80;
      out.data(layoutHelp(t('help.main', { version }), Math.max(60, columns)));
      return ExitCode.ok;
    }
    if (flags['delete-csv'] && flags['keep-csv']) throw new UserError('cli.conflict', { a: '--delete-csv', b: '--keep-csv' });
    if (flags['endpoint-url'] !== undefined) checkEndpoint(flags['endpoint-url'], '--endpoint-url');
    // Without the flag the SDK takes these variables as they are: check them as the flag is checked.
    else if (runtime.env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS?.toLowerCase() !== 'true') {
      for (const name of ENDPOINT_VARIABLES) if (runtime.env[name]) checkEndpoint(runtime.env[name], name);
    }
    const maxPositionals = command === 'setup' || command === 'batch' ? 1 : command === 'admin' ? 2 : 0;
    if (positionals.length > maxPositionals) {
      throw new UserError('cli.extraArgument', { argument: positionals[maxPositionals]! });
    }
    /** How prompts are answered: by the person (or --yes, --codes-from-stdin), or never asked. */
    const answered = { yes: Boolean(flags.yes), codesFromStdin: Boolean(flags['codes-from-stdin']), endpoint: flags['endpoint-url'] };
    const unanswered = { yes: false, codesFromStdin: false, endpoint: flags['endpoint-url'] };
    // NOTE: commands are loaded on demand so that --help and argument errors stay fast.
    if (command === 'demo') {
      const { runDemo } = await import('./commands/demo.js');
      await runDemo(flags, runtime, out);
    } else if (command === 'status') {
      const [{ runStatus }, { createWizardDeps }, { statusOptions }] = await Promise.all([
        import('./commands/status.js'),
        import('./deps.js'),
        import('./commands/options.js'),
      ]);
      const deps = createWizardDeps(runtime, out, unanswered);
      await runStatus(statusOptions(flags, runtime.env), deps);
    } else if (command === 'admin') {
      // `admin create-user NAME` is the one admin verb so far.
      if (positionals[0] !== 'create-user' || positionals[1] === undefined) throw new UserError('cli.adminUsage');
      const [{ runCreateUser }, { createWizardDeps }, { createUserOptions }] = await Promise.all([
        import('./commands/admin.js'),
        import('./deps.js'),
        import('./commands/options.js'),
      ]);
      const deps = createWizardDeps(runtime, out, unanswered);
      await runCreateUser(createUserOptions(flags, positionals[1], runtime.env), deps);
    } else if (command === 'batch') {
      if (positionals[0] === undefined) throw new UserError('batch.usage');
      const [{ runBatch }, { createWizardDeps }, { batchOptions }] = await Promise.all([
        import('./commands/batch.js'),
        import('./deps.js'),
        import('./commands/options.js'),
      ]);
      const deps = createWizardDeps(runtime, out, answered);
      await runBatch(batchOptions(flags, positionals[0], runtime.env), deps, flags['endpoint-url']);
    } else if (command === 'policy') {
      const [{ runPolicy }, { createWizardDeps }, { policyOptions }] = await Promise.all([
        import('./commands/policy.js'),
        import('./deps.js'),
        import('./commands/options.js'),
      ]);
      const deps = createWizardDeps(runtime, out, unanswered);
      await runPolicy(policyOptions(flags, runtime.env), deps);
    } else if (command === 'reset') {
      const [{ runReset }, { runSetup }, { createWizardDeps }, { resetOptions, setupOptions }] = await Promise.all([
        import('./commands/reset.js'),
        import('./commands/setup.js'),
        import('./deps.js'),
        import('./commands/options.js'),
      ]);
      const deps = createWizardDeps(runtime, out, answered);
      // The enrolment offered afterwards is the wizard in admin mode, with the same flags.
      const setup = setupOptions({ ...flags, serial: undefined }, undefined, runtime.env);
      await runReset(resetOptions(flags, runtime.env), deps, (target) =>
        runSetup({ ...setup, ...target, replace: false }, deps, flags['endpoint-url']),
      );
    } else if (command === 'session') {
      const [{ runSession }, { createWizardDeps }, { sessionOptions }] = await Promise.all([
        import('./commands/session.js'),
        import('./deps.js'),
        import('./commands/options.js'),
      ]);
      const options = sessionOptions(flags, runtime.env);
      // The SDK may run a credential_process that runs us again: never let that loop.
      if (runtime.env[SESSION_MARKER]) throw new UserError('session.recursive');
      process.env[SESSION_MARKER] = '1';
      const deps = createWizardDeps(runtime, out, { ...answered, codesOnTty: options.credentialProcess });
      await runSession(options, deps);
    } else {
      const [{ runSetup }, { createWizardDeps }, { setupOptions }] = await Promise.all([
        import('./commands/setup.js'),
        import('./deps.js'),
        import('./commands/options.js'),
      ]);
      const deps = createWizardDeps(runtime, out, answered);
      await runSetup(setupOptions(flags, positionals[0], runtime.env), deps, flags['endpoint-url']);
    }
    return ExitCode.ok;
  } catch (error) {
    return report(error, out, runtime.env);
  }
}
