import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { CommandContext } from '../deps.js';
import type { EmbeddedEmulator } from '../emulator/embedded/server.js';
import { UserError } from '../errors.js';
import { t } from '../ui/messages/index.js';
import { rehearsedFaults, startRehearsal } from './embedded.js';
import type { Rehearsal } from './flags.js';
import { removeFolder } from './remove-folder.js';

export interface EmulatorOptions {
  /** The loopback port (default: a free one). */
  port?: number;
  /** Where the administrator's files go (default: a new temporary folder, removed at the end). */
  dir?: string;
  rehearsal: Rehearsal;
}

/** The files the emulator writes for its ready administrator, by name. */
const ADMIN_FILES = { csv: 'admin_accessKeys.csv', credentials: 'credentials', config: 'config' } as const;
/** The administrator's profile in those files, and the region they name (IAM's home). */
export const ADMIN_PROFILE = 'admin';
const REGION = 'us-east-1';

/** The ready administrator's key as `aws configure` leaves it: profile admin in a credentials and a config file. */
export function adminProfileFiles(admin: EmbeddedEmulator['admin']): { credentials: string; config: string } {
  return {
    credentials: `[${ADMIN_PROFILE}]\naws_access_key_id = ${admin.accessKeyId}\naws_secret_access_key = ${admin.secretAccessKey}\n`,
    config: `[profile ${ADMIN_PROFILE}]\nregion = ${REGION}\n`,
  };
}

/** Starts the emulator; a port someone else holds (or may not be had) is said in one paragraph. */
async function listen(options: EmulatorOptions, context: CommandContext): Promise<EmbeddedEmulator> {
  const faults = rehearsedFaults(options.rehearsal);
  try {
    return await startRehearsal(options.rehearsal, faults, context.runtime, context.out, options.port);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new UserError('emulator.portInUse', { port: options.port ?? 0 }, { cause: error });
    if (code === 'EACCES') throw new UserError('emulator.portDenied', { port: options.port ?? 0 }, { cause: error });
    throw error;
  }
}

/** Where the administrator's files go, whether it is ours to remove at the end, and whether this run made it. */
interface Place {
  dir: string;
  temporary: boolean;
  made: boolean;
}

/**
 * The folder for the administrator's files: --dir (made if missing, in a folder that exists;
 * never emptied), else a new temporary one that goes when the emulator stops.
 */
async function folder(dir: string | undefined): Promise<Place> {
  if (dir === undefined) return { dir: await fs.mkdtemp(join(tmpdir(), 'mfa-onboard-emulator-')), temporary: true, made: true };
  try {
    // NOTE: not recursive: Node 20's recursive mkdir never returns for a path under /proc.
    await fs.mkdir(dir, { mode: 0o700 });
    return { dir: resolve(dir), temporary: false, made: true };
  } catch (error) {
    const there = (error as NodeJS.ErrnoException).code === 'EEXIST' && (await fs.stat(dir).catch(() => undefined))?.isDirectory();
    if (!there) throw new UserError('emulator.badDir', { dir, reason: (error as Error).message }, { cause: error });
    return { dir: resolve(dir), temporary: false, made: false };
  }
}

/**
 * Writes the ready administrator's key: the console's per-key CSV, and the same key imported
 * as profile admin into a credentials and config file of the rehearsal's own (mode 0600;
 * never over a file that is there).
 */
async function writeAdminFiles(dir: string, admin: EmbeddedEmulator['admin']): Promise<Record<keyof typeof ADMIN_FILES, string>> {
  const paths = {
    csv: join(dir, ADMIN_FILES.csv),
    credentials: join(dir, ADMIN_FILES.credentials),
    config: join(dir, ADMIN_FILES.config),
  };
  const contents = {
    csv: `Access key ID,Secret access key\r\n${admin.accessKeyId},${admin.secretAccessKey}\r\n`,
    ...adminProfileFiles(admin),
  };
  const written: string[] = [];
  try {
    for (const name of ['csv', 'credentials', 'config'] as const) {
      await fs.writeFile(paths[name], contents[name], { mode: 0o600, flag: 'wx' });
      written.push(paths[name]);
    }
  } catch (error) {
    // Nothing half-made: what this run wrote goes again.
    await Promise.all(written.map((path) => fs.rm(path, { force: true })));
    const code = (error as NodeJS.ErrnoException).code;
    const path = (error as NodeJS.ErrnoException).path ?? dir;
    if (code === 'EEXIST') throw new UserError('emulator.fileExists', { path }, { cause: error });
    throw new UserError('emulator.badDir', { dir, reason: (error as Error).message }, { cause: error });
  }
  return paths;
}

/** `text` as one word of sh (and of fish): single-quoted when it needs to be. */
function shellWord(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

/**
 * The shell lines that point another terminal at the emulator (endpoint, region, the
 * rehearsal's own files, short enough not to wrap at 80 columns), then a first call of the
 * aws CLI and of ours as the administrator.
 */
function firstCommands(url: string, dir: string): string {
  return [
    `export AWS_ENDPOINT_URL=${url}`,
    `export AWS_REGION=${REGION} AWS_DEFAULT_REGION=${REGION}`,
    `export EMULATOR_DIR=${shellWord(dir)}`,
    `export AWS_SHARED_CREDENTIALS_FILE="$EMULATOR_DIR/${ADMIN_FILES.credentials}"`,
    `export AWS_CONFIG_FILE="$EMULATOR_DIR/${ADMIN_FILES.config}"`,
    `aws iam list-users --profile ${ADMIN_PROFILE}`,
    `mfa-onboard policy --attach-group hires --create-group --profile ${ADMIN_PROFILE}`,
    `mfa-onboard admin create-user alice --group hires --profile ${ADMIN_PROFILE}`,
  ]
    .map((line) => `  ${line}`)
    .join('\n');
}

/** Resolves when the run is told to stop (Ctrl-C, SIGTERM, a closed terminal). */
function stopped(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) resolve();
    else signal.addEventListener('abort', () => resolve(), { once: true });
  });
}

/**
 * `mfa-onboard emulator`: the embedded IAM/STS on a loopback port until stopped, for the
 * aws CLI, our commands and scripts. The URL is the first line on stdout; the ready
 * administrator's key is written into the folder; everything else lives in memory.
 */
export async function runEmulator(options: EmulatorOptions, context: CommandContext): Promise<void> {
  const { out, runtime } = context;
  const emulator = await listen(options, context);
  let place: Place | undefined;
  let written = false;
  try {
    place = await folder(options.dir);
    out.addSecret(emulator.admin.secretAccessKey);
    const files = await writeAdminFiles(place.dir, emulator.admin);
    written = true;
    // For scripts: the first line on stdout, once the emulator answers and the key is written.
    out.data(emulator.url);
    out.info(t('emulator.ready', { url: emulator.url }));
    out.info(t('emulator.admin', { ...files, profile: ADMIN_PROFILE }));
    out.info(t(place.temporary ? 'emulator.temporaryDir' : 'emulator.ownDir', { dir: place.dir }));
    out.info(t('emulator.howTo', { commands: firstCommands(emulator.url, place.dir) }));
    await stopped(runtime.signal);
  } finally {
    await emulator.stop();
    const left = place?.temporary ? await removeFolder(place.dir) : undefined;
    // A --dir this run made for a start then refused goes again (it is empty).
    if (!place?.temporary && place?.made && !written) await fs.rmdir(place.dir).catch(() => undefined);
    // A start refused (its folder) needs no news of a stop: the error says it all.
    if (place && written) {
      out.info(t('emulator.stopped', { url: emulator.url }));
      if (left) out.warn(t('emulator.notRemovedDir', { dir: place.dir, code: left }));
      else out.info(t(place.temporary ? 'emulator.removedDir' : 'emulator.keptDir', { dir: place.dir }));
    }
  }
}
