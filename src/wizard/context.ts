import type { Aws } from '../aws/client.js';
import type { Shell } from '../credentials/export.js';

// NOTE: the seams type lives below the wizard (cli.ts and deps.ts need nothing of wizard/); steps take it from here.
export type { WizardDeps } from '../seams.js';

/** The answers given in advance on the command line (each answers one prompt). */
export interface SetupOptions {
  csvPath?: string;
  /**
   * A rehearsal (the demo): its emulator and HOME go when it ends, so the summary offers no
   * command to run later (the demo says what to try instead).
   */
  rehearsal?: boolean;
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
  /** `--old-serial`: the device a replacement retires, when the user has several. */
  oldSerial?: string;
  /** `--mfa-serial`: the device, enabled already (by an administrator), that this run picks up. */
  mfaSerial?: string;
  /** `--mfa-process`: a program that prints the session's code (else the profile's mfa_process). */
  mfaProcess?: string;
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
  /** `--backup` (add a backup device unasked) or `--no-backup`; absent: asked in a terminal, else none. */
  backup?: boolean;
  /** The CSV's key was made moments ago (by a batch's --create): AWS may not know it for some seconds. */
  freshKey?: boolean;
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
