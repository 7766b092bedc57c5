import { AWS_FLAGS, AWS_ROWS, awsOptions, defineCommand, ENROL_FLAGS, GLOBAL_FLAGS, SESSION_FLAGS } from './flags.js';
import type { StatusOptions } from './status.js';

/** `mfa-onboard status`: who the keys are, the user's devices, the session. */
export const status = defineCommand({
  name: 'status',
  flags: {
    ...GLOBAL_FLAGS,
    ...AWS_FLAGS,
    user: ENROL_FLAGS.user,
    'session-profile': SESSION_FLAGS['session-profile'],
    json: { type: 'boolean' },
  },
  positionals: 0,
  help: {
    usage: ['mfa-onboard status [--profile P] [--user U] [--json]'],
    summary: 'help.summary.status',
    rows: [
      ['--profile NAME', 'flag.status.profile'],
      ['--user NAME', 'flag.status.user'],
      ['--session-profile NAME', 'flag.status.sessionProfile'],
      ['--json', 'flag.json'],
      ...AWS_ROWS,
    ],
  },
  options(values, _positionals, env): StatusOptions {
    return {
      ...awsOptions(values, env),
      ...(values.user !== undefined ? { user: values.user } : {}),
      ...(values['session-profile'] !== undefined ? { sessionProfile: values['session-profile'] } : {}),
      json: Boolean(values.json),
    };
  },
});
