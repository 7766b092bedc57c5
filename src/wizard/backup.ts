import { promises as fs } from 'node:fs';
import type { MfaDevice } from '../aws/client.js';
import { deviceNameOf } from '../aws/names.js';
import { CancelledError } from '../errors.js';
import { t } from '../ui/messages/index.js';
import type { Aws, Device, Identity, SetupOptions, WizardDeps } from './context.js';
import { clearOrphan, createDevice, deniedByNamePolicy } from './devices.js';
import { Journal, undoUnfinished } from './journal.js';
import { onOwnScreen, showQr } from './show-qr.js';
import { enableDevice } from './steps/show-and-enable.js';

/*
 * A backup device: a second virtual MFA device of the same user, enrolled on the same screens
 * as the first, with a session made with a device the user has (IAM lets a user add a
 * further device only with MFA). Used by the wizard's offer-backup step and by add-backup.
 */

/** The backup's name: `<user>-backup`, then `<user>-backup-2`, `-3`… while one of the user's devices has it. */
export function backupName(user: string, taken: readonly string[]): string {
  const names = new Set(taken.map(deviceNameOf));
  let name = `${user}-backup`;
  for (let n = 2; names.has(name); n++) name = `${user}-backup-${n}`;
  return name;
}

/** Whether a device's name marks it as a backup (the name this tool gives one). */
export function isBackupName(serial: string, user: string): boolean {
  const name = deviceNameOf(serial);
  const prefix = `${user}-backup`;
  return name === prefix || (name.startsWith(`${prefix}-`) && /^\d+$/.test(name.slice(prefix.length + 1)));
}

/** The user's devices that show codes (a passkey or security key shows none), so can make a session. */
export function codeDevices(assigned: readonly MfaDevice[]): MfaDevice[] {
  return assigned.filter((d) => !d.serialNumber.includes(':u2f/'));
}

/** The user's devices other than `serial` that show codes: backups, for a session. */
export function otherCodeDevices(assigned: readonly MfaDevice[], serial: string): MfaDevice[] {
  return codeDevices(assigned).filter((d) => d.serialNumber !== serial);
}

/** The QR PNG of the backup goes beside the first one's, never over it. */
function backupPng(path: string | undefined): { qrPng?: string } {
  if (path === undefined) return {};
  return { qrPng: /\.png$/i.test(path) ? path.replace(/(\.png)$/i, '-backup$1') : `${path}-backup` };
}

/** What adding a backup came to: its serial, or refused by a policy that allows one device. */
export type BackupOutcome = { serial: string } | { pinned: true };

/**
 * Creates, shows and enables the backup with `actor` (a session made with a device of the
 * user's). A failure or Ctrl-C before it is enabled removes the backup only (and its PNG);
 * the devices the user has are never touched.
 */
export async function addBackupDevice(
  actor: Pick<Aws, 'createVirtualMfaDevice' | 'deleteVirtualMfaDevice' | 'listUnassignedVirtualMfaDevices' | 'listAccountAliases' | 'enableMfaDevice' | 'listMfaDevices'>,
  identity: Identity,
  assigned: readonly MfaDevice[],
  options: Pick<SetupOptions, 'showSecret' | 'qrPng' | 'yes' | 'allowClockDrift'>,
  deps: Pick<WizardDeps, 'out' | 'prompter' | 'interactive' | 'qrPaint' | 'writer' | 'clock' | 'readCode' | 'signal'>,
): Promise<BackupOutcome> {
  const user = identity.userName;
  const name = backupName(user, assigned.map((d) => d.serialNumber));
  const journal = new Journal();
  const pngs: string[] = [];
  let device: Device | undefined;
  try {
    await clearOrphan(actor, identity, name, deps);
    try {
      device = await createDevice(actor, identity, name, journal, deps);
    } catch (error) {
      if (!deniedByNamePolicy(error)) throw error;
      deps.out.warn(t('backup.pinned', { user, name }));
      return { pinned: true };
    }
    const made = device;
    await onOwnScreen(
      deps,
      async () => {
        await showQr(actor, identity, made, { ...options, ...backupPng(options.qrPng) }, deps, (path) => pngs.push(path));
        return enableDevice(actor, identity, made, options, deps);
      },
      { done: () => t('backup.enabled', { serial: made.serialNumber, user }), pngs: () => pngs },
    );
    journal.commit();
    return { serial: made.serialNumber };
  } catch (error) {
    const undone = await undoUnfinished(journal, actor, identity, device, deps);
    if (undone === 'removed') for (const path of pngs) if (await fs.rm(path).then(() => true, () => false)) deps.out.info(t('rollback.pngRemoved', { path }));
    if (undone === 'kept' && device) return { serial: device.serialNumber };
    deps.out.warn(t('backup.notAdded', { user }));
    // Not "start over": only the backup was undone.
    if (error instanceof CancelledError) throw new CancelledError('backup.cancelled');
    throw error;
  }
}
