import type { CredentialSource } from '../../aws/client.js';
import { UserError } from '../../errors.js';
import type { WizardDeps } from '../context.js';
import { identify } from '../identify.js';
import { importCsv } from '../import-csv.js';
import type { SetupRun } from '../run.js';

/**
 * Step 2 with the user's own keys (not admin mode): from the CSV (read now), else the profile's; STS says
 * whose they are. A profile of temporary credentials cannot enrol.
 */
export async function identifyOwnKeys(
  run: Pick<SetupRun, 'csvPath' | 'options' | 'profiles' | 'key' | 'own' | 'awsFactory' | 'identity' | 'iam'>,
  deps: Pick<WizardDeps, 'out' | 'prompter' | 'clock' | 'signal'>,
): Promise<void> {
  const csvPath = run.csvPath;
  if (csvPath !== undefined) run.key = await importCsv({ csvPath, user: run.options.user }, deps);
  const { key } = run;
  const existingProfile = csvPath === undefined ? run.profiles.longTerm : undefined;
  const source: CredentialSource = key
    ? { keys: { accessKeyId: key.accessKeyId, secretAccessKey: key.secretAccessKey } }
    : { profile: existingProfile! };
  const self = run.own ?? (await run.awsFactory(source));
  run.own = self;
  run.iam = self;
  if (existingProfile !== undefined && (await self.usesTemporaryCredentials())) {
    throw new UserError('identify.temporaryProfile', { profile: existingProfile });
  }
  run.identity = await identify(self, { fromCsv: csvPath, profile: existingProfile }, deps);
}
