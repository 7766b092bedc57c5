#!/usr/bin/env node
// The launcher, built as one small CommonJS file (Node starts one faster than an ES module).
// `--version`, and `session --credential-process` / `--export` with a valid saved session
// (fast-session.ts, bundled in), are answered here at Node's own start-up speed; anything
// else, or anything that path does not settle, loads the whole CLI (main.ts). What it loads is
// built apart (scripts/build.mjs): main.mjs, help.js and the width tables, their paths written
// out so that a bundler (Bun, for the standalone executable) follows them.
// NOTE: set before the SDK loads (it is imported lazily, on first use); its Node-version
// notice is for us, not for the person onboarding.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

import pkg from '../package.json' with { type: 'json' };

import { fstatSync, writeSync } from 'node:fs';
import { fastSession } from './fast-session.js';
import { sayReused } from './session-reused.js';

/**
 * Output on file descriptor `fd` for the fast path: a terminal gets Node's stream (its width),
 * anything else is written at once, with no stream set up (that costs start-up time). A reader
 * gone (EPIPE) is ignored, as the whole CLI ignores it; a full pipe hands the rest to the stream.
 */
function direct(fd: 1 | 2) {
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

const argv = process.argv.slice(2);
/** Defined (true) only by the release build that compiles the standalone executable with Bun. */
declare const __MFA_ONBOARD_STANDALONE__: boolean | undefined;
/**
 * `--version` alone, as the whole CLI prints it: scripts and installers ask it often. (The
 * standalone executable's names Bun beside it, in the run's language: the whole CLI says that.)
 */
const versionOnly = typeof __MFA_ONBOARD_STANDALONE__ === 'undefined' && argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V');
if (versionOnly) direct(1).write(`${pkg.version}\n`);
/**
 * A help request and nothing else (`--help`, `COMMAND --help`, `help [COMMAND]`, with or
 * without `--lang L`): the CLI's main from help.js, which has no command's code to load.
 */
function helpOnly(words: string[]): boolean {
  const rest = [...words];
  const lang = rest.findIndex((word) => word === '--lang' || word.startsWith('--lang='));
  if (lang >= 0) rest.splice(lang, rest[lang] === '--lang' ? 2 : 1);
  const [first, second, ...more] = rest;
  const flag = (word: string | undefined) => word === '--help' || word === '-h';
  const name = (word: string | undefined) => word !== undefined && /^[a-z][a-z-]*$/.test(word);
  if (more.length > 0) return false;
  return (flag(first) && second === undefined) || (name(first) && (flag(second) || (first === 'help' && (second === undefined || name(second)))));
}

/** The process for printing help: the same direct output; stdin only if asked for (it is not). */
const helpRuntime = (): Parameters<typeof import('./cli.js').main>[1] => ({
  env: process.env,
  get stdin() {
    return process.stdin;
  },
  // NOTE: help only writes (and reads a terminal's width, which direct() keeps).
  stdout: direct(1) as NodeJS.WriteStream,
  stderr: direct(2) as NodeJS.WriteStream,
  signal: new AbortController().signal,
});
const code: number | undefined = versionOnly
  ? 0
  : helpOnly(argv)
    ? ((require('./help.js') as typeof import('./cli.js')).main(argv, helpRuntime()).then((exit) => (process.exitCode = exit)), 0)
    : argv[0] === 'session'
    ? fastSession(argv, {
        env: process.env,
        stdout: direct(1),
        stderr: direct(2),
        now: Date.now(),
        said: () => sayReused,
      })
    : undefined;
if (code !== undefined) process.exitCode = code;
else void import('./main.js');
