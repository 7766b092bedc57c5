import type { AwsFactory } from '../aws/client.js';
import { resolveProfiles } from '../credentials/profiles.js';
import type { SetupOptions, WizardDeps } from './context.js';
import { failingTogether, newRun, runSteps, step, type SetupHooks, type Step, type When } from './run.js';
import { actAsAdmin, confirmListedStep, identifyForAdmin } from './steps/admin.js';
import { askCsvPath } from './steps/ask-csv.js';
import { alreadySetUp } from './steps/already-set-up.js';
import { checkSession } from './steps/check-session.js';
import { chooseRegion } from './steps/choose-region.js';
import { createNewDevice, nameDevice, recordReplacement } from './steps/create-device.js';
import { showAndEnable } from './steps/enable-device.js';
import { correctClock, identifyOwnKeys } from './steps/identify.js';
import { pickUp } from './steps/pick-up.js';
import { listDevices } from './steps/preflight.js';
import { recordFinished, recordSerial } from './steps/record.js';
import { reportSetUp } from './steps/report-set-up.js';
import { callerActs, decideAboutExisting, keepOldOnFailure, oldPhoneActs, retireLeftOld, retireOld } from './steps/replace.js';
import { resumeEarlierRun } from './steps/resume.js';
import { rollBackUnfinished } from './steps/roll-back.js';
import { saveKeys } from './steps/save-long-term.js';
import { checkSessionProfile } from './steps/session-profile.js';
import { checkWayToShow } from './steps/show-qr.js';
import { deleteCsv, exportSession, summarize } from './steps/summary.js';
import { saveNewSession, sessionForEnabled, verifyNewSession } from './steps/verify-session.js';
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
/** A replaced device is still to go (not removed first, as path b does). */
const retiring: When = (run) => run.old !== undefined && !run.removedFirst;
const both = (a: When, b: When): When => (run) => a(run) && b(run);

/** Steps 1–3 of DESIGN.md: the keys, whose they are, the names, what the user has already. */
const BEGIN: Step[] = [
  step('ask-csv', askCsvPath),
  step('act-as-admin', actAsAdmin, { when: adminProfileGiven }),
  step('identify-for-admin', identifyForAdmin, { when: asAdmin }),
  step('identify', identifyOwnKeys, { when: ownKeys }),
  step('clock', correctClock),
  // The names are settled here, once (see `settled`): nothing after renames a profile.
  step('save-long-term', saveKeys),
  step('session-profile', checkSessionProfile, { when: sessionNamed }),
  step('choose-region', chooseRegion, { when: profileNamed }),
  step('preflight', listDevices),
  // Sets `finishing` (the FINISH list runs), or, the old device gone first and no new one
  // enabled, clears `assigned`: the run simply enrols.
  step('resume', resumeEarlierRun, { when: profileNamed }),
  // The user's own run, with a device already: set up here (nothing to do), or enrolled
  // elsewhere (by an administrator, with her phone): one code picks it up (the FINISH list).
  step('already-set-up', alreadySetUp, { when: both(ownKeys, notFinishing) }),
  step('pick-up', pickUp, { when: both(both(ownKeys, notFinishing), notSetUp) }),
];

/**
 * Step 9, whichever way the device got enrolled. The CSV is offered for deletion only on the
 * user's own computer: an administrator's copy is the hand-over (the summary says so).
 */
const END: Step[] = [step('summary', summarize), step('export', exportSession), step('delete-csv', deleteCsv, { when: ownKeys })];

/** The user is set up here already: said so, with what comes next; a CSV imported again may go. */
const SET_UP: Step[] = [step('report-set-up', reportSetUp), step('delete-csv', deleteCsv)];

/** Steps 3–9: a new device (replacing one the user has, when they say so). */
const ENROL: Step[] = [
  step('existing-device', decideAboutExisting),
  step('way-to-show', checkWayToShow),
  step('actor', callerActs),
  step('old-phone-session', oldPhoneActs, { when: replacingOwn }),
  step('name-device', nameDevice),
  // 4–6: until the device is enabled, any failure deletes it again.
  failingTogether(
    'until-enabled',
    [
      step('record-replacement', recordReplacement, { when: both(replacingOwn, profileNamed) }),
      step('create-device', createNewDevice),
      step('enable-device', showAndEnable),
    ],
    rollBackUnfinished,
  ),
  step('record-serial', recordSerial, { when: sessionNamed }),
  // 7–8: a failure before the old device is retired keeps it.
  failingTogether(
    'until-retired',
    [
      step('verify-session', verifyNewSession, { when: sessionTried }),
      step('check-session', checkSession, { when: checkedInMemory }),
      step('confirm-listed', confirmListedStep, { when: noKeys }),
      step('retire-old', retireOld, { when: retiring }),
    ],
    keepOldOnFailure,
  ),
  step('record-finished', recordFinished, { when: ownKeys }),
  ...END,
];

/**
 * An enrolment an earlier run left with the device enabled (a replacement: the new one): a
 * code from the phone gives the session; a replacement's session then retires the old
 * device, and the config points at the new one.
 */
const FINISH: Step[] = [
  // Picked up (a device enabled elsewhere), the session is there already.
  step('session', sessionForEnabled, { when: noSessionYet }),
  step('record-serial', recordSerial, { when: sessionNamed }),
  step('save-session', saveNewSession, { when: sessionNamed }),
  step('retire-left-old', retireLeftOld, { when: retiring }),
  step('record-finished', recordFinished),
  ...END,
];

/** `mfa-onboard [setup] [CSV]`: the wizard, steps 1 to 9 of DESIGN.md. */
export async function runSetup(options: SetupOptions, rawDeps: WizardDeps, hooks: SetupHooks = {}): Promise<void> {
  const timings = new Timings();
  try {
    const deps = timings.measure(rawDeps);
    const profiles = await resolveProfiles(options, deps.files);
    const sdkFactory = deps.awsFor(profiles.region);
    const awsFactory: AwsFactory = async (credentials) => {
      const client = await sdkFactory(credentials);
      timings.countAwsCalls(() => client.calls);
      return client;
    };
    const run = newRun({ options, hooks, profiles, awsFactory, ...(options.csvPath !== undefined ? { csvPath: options.csvPath } : {}) });
    const seams = await runSteps(BEGIN, run, deps, timings);
    await runSteps(run.setUp !== undefined ? SET_UP : run.finishing ? FINISH : ENROL, run, seams, timings);
  } finally {
    await timings.save(rawDeps.timingsFile);
  }
}
