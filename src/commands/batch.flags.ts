import { UserError } from '../errors.js';
import { shellLine } from '../ui/command-line.js';
import type { BatchOptions } from './batch.js';
import { answersOf, AWS_FLAGS, AWS_ROWS, awsOptions, defineCommand, ENROL_FLAGS, GLOBAL_FLAGS, refuseHiresOwnFlags, REPLACE_FLAGS, setupOptions } from './flags.js';

/** Flags that name one user's device: the same for every hire, so refused. */
const FOR_ONE = ['user', 'serial', 'old-serial', 'replace', 'device-name'] as const;

/** `mfa-onboard batch users.csv`: several hires in turn; the wizard's flags apply to each. */
export const batch = defineCommand({
  name: 'batch',
  // The flags for one hire are taken, to be refused with a message that says why.
  flags: {
    ...GLOBAL_FLAGS,
    ...AWS_FLAGS,
    ...ENROL_FLAGS,
    ...REPLACE_FLAGS,
    create: { type: 'boolean' },
    only: { type: 'string', multiple: true },
    skip: { type: 'string', multiple: true },
    report: { type: 'string' },
  },
  positionals: 1,
  help: {
    usage: ['mfa-onboard batch users.csv --profile ADMIN [--create] [--only NAME]... [--skip NAME]... [--report FILE]'],
    summary: 'help.summary.batch',
    rows: [
      ['--profile NAME', 'flag.adminProfile'],
      ['--create', 'flag.create'],
      ['--only NAME', 'flag.only'],
      ['--skip NAME', 'flag.skip'],
      ['--report FILE', 'flag.report'],
      ...AWS_ROWS,
    ],
    notes: ['help.note.batchCsv', 'help.note.batch'],
  },
  administrator: ([usersCsv]) => shellLine(['mfa-onboard', 'batch', usersCsv ?? 'users.csv', '--profile', 'ADMIN']),
  options(values, [usersCsv], env): BatchOptions {
    if (usersCsv === undefined) throw new UserError('batch.usage');
    for (const flag of FOR_ONE) {
      if (values[flag] !== undefined && values[flag] !== false) throw new UserError('batch.flagForOne', { flag: `--${flag}` });
    }
    refuseHiresOwnFlags(values);
    return {
      usersCsv,
      ...awsOptions(values, env),
      create: Boolean(values.create),
      only: values.only ?? [],
      skip: values.skip ?? [],
      ...(values.report !== undefined ? { report: values.report } : {}),
      setup: setupOptions(values, undefined, env),
    };
  },
  answers: answersOf,
});
