#!/usr/bin/env node
// The launcher, built as a small CommonJS file (Node starts one faster than an ES module).
// What it loads is built apart (scripts/build.mjs): fast-session.js, session-reused.js and the
// whole CLI, main.mjs; the paths are written out so that a bundler (Bun, for the standalone
// executable) follows them.
// `session --credential-process` / `--export` hand over a saved session from a CommonJS file
// of their own (fast-session.ts) at Node's own start-up speed; anything else, or anything
// that path does not settle, loads the whole CLI (main.ts).
// NOTE: set before the SDK loads (it is imported lazily, on first use); its Node-version
// notice is for us, not for the person onboarding.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

import pkg from '../package.json' with { type: 'json' };

import { writeSync } from 'node:fs';
import { isatty } from 'node:tty';

/**
 * Output on file descriptor `fd` for the fast path: a terminal gets Node's stream (its width),
 * anything else is written at once, with no stream set up (that costs start-up time). A reader
 * gone (EPIPE) is ignored, as the whole CLI ignores it; a full pipe hands the rest to the stream.
 */
function direct(fd: 1 | 2) {
  const stream = () => (fd === 1 ? process.stdout : process.stderr).on('error', () => undefined);
  if (isatty(fd)) return stream();
  return {
    write(text: string) {
      const bytes = Buffer.from(text);
      let done = 0;
      try {
        while (done < bytes.length) done += writeSync(fd, bytes, done);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EAGAIN') stream().write(bytes.subarray(done));
      }
    },
  };
}

const argv = process.argv.slice(2);
/** `--version` alone, as the whole CLI prints it: scripts and installers ask it often. */
const versionOnly = argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V');
if (versionOnly) direct(1).write(`${pkg.version}\n`);
const code: number | undefined = versionOnly
  ? 0
  : argv[0] === 'session'
    ? (require('./fast-session.js') as typeof import('./fast-session.js')).fastSession(argv, {
        env: process.env,
        stdout: direct(1),
        stderr: direct(2),
        now: Date.now(),
        said: () => (require('./session-reused.js') as typeof import('./session-reused.js')).sayReused,
      })
    : undefined;
if (code !== undefined) process.exitCode = code;
else void import('./main.js');
