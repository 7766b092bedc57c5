import { deviceNameOf, virtualDeviceSerial } from '../../aws/names.js';
import { AwsError } from '../../aws/errors.js';
import { UserError } from '../../errors.js';
import { t } from '../../ui/messages/index.js';
import type { Aws, Identity, WizardDeps } from '../context.js';
import { known, type SetupRun } from '../run.js';

/** Step 3b: removes an unassigned device left under `deviceName` by an earlier aborted run. */
export async function clearOrphan(
  aws: Aws,
  identity: Identity,
  deviceName: string,
  deps: Pick<WizardDeps, 'out'>,
): Promise<void> {
  const serial = virtualDeviceSerial(identity.partition, identity.account, '/', deviceName);
  let unassigned: string[];
  try {
    unassigned = await aws.listUnassignedVirtualMfaDevices();
  } catch (error) {
    // Without this permission we cannot look; creating the device will tell us if one is in the way.
    if (error instanceof AwsError && error.is('AccessDenied')) return;
    throw error;
  }
  if (unassigned.includes(serial)) await removeOrphan(aws, serial, identity, deps);
}

/** Deletes an unassigned device of ours, or explains who can. */
export async function removeOrphan(
  aws: Aws,
  serial: string,
  identity: Identity,
  deps: Pick<WizardDeps, 'out'>,
): Promise<void> {
  deps.out.info(t('preflight.orphanFound', { serial }));
  try {
    await aws.deleteVirtualMfaDevice(serial);
  } catch (error) {
    if (error instanceof AwsError && error.is('AccessDenied')) {
      throw new UserError('preflight.orphanDenied', { serial, user: identity.userName }, { cause: error });
    }
    if (error instanceof AwsError && error.is('DeleteConflict')) {
      throw new UserError('preflight.nameInUse', { serial }, { cause: error });
    }
    throw error;
  }
  deps.out.success(t('preflight.orphanRemoved', { serial }));
}

/**
 * Unassigned virtual devices under the names this tool gives the user's devices (`alice`,
 * `alice-20261124`, `alice-20261124-2`): what aborted runs leave behind; `alice-smith`'s are
 * not alice's. Undefined when IAM does not let the caller look.
 */
export async function orphansOf(aws: Pick<Aws, 'listUnassignedVirtualMfaDevices'>, user: string): Promise<string[] | undefined> {
  try {
    return (await aws.listUnassignedVirtualMfaDevices()).filter((serial) => {
      const name = deviceNameOf(serial);
      return name === user || (name.startsWith(`${user}-`) && /^\d{8}(-\d+)?$/.test(name.slice(user.length + 1)));
    });
  } catch (error) {
    if (error instanceof AwsError && error.is('AccessDenied')) return undefined;
    throw error;
  }
}

/** Step 3: the devices the user has already (any means re-enrolment). */
export async function listDevices(run: Pick<SetupRun, 'iam' | 'identity' | 'assigned'>): Promise<void> {
  run.assigned = await known(run, 'iam').listMfaDevices(known(run, 'identity').userName);
}
