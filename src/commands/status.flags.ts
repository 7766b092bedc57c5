import { AWS_FLAGS, checkProfileFlags, defineCommand, ENROL_FLAGS, GLOBAL_FLAGS, profileFlag, regionFlags, SESSION_FLAGS } from './flags.js';
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
  help: { usage: 'help.usage.status', options: 'help.options.status' },
  options(values, _positionals, env): StatusOptions {
    const region = regionFlags(values, env);
    checkProfileFlags(values);
    return {
      profile: profileFlag(values, env),
      ...(values.user !== undefined ? { user: values.user } : {}),
      ...(values['session-profile'] !== undefined ? { sessionProfile: values['session-profile'] } : {}),
      json: Boolean(values.json),
      ...region,
    };
  },
});
