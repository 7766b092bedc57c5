import { IAMClient, ListAccessKeysCommand, ListMFADevicesCommand, ListVirtualMFADevicesCommand } from '@aws-sdk/client-iam';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sdkAwsFactory } from '../../src/aws/sdk.js';
import { makeSandbox, type Sandbox } from '../helpers/sandbox.js';

const KEYS = { accessKeyId: 'AKIAMOCKMOCKMOCK0001', secretAccessKey: 'Mock/Secret+Key0000000000000000000000000' };
const serial = (name: string) => `arn:aws:iam::111122223333:mfa/${name}`;
/** What a call was sent with besides the command (the SDK's options: the abort signal). */
const sentWith = (call: { args: unknown[] }) => call.args[1];

// moto answers these lists in one page; paging, and what each page is sent with, is stubbed.
describe('the IAM lists follow every page (the SDK\'s paginators)', () => {
  const iam = mockClient(IAMClient);
  let box: Sandbox;
  const controller = new AbortController();

  beforeEach(async () => {
    iam.reset();
    iam.onAnyCommand().rejects(new Error('an IAM call nobody stubbed'));
    box = await makeSandbox('http://127.0.0.1:9');
    // The client reads the AWS files' sizes: the sandbox's, never the real ~/.aws.
    vi.stubEnv('AWS_SHARED_CREDENTIALS_FILE', box.credentialsFile);
    vi.stubEnv('AWS_CONFIG_FILE', box.configFile);
  });
  afterEach(async () => {
    vi.unstubAllEnvs();
    await box.cleanup();
  });
  afterAll(() => iam.restore());
  const client = () => sdkAwsFactory({ region: 'us-east-1' }, controller.signal)({ keys: KEYS });

  it('ListMFADevices: two pages, each sent with the abort signal; while stopping, without it', async () => {
    iam.on(ListMFADevicesCommand, { UserName: 'alice', Marker: undefined }).resolves({
      MFADevices: [{ UserName: 'alice', SerialNumber: serial('alice'), EnableDate: new Date('2025-01-02T00:00:00Z') }],
      IsTruncated: true,
      Marker: 'page-2',
    });
    iam.on(ListMFADevicesCommand, { UserName: 'alice', Marker: 'page-2' }).resolves({
      MFADevices: [{ UserName: 'alice', SerialNumber: serial('alice-2'), EnableDate: new Date('2025-03-04T00:00:00Z') }],
      IsTruncated: false,
    });
    const aws = await client();
    expect(await aws.listMfaDevices('alice')).toEqual([
      { serialNumber: serial('alice'), enableDate: new Date('2025-01-02T00:00:00Z') },
      { serialNumber: serial('alice-2'), enableDate: new Date('2025-03-04T00:00:00Z') },
    ]);
    const sent = iam.commandCalls(ListMFADevicesCommand);
    // The second page answers only to its Marker: both devices listed means it was followed.
    expect(sent).toHaveLength(2);
    for (const call of sent) expect(sentWith(call)).toEqual({ abortSignal: controller.signal });

    iam.resetHistory();
    expect(await aws.listMfaDevices('alice', { whileStopping: true })).toHaveLength(2);
    for (const call of iam.commandCalls(ListMFADevicesCommand)) expect(sentWith(call)).toEqual({});
    // One call as the slow notice and the benchmark count it, however many pages.
    expect(aws.calls).toBe(2);
  });

  it('ListVirtualMFADevices (Unassigned) and ListAccessKeys: every page, with the abort signal', async () => {
    iam.on(ListVirtualMFADevicesCommand, { AssignmentStatus: 'Unassigned', Marker: undefined }).resolves({
      VirtualMFADevices: [{ SerialNumber: serial('orphan-1') }],
      IsTruncated: true,
      Marker: 'next',
    });
    iam.on(ListVirtualMFADevicesCommand, { AssignmentStatus: 'Unassigned', Marker: 'next' }).resolves({
      VirtualMFADevices: [{ SerialNumber: serial('orphan-2') }],
      IsTruncated: false,
    });
    iam.on(ListAccessKeysCommand, { UserName: 'alice', Marker: undefined }).resolves({
      AccessKeyMetadata: [{ AccessKeyId: 'AKIAFIRSTPAGE0000001' }],
      IsTruncated: true,
      Marker: 'more',
    });
    iam.on(ListAccessKeysCommand, { UserName: 'alice', Marker: 'more' }).resolves({
      AccessKeyMetadata: [{ AccessKeyId: 'AKIASECONDPAGE000002' }],
      IsTruncated: false,
    });
    const aws = await client();
    expect(await aws.listUnassignedVirtualMfaDevices()).toEqual([serial('orphan-1'), serial('orphan-2')]);
    expect(await aws.listAccessKeys('alice')).toEqual(['AKIAFIRSTPAGE0000001', 'AKIASECONDPAGE000002']);
    for (const call of [...iam.commandCalls(ListVirtualMFADevicesCommand), ...iam.commandCalls(ListAccessKeysCommand)]) {
      expect(sentWith(call)).toEqual({ abortSignal: controller.signal });
    }
  });
});
