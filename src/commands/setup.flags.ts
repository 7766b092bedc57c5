import { answersOf, AWS_FLAGS, defineCommand, ENROL_FLAGS, GLOBAL_FLAGS, REPLACE_FLAGS, setupOptions } from './flags.js';

/** `mfa-onboard [setup] [CSV]`: the wizard (the default command). */
export const setup = defineCommand({
  name: 'setup',
  flags: { ...GLOBAL_FLAGS, ...AWS_FLAGS, ...ENROL_FLAGS, ...REPLACE_FLAGS, 'mfa-serial': { type: 'string' } },
  positionals: 1,
  help: { usage: 'help.usage.setup', options: 'help.options.setup' },
  options: (values, [csvPath], env) => {
    const options = setupOptions(values, csvPath, env);
    // The device an administrator enrolled, to pick up here when the user has several.
    return values['mfa-serial'] !== undefined ? { ...options, mfaSerial: values['mfa-serial'] } : options;
  },
  answers: answersOf,
});
