import { PassThrough, Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { describe, expect, it } from 'vitest';
import { admin } from '../../src/commands/admin.flags.js';
import { batch } from '../../src/commands/batch.flags.js';
import { demo } from '../../src/commands/demo.flags.js';
import { addBackup } from '../../src/commands/add-backup.flags.js';
import { emulator } from '../../src/commands/emulator.flags.js';
import { COMMAND_NAMES, type CommandFlags, type FlagTable } from '../../src/commands/flags.js';
import { policy } from '../../src/commands/policy.flags.js';
import { reset } from '../../src/commands/reset.flags.js';
import { session } from '../../src/commands/session.flags.js';
import { setup } from '../../src/commands/setup.flags.js';
import { resync } from '../../src/commands/resync.flags.js';
import { status } from '../../src/commands/status.flags.js';
import { commandContext, type Runtime } from '../../src/deps.js';
import { UserError } from '../../src/errors.js';
import { t } from '../../src/ui/messages/index.js';
import { createOutput } from '../../src/ui/output.js';
import { errorText } from '../../src/ui/error-text.js';
import { userErrorFrom } from '../helpers/errors.js';

const ARN = 'arn:aws:iam::123456789012:mfa/alice';
const OTHER = 'arn:aws:iam::123456789012:mfa/alice-phone';

/** A command's options for `argv` (its name left out), as cli.ts makes them. */
function optionsOf<T extends FlagTable, O>(command: CommandFlags<T, O>, argv: string[], env: NodeJS.ProcessEnv = {}): O {
  const { values, positionals } = parseArgs({ args: argv, options: command.flags, allowPositionals: true, strict: true });
  return command.options(values, positionals, env);
}

describe('the commands\' flag tables', () => {
  const commands = [setup, session, status, reset, policy, admin, batch, demo, emulator, addBackup, resync] as CommandFlags<FlagTable, unknown>[];

  it('one per command name, each with --help, --version and --lang', () => {
    expect(commands.map((command) => command.name)).toEqual([...COMMAND_NAMES]);
    for (const command of commands) expect(Object.keys(command.flags)).toEqual(expect.arrayContaining(['help', 'version', 'lang']));
  });

  // cli.ts finds the command's name by parsing with every command's flags at once: a flag
  // two commands share must be declared alike, or the words would be split differently.
  it('a flag several commands take is the same flag in each', () => {
    const seen = new Map<string, unknown>();
    for (const command of commands) {
      for (const [name, spec] of Object.entries(command.flags)) {
        if (seen.has(name)) expect(spec, `--${name} of ${command.name}`).toEqual(seen.get(name));
        else seen.set(name, spec);
      }
    }
    expect(seen.size).toBeGreaterThan(40);
  });
});

describe('--serial, the old spelling of three flags, still works for each command', () => {
  it.each([
    ['setup (the device --replace retires)', setup, ['--replace', '--old-serial', ARN], ['--replace', '--serial', ARN], '--old-serial', 'oldSerial'],
    ['session (the device to use)', session, ['--mfa-serial', ARN], ['--serial', ARN], '--mfa-serial', 'mfaSerial'],
    ['reset (the only device to remove)', reset, ['--user', 'bob', '--remove-serial', ARN], ['--user', 'bob', '--serial', ARN], '--remove-serial', 'removeSerial'],
  ] as const)('%s: the new name and --serial give the same options; both at once are refused', (_label, command, named, old, flag, field) => {
    const withName = optionsOf(command as CommandFlags<FlagTable, Partial<Record<typeof field, string>>>, [...named]);
    expect(withName[field]).toBe(ARN);
    expect(optionsOf(command as CommandFlags<FlagTable, Partial<Record<typeof field, string>>>, [...old])).toEqual(withName);
    expect(errorText(userErrorFrom(() => optionsOf(command as CommandFlags<FlagTable, unknown>, [...named, '--serial', OTHER])))).toBe(t('cli.conflict', { a: flag, b: '--serial' }));
  });

  it('reset: the device to remove is not the enrolment\'s device to retire', () => {
    const options = optionsOf(reset, ['--user', 'bob', '--serial', ARN, '--device-name', 'bob-phone']);
    expect(options.removeSerial).toBe(ARN);
    expect(options.setup.oldSerial).toBeUndefined();
    expect(options.setup.replace).toBe(false);
    expect(options.setup.deviceName).toBe('bob-phone');
  });

  it('reset: --all with either spelling is refused, naming the one given', () => {
    expect(errorText(userErrorFrom(() => optionsOf(reset, ['--all', '--remove-serial', ARN])))).toBe(t('cli.conflict', { a: '--all', b: '--remove-serial' }));
    expect(errorText(userErrorFrom(() => optionsOf(reset, ['--all', '--serial', ARN])))).toBe(t('cli.conflict', { a: '--all', b: '--serial' }));
  });

  it.each(['--serial', '--old-serial'])('batch refuses %s as a flag for one hire', (flag) => {
    expect(errorText(userErrorFrom(() => optionsOf(batch, ['users.csv', flag, ARN])))).toBe(t('batch.flagForOne', { flag }));
  });

  it.each([['--session-profile', 'x-mfa'], ['--export', 'sh'], ['--delete-csv']])('issue 22: batch and reset refuse %s: an administrator keeps and deletes nothing of a hire\'s', (flag, ...value) => {
    expect(errorText(userErrorFrom(() => optionsOf(batch, ['users.csv', flag, ...value])))).toBe(t('admin.hiresOwn', { flag }));
    expect(errorText(userErrorFrom(() => optionsOf(reset, ['--user', 'bob', '--enrol', flag, ...value])))).toBe(t('admin.hiresOwn', { flag }));
  });

  it('the shared wizard flags translate the same for setup, batch and reset\'s enrolment', () => {
    const argv = ['--duration', '2h', '--qr-png', 'qr.png', '--keep-csv', '--yes', '--allow-clock-drift'];
    const alone = optionsOf(setup, argv);
    expect(alone).toMatchObject({ durationSeconds: 7200, qrPng: 'qr.png', deleteCsv: false, yes: true, allowClockDrift: true, replace: false });
    expect(optionsOf(batch, ['users.csv', ...argv]).setup).toEqual(alone);
    expect(optionsOf(reset, argv).setup).toEqual(alone);
    expect(optionsOf(reset, ['--duration', '90m']).setup).toEqual(optionsOf(setup, ['--duration', '90m']));
    expect(() => optionsOf(reset, ['--delete-csv', '--keep-csv'])).toThrow(UserError);
  });
});

class Sink extends Writable {
  override _write(_chunk: Buffer, _encoding: string, done: () => void) {
    done();
  }
}

describe('deps.ts builds every command\'s seams, the demo\'s too', () => {
  const runtime: Runtime = {
    env: { HOME: '/home/person', AWS_CONFIG_FILE: '/home/person/.aws/config' },
    stdin: new PassThrough(),
    stdout: new Sink(),
    stderr: new Sink(),
    signal: new AbortController().signal,
  };
  const out = createOutput(runtime.stderr, runtime.stdout, runtime.env);

  it('a command\'s deps carry --endpoint-url and the person\'s files', () => {
    const deps = commandContext(runtime, out, { yes: false, codesFromStdin: false }, 'http://127.0.0.1:5000').deps();
    expect(deps.endpoint).toBe('http://127.0.0.1:5000');
    expect(deps.files.configFile).toBe('/home/person/.aws/config');
    expect(deps.home).toBe('/home/person');
  });

  it('the demo\'s override (its own HOME, its emulator) replaces the person\'s, in the deps only', () => {
    const context = commandContext(runtime, out, { yes: true, codesFromStdin: false }, undefined);
    expect(context.deps().endpoint).toBeUndefined();
    const deps = context.deps({ env: { HOME: '/tmp/demo/home' }, endpoint: 'http://127.0.0.1:4566' });
    expect(deps.endpoint).toBe('http://127.0.0.1:4566');
    expect(deps.files).toEqual({ credentialsFile: '/tmp/demo/home/.aws/credentials', configFile: '/tmp/demo/home/.aws/config' });
    expect(deps.home).toBe('/tmp/demo/home');
    expect(context.runtime.env.HOME).toBe('/home/person');
  });
});

/**
 * Every command that calls AWS, each with the flags it needs besides --profile and --region
 * (policy uses them only to attach).
 */
const WITH_REGION = [
  [setup, []],
  [session, []],
  [status, []],
  [reset, ['--user', 'bob']],
  [policy, ['--attach-group', 'staff']],
  [admin, ['create-user', 'bob']],
  [batch, ['users.csv']],
  [demo, []],
  [addBackup, []],
  [resync, []],
].map(([command, rest]) => ({
  name: (command as CommandFlags<FlagTable, unknown>).name,
  command: command as CommandFlags<FlagTable, { profile?: string; region?: string; envRegion?: string }>,
  rest: rest as readonly string[],
}));

describe('names and regions given as flags are checked where flags become options', () => {
  it.each(WITH_REGION)('$name refuses a malformed --region with region.invalidFlag', ({ command, rest }) => {
    const options = () => optionsOf(command, [...rest, '--region', 'x y']);
    expect(errorText(userErrorFrom(options))).toBe(t('region.invalidFlag', { value: 'x y' }));
  });

  it.each(WITH_REGION)('$name refuses a --profile the files cannot hold', ({ command, rest }) => {
    const options = () => optionsOf(command, [...rest, '--profile', 'a b']);
    expect(errorText(userErrorFrom(options))).toBe(t('profile.badNameFlag', { name: 'a b', flag: '--profile' }));
  });
});

describe('the commands that act with one profile\'s keys name it alike', () => {
  // The wizard may have no profile yet (it comes from the CSV); the demo's world has no AWS_* variables.
  const named = WITH_REGION.filter(({ name }) => name !== 'setup' && name !== 'demo');

  it.each(named)('$name: --profile, else AWS_PROFILE, else default; --region and AWS_REGION kept apart', ({ command, rest }) => {
    const env = { AWS_PROFILE: 'ops', AWS_REGION: 'eu-west-1' };
    expect(optionsOf(command, [...rest, '--profile', 'admin', '--region', 'ap-northeast-1'], env)).toMatchObject({ profile: 'admin', region: 'ap-northeast-1', envRegion: 'eu-west-1' });
    expect(optionsOf(command, [...rest], env)).toMatchObject({ profile: 'ops', envRegion: 'eu-west-1' });
    expect(optionsOf(command, [...rest], env).region).toBeUndefined();
    expect(optionsOf(command, [...rest]).profile).toBe('default');
    expect(errorText(userErrorFrom(() => optionsOf(command, [...rest], { AWS_PROFILE: 'a b' })))).toBe(t('profile.badNameFlag', { name: 'a b', flag: 'AWS_PROFILE' }));
  });
});

describe('mfa-onboard emulator: its flags become options', () => {
  it.each(['0', '65536', '08', 'http', '1.5', ''])('--port %j is refused, saying what a port is', (value) => {
    expect(userErrorFrom(() => optionsOf(emulator, ['--port', value]))).toMatchObject({ id: 'emulator.badPort', params: { value } });
  });

  it('--port, --dir and the rehearsal flags as demo reads them; none given: a free port, a temporary folder, nothing rehearsed', () => {
    expect(optionsOf(emulator, ['--port', '65535', '--dir', 'r', '--rehearse-consistency', '40s', '--rehearse-fault', 'EnableMFADevice=throttle'])).toEqual({
      port: 65535,
      dir: 'r',
      rehearsal: { consistencyDelayMs: 40_000, faults: ['EnableMFADevice=throttle'] },
    });
    expect(optionsOf(emulator, [])).toEqual({ rehearsal: { consistencyDelayMs: 0, faults: [] } });
    expect(userErrorFrom(() => optionsOf(emulator, ['--rehearse-consistency', 'soon']))).toMatchObject({ id: 'duration.invalid' });
  });
});
