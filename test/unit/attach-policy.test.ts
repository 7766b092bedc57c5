import { describe, expect, it } from 'vitest';
import type { GroupPolicy, Sts } from '../../src/aws/client.js';
import { AwsError } from '../../src/aws/errors.js';
import { attachPolicy } from '../../src/commands/policy.js';
import { UserError } from '../../src/errors.js';
import { recordingOutput } from '../helpers/output.js';

const DOCUMENT = { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: '*', Resource: '*' }] };
const render = (partition: string) => JSON.stringify({ ...DOCUMENT, partition }, null, 2);

/** One group's inline policies as IAM keeps them, and the calls made; `denied` refuses that call. */
function iam(policies: Record<string, string> | undefined, denied?: keyof GroupPolicy) {
  const calls: string[] = [];
  const call = async <R>(name: string, result: () => R): Promise<R> => {
    calls.push(name);
    if (name === denied) throw new AwsError('AccessDenied', `iam:${name[0]!.toUpperCase()}${name.slice(1)}`, 'User: admin is not authorized', 403);
    return result();
  };
  let group = policies;
  const aws: Pick<Sts, 'getCallerIdentity'> & GroupPolicy = {
    getCallerIdentity: async () => ({ arn: 'arn:aws-cn:iam::123456789012:user/admin', account: '123456789012' }),
    groupExists: (name) => call('groupExists', () => name === 'staff' && group !== undefined),
    createGroup: () => call('createGroup', () => void (group = {})),
    getGroupPolicy: (_, policy) => call('getGroupPolicy', () => group?.[policy]),
    putGroupPolicy: (_, policy, document) => call('putGroupPolicy', () => void (group![policy] = document)),
  };
  return { aws, calls, policies: () => group };
}

const OPTIONS = { createGroup: false, policyName: 'RequireMFA', profile: 'admin' };

describe('attachPolicy (the group policy calls, faked: no moto needed)', () => {
  it('renders for the administrator\'s partition and attaches; the same document spaced otherwise is unchanged', async () => {
    const { aws, calls, policies } = iam({});
    const { out, text } = recordingOutput();
    await attachPolicy(aws, 'staff', OPTIONS, render, { out });
    expect(JSON.parse(policies()!.RequireMFA!)).toEqual({ ...DOCUMENT, partition: 'aws-cn' });
    expect(text()).toContain('Attached the policy to group staff as inline policy RequireMFA');

    policies()!.RequireMFA = JSON.stringify(JSON.parse(policies()!.RequireMFA!));
    await attachPolicy(aws, 'staff', OPTIONS, render, { out });
    expect(text()).toContain('Group staff already has this policy as RequireMFA: nothing changed');
    expect(calls.filter((c) => c === 'putGroupPolicy')).toHaveLength(1);
  });

  it('replaces a different policy of that name, and says it replaced it', async () => {
    const { aws, policies } = iam({ RequireMFA: '{"Version":"2012-10-17","Statement":[]}' });
    const { out, text } = recordingOutput();
    await attachPolicy(aws, 'staff', OPTIONS, render, { out });
    expect(JSON.parse(policies()!.RequireMFA!).partition).toBe('aws-cn');
    expect(text()).toContain('Replaced the inline policy RequireMFA of group staff with this one');
  });

  it('a missing group is made only with --create-group', async () => {
    const missing = iam(undefined);
    const { out } = recordingOutput();
    const error = await attachPolicy(missing.aws, 'staff', OPTIONS, render, { out }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).id).toBe('policy.noGroup');
    expect(missing.calls).toEqual(['groupExists']);

    const made = iam(undefined);
    await attachPolicy(made.aws, 'staff', { ...OPTIONS, createGroup: true }, render, { out });
    expect(made.calls).toEqual(['groupExists', 'createGroup', 'getGroupPolicy', 'putGroupPolicy']);
  });

  it('--partition other than the administrator\'s is refused before any group call', async () => {
    const { aws, calls } = iam({});
    const { out } = recordingOutput();
    const error = await attachPolicy(aws, 'staff', { ...OPTIONS, partition: 'aws' }, render, { out }).catch((e: unknown) => e);
    expect((error as UserError).id).toBe('policy.otherPartition');
    expect(calls).toEqual([]);
  });

  it('AccessDenied names the profile and the refused action', async () => {
    const { aws } = iam({}, 'putGroupPolicy');
    const { out } = recordingOutput();
    const error = await attachPolicy(aws, 'staff', OPTIONS, render, { out }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).id).toBe('policy.denied');
    expect((error as UserError).params).toMatchObject({ profile: 'admin', action: 'iam:PutGroupPolicy' });
  });
});
