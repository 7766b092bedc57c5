import { DEVICE_NAME, virtualDeviceSerial } from '../../aws/names.js';
import { AwsError, outcomeUnknown } from '../../aws/errors.js';
import { UserError } from '../../errors.js';
import { t } from '../../ui/messages/index.js';
import type { Journal } from '../journal.js';
import type { Aws, Device, Identity, WizardDeps } from '../context.js';
import { removeOrphan } from './preflight.js';

export function checkDeviceName(name: string): boolean {
  return DEVICE_NAME.test(name);
}

/**
 * A create whose every answer was lost may still have made the device (its seed never
 * reached us, so it is of no use): if IAM has it, unassigned, it is deleted again.
 */
async function takeBack(aws: Aws, serial: string, deps: Pick<WizardDeps, 'out'>): Promise<void> {
  const unassigned = await aws.listUnassignedVirtualMfaDevices().catch(() => undefined);
  if (unassigned === undefined) {
    deps.out.warn(t('device.maybeCreated', { serial }));
  } else if (unassigned.includes(serial)) {
    await aws.deleteVirtualMfaDevice(serial).then(
      () => deps.out.info(t('device.createdAnswerLost', { serial })),
      () => deps.out.warn(t('device.maybeCreated', { serial })),
    );
  }
}

/**
 * Step 4: creates the virtual device and records it in the journal at once, so that a
 * failure or Ctrl-C before it is enabled deletes it again.
 */
export async function createDevice(
  aws: Aws,
  identity: Identity,
  name: string,
  journal: Journal,
  deps: Pick<WizardDeps, 'out'>,
): Promise<Device> {
  if (!checkDeviceName(name)) throw new UserError('device.badName', { name });
  const serial = virtualDeviceSerial(identity.partition, identity.account, '/', name);
  const create = async () => {
    try {
      const device = await aws.createVirtualMfaDevice(name, '/');
      journal.record(device.serialNumber, () => aws.deleteVirtualMfaDevice(device.serialNumber));
      deps.out.addSecret(device.seed);
      return device;
    } catch (error) {
      if (error instanceof AwsError && outcomeUnknown(error)) await takeBack(aws, serial, deps);
      throw error;
    }
  };
  let created: { serialNumber: string; seed: string };
  try {
    created = await create();
  } catch (error) {
    if (!(error instanceof AwsError)) throw error;
    if (error.is('EntityAlreadyExists')) {
      // An earlier run's device the pre-flight could not see (no ListVirtualMFADevices
      // permission), or this run's, its answer lost and the retry refused: its seed never
      // reached us either way, so it is cleared once and made again.
      await removeOrphan(aws, serial, identity, deps);
      created = await create();
    } else if (error.is('AccessDenied')) {
      throw new UserError('device.createDenied', { name, user: identity.userName, message: error.awsMessage }, { cause: error });
    } else if (error.is('LimitExceeded')) {
      throw new UserError('device.limitExceeded', {}, { cause: error });
    } else {
      throw error;
    }
  }
  deps.out.success(t('device.created', { serial: created.serialNumber }));
  return { name, ...created };
}
