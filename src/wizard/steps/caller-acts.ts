import { known, type SetupRun } from '../run.js';

/**
 * Who creates and enables the new device: the IAM caller (the administrator, or the user's
 * own keys); in the user's own replacement, `old-phone-acts` then hands it to the old phone.
 */
export async function callerActs(run: Pick<SetupRun, 'iam' | 'actor'>): Promise<void> {
  run.actor = known(run, 'iam');
}
