import type { Flags } from '../cli.js';
import { DEFAULT_SESSION_SECONDS, parseDuration } from '../wizard/duration.js';
import type { SetupOptions } from '../wizard/context.js';

/** Command-line flags (and the AWS_* variables the CLI honours) → the wizard's options. */
export function setupOptions(flags: Flags, csvPath: string | undefined, env: NodeJS.ProcessEnv): SetupOptions {
  return {
    ...(csvPath !== undefined ? { csvPath } : {}),
    ...(flags.profile !== undefined ? { profile: flags.profile } : {}),
    ...(env.AWS_PROFILE ? { envProfile: env.AWS_PROFILE } : {}),
    ...(flags['session-profile'] !== undefined ? { sessionProfile: flags['session-profile'] } : {}),
    ...(flags.user !== undefined ? { user: flags.user } : {}),
    ...(flags['device-name'] !== undefined ? { deviceName: flags['device-name'] } : {}),
    ...(flags.region !== undefined ? { region: flags.region } : {}),
    ...(env.AWS_REGION || env.AWS_DEFAULT_REGION ? { envRegion: env.AWS_REGION || env.AWS_DEFAULT_REGION } : {}),
    durationSeconds: flags.duration !== undefined ? parseDuration(flags.duration) : DEFAULT_SESSION_SECONDS,
    showSecret: Boolean(flags['show-secret']),
    ...(flags['qr-png'] !== undefined ? { qrPng: flags['qr-png'] } : {}),
    replaceProfile: Boolean(flags['replace-profile']),
    ...(flags['delete-csv'] ? { deleteCsv: true } : flags['keep-csv'] ? { deleteCsv: false } : {}),
    ...(flags['allow-clock-drift'] ? { allowClockDrift: true } : {}),
    yes: Boolean(flags.yes),
  };
}
