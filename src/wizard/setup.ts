import type { AwsFactory } from '../aws/client.js';
import { runExported } from '../credentials/export.js';
import { UserError } from '../errors.js';
import { shellLine } from '../ui/command-line.js';
import { resolveProfiles } from './resolve-profiles.js';
import type { SetupOptions, WizardDeps } from './context.js';
import { failingTogether, newRun, runSteps, step, type SetupHooks, type SetupRun, type Step, type When } from './run.js';
import { actAsAdmin } from './steps/act-as-admin.js';
import { alreadySetUp } from './steps/already-set-up.js';
import { askCsvPath } from './steps/ask-csv-path.js';
import { callerActs } from './steps/caller-acts.js';
import { checkSession } from './steps/check-session.js';
import { checkSessionProfile } from './steps/check-session-profile.js';
import { checkWayToShow } from './steps/check-way-to-show.js';
import { chooseRegion } from './steps/choose-region.js';
import { confirmDeviceListed } from './steps/confirm-device-listed.js';
import { correctClock } from './steps/correct-clock.js';
import { createNewDevice } from './steps/create-new-device.js';
import { decideAboutExisting } from './steps/decide-about-existing.js';
import { exportSession } from './steps/export-session.js';
import { identifyForAdmin } from './steps/identify-for-admin.js';
import { identifyOwnKeys } from './steps/identify-own-keys.js';
import { listDevices } from './steps/list-devices.js';
import { nameDevice } from './steps/name-device.js';
import { offerBackup } from './steps/offer-backup.js';
import { offerCsvDeletion } from './steps/offer-csv-deletion.js';
import { oldPhoneActs } from './steps/old-phone-acts.js';
import { pickUp } from './steps/pick-up.js';
import { recordFinished } from './steps/record-finished.js';
import { recordReplacement } from './steps/record-replacement.js';
import { recordSerial } from './steps/record-serial.js';
import { reportSetUp } from './steps/report-set-up.js';
import { resumeEarlierRun } from './steps/resume-earlier-run.js';
import { retireLeftOld } from './steps/retire-left-old.js';
import { retireOld } from './steps/retire-old.js';
import { saveKeys } from './steps/save-keys.js';
import { saveNewSession } from './steps/save-new-session.js';
import { sessionForEnabled } from './steps/session-for-enabled.js';
import { showAndEnable } from './steps/show-and-enable.js';
import { summarize } from './steps/summarize.js';
import { verifyNewSession } from './steps/verify-new-session.js';
import { keepOldOnFailure, rollBackUnfinished } from './on-failure.js';
import { Timings } from './timings.js';

// Which runs a step is for (a step without `when` is for every run).
/** `--user` with a profile that may be an administrator's. */
const adminProfileGiven: When = (run) => run.profiles.admin !== undefined;
/** Admin mode: an administrator's profile acts for the user. */
const asAdmin: When = (run) => run.admin !== undefined;
/** The user's own keys make the IAM calls. */
const ownKeys: When = (run) => run.admin === undefined;
/** A long-term profile is written or used (not so when an administrator enrols without the user's keys). */
const profileNamed: When = (run) => run.profiles.longTerm !== undefined;
/** The session profile beside it is written. */
const sessionNamed: When = (run) => run.profiles.longTerm !== undefined && run.profiles.session !== undefined;
/** The user's own keys are here to try a session with, and to save it. */
const sessionTried: When = (run) => run.own !== undefined && sessionNamed(run);
/** Admin mode with the user's keys: the session is tried in memory only, never saved. */
const checkedInMemory: When = (run) => run.admin !== undefined && run.own !== undefined;
/** Without the user's keys there is no session to try. */
const noKeys: When = (run) => run.own === undefined;
/** Nothing of an earlier run is left to finish. */
const notFinishing: When = (run) => run.finishing === undefined;
/** The device this profile's mfa_serial names is not one of the user's (or there is none). */
const notSetUp: When = (run) => run.setUp === undefined;
/** A session is still to get (a device picked up has one already). */
const noSessionYet: When = (run) => run.session === undefined;
/** The user replaces their own device (the old phone makes the session that adds the new one). */
const replacingOwn: When = (run) => run.old !== undefined && run.admin === undefined;
/** A replaced device is still to go (not removed first, as it is when a policy pins the device name). */
const retiring: When = (run) => run.old !== undefined && !run.removedFirst;
/** The user's own session is made and saved: it can add a backup device. */
const sessionSaved: When = (run) => run.session !== undefined && run.own !== undefined && run.admin === undefined;
const both = (a: When, b: When): When => (run) => a(run) && b(run);

/** Steps 1–3 of DESIGN.md: the keys, whose they are, the names, what the user has already. */
const BEGIN: Step[] = [
  step('ask-csv-path', askCsvPath),
  step('act-as-admin', actAsAdmin, { when: adminProfileGiven }),
  step('identify-for-admin', identifyForAdmin, { when: asAdmin }),
  step('identify-own-keys', identifyOwnKeys, { when: ownKeys }),
  step('correct-clock', correctClock),
  // The names are settled here, once (see `settled`): nothing after renames a profile.
  step('save-keys', saveKeys),
  step('check-session-profile', checkSessionProfile, { when: sessionNamed }),
  step('choose-region', chooseRegion, { when: profileNamed }),
  step('list-devices', listDevices),
  // Sets `finishing` (the FINISH list runs), or, the old device gone first and no new one
  // enabled, clears `assigned`: the run simply enrols.
  step('resume-earlier-run', resumeEarlierRun, { when: profileNamed }),
  // The user's own run, with a device already: set up here (nothing to do), or enrolled
  // elsewhere (by an administrator, with her phone): one code picks it up (the FINISH list).
  step('already-set-up', alreadySetUp, { when: both(ownKeys, notFinishing) }),
  step('pick-up', pickUp, { when: both(both(ownKeys, notFinishing), notSetUp) }),
];

/**
 * Step 9, whichever way the device got enrolled. The CSV is offered for deletion only on the
 * user's own computer: an administrator's copy is the hand-over (the summary says so).
 */
const END: Step[] = [step('summarize', summarize), step('export-session', exportSession), step('offer-csv-deletion', offerCsvDeletion, { when: ownKeys })];

/** The user is set up here already: said so, with what comes next; a CSV imported again may go. */
const SET_UP: Step[] = [step('report-set-up', reportSetUp), step('offer-csv-deletion', offerCsvDeletion)];

/** Steps 3–9: a new device (replacing one the user has, when they say so). */
const ENROL: Step[] = [
  step('decide-about-existing', decideAboutExisting),
  step('check-way-to-show', checkWayToShow),
  step('caller-acts', callerActs),
  step('old-phone-acts', oldPhoneActs, { when: replacingOwn }),
  step('name-device', nameDevice),
  // 4–6: until the device is enabled, any failure deletes it again.
  failingTogether(
    'until-enabled',
    [
      step('record-replacement', recordReplacement, { when: both(replacingOwn, profileNamed) }),
      step('create-new-device', createNewDevice),
      step('show-and-enable', showAndEnable),
    ],
    rollBackUnfinished,
  ),
  step('record-serial', recordSerial, { when: sessionNamed }),
  // 7–8: a failure before the old device is retired keeps it.
  failingTogether(
    'until-retired',
    [
      step('verify-new-session', verifyNewSession, { when: sessionTried }),
      step('check-session', checkSession, { when: checkedInMemory }),
      step('confirm-device-listed', confirmDeviceListed, { when: noKeys }),
      step('retire-old', retireOld, { when: retiring }),
    ],
    keepOldOnFailure,
  ),
  step('record-finished', recordFinished, { when: ownKeys }),
  step('offer-backup', offerBackup, { when: sessionSaved }),
  ...END,
];

/**
 * An enrolment an earlier run left with the device enabled (a replacement: the new one): a
 * code from the phone gives the session; a replacement's session then retires the old
 * device, and the config points at the new one.
 */
const FINISH: Step[] = [
  // Picked up (a device enabled elsewhere), the session is there already.
  step('session-for-enabled', sessionForEnabled, { when: noSessionYet }),
  step('record-serial', recordSerial, { when: sessionNamed }),
  step('save-new-session', saveNewSession, { when: sessionNamed }),
  step('retire-left-old', retireLeftOld, { when: retiring }),
  step('record-finished', recordFinished),
  step('offer-backup', offerBackup, { when: sessionSaved }),
  ...END,
];

/**
 * The wizard's lists of steps: the beginning, then a new device, or the finish of one enabled
 * already (by an earlier run, or elsewhere), or nothing to do (set up here already).
 */
export const SETUP_STEPS: { readonly begin: Step[]; readonly enrol: Step[]; readonly finish: Step[]; readonly setUp: Step[] } = {
  begin: BEGIN,
  enrol: ENROL,
  finish: FINISH,
  setUp: SET_UP,
};

/** Runs the lists (the wizard's own, or stand-ins a test gives) over one run, in order. */
export async function runSetupSteps(run: SetupRun, deps: WizardDeps, timings: Timings, lists = SETUP_STEPS): Promise<void> {
  const seams = await runSteps(lists.begin, run, deps, timings);
  await runSteps(run.setUp !== undefined ? lists.setUp : run.finishing ? lists.finish : lists.enrol, run, seams, timings);
}

/** `mfa-onboard [setup] [CSV]`: the wizard, steps 1 to 9 of DESIGN.md. */
export async function runSetup(options: SetupOptions, rawDeps: WizardDeps, hooks: SetupHooks = {}): Promise<void> {
  const timings = new Timings();
  try {
    const deps = timings.measure(rawDeps);
    const profiles = await resolveProfiles(options, deps.files);
    // The session's secrets are never printed onto a terminal, where the scrollback keeps them.
    if (options.exportShell && deps.out.dataIsTTY) {
      const again = shellLine(['mfa-onboard', 'session', ...(profiles.longTerm === 'default' ? [] : ['--profile', profiles.longTerm ?? 'PROFILE']), '--export', options.exportShell]);
      throw new UserError('setup.exportToTerminal', { shell: options.exportShell, command: runExported(options.exportShell, again) });
    }
    const sdkFactory = deps.awsFor(profiles.region);
    const awsFactory: AwsFactory = async (credentials) => {
      const client = await sdkFactory(credentials);
      timings.countAwsCalls(() => client.calls);
      return client;
    };
    const run = newRun({ options, hooks, profiles, awsFactory, ...(options.csvPath !== undefined ? { csvPath: options.csvPath } : {}) });
    await runSetupSteps(run, deps, timings);
  } finally {
    await timings.save(rawDeps.timingsFile);
  }
}
