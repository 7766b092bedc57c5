import { checkEndpoint } from '../aws/endpoint.js';
import { UserError } from '../errors.js';
import type { DemoOptions } from './demo.js';
import { answersOf, defineCommand, ENROL_FLAGS, GLOBAL_FLAGS, rehearsalOptions, REHEARSAL_FLAGS, REPLACE_FLAGS, setupOptions } from './flags.js';

/**
 * What `demo --admin` refuses: the demo names its own administrator's profile and hires, and
 * the batch keeps nothing of a hire's (batch refuses the same).
 */
const NOT_FOR_ADMIN = ['profile', 'user', 'device-name', 'replace', 'old-serial', 'serial', 'session-profile', 'export', 'delete-csv'] as const;

/** The wizard's flags `demo --admin` passes on to the batch, for each hire. */
const PASSED_ON = ['region', 'duration', 'qr-png', 'show-secret', 'yes', 'codes-from-stdin', 'allow-clock-drift', 'keep-csv', 'replace-profile'] as const;

/** Those of the wizard's flags that were given, as words of the batch's command line. */
function wizardArgs(values: Partial<Record<(typeof PASSED_ON)[number], string | boolean | undefined>>): string[] {
  return PASSED_ON.flatMap((flag) => {
    const value = values[flag];
    if (value === undefined || value === false) return [];
    return value === true ? [`--${flag}`] : [`--${flag}`, value];
  });
}

/** `mfa-onboard demo`: the wizard (and its flags) against a local AWS emulator. */
export const demo = defineCommand({
  name: 'demo',
  flags: {
    ...GLOBAL_FLAGS,
    // The emulator is the endpoint: no --endpoint-url.
    profile: { type: 'string' },
    region: { type: 'string' },
    ...ENROL_FLAGS,
    ...REPLACE_FLAGS,
    keep: { type: 'boolean' },
    admin: { type: 'boolean' },
    emulator: { type: 'string' },
    'emulator-url': { type: 'string' },
    ...REHEARSAL_FLAGS,
  },
  positionals: 0,
  help: {
    usage: ['mfa-onboard demo [options]', 'mfa-onboard demo --admin [options]'],
    summary: 'help.summary.demo',
    rows: [
      ['--admin', 'flag.demoAdmin'],
      ['--emulator embedded|moto', 'flag.emulator'],
      ['--emulator-url URL', 'flag.emulatorUrl'],
      ['--rehearse-consistency TIME', 'flag.rehearseConsistency'],
      ['--rehearse-fault ACTION=throttle|5xx', 'flag.rehearseFault'],
      ['--keep', 'flag.keep'],
    ],
    notes: ['help.note.demo'],
  },
  options(values): DemoOptions {
    // The demo's world has no AWS_* variables: the wizard's options are read without them.
    const setup = setupOptions(values, undefined, {});
    const keep = Boolean(values.keep);
    const rehearsal = rehearsalOptions(values);
    if (values.admin) {
      if (values.emulator !== undefined || values['emulator-url'] !== undefined) throw new UserError('demo.admin.needsEmbedded');
      for (const flag of NOT_FOR_ADMIN) if (values[flag] !== undefined && values[flag] !== false) throw new UserError('demo.admin.notHere', { flag: `--${flag}` });
      return { emulator: { kind: 'embedded', ...(rehearsal ?? { consistencyDelayMs: 0, faults: [] }) }, setup, keep, admin: { wizardArgs: wizardArgs(values) } };
    }
    if (values['emulator-url'] !== undefined) {
      if (values.emulator !== undefined) throw new UserError('cli.conflict', { a: '--emulator', b: '--emulator-url' });
      if (rehearsal) throw new UserError('demo.rehearsalNeedsEmbedded');
      const url = values['emulator-url'];
      checkEndpoint(url, '--emulator-url');
      return { emulator: { kind: 'url', url }, setup, keep };
    }
    const kind = values.emulator ?? 'embedded';
    if (kind === 'moto') {
      if (rehearsal) throw new UserError('demo.rehearsalNeedsEmbedded');
      return { emulator: { kind }, setup, keep };
    }
    if (kind !== 'embedded') throw new UserError('demo.badEmulator', { value: kind });
    return { emulator: { kind, ...(rehearsal ?? { consistencyDelayMs: 0, faults: [] }) }, setup, keep };
  },
  answers: answersOf,
});
