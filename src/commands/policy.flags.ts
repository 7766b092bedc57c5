import { UserError } from '../errors.js';
import { DEVICE_NAME_SCOPES, PARTITIONS, type DeviceNameScope, type Partition } from '../policy/choices.js';
import { AWS_FLAGS, AWS_ROWS, awsOptions, defineCommand, GLOBAL_FLAGS } from './flags.js';
import type { PolicyOptions } from './policy.js';

/** `mfa-onboard policy`: print the MFA policy, or put it on a group. */
export const policy = defineCommand({
  name: 'policy',
  flags: {
    ...GLOBAL_FLAGS,
    ...AWS_FLAGS,
    'allow-ip': { type: 'string', multiple: true },
    'device-name-scope': { type: 'string' },
    partition: { type: 'string' },
    'attach-group': { type: 'string' },
    'create-group': { type: 'boolean' },
    'policy-name': { type: 'string' },
    force: { type: 'boolean' },
  },
  positionals: 0,
  help: {
    usage: ['mfa-onboard policy [--allow-ip CIDR]... [--device-name-scope user|any] [--partition P] [--attach-group NAME [--create-group] --profile ADMIN]'],
    summary: 'help.summary.policy',
    rows: [
      ['--allow-ip CIDR', 'flag.allowIp'],
      ['--device-name-scope user', 'flag.scopeUser'],
      ['--device-name-scope any', 'flag.scopeAny'],
      ['--partition P', 'flag.partition'],
      ['--attach-group NAME', 'flag.attachGroup'],
      ['--create-group', 'flag.createGroup'],
      ['--policy-name NAME', 'flag.policyName'],
      ['--force', 'flag.policy.force'],
      ['--profile NAME', 'flag.adminProfile'],
      ...AWS_ROWS,
    ],
    notes: ['help.note.policy'],
  },
  options(values, _positionals, env): PolicyOptions {
    const scope = values['device-name-scope'] ?? 'user';
    if (!(DEVICE_NAME_SCOPES as readonly string[]).includes(scope)) throw new UserError('policy.badScope', { value: scope });
    const partition = values.partition;
    if (partition !== undefined && !(PARTITIONS as readonly string[]).includes(partition)) throw new UserError('policy.badPartition', { value: partition });
    if (values['attach-group'] === undefined) {
      // Only attaching uses these: printing would silently ignore them.
      const flag = (['create-group', 'policy-name', 'force', 'profile', 'region'] as const).find((name) => values[name] !== undefined);
      if (flag !== undefined) throw new UserError('policy.needsAttachGroup', { flag: `--${flag}` });
    }
    const aws = awsOptions(values, env);
    return {
      allowIps: values['allow-ip'] ?? [],
      scope: scope as DeviceNameScope,
      ...(partition !== undefined ? { partition: partition as Partition } : {}),
      ...(values['attach-group'] !== undefined ? { attachGroup: values['attach-group'] } : {}),
      createGroup: Boolean(values['create-group']),
      policyName: values['policy-name'] ?? 'mfa-onboard-require-mfa',
      force: Boolean(values.force),
      ...aws,
    };
  },
});
