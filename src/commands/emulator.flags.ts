import { UserError } from '../errors.js';
import type { EmulatorOptions } from './emulator.js';
import { defineCommand, GLOBAL_FLAGS, rehearsalOptions, REHEARSAL_FLAGS } from './flags.js';

/** `mfa-onboard emulator`: the embedded IAM/STS on a loopback port, for any tool, until Ctrl-C. */
export const emulator = defineCommand({
  name: 'emulator',
  flags: {
    ...GLOBAL_FLAGS,
    port: { type: 'string' },
    dir: { type: 'string' },
    ...REHEARSAL_FLAGS,
  },
  positionals: 0,
  help: {
    usage: ['mfa-onboard emulator [--port N] [--dir DIR] [options]'],
    summary: 'help.summary.emulator',
    rows: [
      ['--port N', 'flag.port'],
      ['--dir DIR', 'flag.dir'],
      ['--rehearse-consistency TIME', 'flag.emulatorConsistency'],
      ['--rehearse-fault ACTION=throttle|5xx', 'flag.emulatorFault'],
    ],
    notes: ['help.note.emulator'],
  },
  options(values): EmulatorOptions {
    const port = values.port;
    // 1–65535 written plainly: 0 would be a port the system picks, which leaving --port out says.
    if (port !== undefined && !(/^[1-9]\d{0,4}$/.test(port) && Number(port) <= 65_535)) throw new UserError('emulator.badPort', { value: port });
    if (values.dir === '') throw new UserError('cli.missingValue', { option: '--dir' });
    return {
      ...(port !== undefined ? { port: Number(port) } : {}),
      ...(values.dir !== undefined ? { dir: values.dir } : {}),
      rehearsal: rehearsalOptions(values) ?? { consistencyDelayMs: 0, faults: [] },
    };
  },
});
