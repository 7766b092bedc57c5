import { DEVICE_NAME, deviceNameOf, isVirtualDeviceSerial, virtualDeviceSerial } from '../aws/names.js';
import { outcomeUnknown } from '../aws/errors.js';
import { AwsError, CancelledError, UserError } from '../errors.js';
import { t } from '../ui/messages/index.js';
import { refusal } from './aws-refusals.js';
import type { Aws, Device, Identity, WizardDeps } from './context.js';

/*
 * A user's MFA devices: creating, finding, removing. Shared by the setup steps and the
 * reset and status commands; the steps in steps/ decide when, this says how.
 */

/** The command an administrator runs for a user who cannot remove their own device. */
export function adminResetCommand(user: string, serial?: string, adminProfile = 'ADMIN'): string {
  return `mfa-onboard reset --profile ${adminProfile} --user ${user}${serial ? ` --remove-serial ${serial}` : ''}`;
}

/** What a refusal to remove the user's old device says: the command an administrator runs. */
export function removalRefused(user: string, old: string | undefined): { action: 'remove-old-device'; command: string } {
  return { action: 'remove-old-device', command: adminResetCommand(user, old) };
}

/** The old phone is gone: an administrator removes the device `serial` (the command names `retired`, when known). */
export function lostPhone(user: string, serial: string, retired: string | undefined, profile: string): UserError {
  return new UserError('replace.lostPhone', { user, serial, command: adminResetCommand(user, retired), profile });
}

/** The default name of a second device: `<user>-<yyyymmdd>`, with `-2`, `-3`… when that is taken. */
export function replacementName(user: string, taken: string[], now: number): string {
  const base = `${user}-${new Date(now).toISOString().slice(0, 10).replace(/-/g, '')}`;
  const names = new Set(taken.map(deviceNameOf));
  let name = base;
  for (let n = 2; names.has(name); n++) name = `${base}-${n}`;
  return name;
}

/** IAM is eventually consistent: a device just deactivated may still count as assigned. */
const DELETE_RETRIES = 3;
const DELETE_RETRY_MS = 2_000;

/**
 * Deactivates the device (unassigns it from the user), then deletes it if it is virtual.
 * Each refusal IAM is known for gets its own message; a device already gone is no error.
 * `onDeactivated` runs the moment the user no longer has it.
 */
export async function removeDevice(
  aws: Pick<Aws, 'deactivateMfaDevice' | 'deleteVirtualMfaDevice'>,
  user: string,
  serial: string,
  deps: Pick<WizardDeps, 'out' | 'clock' | 'signal'>,
  refused: { action: 'remove-old-device' | 'reset-device'; command: string },
  onDeactivated: () => void = () => {},
): Promise<void> {
  const explain = (error: unknown): never => {
    if (!(error instanceof AwsError)) throw error;
    throw refusal(refused.action, error, { serial, user, command: refused.command }) ?? error;
  };
  try {
    await aws.deactivateMfaDevice(user, serial);
  } catch (error) {
    // Already unassigned (an earlier run got this far): go on to the delete.
    if (!(error instanceof AwsError && error.is('NoSuchEntity'))) explain(error);
  }
  onDeactivated();
  if (!isVirtualDeviceSerial(serial)) {
    deps.out.success(t('remove.deactivated', { serial, user }));
    return;
  }
  for (let attempt = 0; ; attempt++) {
    try {
      await aws.deleteVirtualMfaDevice(serial);
      break;
    } catch (error) {
      if (!(error instanceof AwsError && error.is('DeleteConflict')) || attempt >= DELETE_RETRIES) explain(error);
      await deps.clock.sleep(DELETE_RETRY_MS, deps.signal);
    }
  }
  deps.out.success(t('remove.deleted', { serial, user }));
}

/**
 * Whether IAM lists `serial` as one of the user's devices; undefined when IAM cannot be asked.
 * Asked also during the clean-up after Ctrl-C, so the stop does not cut it short.
 */
export async function enabledFor(aws: Pick<Aws, 'listMfaDevices'>, user: string, serial: string): Promise<boolean | undefined> {
  try {
    return (await aws.listMfaDevices(user, { whileStopping: true })).some((d) => d.serialNumber === serial);
  } catch {
    return undefined;
  }
}

/** Before the create: removes an unassigned device left under `deviceName` by an earlier aborted run. */
export async function clearOrphan(
  aws: Pick<Aws, 'listUnassignedVirtualMfaDevices' | 'deleteVirtualMfaDevice'>,
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

/**
 * Deletes an unassigned device of ours, or explains who can. `retried`: it is this run's own,
 * made by a try whose answer was lost (the SDK's retry then met it), not an earlier run's.
 */
export async function removeOrphan(
  aws: Pick<Aws, 'deleteVirtualMfaDevice'>,
  serial: string,
  identity: Identity,
  deps: Pick<WizardDeps, 'out'>,
  retried = false,
): Promise<void> {
  deps.out.info(t(retried ? 'device.retryMetOwn' : 'preflight.orphanFound', { serial }));
  try {
    await aws.deleteVirtualMfaDevice(serial);
  } catch (error) {
    if (error instanceof AwsError) throw refusal('remove-orphan', error, { serial, user: identity.userName }) ?? error;
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

/**
 * CreateVirtualMFADevice refused for want of an allow (the usual policy allows only
 * `mfa/${aws:username}`, so one device per user); an explicit deny (an SCP, say) would refuse any name.
 */
export function deniedByNamePolicy(error: unknown): boolean {
  const cause = error instanceof UserError && error.id === 'device.createDenied' ? error.cause : undefined;
  return cause instanceof AwsError && !/explicit deny/i.test(cause.awsMessage);
}

/** A name IAM takes for a virtual device. */
export function checkDeviceName(name: string): boolean {
  return DEVICE_NAME.test(name);
}

/**
 * A create whose every answer was lost may still have made the device (its seed never
 * reached us, so it is of no use): if IAM has it, unassigned, it is deleted again.
 */
async function takeBack(aws: Pick<Aws, 'listUnassignedVirtualMfaDevices' | 'deleteVirtualMfaDevice'>, serial: string, deps: Pick<WizardDeps, 'out'>): Promise<void> {
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
 * Creates the virtual device and records it in the journal at once, so that a
 * failure or Ctrl-C before it is enabled deletes it again.
 */
export async function createDevice(
  aws: Pick<Aws, 'createVirtualMfaDevice' | 'deleteVirtualMfaDevice' | 'listUnassignedVirtualMfaDevices'>,
  identity: Identity,
  name: string,
  journal: { record(label: string, undo: () => Promise<void>): void },
  deps: Pick<WizardDeps, 'out'> & Partial<Pick<WizardDeps, 'signal'>>,
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
      // permission), or this run's, its answer lost and the retry refused (the SDK sent it
      // more than once): its seed never reached us either way, so it is cleared once and made again.
      await removeOrphan(aws, serial, identity, deps, error.tries > 1);
      // Ctrl-C came while the create was waited for: nothing is made again.
      if (deps.signal?.aborted) throw new CancelledError();
      created = await create();
    } else {
      throw refusal('create-device', error, { name, user: identity.userName }) ?? error;
    }
  }
  deps.out.success(t('device.created', { serial: created.serialNumber }));
  return { name, ...created };
}

