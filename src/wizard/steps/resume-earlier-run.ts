import { t } from '../../ui/messages/index.js';
import type { WizardDeps } from '../context.js';
import { abandoned, readUnderway } from '../enrolment-state.js';
import { named, type SetupRun } from '../run.js';

/**
 * The old device went first (a policy pins the device name) and nothing replaces it yet: for
 * this run the user has no device, and simply enrols (no replacement to decide about).
 */
function simplyEnrol(run: Pick<SetupRun, 'assigned'>): void {
  run.assigned = [];
}

/**
 * What an earlier run of this computer left under way. A replacement whose new device
 * works, or an enrolment whose device AWS enabled, is finished (`finishing`) rather than
 * started again; what never got that far is cleared, and this run starts afresh.
 */
export async function resumeEarlierRun(
  run: Pick<SetupRun, 'profiles' | 'admin' | 'own' | 'assigned' | 'underway' | 'finishing' | 'earlierQr'>,
  deps: Pick<WizardDeps, 'out' | 'files' | 'writer'>,
): Promise<void> {
  const profile = named(run, 'longTerm');
  const recorded = await readUnderway(deps.files.configFile, profile);
  // A replacement is the user's own run's; an enrolment is finished only with the user's keys.
  const replacing = run.admin ? undefined : recorded.replacing;
  const enrolling = run.own ? recorded.enrolling : undefined;
  run.underway = { ...(replacing ? { replacing } : {}), ...(enrolling !== undefined ? { enrolling } : {}) };
  if (run.own && recorded.abandonedQr !== undefined) run.earlierQr = recorded.abandonedQr;
  const has = (serial: string | undefined) => run.assigned.some((d) => d.serialNumber === serial);
  if (replacing) {
    if (replacing.new !== undefined && has(replacing.new)) {
      // The new device works: what is left is to retire the old one (if still there) with its session.
      run.finishing = { serial: replacing.new, old: replacing.old };
      return;
    }
    if (!has(replacing.old)) {
      // The old device went first and the new one never got enabled: simply enrol.
      deps.out.info(t('replace.resumeEnrol', { old: replacing.old }));
      await abandoned(profile, { replacement: true }, deps);
      simplyEnrol(run);
    }
  }
  if (enrolling !== undefined) {
    // An earlier run got the device enabled, then stopped (or lost the answer): finish it
    // (one code, the session) instead of calling it someone else's device.
    if (has(enrolling) && !replacing) {
      run.finishing = { serial: enrolling };
      return;
    }
    // It never got enabled (an orphan, if anything, which the pre-flight clears): start afresh.
    // Its QR code may be in the app (the run stopped without a word): named like the one recorded.
    const match = /^arn:aws:iam::(\d{12}):mfa\/(?:.*\/)?([^/]+)$/.exec(enrolling);
    run.earlierQr ??= match ? `AWS:${match[2]}@${match[1]}` : undefined;
    await abandoned(profile, { enrolment: true, ...(run.earlierQr !== undefined ? { shownQr: run.earlierQr } : {}) }, deps);
  }
}
