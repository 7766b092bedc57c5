import type { AwsFactory, MfaDevice, SessionCredentials } from '../aws/client.js';
import type { AccessKey } from '../credentials/csv.js';
import type { FileChange } from '../credentials/files.js';
import type { Profiles } from './resolve-profiles.js';
import type { Aws, CodeHistory, Device, Identity, SetupOptions, WizardDeps } from './context.js';
import type { Underway } from './enrolment-state.js';
import { Journal } from './journal.js';
import type { Admin } from './acting-for-user.js';
import type { Timings } from './timings.js';

/** What a caller (a batch) is told as the wizard goes. */
export interface SetupHooks {
  /** The new device is enabled for the user (from here on, the user is enrolled whatever follows). */
  onEnabled?: (serialNumber: string) => void;
  /** A QR code is shown, with this label (a device deleted after it leaves an entry in the app). */
  onQrShown?: (label: string) => void;
  /** The label of an earlier attempt's code in the app (a batch's hire enrolled again): named, and the new code tagged. */
  earlierQr?: string;
}

/** One run of the wizard: what is known so far, filled in by the steps in order. */
export interface SetupRun {
  readonly options: SetupOptions;
  readonly hooks: SetupHooks;
  /** The access-key CSV: given, or asked when neither it nor a profile is. */
  csvPath?: string;
  /** The profile names and the region of the calls, resolved once (see resolveProfiles). */
  profiles: Profiles;
  /** Clients for the region of the calls (their calls counted for the timings). */
  awsFactory: AwsFactory;
  /** An administrator's profile acting for `--user`. */
  admin?: Admin;
  /** The user's own long-term keys (for the session check); absent when an admin acts without them. */
  own?: Aws;
  /** The keys read from the CSV. */
  key?: AccessKey;
  /** The user being enrolled. */
  identity?: Identity;
  /** Makes the IAM calls for the user: the administrator, else the user's own keys. */
  iam?: Aws;
  /** The long-term profile's region: `forProfile` when it is to be written. */
  region?: { name: string; forProfile: boolean };
  /** The user's MFA devices at the pre-flight. */
  assigned: MfaDevice[];
  /** What an earlier run left under way (the user's own profile only). */
  underway: Underway;
  /** The device an earlier run got enabled, to finish (with, for a replacement, the one it retires). */
  finishing?: { serial: string; old?: string };
  /** The label of the QR code this run showed (`AWS:dave@123456789012`), once shown. */
  shownQr?: string;
  /** The label of an earlier run's QR code whose device was removed: its entry is still in the app. */
  earlierQr?: string;
  /** The device a replacement retires. */
  old?: MfaDevice;
  /**
   * The serial of the device a replacement retires, as the config file has it on record (the
   * user's own runs only); absent when no replacement is recorded.
   */
  recordedOld?: string;
  /** Makes the calls that create and enable: the IAM caller, or a session made with the old phone. */
  actor?: Aws;
  deviceName?: string;
  /** Undoes what was created until the device is known to be enabled. */
  journal: Journal;
  device?: Device;
  /** The serial number of the device now enabled (this run's, or the one an earlier run left). */
  enrolled?: string;
  history?: CodeHistory;
  /** The QR PNGs written for the new device. */
  pngs: string[];
  /** The old device went before the new one was enabled (a policy pins the device name). */
  removedFirst: boolean;
  session?: SessionCredentials;
  /**
   * Admin mode with the user's keys: the session check made in memory (who the session was,
   * until when); the session itself is dropped at once, never kept or written.
   */
  checked?: { arn: string; expiration: Date };
  /** The backup device this run added (a second device, after the session was verified). */
  backup?: string;
  /** The device this profile's `mfa_serial` names is the user's: set up already, nothing to enrol. */
  setUp?: string;
  /** The files changed, for the summary. */
  changes: FileChange[];
}

/** A new run over what the command was given. */
export function newRun(fields: Pick<SetupRun, 'options' | 'hooks' | 'profiles' | 'awsFactory'> & Partial<SetupRun>): SetupRun {
  return { assigned: [], underway: {}, journal: new Journal(), pngs: [], removedFirst: false, changes: [], ...fields };
}

/**
 * What an earlier step has settled; a step that needs it before it is known is a step out of
 * order (a bug, not the person's doing).
 */
export function known<K extends keyof SetupRun>(run: Pick<SetupRun, K>, key: K): NonNullable<SetupRun[K]> {
  const value = run[key];
  if (value === undefined || value === null) throw new Error(`setup step out of order: ${String(key)} is not known yet`);
  return value as NonNullable<SetupRun[K]>;
}

/**
 * A profile name the run has settled (see `settled` in steps/save-keys.ts); a step that
 * needs it runs only when it is there (its `when` in setup.ts), so its absence is a bug.
 */
export function named(run: Pick<SetupRun, 'profiles'>, which: 'longTerm' | 'session'): string {
  const name = run.profiles[which];
  if (name === undefined) throw new Error(`setup step out of order: the ${which} profile is not known`);
  return name;
}

/** A step of the wizard; one that changes the seams (the clock, corrected) returns them. */
export type StepFn = (run: SetupRun, deps: WizardDeps) => Promise<WizardDeps | void>;

/** Whether a step applies to this run (admin mode, a replacement, a profile to write…). */
export type When = (run: SetupRun) => boolean;

/**
 * A step (its id is its file's name in steps/ and, in camelCase, its function's), or steps
 * that share what happens when one of them fails.
 */
export type Step =
  | { id: string; does: StepFn; when?: When }
  | { id: string; steps: Step[]; onError: (error: unknown, run: SetupRun, deps: WizardDeps) => Promise<never> };

/** A step, its id also its name in the timings; with `when`, run only for the runs it applies to. */
export function step(id: string, does: StepFn, options: { when?: When } = {}): Step {
  return { id, does, ...options };
}

/** Steps that fail together: `onError` sees the failure (and rethrows it, or what it means). */
export function failingTogether(id: string, steps: Step[], onError: (error: unknown, run: SetupRun, deps: WizardDeps) => Promise<never>): Step {
  return { id, steps, onError };
}

/** Runs the steps in order over the run, timing each; returns the seams as the last step left them. */
export async function runSteps(steps: Step[], run: SetupRun, deps: WizardDeps, timings: Timings): Promise<WizardDeps> {
  let current = deps;
  for (const entry of steps) {
    if ('does' in entry) {
      if (entry.when && !entry.when(run)) continue;
      const seams = current;
      current = (await timings.step(entry.id, () => entry.does(run, seams))) ?? current;
      continue;
    }
    try {
      current = await runSteps(entry.steps, run, current, timings);
    } catch (error) {
      await entry.onError(error, run, current);
    }
  }
  return current;
}
