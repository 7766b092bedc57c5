import { known, type SetupRun } from '../run.js';

/** Step 3: the devices the user has already (any means re-enrolment). */
export async function listDevices(run: Pick<SetupRun, 'iam' | 'identity' | 'assigned'>): Promise<void> {
  run.assigned = await known(run, 'iam').listMfaDevices(known(run, 'identity').userName);
}
