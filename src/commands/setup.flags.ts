import { answersOf, AWS_FLAGS, BACKUP_FLAGS, backupOption, defineCommand, ENROL_FLAGS, GLOBAL_FLAGS, GLOBAL_ROWS, REPLACE_FLAGS, setupOptions, type HelpRow } from './flags.js';

/** The wizard's options, as `setup --help` lists them (reset, batch and demo refer to them). */
export const WIZARD_ROWS: readonly HelpRow[] = [
  ['CSV', 'flag.csv', 'common'],
  ['--profile NAME', 'flag.setup.profile', 'common'],
  ['--session-profile NAME', 'flag.sessionProfile'],
  ['--user NAME', 'flag.setup.user', 'common'],
  ['--replace', 'flag.replace', 'common'],
  ['--old-serial ARN', 'flag.oldSerial'],
  ['--mfa-serial ARN', 'flag.setup.mfaSerial'],
  ['--device-name NAME', 'flag.deviceName'],
  ['--backup, --no-backup', 'flag.backup'],
  ['--region REGION', 'flag.setup.region', 'common'],
  ['--endpoint-url URL', 'flag.endpointUrl'],
  ['--duration TIME', 'flag.duration'],
  ['--show-secret', 'flag.showSecret'],
  ['--qr-png FILE', 'flag.qrPng'],
  ['--codes-from-stdin', 'flag.codesFromStdin'],
  ['--replace-profile', 'flag.replaceProfile'],
  ['--delete-csv, --keep-csv', 'flag.deleteCsv'],
  ['--allow-clock-drift', 'flag.allowClockDrift'],
  ['--export SHELL', 'flag.setup.export'],
  ['-y, --yes', 'flag.yes', 'common'],
  ...GLOBAL_ROWS,
];

/** `mfa-onboard [setup] [CSV]`: the wizard (the default command). */
export const setup = defineCommand({
  name: 'setup',
  flags: { ...GLOBAL_FLAGS, ...AWS_FLAGS, ...ENROL_FLAGS, ...REPLACE_FLAGS, 'mfa-serial': { type: 'string' }, ...BACKUP_FLAGS },
  positionals: 1,
  help: {
    usage: ['mfa-onboard [setup] [CSV] [options]'],
    summary: 'help.summary.setup',
    rows: WIZARD_ROWS,
    notes: ['help.note.setup', 'help.note.environment'],
  },
  options: (values, [csvPath], env) => {
    const options = { ...setupOptions(values, csvPath, env), ...backupOption(values) };
    // The device an administrator enrolled, to pick up here when the user has several.
    return values['mfa-serial'] !== undefined ? { ...options, mfaSerial: values['mfa-serial'] } : options;
  },
  answers: answersOf,
});
