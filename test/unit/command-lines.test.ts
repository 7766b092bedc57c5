import { describe, expect, it } from 'vitest';
import { endpointsInUse } from '../../src/aws/endpoint.js';
import { lineReaching, shellLine } from '../../src/ui/command-line.js';
import { catalogs, format, type Language } from '../../src/ui/messages/index.js';
import { createOutput } from '../../src/ui/output.js';
import { displayWidth, table } from '../../src/ui/width.js';

const LANGUAGES = Object.keys(catalogs) as Language[];

/** A command a person may paste, where it starts in a line of prose. */
const COMMAND_IN_PROSE = /(?:^|[\s(:：、。])(mfa-onboard (?!was\b|session was\b)|npx aws-mfa-onboard |aws (?:iam|sts) [a-z]|python3 -[cm] |eval ")/;
/** Prose that names the tool or an AWS command family without giving a command to run. */
const NAMES_ONLY = new Set(['session.recursive', 'admin.undoFailed', 'help.summary.admin', 'help.summary.help', 'help.about', 'help.usage.command']);

/** An 80-column terminal's stderr, and what was written to it. */
function terminal(columns = 80) {
  let text = '';
  const stderr = { write: (chunk: string) => ((text += chunk), true), isTTY: true, columns, rows: 24 };
  const out = createOutput(stderr, { write: () => true }, { NO_COLOR: '1' });
  return { out, text: () => text };
}

/** Every placeholder filled with a long value without spaces, as a path or an ARN would be. */
const filled = (template: string) => format(template, Object.fromEntries([...template.matchAll(/\{(\w+)\}/g)].map(([, name]) => [name!, `arn:aws:iam::123456789012:${name}/a-rather-long-name`])));

describe('a command we print for pasting is one line, never broken by our wrapping', () => {
  it.each(LANGUAGES)('%s: every command in a message stands on a line of its own, indented', (lang) => {
    const inline = Object.entries(catalogs[lang]).filter(
      ([id, text]) => !NAMES_ONLY.has(id) && text.split('\n').some((line) => !line.startsWith(' ') && COMMAND_IN_PROSE.test(line)),
    );
    expect(inline.map(([id]) => id)).toEqual([]);
  });

  it.each(LANGUAGES)('%s: at 80 columns, as an error, a warning or a line of status, each command line comes out whole', (lang) => {
    const withCommands = Object.entries(catalogs[lang]).filter(([id, text]) => !id.startsWith('help.') && !id.startsWith('flag.') && /\n {4}\S/.test(text));
    expect(withCommands.length).toBeGreaterThan(30);
    for (const [id, template] of withCommands) {
      const text = filled(template);
      const commands = text.split('\n').filter((line) => line.startsWith('    '));
      for (const kind of ['error', 'warn', 'info'] as const) {
        const { out, text: shown } = terminal();
        out[kind](text);
        const lines = shown().split('\n');
        for (const command of commands) expect(lines, `${id} (${kind})`).toContain(command);
        // The prose around them fits the terminal.
        for (const line of lines) if (!commands.includes(line)) expect(displayWidth(line), `${id}: ${line}`).toBeLessThanOrEqual(80);
      }
    }
  });

  it('regression: "Next, with alice\'s phone at hand: mfa-onboard" / "…alice_accessKeys.csv --profile admin --user alice"', () => {
    for (const lang of LANGUAGES) {
      const { out, text } = terminal();
      const path = shellLine(['/home/admin/onboarding day/new hires/alice_accessKeys.csv']);
      out.info(format(catalogs[lang]['admin.createUserNext'], { name: 'alice', path, profile: 'admin' }));
      expect(text()).toContain(`\n    mfa-onboard '/home/admin/onboarding day/new hires/alice_accessKeys.csv' --profile admin --user alice\n`);
    }
  });

  it('prose after a command hangs under the paragraph it belongs to, with or without a terminal', () => {
    const message = format(catalogs.en['cli.didYouMean'], { word: 'sesion', command: 'session', line: 'mfa-onboard session' });
    for (const columns of [80, undefined]) {
      let text = '';
      const stderr = { write: (chunk: string) => ((text += chunk), true), isTTY: columns !== undefined, ...(columns ? { columns, rows: 24 } : {}) };
      createOutput(stderr, { write: () => true }, { NO_COLOR: '1' }).error(message);
      expect(text).toBe('\n✖ There is no command "sesion". Did you mean session?\n    mfa-onboard session\n  A CSV to import is given by its path (with a / or ending in .csv).\n');
    }
  });

  it.each(LANGUAGES)('%s: a table value with a command (the summary\'s next step, status) keeps it whole under the value column', (lang) => {
    // The hand-over's way to make a hire a CSV (a user name as long as IAM allows).
    const user = 'alice-with-a-rather-long-name-as-some-organisations-give-them';
    const command = `mfa-onboard admin create-user ${user} --existing --profile ADMIN`;
    const value = format(catalogs[lang]['summary.handOverNoCsv'], { user });
    const lines = table([['Next', value]], 80);
    const all = lines.join('\n').split('\n');
    const at = all.findIndex((line) => line.includes('mfa-onboard'));
    expect(all[at]!.trim()).toBe(command);
    expect(all[at]!.indexOf('mfa-onboard')).toBeGreaterThan(2);
  });

  it('the summary\'s commands (Try it, Every day) stand on lines of their own under their labels, however long', () => {
    const command = 'aws sts get-caller-identity --profile alice-mfa --endpoint-url http://127.0.0.1:46755';
    for (const lang of LANGUAGES) {
      const lines = table([[catalogs[lang]['summary.device'], 'arn:aws:iam::123456789012:mfa/alice'], [catalogs[lang]['summary.next'], command, 'command']], 80).join('\n').split('\n');
      expect(lines).toContain(`    ${command}`);
      expect(lines).toContain(`  ${catalogs[lang]['summary.next']}`);
    }
  });

  it('quotes what a shell would split', () => {
    expect(shellLine(['mfa-onboard', 'batch', 'my users.csv', "o'brien", '--profile', 'admin'])).toBe(`mfa-onboard batch 'my users.csv' 'o'\\''brien' --profile admin`);
  });
});

describe('the batch\'s final table', () => {
  it.each(LANGUAGES)('%s: an error that gives a command keeps to its row (or block), and the command comes whole after the table', async (lang) => {
    const { report } = await import('../../src/wizard/batch/report.js');
    const { setLanguage } = await import('../../src/ui/messages/index.js');
    setLanguage(lang);
    try {
      const { out, text } = terminal();
      const command = 'mfa-onboard reset --profile admin --user bob --remove-serial arn:aws:iam::123456789012:mfa/bob';
      const error = format(catalogs[lang]['admin.alreadyEnrolled'], { user: 'bob', count: 1, serial: 'arn:aws:iam::123456789012:mfa/bob', since: '2026-12-01', command });
      await expect(report([{ user: 'alice', status: 'done', serialNumber: 'arn:aws:iam::123456789012:mfa/alice', enabledAt: '2026-12-07', sessionVerified: true }, { user: 'bob', status: 'failed', error }], {}, { out, writer: { write: async () => undefined } } as never)).rejects.toThrow();
      const lines = text().split('\n');
      // bob's row, or at 80 columns his block, starts once (the table fits the terminal).
      const bob = lines.filter((line) => /^ {2}bob( |$)/.test(line));
      expect(bob).toHaveLength(1);
      expect(lines).toContain(`    ${command}`);
    } finally {
      setLanguage('en');
    }
  });
});

describe('a command for a hire\'s own computer reaches the IAM and STS this run reached', () => {
  const URL = 'http://127.0.0.1:45123';
  it.each([
    ['real AWS: nothing set', undefined, {}, 'mfa-onboard FILE'],
    ['--endpoint-url', URL, {}, `mfa-onboard FILE --endpoint-url ${URL}`],
    ['AWS_ENDPOINT_URL, which her computer does not have', undefined, { AWS_ENDPOINT_URL: URL }, `mfa-onboard FILE --endpoint-url ${URL}`],
    ['the flag over the variable, as the SDK takes them', URL, { AWS_ENDPOINT_URL: 'http://127.0.0.1:1' }, `mfa-onboard FILE --endpoint-url ${URL}`],
    ['the service variables, the same URL', undefined, { AWS_ENDPOINT_URL_IAM: URL, AWS_ENDPOINT_URL_STS: URL }, `mfa-onboard FILE --endpoint-url ${URL}`],
    ['a service variable over AWS_ENDPOINT_URL: two places', undefined, { AWS_ENDPOINT_URL: URL, AWS_ENDPOINT_URL_STS: 'http://127.0.0.1:2' }, `AWS_ENDPOINT_URL_IAM=${URL} AWS_ENDPOINT_URL_STS=http://127.0.0.1:2 mfa-onboard FILE`],
    ['IAM elsewhere, STS AWS\'s own', undefined, { AWS_ENDPOINT_URL_IAM: URL }, `AWS_ENDPOINT_URL_IAM=${URL} mfa-onboard FILE`],
    ['the variables turned off', undefined, { AWS_ENDPOINT_URL: URL, AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'True' }, 'mfa-onboard FILE'],
  ] as const)('%s', (_label, flag, env, line) => {
    expect(lineReaching(['mfa-onboard', 'FILE'], endpointsInUse(flag, env))).toBe(line);
  });
});
