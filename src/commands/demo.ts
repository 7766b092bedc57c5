import { spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Flags } from '../cli.js';
import { createWizardDeps, type Runtime } from '../deps.js';
import { startMoto } from '../emulator/moto.js';
import { UserError } from '../errors.js';
import { t } from '../ui/messages/index.js';
import type { Output } from '../ui/output.js';
import { setupOptions } from './options.js';
import { runSetup } from './setup.js';

const DEMO_USER = 'alice';
const AWS_VARIABLES = /^AWS_/;

/** Creates the demo user and key in the emulator and writes the CSV as the console does. */
async function prepareDemoUser(endpoint: string, dir: string): Promise<string> {
  const { IAMClient, CreateUserCommand, CreateAccessKeyCommand } = await import('@aws-sdk/client-iam');
  // moto accepts any key from an admin; these never leave the emulator.
  const iam = new IAMClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIADEMOADMIN0000000', secretAccessKey: 'demo'.repeat(10) },
  });
  await iam.send(new CreateUserCommand({ UserName: DEMO_USER }));
  const key = (await iam.send(new CreateAccessKeyCommand({ UserName: DEMO_USER }))).AccessKey!;
  const csvPath = join(dir, `${DEMO_USER}_accessKeys.csv`);
  const csv = `\uFEFFAccess key ID,Secret access key\r\n${key.AccessKeyId},${key.SecretAccessKey}\r\n`;
  await fs.writeFile(csvPath, csv, { mode: 0o600 });
  return csvPath;
}

/**
 * `mfa-onboard demo`: the real wizard against a local AWS emulator, in a throwaway HOME.
 * The real ~/.aws is never read or written; everything started is stopped at the end.
 */
export async function runDemo(flags: Flags, runtime: Runtime, out: Output): Promise<void> {
  if (spawnSync('python3', ['-c', 'import moto.server'], { stdio: 'ignore' }).status !== 0) {
    throw new UserError('demo.noMoto');
  }
  const dir = await fs.mkdtemp(join(tmpdir(), 'mfa-onboard-demo-'));
  const home = join(dir, 'home');
  await fs.mkdir(home, { mode: 0o700 });
  out.heading(t('demo.heading'));
  out.info(t('demo.starting'));
  const moto = await startMoto();
  try {
    // The demo's world: a fresh HOME, no AWS settings of the person's leaking in.
    const env: NodeJS.ProcessEnv = Object.fromEntries(
      Object.entries(runtime.env).filter(([name]) => !AWS_VARIABLES.test(name)),
    );
    Object.assign(env, {
      HOME: home,
      AWS_SHARED_CREDENTIALS_FILE: join(home, '.aws', 'credentials'),
      AWS_CONFIG_FILE: join(home, '.aws', 'config'),
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    });
    // The SDK reads process.env itself (config files, endpoints): point it at the demo too.
    const saved = { ...process.env };
    for (const name of Object.keys(process.env)) if (AWS_VARIABLES.test(name)) delete process.env[name];
    Object.assign(process.env, env);
    try {
      const csvPath = await prepareDemoUser(moto.url, dir);
      out.info(t('demo.ready', { url: moto.url, home, csv: csvPath }));
      const demoRuntime = { ...runtime, env };
      const deps = createWizardDeps(demoRuntime, out, {
        yes: Boolean(flags.yes),
        codesFromStdin: Boolean(flags['codes-from-stdin']),
        endpoint: moto.url,
      });
      await runSetup(setupOptions({ ...flags, profile: flags.profile }, csvPath, env), deps, moto.url);
      out.info(t('demo.identityNote'));
    } finally {
      for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name];
      Object.assign(process.env, saved);
    }
  } finally {
    await moto.stop();
    if (flags.keep) out.info(t('demo.kept', { dir }));
    else await fs.rm(dir, { recursive: true, force: true });
    out.info(t('demo.stopped'));
  }
}
