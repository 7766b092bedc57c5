import { t } from '../../ui/messages/index.js';
import { addBackupDevice, otherCodeDevices } from '../backup.js';
import type { WizardDeps } from '../context.js';
import { known, type SetupRun } from '../run.js';

/**
 * After the session is verified: a backup device (a second phone, a tablet, a password
 * manager), so that a lost phone needs no administrator. `--backup` adds it unasked,
 * `--no-backup` skips it; with no terminal and neither, nothing is asked or added. A user who
 * keeps another device already (recovering with it) is not asked again.
 */
export async function offerBackup(
  run: Pick<SetupRun, 'identity' | 'session' | 'awsFactory' | 'assigned' | 'old' | 'enrolled' | 'options' | 'backup'>,
  deps: Pick<WizardDeps, 'out' | 'prompter' | 'interactive' | 'qrPaint' | 'writer' | 'clock' | 'readCode' | 'signal'>,
): Promise<void> {
  const { options } = run;
  if (options.backup === false) return;
  const enrolled = known(run, 'enrolled');
  const kept = otherCodeDevices(run.assigned, enrolled).filter((d) => d.serialNumber !== run.old?.serialNumber);
  if (options.backup === undefined) {
    if (!deps.interactive || kept.length > 0) return;
    deps.out.info(t('backup.why'));
    if (!(await deps.prompter.confirm({ message: t('backup.ask'), flag: '--backup', default: false }))) return;
  }
  const identity = known(run, 'identity');
  // IAM lets a user add a further device only with MFA: the session just made with the new device.
  const actor = await run.awsFactory({ keys: known(run, 'session') });
  deps.out.heading(t('backup.heading'));
  const taken = [...run.assigned.map((d) => d.serialNumber), enrolled];
  const outcome = await addBackupDevice(actor, identity, taken.map((serialNumber) => ({ serialNumber })), options, deps);
  if ('serial' in outcome) run.backup = outcome.serial;
}
