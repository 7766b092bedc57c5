import { readTextFile } from '../credentials/files.js';
import { editIni, listIniSections, readIniValue, type SectionEdit } from '../credentials/ini.js';
import { configSection, configSectionNames } from '../credentials/paths.js';
import type { WizardDeps } from './context.js';

/*
 * What this computer is in the middle of, kept in the profile's section of the config file so
 * that a run that stops half-way is finished by the next one instead of starting another:
 *
 *   (nothing) ──enrolling──▶ ENROLLING=new ─────────────────────────────┐
 *   (nothing) ──replacing──▶ REPLACING=old ──created──▶ +REPLACEMENT=new ─┴─finished──▶ (nothing)
 *   any state ──abandoned──▶ (nothing of what is abandoned)
 *
 * Each transition is one change of the config file (none when nothing changes).
 */

/** Config key naming the device a replacement is retiring, while the replacement is under way. */
const REPLACING = 'mfa_onboard_replacing';
/** Config key naming the device the replacement adds, from the moment it exists. */
const REPLACEMENT = 'mfa_onboard_replacement';
/**
 * Config key naming the device this computer is enrolling, from its creation until its
 * session is saved: a run that stops after AWS enabled it is finished by the next one.
 */
const ENROLLING = 'mfa_onboard_enrolling';
/**
 * Config key naming the label of a QR code shown for a device that was then removed (an
 * enrolment stopped before enabling): its entry stays in the phone's app, so the next run
 * asks for it to be deleted and tags the new code. Cleared when an enrolment finishes.
 */
const ABANDONED_QR = 'mfa_onboard_abandoned_qr';

/** A replacement under way: the device it retires and, once created, the one it adds. */
export interface Replacing {
  old: string;
  new?: string;
}

/** What an earlier run left under way for a profile. */
export interface Underway {
  replacing?: Replacing;
  /** The device an earlier run was enrolling (not a replacement's). */
  enrolling?: string;
  /** The label of a QR code an earlier run showed for a device since removed. */
  abandonedQr?: string;
}

/** What is under way for the profile, read from the config file. */
export async function readUnderway(configFile: string, profile: string): Promise<Underway> {
  return underwayIn(await readTextFile(configFile), profile);
}

/** What is under way for the profile, in the config file's text. */
export function underwayIn(text: string, profile: string): Underway {
  const value = (key: string) => readIniValue(text, configSectionNames(profile), key);
  const [old, added, enrolling, abandonedQr] = [value(REPLACING), value(REPLACEMENT), value(ENROLLING), value(ABANDONED_QR)];
  return {
    ...(abandonedQr !== undefined ? { abandonedQr } : {}),
    ...(old !== undefined ? { replacing: { old, ...(added ? { new: added } : {}) } } : {}),
    ...(enrolling !== undefined ? { enrolling } : {}),
  };
}

/** One change of the profile's section (and, when the transition says, of other sections); nothing to change leaves the file alone. */
async function change(deps: Pick<WizardDeps, 'files' | 'writer'>, edits: (text: string) => SectionEdit[]): Promise<void> {
  const { configFile } = deps.files;
  const apply = (text: string) => {
    const wanted = edits(text);
    return wanted.length ? editIni(text, wanted) : text;
  };
  const text = await readTextFile(configFile);
  // Nothing to record or clear: do not touch (or create) the file.
  if (apply(text) === text) return;
  await deps.writer.update(configFile, apply);
}

/** A replacement starts: the device it retires is recorded (the one it adds, not yet). */
export function replacementStarted(profile: string, old: string, deps: Pick<WizardDeps, 'files' | 'writer'>): Promise<void> {
  return change(deps, () => [{ ...configSection(profile), values: { [REPLACING]: old }, remove: [REPLACEMENT] }]);
}

/**
 * The new device exists: recorded before it is enabled, so that should the run stop once AWS
 * has enabled it, the next one finishes (a replacement's beside the device it retires).
 */
export function deviceCreated(profile: string, serial: string, replacing: string | undefined, deps: Pick<WizardDeps, 'files' | 'writer'>): Promise<void> {
  const values: Record<string, string> = replacing === undefined ? { [ENROLLING]: serial } : { [REPLACING]: replacing, [REPLACEMENT]: serial };
  return change(deps, () => [{ ...configSection(profile), values }]);
}

/** Nothing of what is named is left to finish (the device is gone, or was never enabled). */
export function abandoned(profile: string, what: { replacement?: boolean; enrolment?: boolean; shownQr?: string }, deps: Pick<WizardDeps, 'files' | 'writer'>): Promise<void> {
  const remove = [...(what.replacement ? [REPLACING, REPLACEMENT] : []), ...(what.enrolment ? [ENROLLING] : [])];
  // A QR code shown for the device that goes: its entry in the app is for the next run to name.
  const values: Record<string, string> = what.shownQr !== undefined ? { [ABANDONED_QR]: what.shownQr } : {};
  return change(deps, () => [{ ...configSection(profile), values, remove }]);
}

/**
 * The new device has its session: nothing is under way any more (`replacement`: the
 * replacement recorded is over too), and every profile whose
 * `mfa_serial` named the retired device (role profiles using it as their source, say) now
 * names the new one.
 */
export function enrolmentFinished(
  profile: string | undefined,
  devices: { retired?: string; serial: string; replacement: boolean },
  deps: Pick<WizardDeps, 'files' | 'writer'>,
): Promise<void> {
  return change(deps, (text) => [
    ...(devices.retired === undefined
      ? []
      : listIniSections(text)
          .filter((section) => readIniValue(text, section, 'mfa_serial') === devices.retired)
          .map((section) => ({ section, values: { mfa_serial: devices.serial } }))),
    ...(profile === undefined ? [] : [{ ...configSection(profile), values: {}, remove: [...(devices.replacement ? [REPLACING, REPLACEMENT] : []), ENROLLING, ABANDONED_QR] }]),
  ]);
}

/** What the next run of the wizard does about what is under way (`status` says it). */
export type NextRun =
  /** The device is enabled, no session saved: one code, the session. */
  | { next: 'finish-enrolment'; serial: string }
  /** The device never got enabled: the enrolment starts again (the pre-flight clears an orphan). */
  | { next: 'start-afresh'; serial: string }
  /** The new device works: one code from it, the session, then the old device is retired (if still there). */
  | { next: 'finish-replacement'; serial: string; old: string; oldLeft: boolean }
  /** The new device never got enabled, the old one is still there: a replacement again (with --replace). */
  | { next: 'replace-again'; old: string; serial?: string }
  /** The old device went first and the new one never got enabled: a plain enrolment. */
  | { next: 'enrol-afresh'; old: string; serial?: string };

/**
 * What the next run does, given the user's devices as IAM lists them: as `resumeEarlierRun`
 * decides it for the user's own run (a replacement recorded outweighs an enrolment).
 */
export function nextRun(underway: Underway, assigned: readonly string[]): NextRun | undefined {
  const has = (serial: string | undefined) => serial !== undefined && assigned.includes(serial);
  const { replacing, enrolling } = underway;
  if (replacing) {
    const added = replacing.new === undefined ? {} : { serial: replacing.new };
    if (has(replacing.new)) return { next: 'finish-replacement', serial: replacing.new!, old: replacing.old, oldLeft: has(replacing.old) };
    return { next: has(replacing.old) ? 'replace-again' : 'enrol-afresh', old: replacing.old, ...added };
  }
  if (enrolling === undefined) return undefined;
  return { next: has(enrolling) ? 'finish-enrolment' : 'start-afresh', serial: enrolling };
}
