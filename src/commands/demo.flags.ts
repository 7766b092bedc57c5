import { checkEndpoint } from '../aws/endpoint.js';
import { UserError } from '../errors.js';
import type { DemoOptions } from './demo.js';
import { answersOf, defineCommand, ENROL_FLAGS, GLOBAL_FLAGS, rehearsalOptions, REHEARSAL_FLAGS, REPLACE_FLAGS, setupOptions } from './flags.js';

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
    emulator: { type: 'string' },
    'emulator-url': { type: 'string' },
    ...REHEARSAL_FLAGS,
  },
  positionals: 0,
  help: {
    usage: ['mfa-onboard demo [options]'],
    summary: 'help.summary.demo',
    rows: [
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
