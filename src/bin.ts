#!/usr/bin/env node
// The launcher, built as one small CommonJS file (Node starts one faster than an ES module).
// `--version` is answered here; help (help.js) and `session --credential-process` /
// `--export` with a valid saved session (fast-session.js) are run from files built beside it,
// with the code cache the build made for them, at Node's own start-up speed; anything else,
// or anything the fast path does not settle, loads the whole CLI (main.ts). What it loads is
// built apart (scripts/build.mjs), their paths written out so that a bundler (Bun, for the
// standalone executable) follows them.
// NOTE: set before the SDK loads (it is imported lazily, on first use); its Node-version
// notice is for us, not for the person onboarding.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

import pkg from '../package.json' with { type: 'json' };

import { fstatSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { Script } from 'node:vm';
import { helpRequest } from './help-request.js';

/** Where the fast path writes: a terminal's stream, or a file descriptor written at once. */
interface Direct {
  write(text: string): unknown;
  readonly isTTY?: boolean;
  readonly columns?: number;
  readonly rows?: number;
}

/**
 * Output on file descriptor `fd` for the fast path, settled on first use (a run that writes
 * nothing on stderr never asks what it is): a terminal gets Node's stream (its width), anything
 * else is written at once, with no stream set up (that costs start-up time). A reader gone
 * (EPIPE) is ignored, as the whole CLI ignores it; a full pipe hands the rest to the stream.
 */
function direct(fd: 1 | 2): Direct {
  let settled: Direct | undefined;
  const target = () => (settled ??= settle(fd));
  return {
    write: (text) => target().write(text),
    get isTTY() {
      return target().isTTY;
    },
    get columns() {
      return target().columns;
    },
    get rows() {
      return target().rows;
    },
  };
}

function settle(fd: 1 | 2): Direct {
  const stream = () => (fd === 1 ? process.stdout : process.stderr).on('error', () => undefined);
  // NOTE: node:tty loads net and the streams, a third more modules than Node starts with: only
  // a character device (a terminal, or /dev/null) can be a terminal.
  const device = (() => {
    try {
      return fstatSync(fd).isCharacterDevice();
    } catch {
      return false;
    }
  })();
  if (device && (require('node:tty') as typeof import('node:tty')).isatty(fd)) return stream();
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

/** Defined (true) only by the release build that compiles the standalone executable with Bun. */
declare const __MFA_ONBOARD_STANDALONE__: boolean | undefined;
/** The V8 version of the Node that built dist/ and made its code caches (scripts/build.mjs). */
declare const __MFA_ONBOARD_CODE_CACHE_V8__: string | undefined;

/** The files run with a code cache, for the build to write theirs (MFA_ONBOARD_WRITE_CODE_CACHE). */
const cachedScripts: { file: string; script: Script }[] = [];

/**
 * Runs `name`, a CommonJS file built beside the launcher, with the V8 code cache the build made
 * for it (`name.cache`, written by running the paths it serves): its functions are read, not
 * parsed and compiled again, which is most of what a file costs a start-up. Only where this
 * Node's V8 made the cache (every Node 20 has V8 11.3); V8 itself refuses one made under other
 * flags, and the file is then compiled as usual. Elsewhere, and in the standalone executable
 * (whose bundler follows `plain`), the file is required as usual.
 */
function load<T>(name: string, plain: () => T): T {
  const cachedHere =
    typeof __MFA_ONBOARD_STANDALONE__ === 'undefined' && typeof __MFA_ONBOARD_CODE_CACHE_V8__ !== 'undefined' && process.versions.v8 === __MFA_ONBOARD_CODE_CACHE_V8__;
  if (!cachedHere) return plain();
  const file = join(__dirname, name);
  let source: string;
  let cachedData: Buffer | undefined;
  try {
    source = readFileSync(file, 'utf8');
  } catch {
    return plain();
  }
  try {
    cachedData = readFileSync(`${file}.cache`);
  } catch {
    // The build makes the caches by running this with none yet.
    if (!process.env.MFA_ONBOARD_WRITE_CODE_CACHE) return plain();
  }
  const { Script } = require('node:vm') as typeof import('node:vm');
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: file, cachedData });
  if (process.env.MFA_ONBOARD_WRITE_CODE_CACHE) {
    if (script.cachedDataRejected) throw new Error(`V8 refused ${file}.cache, made by this build`);
    cachedScripts.push({ file, script });
  }
  const module = { exports: {} as T };
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, require, module, file, __dirname);
  return module.exports;
}
// NOTE: for scripts/build.mjs only, which runs the paths once each to make the caches.
if (process.env.MFA_ONBOARD_WRITE_CODE_CACHE) {
  process.on('exit', () => {
    for (const { file, script } of cachedScripts) writeFileSync(`${file}.cache`, script.createCachedData());
  });
}

const argv = process.argv.slice(2);
/**
 * `--version` alone, as the whole CLI prints it: scripts and installers ask it often. (The
 * standalone executable's names Bun beside it, in the run's language: the whole CLI says that.)
 */
const versionOnly = typeof __MFA_ONBOARD_STANDALONE__ === 'undefined' && argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V');
if (versionOnly) direct(1).write(`${pkg.version}\n`);
/** The process for printing help: the same direct output; stdin only if asked for (it is not). */
const helpRuntime = (): Parameters<typeof import('./cli.js').main>[1] => ({
  env: process.env,
  get stdin() {
    return process.stdin;
  },
  // NOTE: help only writes (and reads a terminal's width, which direct() keeps).
  stdout: direct(1) as NodeJS.WriteStream,
  stderr: direct(2) as NodeJS.WriteStream,
  // Help is never stopped: no AbortController (a module Node does not start with) unless asked.
  get signal() {
    return new AbortController().signal;
  },
});
const code: number | undefined = versionOnly
  ? 0
  : helpRequest(argv)
    ? (load('help.js', () => require('./help.js') as typeof import('./cli.js'))
        .main(argv, helpRuntime())
        .then((exit) => (process.exitCode = exit)),
      0)
    : argv[0] === 'session'
      ? load('fast-session.js', () => require('./fast-session.js') as typeof import('./fast-session.js')).fastSession(argv, {
          env: process.env,
          stdout: direct(1),
          stderr: direct(2),
          now: Date.now(),
          // What --export says is built apart: credential_process never loads it.
          said: () => load('session-reused.js', () => require('./session-reused.js') as typeof import('./session-reused.js')).sayReused,
        })
      : undefined;
if (code !== undefined) process.exitCode = code;
else void import('./main.js');
