import { CreateAccessKeyCommand, CreateUserCommand, CreateVirtualMFADeviceCommand, EnableMFADeviceCommand, IAMClient, type AccessKey } from '@aws-sdk/client-iam';
import { afterEach, beforeEach } from 'vitest';
import { startEmbeddedEmulator, type EmbeddedEmulator, type EmbeddedOptions } from '../../src/emulator/embedded/server.js';
import { codeAt, counterAt } from '../../src/totp/totp.js';
import { consoleCsv, giveSelfServicePolicy } from './moto.js';
import { makeSandbox, type Sandbox } from './sandbox.js';

/** What a test of the embedded emulator's world has: its sandbox HOME, and the emulator once it starts one. */
export interface EmbeddedWorld {
  readonly box: Sandbox;
  /** The emulator this test started; undefined until it starts one. */
  readonly emulator: EmbeddedEmulator | undefined;
  /** Starts this test's emulator on the test's clock (the emulator checks codes at its time); stopped after the test. */
  start(clock: { now(): number }, options?: Omit<EmbeddedOptions, 'now'>): Promise<EmbeddedEmulator>;
  /**
   * Starts the emulator and makes alice as an administrator would: the self-service MFA
   * policy (`scope`: which device names it lets her manage), an access key, and the
   * console's key CSV in the sandbox. What follows runs with alice's keys.
   */
  aliceOn(clock: { now(): number }, options?: Omit<EmbeddedOptions, 'now'> & { scope?: 'user' | 'any' }): Promise<{ emulator: EmbeddedEmulator; csv: string }>;
}

/**
 * A fresh sandbox HOME per test and, when the test starts one, an embedded emulator (its
 * own per test: each runs on its test's fake clock), both gone after the test. Like
 * useMotoWorld: register it first in a describe, so that its afterEach runs last.
 */
export function useEmbeddedWorld(): EmbeddedWorld {
  let box: Sandbox | undefined;
  let emulator: EmbeddedEmulator | undefined;
  beforeEach(async () => {
    box = await makeSandbox();
  });
  afterEach(async () => {
    await emulator?.stop();
    emulator = undefined;
    await box?.cleanup();
    box = undefined;
  });
  const world: EmbeddedWorld = {
    get box() {
      if (!box) throw new Error('useEmbeddedWorld: the sandbox exists only while a test runs');
      return box;
    },
    get emulator() {
      return emulator;
    },
    async start(clock, options = {}) {
      if (emulator) throw new Error('useEmbeddedWorld: this test has started its emulator already');
      emulator = await startEmbeddedEmulator({ ...options, now: () => clock.now() });
      return emulator;
    },
    async aliceOn(clock, { scope = 'user', ...options } = {}) {
      const started = await world.start(clock, options);
      const iam = new IAMClient({ endpoint: started.url, region: 'us-east-1', credentials: started.admin });
      await iam.send(new CreateUserCommand({ UserName: 'alice' }));
      await giveSelfServicePolicy(iam, 'alice', scope);
      const key = (await iam.send(new CreateAccessKeyCommand({ UserName: 'alice' }))).AccessKey!;
      const csv = await world.box.write('alice_accessKeys.csv', consoleCsv({ accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! }));
      return { emulator: started, csv };
    },
  };
  return world;
}

/**
 * alice on `emulator` as a tool meets her once she is enrolled (on the real clock): her access
 * key, and a device enabled with the codes of the two windows before now. `used` is the last
 * window whose code was spent (AWS, and the emulator, take each code once).
 */
export async function enrolledAlice(emulator: EmbeddedEmulator): Promise<{ key: AccessKey; seed: string; serial: string; used: number }> {
  const iam = new IAMClient({ endpoint: emulator.url, region: 'us-east-1', credentials: emulator.admin });
  await iam.send(new CreateUserCommand({ UserName: 'alice' }));
  const key = (await iam.send(new CreateAccessKeyCommand({ UserName: 'alice' }))).AccessKey!;
  const device = (await iam.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: 'alice' }))).VirtualMFADevice!;
  const seed = new TextDecoder().decode(device.Base32StringSeed);
  const serial = device.SerialNumber!;
  const used = counterAt(Date.now()) - 1;
  await iam.send(new EnableMFADeviceCommand({ UserName: 'alice', SerialNumber: serial, AuthenticationCode1: codeAt(seed, used - 1), AuthenticationCode2: codeAt(seed, used) }));
  return { key, seed, serial, used };
}
