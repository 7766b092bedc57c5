import { incomplete, isNoSuchEntity, type IamCalls } from './call.js';

export interface MfaDevice {
  serialNumber: string;
  enableDate?: Date;
}

/** A user's MFA devices, and the account's virtual devices nobody has (orphans). */
export interface MfaDevices {
  /**
   * The user's MFA devices. `whileStopping`: asked during the clean-up after Ctrl-C, so not
   * cut short by it (the answer decides whether a device is kept or deleted).
   */
  listMfaDevices(userName: string, options?: { whileStopping?: boolean }): Promise<MfaDevice[]>;
  listUnassignedVirtualMfaDevices(): Promise<string[]>;
  createVirtualMfaDevice(name: string, path: string): Promise<{ serialNumber: string; seed: string }>;
  /** Deletes an unassigned virtual device; one already gone is no error (a retried delete whose answer was lost). */
  deleteVirtualMfaDevice(serialNumber: string): Promise<void>;
  enableMfaDevice(userName: string, serialNumber: string, code1: string, code2: string): Promise<void>;
  /** Sets a drifted device right with two consecutive codes it shows now (ResyncMFADevice). */
  resyncMfaDevice(userName: string, serialNumber: string, code1: string, code2: string): Promise<void>;
  /** Unassigns a device from the user (it is not deleted). */
  deactivateMfaDevice(userName: string, serialNumber: string): Promise<void>;
}

/** The IAM calls on MFA devices; only the lists can be cut short by Ctrl-C. */
export function mfaDeviceCalls({ sdk, client: iam, send, abortable }: IamCalls): MfaDevices {
  return {
    listMfaDevices: (userName, { whileStopping = false } = {}) =>
      send('iam:ListMFADevices', async () => {
        const devices: MfaDevice[] = [];
        for await (const page of sdk.paginateListMFADevices({ client: iam }, { UserName: userName }, whileStopping ? {} : abortable)) {
          for (const d of page.MFADevices ?? []) {
            devices.push({ serialNumber: d.SerialNumber ?? '', ...(d.EnableDate ? { enableDate: d.EnableDate } : {}) });
          }
        }
        return devices;
      }),
    listUnassignedVirtualMfaDevices: () =>
      send('iam:ListVirtualMFADevices', async () => {
        const serials: string[] = [];
        for await (const page of sdk.paginateListVirtualMFADevices({ client: iam }, { AssignmentStatus: 'Unassigned' }, abortable)) {
          for (const d of page.VirtualMFADevices ?? []) if (d.SerialNumber) serials.push(d.SerialNumber);
        }
        return serials;
      }),
    createVirtualMfaDevice: (name, path) =>
      send('iam:CreateVirtualMFADevice', async () => {
        const device = (await iam.send(new sdk.CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: name, Path: path }))).VirtualMFADevice;
        if (!device?.SerialNumber || !device.Base32StringSeed) incomplete('CreateVirtualMFADevice returned no seed');
        // The blob holds the ASCII base32 secret, not raw key bytes.
        return { serialNumber: device.SerialNumber, seed: Buffer.from(device.Base32StringSeed).toString('ascii') };
      }),
    deleteVirtualMfaDevice: (serialNumber) =>
      send('iam:DeleteVirtualMFADevice', async () => {
        try {
          await iam.send(new sdk.DeleteVirtualMFADeviceCommand({ SerialNumber: serialNumber }));
        } catch (error) {
          if (!isNoSuchEntity(error)) throw error;
        }
      }),
    enableMfaDevice: (userName, serialNumber, code1, code2) =>
      send('iam:EnableMFADevice', async () => {
        const input = { UserName: userName, SerialNumber: serialNumber, AuthenticationCode1: code1, AuthenticationCode2: code2 };
        await iam.send(new sdk.EnableMFADeviceCommand(input));
      }),
    resyncMfaDevice: (userName, serialNumber, code1, code2) =>
      send('iam:ResyncMFADevice', async () => {
        const input = { UserName: userName, SerialNumber: serialNumber, AuthenticationCode1: code1, AuthenticationCode2: code2 };
        await iam.send(new sdk.ResyncMFADeviceCommand(input));
      }),
    deactivateMfaDevice: (userName, serialNumber) =>
      send('iam:DeactivateMFADevice', async () => {
        await iam.send(new sdk.DeactivateMFADeviceCommand({ UserName: userName, SerialNumber: serialNumber }));
      }),
  };
}
