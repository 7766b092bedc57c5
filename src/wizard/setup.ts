import type { AwsFactory } from '../aws/client.js';
import { resolveProfiles } from '../credentials/profiles.js';
import type { SetupOptions, WizardDeps } from './context.js';
import { failingTogether, newRun, runSteps, step, type SetupHooks, type Step } from './run.js';
import { actAsAdmin, confirmListedStep, identifyForAdmin } from './steps/admin.js';
import { askCsvPath } from './steps/ask-csv.js';
import { checkRegionFlag, checkSessionProfile, chooseRegion } from './steps/choose-region.js';
import { createNewDevice, nameDevice } from './steps/create-device.js';
import { showAndEnable } from './steps/enable-device.js';
import { correctClock, identifyOwnKeys } from './steps/identify.js';
import { listDevices } from './steps/preflight.js';
import { recordFinished, recordSerial, retireLeftOld } from './steps/record.js';
import { chooseActor, decideAboutExisting, keepOldOnFailure, retireOld } from './steps/replace.js';
import { resumeEarlierRun } from './steps/resume.js';
import { rollBackUnfinished } from './steps/roll-back.js';
import { saveKeys } from './steps/save-long-term.js';
import { checkWayToShow } from './steps/show-qr.js';
import { deleteCsv, exportSession, summarize } from './steps/summary.js';
import { saveNewSession, sessionForEnabled, verifyNewSession } from './steps/verify-session.js';
import { Timings } from './timings.js';

/** Steps 1–3 of DESIGN.md: the keys, whose they are, the names, what the user has already. */
const BEGIN: Step[] = [
  step('ask-csv', askCsvPath),
  step('act-as-admin', actAsAdmin), // admin mode only
  step('identify-for-admin', identifyForAdmin), // admin mode only
  step('identify', identifyOwnKeys), // the user's own keys only
  step('clock', correctClock),
  step('save-long-term', saveKeys),
  step('session-profile', checkSessionProfile),
  step('choose-region', chooseRegion),
  step('preflight', listDevices),
  step('resume', resumeEarlierRun),
];

/** Step 9, whichever way the device got enrolled. */
const END: Step[] = [step('summary', summarize), step('export', exportSession), step('delete-csv', deleteCsv)];

/** Steps 3c–9: a new device (replacing one the user has, when they say so). */
const ENROL: Step[] = [
  step('existing-device', decideAboutExisting),
  step('way-to-show', checkWayToShow),
  step('old-session', chooseActor), // replacing one's own device only
  step('name-device', nameDevice),
  // 4–6: until the device is enabled, any failure deletes it again.
  failingTogether('until-enabled', [step('create-device', createNewDevice), step('enable-device', showAndEnable)], rollBackUnfinished),
  step('save-mfa-serial', recordSerial),
  // 7–8: a failure before the old device is retired keeps it.
  failingTogether(
    'until-retired',
    [step('verify-session', verifyNewSession), step('confirm-listed', confirmListedStep), step('remove-old', retireOld)],
    keepOldOnFailure,
  ),
  step('record-finished', recordFinished),
  ...END,
];

/**
 * An enrolment an earlier run left with the device enabled (a replacement: the new one): a
 * code from the phone gives the session; a replacement's session then retires the old
 * device, and the config points at the new one.
 */
const FINISH: Step[] = [
  step('session', sessionForEnabled),
  step('save-mfa-serial', recordSerial),
  step('save-session', saveNewSession),
  step('remove-old', retireLeftOld),
  step('record-finished', recordFinished),
  ...END,
];

/** `mfa-onboard [setup] [CSV]`: the wizard, steps 1 to 9 of DESIGN.md. */
export async function runSetup(options: SetupOptions, rawDeps: WizardDeps, hooks: SetupHooks = {}): Promise<void> {
  const timings = new Timings();
  try {
    const deps = timings.measure(rawDeps);
    checkRegionFlag(options);
    const profiles = await resolveProfiles(options, deps.files);
    const sdkFactory = deps.awsFor(profiles.region);
    const awsFactory: AwsFactory = async (credentials) => {
      const client = await sdkFactory(credentials);
      timings.countAwsCalls(() => client.calls);
      return client;
    };
    const run = newRun({ options, hooks, endpoint: rawDeps.endpoint, profiles, awsFactory, ...(options.csvPath !== undefined ? { csvPath: options.csvPath } : {}) });
    const seams = await runSteps(BEGIN, run, deps, timings);
    await runSteps(run.finishing ? FINISH : ENROL, run, seams, timings);
  } finally {
    await timings.save(rawDeps.timingsFile);
  }
}
