import type { AddBackupOptions } from './add-backup.js';
import { answersOf, ANSWER_FLAGS, AWS_FLAGS, AWS_ROWS, awsOptions, defineCommand, ENROL_FLAGS, GLOBAL_FLAGS } from './flags.js';

/** `mfa-onboard add-backup`: a backup device for a user who has one, on the wizard's screens. */
export const addBackup = defineCommand({
  name: 'add-backup',
  flags: {
    ...GLOBAL_FLAGS,
    ...AWS_FLAGS,
    ...ANSWER_FLAGS,
    'mfa-serial': { type: 'string' },
    'show-secret': ENROL_FLAGS['show-secret'],
    'qr-png': ENROL_FLAGS['qr-png'],
    'allow-clock-drift': ENROL_FLAGS['allow-clock-drift'],
  },
  positionals: 0,
  help: {
    usage: ['mfa-onboard add-backup [--profile P] [--mfa-serial ARN]'],
    summary: 'help.summary.addBackup',
    rows: [
      ['--profile NAME', 'flag.addBackup.profile'],
      ['--mfa-serial ARN', 'flag.addBackup.mfaSerial'],
      ['--show-secret', 'flag.showSecret'],
      ['--qr-png FILE', 'flag.qrPng'],
      ['--codes-from-stdin', 'flag.codesFromStdin'],
      ['--allow-clock-drift', 'flag.allowClockDrift'],
      ['-y, --yes', 'flag.yes'],
      ...AWS_ROWS,
    ],
  },
  options(values, _positionals, env): AddBackupOptions {
    return {
      ...awsOptions(values, env),
      ...(values['mfa-serial'] !== undefined ? { mfaSerial: values['mfa-serial'] } : {}),
      showSecret: Boolean(values['show-secret']),
      ...(values['qr-png'] !== undefined ? { qrPng: values['qr-png'] } : {}),
      ...(values['allow-clock-drift'] ? { allowClockDrift: true } : {}),
      yes: Boolean(values.yes),
    };
  },
  answers: answersOf,
});
