import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A throwaway HOME with the AWS file variables pointing into it: never the real ~/.aws. */
export interface Sandbox {
  dir: string;
  home: string;
  credentialsFile: string;
  configFile: string;
  env: NodeJS.ProcessEnv;
  write(name: string, content: string): Promise<string>;
  cleanup(): Promise<void>;
}

export async function makeSandbox(endpoint?: string): Promise<Sandbox> {
  const dir = await fs.mkdtemp(join(tmpdir(), 'mfa-onboard-test-'));
  const home = join(dir, 'home');
  await fs.mkdir(home);
  const credentialsFile = join(home, '.aws', 'credentials');
  const configFile = join(home, '.aws', 'config');
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: home,
    LANG: 'C.UTF-8',
    AWS_SHARED_CREDENTIALS_FILE: credentialsFile,
    AWS_CONFIG_FILE: configFile,
    AWS_EC2_METADATA_DISABLED: 'true',
    ...(endpoint ? { AWS_ENDPOINT_URL: endpoint } : {}),
    // A run under libfaketime (the time-of-day checks) shifts the CLI's clock as well as the
    // tests', and a zone set for the run (TZ) is the CLI's too: what it says of times is
    // compared with what the tests compute in their own zone.
    ...Object.fromEntries(Object.entries(process.env).filter(([name]) => name === 'LD_PRELOAD' || name === 'TZ' || name.startsWith('FAKETIME'))),
  };
  return {
    dir,
    home,
    credentialsFile,
    configFile,
    env,
    async write(name, content) {
      const path = join(dir, name);
      await fs.writeFile(path, content, { mode: 0o600 });
      return path;
    },
    cleanup: () => fs.rm(dir, { recursive: true, force: true }),
  };
}

/**
 * Whether a file is gone within `ms`: a run's clean-up after a closed terminal takes the
 * device first and its PNG after it, so a test that saw the device go waits for the file too.
 */
export async function goneWithin(path: string, ms = 10_000): Promise<boolean> {
  const deadline = Date.now() + ms;
  for (;;) {
    if (!(await fs.stat(path).then(() => true, () => false))) return true;
    if (Date.now() >= deadline) return false;
    await new Promise((r) => setTimeout(r, 50));
  }
}
