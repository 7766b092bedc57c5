// What a command's flags are made of: the table parseArgs reads, the flag groups several
// commands share (each declared once, here), and the helpers their translations use.
// NOTE: loaded at start-up with every *.flags.ts: import only small modules from here, so
// that --help and argument errors stay fast.
import type { ParseArgsConfig, parseArgs } from 'node:util';
import { SHELLS, type Shell } from '../credentials/export.js';
import type { Answers } from '../deps.js';
import { UserError } from '../errors.js';
import type { MessageId } from '../ui/messages/index.js';
import type { SetupOptions } from '../wizard/context.js';
import { DEFAULT_SESSION_SECONDS, parseDuration, parseTime } from '../wizard/duration.js';
import { assertProfileName } from '../credentials/profile-name.js';
import { REGION_NAME } from '../aws/names.js';

/** A parseArgs option table: long name → type (and short letter). */
export type FlagTable = NonNullable<ParseArgsConfig['options']>;

/** The values parseArgs gives for a table (strict, with positionals). */
export type Values<T extends FlagTable> = ReturnType<typeof parseArgs<{ options: T; allowPositionals: true; strict: true }>>['values'];

/** One command's command line: its flags, the words after it, its help, and flags → options. */
export interface CommandFlags<T extends FlagTable, O> {
  name: CommandName;
  flags: T;
  /** How many words may follow the command's name (a CSV, `create-user NAME`…). */
  positionals: number;
  /** Its help, as data: laid out once (ui/help.ts) for `mfa-onboard NAME --help` and its line in `mfa-onboard --help`. */
  help: CommandHelp;
  /** Flags, words and the AWS_* variables the CLI honours → the command's options; refuses bad values. */
  options(values: Values<T>, positionals: string[], env: NodeJS.ProcessEnv): O;
  /**
   * An administrator's command: the command line to suggest (with `--profile ADMIN`) when it
   * ran on the default profile, named by nobody, and there is none.
   */
  administrator?(positionals: string[], values: Values<T>): string;
  /** What a word too many means for this command, when more can be said than its usage. */
  tooManyWords?(positionals: string[], values: Values<T>, env: NodeJS.ProcessEnv): UserError | undefined;
  /** How its prompts are answered (default: never by a flag). */
  answers?(values: Values<T>): Answers;
}

/**
 * One row of a command's help: what is typed (a flag with its value: syntax, the same in
 * every language) and the message that says what it does; `common` puts it in the
 * wizard's part of `mfa-onboard --help` too.
 */
export type HelpRow = readonly [what: string, description: MessageId, common?: 'common'];

/** A command's help: its usage line(s), its line in the list of commands, its options, and notes after them. */
export interface CommandHelp {
  /** Syntax, the same in every language. */
  usage: readonly string[];
  summary: MessageId;
  rows: readonly HelpRow[];
  notes?: readonly MessageId[];
}

export const COMMAND_NAMES = ['setup', 'session', 'status', 'reset', 'policy', 'admin', 'batch', 'demo', 'emulator', 'add-backup', 'resync'] as const;
export type CommandName = (typeof COMMAND_NAMES)[number];

/** Declares a command's flags (an identity function that keeps the table's literal types). */
export function defineCommand<const T extends FlagTable, O>(command: CommandFlags<T, O>): CommandFlags<T, O> {
  return command;
}

/** Set while `mfa-onboard session` runs, and so in every process the SDK starts from it. */
export const SESSION_MARKER = 'MFA_ONBOARD_SESSION_RUNNING';

/** Every command takes these. */
export const GLOBAL_FLAGS = {
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'V' },
  lang: { type: 'string' },
} as const;

/** The global flags' help (setup's shows them; every other command's says they are taken). */
export const GLOBAL_ROWS: readonly HelpRow[] = [
  ['--lang en|ja', 'flag.lang', 'common'],
  ['-h, --help', 'flag.help'],
  ['-V, --version', 'flag.version'],
];

/** Which keys, region and endpoint AWS calls use: every command that calls AWS takes these. */
export const AWS_FLAGS = {
  profile: { type: 'string' },
  region: { type: 'string' },
  'endpoint-url': { type: 'string' },
} as const;

/** --region and --endpoint-url as a command that only calls AWS describes them. */
export const AWS_ROWS: readonly HelpRow[] = [
  ['--region REGION', 'flag.region'],
  ['--endpoint-url URL', 'flag.endpointUrl'],
];

/** Questions answered in advance: by the default answer, or codes read from stdin. */
export const ANSWER_FLAGS = {
  yes: { type: 'boolean', short: 'y' },
  'codes-from-stdin': { type: 'boolean' },
} as const;

/** Where and how an MFA session is saved (the wizard's last step, and `session`). */
export const SESSION_FLAGS = {
  'session-profile': { type: 'string' },
  duration: { type: 'string' },
  export: { type: 'string' },
  'replace-profile': { type: 'boolean' },
} as const;

/** The wizard's flags: setup, demo, batch (for each hire) and reset's enrolment take them. */
export const ENROL_FLAGS = {
  ...ANSWER_FLAGS,
  ...SESSION_FLAGS,
  user: { type: 'string' },
  'device-name': { type: 'string' },
  'show-secret': { type: 'boolean' },
  'qr-png': { type: 'string' },
  'delete-csv': { type: 'boolean' },
  'keep-csv': { type: 'boolean' },
  'allow-clock-drift': { type: 'boolean' },
} as const;

/**
 * The wizard's flags (and the AWS_* variables the CLI honours) → its options, without a
 * replacement (the commands that offer one add it).
 */
export function enrolOptions(
  values: Values<typeof ENROL_FLAGS> & { profile?: string | undefined; region?: string | undefined },
  csvPath: string | undefined,
  env: NodeJS.ProcessEnv,
): SetupOptions {
  if (values['delete-csv'] && values['keep-csv']) throw new UserError('cli.conflict', { a: '--delete-csv', b: '--keep-csv' });
  const region = regionFlags(values, env);
  checkProfileFlags(values);
  return {
    ...(csvPath !== undefined ? { csvPath } : {}),
    ...(values.profile !== undefined ? { profile: values.profile } : {}),
    // With a CSV or --profile, AWS_PROFILE plays no part: only a name that is used is checked.
    ...(env.AWS_PROFILE ? { envProfile: csvPath === undefined && values.profile === undefined ? envProfile(env)! : env.AWS_PROFILE } : {}),
    ...(values['session-profile'] !== undefined ? { sessionProfile: values['session-profile'] } : {}),
    ...(values.user !== undefined ? { user: values.user } : {}),
    ...(values['device-name'] !== undefined ? { deviceName: values['device-name'] } : {}),
    ...region,
    durationSeconds: values.duration !== undefined ? parseDuration(values.duration) : DEFAULT_SESSION_SECONDS,
    showSecret: Boolean(values['show-secret']),
    ...(values['qr-png'] !== undefined ? { qrPng: values['qr-png'] } : {}),
    replaceProfile: Boolean(values['replace-profile']),
    replace: false,
    ...(values['delete-csv'] ? { deleteCsv: true } : values['keep-csv'] ? { deleteCsv: false } : {}),
    ...(values['allow-clock-drift'] ? { allowClockDrift: true } : {}),
    ...(values.export !== undefined ? { exportShell: shellFlag(values.export) } : {}),
    yes: Boolean(values.yes),
  };
}

/** Flags about a user's own session or CSV, which an administrator acting for a hire never keeps or deletes. */
const HIRES_OWN = ['session-profile', 'export', 'delete-csv'] as const;

/** Refuses, for the commands that always act for a hire (batch, reset), a flag that would keep or delete what is the hire's. */
export function refuseHiresOwnFlags(values: Partial<Record<(typeof HIRES_OWN)[number], string | boolean | undefined>>): void {
  for (const flag of HIRES_OWN) if (values[flag] !== undefined && values[flag] !== false) throw new UserError('admin.hiresOwn', { flag: `--${flag}` });
}

/** What an administrator rehearses on the embedded emulator: `demo` and `emulator` take them. */
export const REHEARSAL_FLAGS = {
  'rehearse-consistency': { type: 'string' },
  'rehearse-fault': { type: 'string', multiple: true },
} as const;

/** The embedded emulator's rehearsal, from its flags (faults as given: checked against its actions when it starts). */
export interface Rehearsal {
  consistencyDelayMs: number;
  faults: string[];
}

/** --rehearse-consistency TIME and --rehearse-fault ACTION=KIND → the rehearsal; undefined when neither is given. */
export function rehearsalOptions(values: Values<typeof REHEARSAL_FLAGS>): Rehearsal | undefined {
  const delay = values['rehearse-consistency'];
  const faults = values['rehearse-fault'] ?? [];
  if (delay === undefined && faults.length === 0) return undefined;
  return { consistencyDelayMs: delay === undefined ? 0 : parseTime(delay, '--rehearse-consistency') * 1000, faults };
}

/**
 * `--serial`, the old spelling of each command's own device flag (--old-serial,
 * --mfa-serial, --remove-serial): it named three different devices, and still works.
 */
export const LEGACY_SERIAL_FLAG = { serial: { type: 'string' } } as const;

/** Enrolling in place of a device the user still has: setup and demo (batch refuses them). */
export const REPLACE_FLAGS = {
  replace: { type: 'boolean' },
  /** With --replace, the device to retire when there are several. */
  'old-serial': { type: 'string' },
  ...LEGACY_SERIAL_FLAG,
} as const;

/** A backup device after the first: added unasked, or not offered. */
export const BACKUP_FLAGS = {
  backup: { type: 'boolean' },
  'no-backup': { type: 'boolean' },
} as const;

/** --backup / --no-backup → the option (not both). */
export function backupOption(values: Values<typeof BACKUP_FLAGS>): { backup?: boolean } {
  if (values.backup && values['no-backup']) throw new UserError('cli.conflict', { a: '--backup', b: '--no-backup' });
  return values.backup ? { backup: true } : values['no-backup'] ? { backup: false } : {};
}

/** The wizard's flags with a replacement (`--replace [--old-serial ARN]`) → its options. */
export function setupOptions(
  values: Values<typeof ENROL_FLAGS & typeof REPLACE_FLAGS> & { profile?: string | undefined; region?: string | undefined },
  csvPath: string | undefined,
  env: NodeJS.ProcessEnv,
): SetupOptions {
  const oldSerial = serialFlag(values, 'old-serial', values['old-serial']);
  return { ...enrolOptions(values, csvPath, env), replace: Boolean(values.replace), ...(oldSerial !== undefined ? { oldSerial } : {}) };
}

/** The device flag a command names (`--old-serial`…), else its old spelling `--serial`; not both. */
export function serialFlag(values: { serial?: string | undefined }, name: string, value: string | undefined): string | undefined {
  if (value !== undefined && values.serial !== undefined) throw new UserError('cli.conflict', { a: `--${name}`, b: '--serial' });
  return value ?? values.serial;
}

/** How prompts are answered, from --yes and --codes-from-stdin. */
export function answersOf(values: Values<typeof ANSWER_FLAGS>): Answers {
  return { yes: Boolean(values.yes), codesFromStdin: Boolean(values['codes-from-stdin']) };
}

/** --export's shell, refused unless it is one we write for. */
export function shellFlag(value: string): Shell {
  if (!(SHELLS as readonly string[]).includes(value)) throw new UserError('cli.badShell', { value });
  return value as Shell;
}

/** The region the environment names for calls, as the AWS CLI reads it. */
export function envRegion(env: NodeJS.ProcessEnv): { envRegion?: string } {
  const region = env.AWS_REGION || env.AWS_DEFAULT_REGION;
  return region ? { envRegion: region } : {};
}

/** AWS_PROFILE, refused (naming the variable) when it cannot be a profile name. */
export function envProfile(env: NodeJS.ProcessEnv): string | undefined {
  if (env.AWS_PROFILE) assertProfileName(env.AWS_PROFILE, 'AWS_PROFILE');
  return env.AWS_PROFILE || undefined;
}

/**
 * Refuses a profile name given with --profile or --session-profile that the files cannot
 * hold. Each command's options check them here, once; nothing downstream checks them again.
 */
export function checkProfileFlags(values: { profile?: string | undefined; 'session-profile'?: string | undefined }): void {
  if (values.profile !== undefined) assertProfileName(values.profile, '--profile');
  if (values['session-profile'] !== undefined) assertProfileName(values['session-profile'], '--session-profile');
}

/** The profile a command works on: --profile, else AWS_PROFILE, else default. */
export function profileFlag(values: { profile?: string | undefined }, env: NodeJS.ProcessEnv): string {
  return values.profile ?? envProfile(env) ?? 'default';
}

/**
 * What every command that calls AWS (AWS_FLAGS) puts in its options, checked: the profile
 * (--profile, else AWS_PROFILE, else default; --session-profile too where the command takes
 * it, a name the files can hold), --region and AWS_REGION.
 */
export function awsOptions(
  values: { profile?: string | undefined; region?: string | undefined; 'session-profile'?: string | undefined },
  env: NodeJS.ProcessEnv,
): { profile: string; region?: string; envRegion?: string } {
  const region = regionFlags(values, env);
  checkProfileFlags(values);
  return { profile: profileFlag(values, env), ...region };
}

/** --region (refused unless it looks like a region) and AWS_REGION, as every command's options carry them. */
export function regionFlags(values: { region?: string | undefined }, env: NodeJS.ProcessEnv): { region?: string; envRegion?: string } {
  if (values.region !== undefined && !REGION_NAME.test(values.region)) throw new UserError('region.invalidFlag', { value: values.region });
  return { ...(values.region !== undefined ? { region: values.region } : {}), ...envRegion(env) };
}
