import type { Aws, AwsFactory } from '../aws/client.js';
import type { Shell } from '../credentials/export.js';
import type { FileWriter } from '../credentials/files.js';
import type { AwsFiles } from '../credentials/paths.js';
import type { Clock } from '../totp/clock.js';
import type { CodeReader } from '../ui/codes.js';
import type { Output } from '../ui/output.js';
import type { Prompter } from '../ui/prompter.js';
import type { QrPaint } from '../ui/qr.js';

/** The answers given in advance on the command line (each answers one prompt). */
export interface SetupOptions {
  csvPath?: string;
  /** `--profile`: where to import the CSV, or the existing profile to use without one. */
  profile?: string;
  /** AWS_PROFILE: the existing profile to use when neither a CSV nor --profile is given. */
  envProfile?: string;
  sessionProfile?: string;
  /**
   * `--user`: the row of a CSV with several users; with an existing profile of someone else
   * (an administrator), the user that profile acts for.
   */
  user?: string;
  deviceName?: string;
  /** `--replace`: the user has a device and the old phone at hand; the new one replaces it. */
  replace: boolean;
  /** `--old-serial` (formerly `--serial`): the device a replacement retires, when the user has several. */
  oldSerial?: string;
  /** `--mfa-serial`: the device, enabled already (by an administrator), that this run picks up. */
  mfaSerial?: string;
  /** `--region`: written to the profile; also used for STS. */
  region?: string;
  /** AWS_REGION / AWS_DEFAULT_REGION, for the calls only. */
  envRegion?: string;
  durationSeconds: number;
  showSecret: boolean;
  qrPng?: string;
  replaceProfile: boolean;
  deleteCsv?: boolean;
  allowClockDrift?: boolean;
  /** Print lines that set the session in this shell at the end (stdout). */
  exportShell?: Shell;
  yes: boolean;
  /** The CSV's key was made moments ago (by a batch's --create): AWS may not know it for some seconds. */
  freshKey?: boolean;
}

/** The seams a step may use; each step picks only what it needs. */
export interface WizardDeps {
  out: Output;
  prompter: Prompter;
  /** A person can answer prompts (stdin and stderr are a terminal, or a test prompter). */
  interactive: boolean;
  clock: Clock;
  signal: AbortSignal;
  files: AwsFiles;
  /** Writes every file of this run (atomic, locked, 0600; one backup a run). */
  writer: FileWriter;
  /** The person's home directory, for `~` in typed paths. */
  home?: string;
  readCode: CodeReader;
  /** Where to write the per-step timings (MFA_ONBOARD_TIMINGS), for the benchmark. */
  timingsFile?: string;
  /**
   * How to paint a QR code on this terminal: explicit colours, or (NO_COLOR) the terminal's
   * own text colour on its background; `sure` is false when the terminal did not say which.
   */
  qrPaint: () => Promise<{ paint: QrPaint; sure: boolean }>;
  /** --endpoint-url (or the demo's emulator): where IAM and STS calls go, for the summary's commands. */
  endpoint?: string;
  /** Builds clients for a region; called again when the region is known. */
  awsFor: (region: string) => AwsFactory;
}

/** The IAM user the wizard is enrolling (the one identity type, in aws/names.ts). */
export type { Identity } from '../aws/names.js';

/** The device being enrolled; `seed` is a secret (registered with the output filter). */
export interface Device {
  name: string;
  serialNumber: string;
  seed: string;
}

/** What enabling learnt about the phone: the last window used and its clock offset. */
export interface CodeHistory {
  usedCodes: string[];
  lastCounter: number;
  phoneOffset: number;
}

export type { Aws };
