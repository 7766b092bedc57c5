import { answersOf, AWS_FLAGS, AWS_ROWS, awsOptions, defineCommand, GLOBAL_FLAGS } from './flags.js';
import type { ResyncOptions } from './resync.js';

/** `mfa-onboard resync`: sets a drifted MFA device right with two consecutive codes. */
export const resync = defineCommand({
  name: 'resync',
  flags: {
    ...GLOBAL_FLAGS,
    ...AWS_FLAGS,
    'mfa-serial': { type: 'string' },
    'codes-from-stdin': { type: 'boolean' },
  },
  positionals: 0,
  help: {
    usage: ['mfa-onboard resync [--profile P] [--mfa-serial ARN] [--codes-from-stdin]'],
    summary: 'help.summary.resync',
    rows: [
      ['--profile NAME', 'flag.resync.profile'],
      ['--mfa-serial ARN', 'flag.resync.mfaSerial'],
      ['--codes-from-stdin', 'flag.codesFromStdin'],
      ...AWS_ROWS,
    ],
  },
  options(values, _positionals, env): ResyncOptions {
    return {
      ...awsOptions(values, env),
      ...(values['mfa-serial'] !== undefined ? { mfaSerial: values['mfa-serial'] } : {}),
    };
  },
  answers: (values) => answersOf({ ...values, yes: false }),
});
