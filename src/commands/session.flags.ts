import { UserError } from '../errors.js';
import { parseDuration, parseTime } from '../wizard/duration.js';
import { ROLE_SESSION_NAME } from '../aws/names.js';
import { ANSWER_FLAGS, answersOf, AWS_FLAGS, AWS_ROWS, checkProfileFlags, defineCommand, GLOBAL_FLAGS, LEGACY_SERIAL_FLAG, profileFlag, regionFlags, serialFlag, SESSION_FLAGS, shellFlag } from './flags.js';
import type { SessionOptions } from './session.js';

/** `mfa-onboard session`: a fresh MFA session (or the saved one while it lasts). */
export const session = defineCommand({
  name: 'session',
  flags: {
    ...GLOBAL_FLAGS,
    ...AWS_FLAGS,
    ...ANSWER_FLAGS,
    ...SESSION_FLAGS,
    /** The device to use (as the config's mfa_serial names it). */
    'mfa-serial': { type: 'string' },
    ...LEGACY_SERIAL_FLAG,
    'min-remaining': { type: 'string' },
    force: { type: 'boolean' },
    'credential-process': { type: 'boolean' },
    'role-arn': { type: 'string' },
    'role-session-name': { type: 'string' },
  },
  positionals: 0,
  help: {
    usage: ['mfa-onboard session [options]'],
    summary: 'help.summary.session',
    rows: [
      ['--profile NAME', 'flag.session.profile'],
      ['--session-profile NAME', 'flag.sessionProfile'],
      ['--mfa-serial ARN', 'flag.mfaSerial'],
      ['--min-remaining TIME', 'flag.minRemaining'],
      ['--force', 'flag.force'],
      ['--duration TIME', 'flag.duration'],
      ['--export sh|fish|powershell|cmd', 'flag.session.export'],
      ['--credential-process', 'flag.credentialProcess'],
      ['--role-arn ARN', 'flag.roleArn'],
      ['--role-session-name NAME', 'flag.roleSessionName'],
      ['--replace-profile', 'flag.replaceProfile'],
      ['--codes-from-stdin', 'flag.codesFromStdin'],
      ['-y, --yes', 'flag.yes'],
      ...AWS_ROWS,
    ],
  },
  options(values, _positionals, env): SessionOptions {
    const shell = values.export !== undefined ? shellFlag(values.export) : undefined;
    if (shell !== undefined && values['credential-process']) {
      throw new UserError('cli.conflict', { a: '--export', b: '--credential-process' });
    }
    const mfaSerial = serialFlag(values, 'mfa-serial', values['mfa-serial']);
    const region = regionFlags(values, env);
    checkProfileFlags(values);
    const roleSessionName = values['role-session-name'];
    if (roleSessionName !== undefined && !ROLE_SESSION_NAME.test(roleSessionName)) throw new UserError('role.badSessionName', { value: roleSessionName });
    return {
      profile: profileFlag(values, env),
      ...(values['session-profile'] !== undefined ? { sessionProfile: values['session-profile'] } : {}),
      // 15 min: botocore refreshes credential_process credentials this long before they end.
      minRemainingMs: values['min-remaining'] !== undefined ? parseTime(values['min-remaining'], '--min-remaining') * 1000 : 15 * 60_000,
      force: Boolean(values.force),
      ...(values.duration !== undefined ? { durationSeconds: parseDuration(values.duration) } : {}),
      ...(mfaSerial !== undefined ? { mfaSerial } : {}),
      ...(values['role-arn'] !== undefined ? { roleArn: values['role-arn'] } : {}),
      ...(roleSessionName !== undefined ? { roleSessionName } : {}),
      ...(shell !== undefined ? { exportShell: shell } : {}),
      credentialProcess: Boolean(values['credential-process']),
      replaceProfile: Boolean(values['replace-profile']),
      ...region,
    };
  },
  // With --credential-process, codes are asked on the terminal: stdin and stdout are the AWS tool's.
  answers: (values) => ({ ...answersOf(values), codesOnTty: Boolean(values['credential-process']) }),
});
