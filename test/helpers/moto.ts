import {
  CreateAccessKeyCommand, CreateUserCommand, CreateVirtualMFADeviceCommand, EnableMFADeviceCommand, IAMClient,
  ListVirtualMFADevicesCommand, PutUserPolicyCommand,
} from '@aws-sdk/client-iam';
import { promises as fs } from 'node:fs';
import { dirname } from 'node:path';
import { startMoto, type Moto } from '../../src/emulator/moto.js';
import { mfaPolicy } from '../../src/policy/document.js';
import type { Sandbox } from './sandbox.js';

export type { Moto };
export { startMoto };

/** moto accepts any admin key when authentication is off; these never leave the emulator. */
export const ADMIN = { accessKeyId: 'AKIATESTADMIN0000000', secretAccessKey: 'a'.repeat(40) };

/** Profile [admin] with those keys in the sandbox's credentials file (0600), beside any profiles there. */
export async function addAdminProfile(box: Pick<Sandbox, 'credentialsFile'>): Promise<void> {
  await fs.mkdir(dirname(box.credentialsFile), { recursive: true, mode: 0o700 });
  await fs.appendFile(box.credentialsFile, `[admin]\naws_access_key_id = ${ADMIN.accessKeyId}\naws_secret_access_key = ${ADMIN.secretAccessKey}\n`, { mode: 0o600 });
}

export function adminIam(moto: Moto): IAMClient {
  return new IAMClient({ endpoint: moto.url, region: 'us-east-1', credentials: ADMIN });
}

/** Creates an IAM user and a long-term access key for it in moto. */
export async function createUserWithKey(moto: Moto, userName: string, path = '/') {
  const iam = adminIam(moto);
  await iam.send(new CreateUserCommand({ UserName: userName, Path: path }));
  const key = (await iam.send(new CreateAccessKeyCommand({ UserName: userName }))).AccessKey!;
  return { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! };
}

/** Every virtual MFA device moto holds, with its assignment. */
export async function listDevices(moto: Moto) {
  const out = await adminIam(moto).send(new ListVirtualMFADevicesCommand({ AssignmentStatus: 'Any' }));
  return (out.VirtualMFADevices ?? []).map((d) => ({
    serialNumber: d.SerialNumber!,
    user: d.User?.UserName,
    seed: d.Base32StringSeed ? Buffer.from(d.Base32StringSeed).toString('ascii') : undefined,
  }));
}

/** The CSV exactly as the console's per-key download is often seen: BOM, CRLF, no user name. */
export function consoleCsv(key: { accessKeyId: string; secretAccessKey: string }): string {
  return `\uFEFFAccess key ID,Secret access key\r\n${key.accessKeyId},${key.secretAccessKey}\r\n`;
}

/** A device enabled for the user behind the wizard's back (an earlier phone), with its seed. */
export async function enrolledDevice(moto: Moto, user: string, name: string) {
  const iam = adminIam(moto);
  const device = (await iam.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: name }))).VirtualMFADevice!;
  await iam.send(new EnableMFADeviceCommand({ UserName: user, SerialNumber: device.SerialNumber, AuthenticationCode1: '123456', AuthenticationCode2: '234567' }));
  return { serial: device.SerialNumber!, seed: Buffer.from(device.Base32StringSeed!).toString('ascii') };
}

/**
 * Gives `userName` our self-service MFA policy as an inline policy, as an administrator
 * would: the embedded emulator evaluates policies, so a user without one may call nothing.
 */
export async function giveSelfServicePolicy(iam: IAMClient, userName: string, scope: 'user' | 'any' = 'user'): Promise<void> {
  const document = JSON.stringify(mfaPolicy({ allowIps: [], scope }));
  await iam.send(new PutUserPolicyCommand({ UserName: userName, PolicyName: 'mfa-onboard-require-mfa', PolicyDocument: document }));
}
