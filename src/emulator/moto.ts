import { spawn, type ChildProcess } from 'node:child_process';
import { UserError } from '../errors.js';

/** A moto server (the AWS emulator) on a loopback port, for the demo and the tests. */
export interface Moto {
  url: string;
  /** Forgets every user, key and device (POST /moto-api/reset). */
  reset(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts `python3 -m moto.server` on a loopback port it picks itself (-p 0: a port found free
 * first and handed over could be taken in between, by another server or a connection's own
 * end, and moto then refused to start) and waits until it answers.
 */
export async function startMoto(options: { env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): Promise<Moto> {
  const child: ChildProcess = spawn('python3', ['-m', 'moto.server', '-H', '127.0.0.1', '-p', '0'], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, ...options.env },
  });
  let stderr = '';
  let url: string | undefined;
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
    // Werkzeug, which serves moto, says where: " * Running on http://127.0.0.1:PORT".
    url ??= /Running on (http:\/\/127\.0\.0\.1:\d+)/.exec(stderr)?.[1];
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  child.once('error', () => undefined);
  // A second Ctrl-C exits at once, past every finally: moto must not outlive us then either.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  void exited.then(() => process.removeListener('exit', killOnExit));
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new UserError('moto.failed', { reason: stderr.trim().split('\n').pop() ?? 'exited' });
    }
    try {
      if (url !== undefined && (await fetch(`${url}/moto-api/`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new UserError('moto.failed', { reason: 'did not answer in time' });
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    reset: async () => {
      await fetch(`${url}/moto-api/reset`, { method: 'POST' });
    },
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
      await exited;
      clearTimeout(timer);
    },
  };
}
