import { promises as fs } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { GroupPolicy, Sts } from '../../src/aws/client.js';
import { attachPolicy } from '../../src/commands/policy.js';
import { createFileWriter } from '../../src/credentials/files.js';
import { AwsError, CancelledError, UserError } from '../../src/errors.js';
import type { Output } from '../../src/ui/output.js';
import { createNonInteractivePrompter, type Prompter } from '../../src/ui/prompter.js';
import { fakeClock } from '../helpers/clock.js';
import { recordingOutput } from '../helpers/output.js';
import { scriptedPrompter } from '../helpers/prompter.js';
import { makeSandbox, type Sandbox } from '../helpers/sandbox.js';

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

const OPTIONS = { createGroup: false, policyName: 'RequireMFA', profile: 'admin', force: false };

let box: Sandbox;
beforeEach(async () => void (box = await makeSandbox()));
afterEach(() => box.cleanup());

/** What attachPolicy runs with: a terminal when a prompter is given, else none; files in the sandbox; 14:30:05 UTC. */
function seams(out: Output, prompter?: Prompter) {
  const clock = fakeClock(Date.UTC(2026, 11, 7, 14, 30, 5));
  return {
    out,
    prompter: prompter ?? createNonInteractivePrompter({ yes: false }),
    interactive: prompter !== undefined,
    clock,
    writer: createFileWriter({ clock, signal: new AbortController().signal }),
    files: { credentialsFile: box.credentialsFile, configFile: box.configFile },
  };
}

/** The group's policy as someone changed it by hand: one range, where ours has another. */
const BY_HAND = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: '*', Resource: '*', Condition: { NotIpAddress: { 'aws:SourceIp': ['198.51.100.0/24'] } } }] });
const SAVED = 'policy-staff-RequireMFA-20261207T143005Z.json';

describe('attachPolicy (the group policy calls, faked: no moto needed)', () => {
  it('renders for the administrator\'s partition and attaches; the same document spaced otherwise is unchanged', async () => {
    const { aws, calls, policies } = iam({});
    const { out, text } = recordingOutput();
    await attachPolicy(aws, 'staff', OPTIONS, render, seams(out));
    expect(JSON.parse(policies()!.RequireMFA!)).toEqual({ ...DOCUMENT, partition: 'aws-cn' });
    expect(text()).toContain('Attached the policy to group staff as inline policy RequireMFA');

    policies()!.RequireMFA = JSON.stringify(JSON.parse(policies()!.RequireMFA!));
    await attachPolicy(aws, 'staff', OPTIONS, render, seams(out));
    expect(text()).toContain('Group staff already has this policy as RequireMFA: nothing changed');
    expect(calls.filter((c) => c === 'putGroupPolicy')).toHaveLength(1);
  });

  it('regression (issue 23.1): a different policy of that name is not replaced without a terminal unless --force; the changes are shown', async () => {
    const { aws, calls, policies } = iam({ RequireMFA: BY_HAND });
    const { out, text } = recordingOutput();
    const error = await attachPolicy(aws, 'staff', OPTIONS, render, seams(out)).catch((e: unknown) => e);
    expect((error as UserError).id).toBe('policy.needsForce');
    expect(calls).not.toContain('putGroupPolicy');
    expect(policies()!.RequireMFA).toBe(BY_HAND);
    // What would change, line by line: their range goes, our partition comes.
    expect(text()).toContain('differs from this one');
    expect(text()).toMatch(/^- {13}"198\.51\.100\.0\/24"$/m);
    expect(text()).toContain('+   "partition": "aws-cn"');
    await expect(fs.readdir(`${box.home}/.aws`).catch(() => [])).resolves.toEqual([]);
  });

  it('with --force it saves the old document (0600, named with the command that puts it back), then replaces it', async () => {
    const { aws, policies } = iam({ RequireMFA: BY_HAND });
    const { out, text } = recordingOutput();
    await attachPolicy(aws, 'staff', { ...OPTIONS, force: true }, render, seams(out));
    expect(JSON.parse(policies()!.RequireMFA!).partition).toBe('aws-cn');
    const saved = `${box.home}/.aws/${SAVED}`;
    expect(JSON.parse(await fs.readFile(saved, 'utf8'))).toEqual(JSON.parse(BY_HAND));
    expect((await fs.stat(saved)).mode & 0o777).toBe(0o600);
    expect(text()).toContain(`\n    aws iam put-group-policy --group-name staff --policy-name RequireMFA --policy-document file://${saved}\n`);
    expect(text()).toContain('Replaced the inline policy RequireMFA of group staff with this one');
  });

  it('on a terminal it asks, No by default: No keeps the policy and saves nothing; Yes replaces it', async () => {
    const kept = iam({ RequireMFA: BY_HAND });
    const { out } = recordingOutput();
    let asked: unknown;
    const no = scriptedPrompter([{ flag: '--force', answer: false }]);
    const ask = { ...no, confirm: (q: Parameters<Prompter['confirm']>[0]) => ((asked = q.default), no.confirm(q)) };
    const error = await attachPolicy(kept.aws, 'staff', OPTIONS, render, seams(out, ask)).catch((e: unknown) => e);
    expect(asked).toBe(false);
    expect(error).toBeInstanceOf(CancelledError);
    expect((error as CancelledError).id).toBe('policy.kept');
    expect(kept.policies()!.RequireMFA).toBe(BY_HAND);
    await expect(fs.readdir(`${box.home}/.aws`).catch(() => [])).resolves.toEqual([]);

    const replaced = iam({ RequireMFA: BY_HAND });
    await attachPolicy(replaced.aws, 'staff', OPTIONS, render, seams(out, scriptedPrompter([{ flag: '--force', answer: true }])));
    expect(JSON.parse(replaced.policies()!.RequireMFA!).partition).toBe('aws-cn');
    await fs.access(`${box.home}/.aws/${SAVED}`);
  });

  it('a refused replacement leaves no saved copy; a copy that cannot be saved leaves the policy as it was', async () => {
    const refused = iam({ RequireMFA: BY_HAND }, 'putGroupPolicy');
    const { out, text } = recordingOutput();
    const error = await attachPolicy(refused.aws, 'staff', { ...OPTIONS, force: true }, render, seams(out)).catch((e: unknown) => e);
    expect((error as UserError).id).toBe('policy.denied');
    await expect(fs.readdir(`${box.home}/.aws`)).resolves.toEqual([]);
    expect(text()).not.toContain('Saved the inline policy');

    // The folder for the copy is a file: nothing can be saved there.
    await fs.rm(`${box.home}/.aws`, { recursive: true });
    await fs.writeFile(`${box.home}/.aws`, '');
    const unsaved = iam({ RequireMFA: BY_HAND });
    const failed = await attachPolicy(unsaved.aws, 'staff', { ...OPTIONS, force: true }, render, seams(out)).catch((e: unknown) => e);
    expect((failed as UserError).id).toBe('policy.saveFailed');
    expect(unsaved.calls).not.toContain('putGroupPolicy');
    expect(unsaved.policies()!.RequireMFA).toBe(BY_HAND);
  });

  it('a missing group is made only with --create-group', async () => {
    const missing = iam(undefined);
    const { out } = recordingOutput();
    const error = await attachPolicy(missing.aws, 'staff', OPTIONS, render, seams(out)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).id).toBe('policy.noGroup');
    expect(missing.calls).toEqual(['groupExists']);

    const made = iam(undefined);
    await attachPolicy(made.aws, 'staff', { ...OPTIONS, createGroup: true }, render, seams(out));
    expect(made.calls).toEqual(['groupExists', 'createGroup', 'getGroupPolicy', 'putGroupPolicy']);
  });

  it('--partition other than the administrator\'s is refused before any group call', async () => {
    const { aws, calls } = iam({});
    const { out } = recordingOutput();
    const error = await attachPolicy(aws, 'staff', { ...OPTIONS, partition: 'aws' }, render, seams(out)).catch((e: unknown) => e);
    expect((error as UserError).id).toBe('policy.otherPartition');
    expect(calls).toEqual([]);
  });

  it('AccessDenied names the profile and the refused action', async () => {
    const { aws } = iam({}, 'putGroupPolicy');
    const { out } = recordingOutput();
    const error = await attachPolicy(aws, 'staff', OPTIONS, render, seams(out)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).id).toBe('policy.denied');
    expect((error as UserError).params).toMatchObject({ profile: 'admin', action: 'iam:PutGroupPolicy' });
  });
});
