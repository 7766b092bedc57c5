import { UserError } from '../errors.js';
import { shellLine } from '../ui/command-line.js';
import { answersOf, AWS_FLAGS, AWS_ROWS, awsOptions, defineCommand, enrolOptions, ENROL_FLAGS, GLOBAL_FLAGS, LEGACY_SERIAL_FLAG, refuseHiresOwnFlags, serialFlag } from './flags.js';
import type { ResetOptions } from './reset.js';

/** `mfa-onboard reset --profile ADMIN --user NAME`: remove a user's devices, then maybe enrol a new one. */
export const reset = defineCommand({
  name: 'reset',
  flags: {
    ...GLOBAL_FLAGS,
    ...AWS_FLAGS,
    // The enrolment offered afterwards is the wizard in admin mode, with the same flags.
    ...ENROL_FLAGS,
    all: { type: 'boolean' },
    /** Only this device. */
    'remove-serial': { type: 'string' },
    ...LEGACY_SERIAL_FLAG,
    enrol: { type: 'boolean' },
    'no-enrol': { type: 'boolean' },
  },
  positionals: 0,
  help: {
    usage: ['mfa-onboard reset --profile ADMIN --user NAME [--all | --remove-serial ARN] [--enrol]'],
    summary: 'help.summary.reset',
    rows: [
      ['--profile NAME', 'flag.adminProfile'],
      ['--user NAME', 'flag.reset.user'],
      ['--all', 'flag.all'],
      ['--remove-serial ARN', 'flag.removeSerial'],
      ['--enrol, --no-enrol', 'flag.enrol'],
      ['-y, --yes', 'flag.reset.yes'],
      ...AWS_ROWS,
    ],
    notes: ['help.note.reset'],
  },
  administrator: (_words, values) => shellLine(['mfa-onboard', 'reset', '--profile', 'ADMIN', '--user', values.user ?? 'NAME']),
  options(values, _positionals, env): ResetOptions {
    // The enrolment is for another user: nothing of theirs is kept or deleted here.
    refuseHiresOwnFlags(values);
    const setup = enrolOptions(values, undefined, env);
    const removeSerial = serialFlag(values, 'remove-serial', values['remove-serial']);
    if (values.all && removeSerial !== undefined) throw new UserError('cli.conflict', { a: '--all', b: values.serial === undefined ? '--remove-serial' : '--serial' });
    if (values.enrol && values['no-enrol']) throw new UserError('cli.conflict', { a: '--enrol', b: '--no-enrol' });
    return {
      ...awsOptions(values, env),
      ...(values.user !== undefined ? { user: values.user } : {}),
      all: Boolean(values.all),
      ...(removeSerial !== undefined ? { removeSerial } : {}),
      ...(values.enrol ? { enrol: true } : values['no-enrol'] ? { enrol: false } : {}),
      setup,
    };
  },
  answers: answersOf,
});
