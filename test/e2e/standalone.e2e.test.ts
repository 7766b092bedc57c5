import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { CreateVirtualMFADeviceCommand, EnableMFADeviceCommand } from '@aws-sdk/client-iam';
import { afterEach, describe, expect, it } from 'vitest';
import pkg from '../../package.json' with { type: 'json' };
import { CLI, CLI_LINE } from '../helpers/built.js';
import { adminIam, createUserWithKey } from '../helpers/moto.js';
import { Screen } from '../helpers/screen.js';
import { useMotoWorld } from '../helpers/world.js';

const run = promisify(execFile);
const standalone = Boolean(process.env.MFA_ONBOARD_BIN);

/**
 * What the standalone executable (Bun) is known to get wrong elsewhere, checked on whichever
 * CLI is under test (dist/bin.js on Node, or MFA_ONBOARD_BIN's executable: npm run
 * release:check). The rest of the e2e project covers raw mode across the QR screen's keys
 * and prompts (qr.e2e), the embedded emulator's shutdown with keep-alive connections (the
 * demo stories in setup.e2e) and closed terminals (signals.e2e).
 */
describe('the CLI as shipped', () => {
  const world = useMotoWorld();
  let screen: Screen | undefined;
  afterEach(() => screen?.kill());

  it(`--version says the version${standalone ? ', and that this is the standalone executable' : ''}`, async () => {
    const { stdout } = await run(CLI[0], [...CLI.slice(1), '--version']);
    if (standalone) expect(stdout).toMatch(new RegExp(`^${pkg.version.replaceAll('.', '\\.')} \\(standalone executable, Bun \\d+\\.\\d+\\.\\d+\\)\\n$`));
    else expect(stdout).toBe(`${pkg.version}\n`);
  });

  /** alice with keys and an enabled device, no saved session: `session` will ask for a code. */
  async function aliceWithDevice() {
    const key = await createUserWithKey(world.moto, 'alice');
    await fs.mkdir(join(world.box.home, '.aws'), { mode: 0o700 });
    await fs.writeFile(world.box.credentialsFile, `[alice]\naws_access_key_id = ${key.accessKeyId}\naws_secret_access_key = ${key.secretAccessKey}\n`, { mode: 0o600 });
    const iam = adminIam(world.moto);
    const device = (await iam.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: 'alice' }))).VirtualMFADevice!;
    await iam.send(new EnableMFADeviceCommand({ UserName: 'alice', SerialNumber: device.SerialNumber, AuthenticationCode1: '111111', AuthenticationCode2: '222222' }));
    await fs.writeFile(world.box.configFile, `[profile alice]\nregion = us-east-1\nmfa_serial = ${device.SerialNumber}\n`);
    return device.SerialNumber!;
  }

  // The code prompt of --credential-process reads /dev/tty, opened on a descriptor of its own
  // (stdin and stdout belong to the AWS tool): stopped there, the terminal must be given back
  // as it was (line mode, echo), or the person's shell is left unusable.
  it.each(['Ctrl-C', 'SIGTERM', 'SIGHUP'] as const)(
    'credential_process stopped by %s at the code prompt on /dev/tty: exit 2, the terminal back in line mode with echo',
    async (how) => {
      const serial = await aliceWithDevice();
      // The shell ignores SIGINT: a Ctrl-C that reaches the terminal before the prompt's raw
      // mode would otherwise stop it before it reports (a loaded machine showed this).
      const script =
        `trap '' INT; ${CLI_LINE} session --profile alice --credential-process --endpoint-url ${world.moto.url} </dev/null >out.json & ` +
        `echo "pid=$!"; wait $!; echo "exit=$?"; stty -a; echo end-of-check`;
      screen = new Screen([], world.box.env, { cols: 120, rows: 40 }, undefined, { file: '/bin/sh', args: ['-c', script] });
      const at = await screen.waitFor(`MFA code for ${serial}`);
      // A person's reaction: a moment after the prompt appears.
      await new Promise((r) => setTimeout(r, 300));
      if (how === 'Ctrl-C') screen.interrupt();
      else process.kill(Number(/pid=(\d+)/.exec(screen.plain())![1]), how);
      await screen.waitFor('end-of-check', at);
      const text = screen.plain();
      expect(text).toMatch(/exit=2\b/);
      const modes = text.slice(text.indexOf('exit=')).split(/\s+/);
      expect(modes).toContain('icanon');
      expect(modes).toContain('echo');
      expect(modes).toContain('icrnl');
      expect(await fs.readFile(join(world.box.home, 'out.json'), 'utf8')).toBe('');
    },
    60_000,
  );
});
