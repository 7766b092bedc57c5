import { virtualDeviceSerial } from '../../aws/arn.js';
import { AwsError } from '../../aws/errors.js';
import { UserError } from '../../errors.js';
import { t } from '../../ui/messages/index.js';
import type { Aws, Identity, WizardDeps } from '../context.js';

/**
 * Step 3: stops if the user already has an MFA device (re-enrolment is its own flow),
 * and removes an unassigned device left under our name by an earlier aborted run.
 */
export async function preflight(
  aws: Aws,
  identity: Identity,
  deviceName: string,
  deps: Pick<WizardDeps, 'out'>,
): Promise<void> {
  const assigned = await aws.listMfaDevices(identity.userName);
  if (assigned.length > 0) {
    const first = assigned[0]!;
    throw new UserError('preflight.alreadyEnrolled', {
      user: identity.userName,
      count: assigned.length,
      serial: first.serialNumber,
      since: first.enableDate?.toISOString().slice(0, 10) ?? '?',
    });
  }
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
