import { GetUserCommand, IAMClient, ListMFADevicesCommand } from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { afterAll, describe, expect, it } from 'vitest';
import { strictMock } from '../helpers/aws-mock.js';
import { fakeLeftovers } from '../helpers/fakes.js';
import { scriptedPrompter } from '../helpers/prompter.js';

// The fakes themselves must fail loudly (STYLE.md habit 6): each case here provokes a
// leftover, checks how it is reported, and takes it back so this test's own check passes.
describe('strictMock: an AWS call nobody stubbed fails', () => {
  const iam = strictMock(IAMClient);
  const client = new IAMClient({ region: 'us-east-1', credentials: { accessKeyId: 'AKIA', secretAccessKey: 'x' } });
  afterAll(() => iam.restore());

  it('rejects a command nobody stubbed, naming the client and the command, and the test is failed for it', async () => {
    iam.reset();
    iam.on(ListMFADevicesCommand).resolves({ MFADevices: [] });
    await expect(client.send(new ListMFADevicesCommand({}))).resolves.toEqual({ MFADevices: [] });
    await expect(client.send(new GetUserCommand({}))).rejects.toThrow('unstubbed AWS call IAMClient GetUserCommand');
    expect(fakeLeftovers()).toEqual(['AWS calls no stub answered: IAMClient GetUserCommand']);
    expect(fakeLeftovers()).toEqual([]);
  });

  it('keeps the rule after reset(), and past the end of a resolvesOnce() chain', async () => {
    iam.reset();
    iam.on(ListMFADevicesCommand).resolvesOnce({ MFADevices: [] });
    await expect(client.send(new ListMFADevicesCommand({}))).resolves.toEqual({ MFADevices: [] });
    await expect(client.send(new ListMFADevicesCommand({}))).rejects.toThrow('unstubbed AWS call IAMClient ListMFADevicesCommand');
    expect(fakeLeftovers()).toEqual(['AWS calls no stub answered: IAMClient ListMFADevicesCommand']);
  });

  it('a stub for any command still wins over the rule', async () => {
    iam.reset();
    iam.onAnyCommand().resolves({});
    await expect(client.send(new GetUserCommand({}))).resolves.toEqual({});
    expect(fakeLeftovers()).toEqual([]);
  });

  it('reports a swallowed unstubbed call even when the test failed for another reason', async () => {
    const sts = strictMock(STSClient);
    try {
      const caller = new STSClient({ region: 'us-east-1', credentials: { accessKeyId: 'AKIA', secretAccessKey: 'x' } });
      await caller.send(new GetCallerIdentityCommand({})).catch(() => undefined);
      expect(fakeLeftovers(true)).toEqual(['AWS calls no stub answered: STSClient GetCallerIdentityCommand']);
    } finally {
      sts.restore();
    }
  });
});

describe('scriptedPrompter: every scripted answer must be used', () => {
  it('an answer nobody asked for is reported after the test, naming its flag and value', async () => {
    const prompter = scriptedPrompter([
      { flag: '--profile', answer: 'alice' },
      { flag: '--region', answer: 'eu-west-1' },
      { flag: '--yes', answer: true },
      { flag: '--code', answer: () => '123456' },
    ]);
    expect(await prompter.input({ flag: '--profile', message: 'Profile name?' })).toBe('alice');
    expect(fakeLeftovers()).toEqual(['Unused answers: --region = "eu-west-1", --yes = true, --code (computed)']);
    expect(fakeLeftovers()).toEqual([]);
  });

  it('a prompter whose answers were all used leaves nothing', async () => {
    const prompter = scriptedPrompter([{ flag: '--yes', answer: true }]);
    expect(await prompter.confirm({ flag: '--yes', message: 'Go on?', default: false })).toBe(true);
    expect(fakeLeftovers()).toEqual([]);
  });

  it('unused answers are not news when the test failed already (the failure is the news)', () => {
    scriptedPrompter([{ flag: '--yes', answer: true }]);
    expect(fakeLeftovers(true)).toEqual([]);
  });
});
