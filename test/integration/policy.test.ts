import { GetGroupCommand, GetGroupPolicyCommand, ListGroupPoliciesCommand } from '@aws-sdk/client-iam';
import { readFile, stat } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { addAdminProfile, adminIam } from '../helpers/moto.js';
import { runCli } from '../helpers/run.js';
import { useMotoWorld } from '../helpers/world.js';

describe('mfa-onboard policy --attach-group, against moto', () => {
  const world = useMotoWorld();

  const adminProfile = () => addAdminProfile(world.box);
  const attach = (...extra: string[]) =>
    runCli(['policy', '--profile', 'admin', '--attach-group', 'new-hires', '--endpoint-url', world.moto.url, ...extra], { env: world.box.env });

  it('creates the group, attaches the policy, and a second run changes nothing and says so', async () => {
    await adminProfile();
    const first = await attach('--create-group', '--allow-ip', '203.0.113.0/24');
    expect(first.code).toBe(0);
    expect(first.stderr).toContain('Created the IAM group new-hires');
    expect(first.stderr).toContain('Attached the policy to group new-hires as inline policy mfa-onboard-require-mfa');
    const iam = adminIam(world.moto);
    const stored = await iam.send(new GetGroupPolicyCommand({ GroupName: 'new-hires', PolicyName: 'mfa-onboard-require-mfa' }));
    const document = JSON.parse(decodeURIComponent(stored.PolicyDocument!));
    expect(document.Statement.at(-1).Condition.NotIpAddress).toEqual({ 'aws:SourceIp': ['203.0.113.0/24'] });
    // The partition comes from the administrator's own ARN (moto's account is in aws).
    expect(document.Statement[1].Resource).toEqual(['arn:aws:iam::*:user/${aws:username}', 'arn:aws:iam::*:user/*/${aws:username}']);

    const second = await attach('--create-group', '--allow-ip', '203.0.113.0/24');
    expect(second.code).toBe(0);
    expect(second.stderr).toContain('Group new-hires already has this policy as mfa-onboard-require-mfa: nothing changed');
    expect(second.stderr).not.toContain('Created the IAM group');

    // A different document (another range, issue 23.1): the change is shown, and without a
    // terminal nothing is replaced unless --force.
    const third = await attach('--allow-ip', '198.51.100.0/24');
    expect(third.code).toBe(1);
    expect(third.stderr).toMatch(/^- +"203\.0\.113\.0\/24"$/m);
    expect(third.stderr).toMatch(/^\+ +"198\.51\.100\.0\/24"$/m);
    expect(third.stderr).toContain('add --force');
    const unchanged = await iam.send(new GetGroupPolicyCommand({ GroupName: 'new-hires', PolicyName: 'mfa-onboard-require-mfa' }));
    expect(unchanged.PolicyDocument).toBe(stored.PolicyDocument);

    // Dropping --allow-ip altogether is a change too, and shows the condition going.
    const dropped = await attach();
    expect(dropped.code).toBe(1);
    expect(dropped.stderr).toMatch(/^- +"NotIpAddress": \{$/m);

    const forced = await attach('--allow-ip', '198.51.100.0/24', '--force');
    expect(forced.code).toBe(0);
    expect(forced.stderr).toContain('Replaced the inline policy mfa-onboard-require-mfa of group new-hires');
    const path = /as (\S+policy-new-hires-mfa-onboard-require-mfa-\d{8}T\d{6}Z\.json)\./.exec(forced.stderr)?.[1];
    expect(path?.startsWith(`${world.box.home}/.aws/`)).toBe(true);
    expect(JSON.parse(await readFile(path!, 'utf8'))).toEqual(document);
    expect((await stat(path!)).mode & 0o777).toBe(0o600);
    expect(forced.stderr).toContain(`\n    aws iam put-group-policy --group-name new-hires --policy-name mfa-onboard-require-mfa --policy-document file://${path}\n`);
    expect((await iam.send(new ListGroupPoliciesCommand({ GroupName: 'new-hires' }))).PolicyNames).toEqual(['mfa-onboard-require-mfa']);
  });

  it('a group that does not exist, without --create-group, is named with the flag to pass', async () => {
    await adminProfile();
    const result = await attach();
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('There is no IAM group new-hires. Check the name, or add --create-group');
  });

  it('--partition that is not the administrator\'s is refused before anything is created', async () => {
    await adminProfile();
    const result = await attach('--create-group', '--partition', 'aws-cn');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('--partition aws-cn does not match profile admin, whose account is in partition aws.');
    expect(result.stderr).not.toContain('Created the IAM group');
    const group = await adminIam(world.moto).send(new GetGroupCommand({ GroupName: 'new-hires' })).catch((error: Error) => error.name);
    expect(group).toBe('NoSuchEntityException');
  });

  it.each([
    ['--policy-name', ['--policy-name', 'x']],
    ['--profile', ['--profile', 'admin']],
    ['--create-group', ['--create-group']],
    ['--region', ['--region', 'eu-west-1']],
    ['--force', ['--force']],
  ])('%s without --attach-group is refused, not ignored', async (flag, args) => {
    const result = await runCli(['policy', ...args], { env: world.box.env });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`${flag} is used only when attaching the policy to a group: add --attach-group NAME`);
  });

  it('AWS_PROFILE alone does not count as --profile: printing still works', async () => {
    const result = await runCli(['policy'], { env: { ...world.box.env, AWS_PROFILE: 'admin' } });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).Version).toBe('2012-10-17');
  });

  it.each(['10.0.0.1/08', '010.0.0.1'])('--allow-ip %s (leading zeros) is refused, naming it', async (value) => {
    const result = await runCli(['policy', '--allow-ip', '203.0.113.0/24', '--allow-ip', value], { env: world.box.env });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`--allow-ip ${value} is not an IP range`);
  });

  it('--partition picks the printed ARNs\' partition (aws by default), and only aws, aws-cn or aws-us-gov', async () => {
    const resources = (stdout: string) =>
      (JSON.parse(stdout).Statement as { Resource?: string | string[]; NotResource?: string[] }[]).flatMap((s) => [s.Resource ?? [], s.NotResource ?? []].flat()).filter((r) => r !== '*');
    const plain = await runCli(['policy'], { env: world.box.env });
    expect(resources(plain.stdout).every((arn) => arn.startsWith('arn:aws:iam::*:'))).toBe(true);
    const china = await runCli(['policy', '--partition', 'aws-cn'], { env: world.box.env });
    expect(china.code).toBe(0);
    expect(resources(china.stdout).every((arn) => arn.startsWith('arn:aws-cn:iam::*:'))).toBe(true);
    const wrong = await runCli(['policy', '--partition', 'aws-iso-x'], { env: world.box.env });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('--partition aws-iso-x is not an AWS partition: use aws, aws-cn (China) or aws-us-gov (GovCloud US).');
  });

  it('regression (issue 23.13): on a terminal the JSON comes after a line saying what it is for; piped, stdout is the JSON alone', async () => {
    const shown = await runCli(['policy'], { env: world.box.env, stdoutTTY: true });
    expect(shown.code).toBe(0);
    expect(shown.stderr).toMatch(/^The IAM policy for your users, as JSON/);
    expect(shown.stderr).toContain('lets each user manage only their own MFA device');
    expect(shown.stderr).toContain('\n    mfa-onboard policy --attach-group GROUP --profile ADMIN\n');
    expect(shown.stderr).toContain('\n    mfa-onboard policy > require-mfa.json\n');
    expect(JSON.parse(shown.stdout).Version).toBe('2012-10-17');
    const piped = await runCli(['policy'], { env: world.box.env });
    expect(piped.stderr).toBe('');
    expect(JSON.parse(piped.stdout).Version).toBe('2012-10-17');
  });

  it('without --attach-group it only prints the document (stdout), and calls nothing', async () => {
    const result = await runCli(['policy', '--device-name-scope', 'any', '--endpoint-url', 'http://127.0.0.1:9'], { env: world.box.env });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).Statement[2].Resource).toBe('arn:aws:iam::*:mfa/*');
  });
});
