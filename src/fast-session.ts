/**
 * `session --credential-process` and `session --export SHELL` with a valid saved session, at
 * Node's own start-up speed: the AWS CLI runs the first on every command, shells the second
 * at every start. Read the two files, decide by the one reuse rule (wizard/reuse.ts), print.
 * Built as a file of its own (dist/fast-session.js), which the launcher runs with its code
 * cache; anything it does not settle (no saved session, one to renew, an odd file, an error to
 * report) goes to the whole CLI, which decides again and words the outcome as always.
 */
import { readFileSync } from 'node:fs';
import { checkEndpoints } from './aws/endpoint.js';
import { SESSION_MARKER } from './commands/flags.js';
import { plainFlags } from './commands/plain-flags.js';
import { session } from './commands/session.flags.js';
import type { SessionOptions } from './commands/session.js';
import { credentialProcessJson, exportLines, printableSession } from './credentials/export.js';
import { awsFiles } from './credentials/paths.js';
import { readSavedSession } from './credentials/profiles.js';
import { sessionProfilesOf } from './wizard/resolve-profiles.js';
import type { sayReused } from './session-reused.js';
import { reuseVerdict } from './wizard/reuse.js';

interface Stream {
  write(chunk: string): unknown;
  isTTY?: boolean;
  columns?: number;
  rows?: number;
}

/** The process as the fast path sees it; `said` loads what `--export` says (the catalogs), only then. */
export interface FastRuntime {
  env: NodeJS.ProcessEnv;
  stdout: Stream;
  stderr: Stream;
  now: number;
  said: () => typeof sayReused;
}

/** A file's text, '' when there is none; undefined when it cannot be read (the whole CLI says why). */
function read(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? '' : undefined;
  }
}

/** The command line as `session` reads it, or undefined for anything the fast path leaves alone. */
function optionsOf(argv: string[], env: NodeJS.ProcessEnv): { options: SessionOptions; lang: string | undefined } | undefined {
  // Inside a session run, a credential_process that runs us again is the whole CLI's to refuse.
  if (argv[0] !== 'session' || env[SESSION_MARKER]) return undefined;
  try {
    const values = plainFlags(argv.slice(1), session.flags);
    if (!values || values.help || values.version || values.force) return undefined;
    checkEndpoints(values['endpoint-url'], env);
    const options = session.options(values, [], env);
    if (!options.credentialProcess && !options.exportShell) return undefined;
    // --lang is checked against the catalogs, which only --export loads (for what it says).
    if (options.credentialProcess && values.lang !== undefined) return undefined;
    return { options, lang: values.lang };
  } catch {
    return undefined;
  }
}

/**
 * Hands over the saved session when the reuse rule says so and returns the exit code (0);
 * returns undefined, having printed nothing, when the whole CLI must run instead.
 */
export function fastSession(argv: string[], runtime: FastRuntime): number | undefined {
  const { env, stdout, now } = runtime;
  const parsed = optionsOf(argv, env);
  if (!parsed) return undefined;
  const { options } = parsed;
  // Secrets are never printed onto a terminal: the whole CLI says how to run it instead.
  if (stdout.isTTY) return undefined;
  const files = awsFiles(env);
  const credentials = read(files.credentialsFile);
  const config = read(files.configFile);
  if (credentials === undefined || config === undefined) return undefined;
  let profiles;
  try {
    profiles = sessionProfilesOf(options, credentials, config);
  } catch {
    return undefined;
  }
  const wanted = { sourceProfile: profiles.longTerm, roleArn: profiles.role?.roleArn, serial: options.mfaSerial };
  const verdict = reuseVerdict(readSavedSession(credentials, profiles.session), wanted, options, now);
  const saved = verdict.reuse ? verdict.saved : undefined;
  if (!saved || !printableSession(saved)) return undefined;
  if (options.exportShell) {
    const out = runtime.said()(saved, profiles.session, { ...runtime, lang: parsed.lang });
    if (!out) return undefined;
    out.secretData(exportLines(options.exportShell, saved, profiles.sessionRegion));
  } else stdout.write(`${credentialProcessJson(saved)}\n`);
  return 0;
}
