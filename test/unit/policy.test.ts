import { describe, expect, it } from 'vitest';
import { CALLS_WITHOUT_MFA, CONSOLE_CALLS_WITHOUT_MFA, checkCidr, mfaPolicy, type PolicyDocument } from '../../src/policy/document.js';
import { errorText } from '../../src/ui/error-text.js';
import { userErrorFrom } from '../helpers/errors.js';

/**
 * A deliberately small evaluator for this document's shapes: actions, resources (`*` spans
 * `/`, as in IAM), MFA and source IP; `${aws:username}` is the caller's name (alice unless said).
 */
function decide(
  doc: PolicyDocument,
  action: string,
  resource: string,
  ctx: { mfa: boolean; ip?: string; inRange?: boolean; user?: string },
): 'allow' | 'deny' | 'implicit' {
  const matches = (pattern: string, value: string) =>
    new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\\\$\\\{aws:username\\\}/g, ctx.user ?? 'alice')}$`).test(value);
  const applies = (s: PolicyDocument['Statement'][number]) => {
    const actionHit = s.Action ? s.Action.some((a) => matches(a, action)) : !s.NotAction!.some((a) => matches(a, action));
    const listed = (r: string | string[]) => (Array.isArray(r) ? r : [r]).some((p) => matches(p, resource));
    const resourceHit = s.NotResource ? !listed(s.NotResource) : listed(s.Resource!);
    if (!actionHit || !resourceHit) return false;
    for (const [operator, values] of Object.entries(s.Condition ?? {})) {
      if (operator === 'Bool' && String(ctx.mfa) !== values['aws:MultiFactorAuthPresent']) return false;
      if (operator === 'BoolIfExists' && String(ctx.mfa) !== values['aws:MultiFactorAuthPresent']) return false;
      if (operator === 'NotIpAddress' && ctx.inRange) return false;
    }
    return true;
  };
  if (doc.Statement.some((s) => s.Effect === 'Deny' && applies(s))) return 'deny';
  return doc.Statement.some((s) => s.Effect === 'Allow' && applies(s)) ? 'allow' : 'implicit';
}

const USER = 'arn:aws:iam::123456789012:user/alice';
const OWN = 'arn:aws:iam::123456789012:mfa/alice';
const OTHER = 'arn:aws:iam::123456789012:mfa/alice-20261124';
/** Where each call the wizard makes without MFA lands; STS calls need no allow, only no deny. */
const RESOURCES: Record<(typeof CALLS_WITHOUT_MFA)[number], string> = {
  'sts:GetCallerIdentity': '*',
  'sts:GetSessionToken': '*',
  'iam:ListMFADevices': USER,
  'iam:ListVirtualMFADevices': '*',
  'iam:ListAccountAliases': '*',
  'iam:CreateVirtualMFADevice': OWN,
  'iam:EnableMFADevice': USER,
  'iam:DeleteVirtualMFADevice': OWN,
};

describe('the require-MFA policy', () => {
  const doc = mfaPolicy({ allowIps: [], scope: 'user' });

  it('is valid JSON with the 2012-10-17 grammar and unique Sids', () => {
    const parsed = JSON.parse(JSON.stringify(doc)) as PolicyDocument;
    expect(parsed.Version).toBe('2012-10-17');
    const sids = parsed.Statement.map((s) => s.Sid);
    expect(new Set(sids).size).toBe(sids.length);
    for (const s of parsed.Statement) expect(Boolean(s.Action) !== Boolean(s.NotAction)).toBe(true);
  });

  it.each(CALLS_WITHOUT_MFA)('lets the wizard call %s without MFA (never denied; IAM calls allowed on the user\'s own resources)', (action) => {
    const verdict = decide(doc, action, RESOURCES[action], { mfa: false });
    expect(verdict).not.toBe('deny');
    if (action.startsWith('iam:')) expect(verdict).toBe('allow');
  });

  it('statement by statement', () => {
    const [list, listOwn, manage, enable, deactivate, password, passwordPolicy, others, deny] = doc.Statement;
    const ownUser = ['arn:aws:iam::*:user/${aws:username}', 'arn:aws:iam::*:user/*/${aws:username}'];
    expect(list).toMatchObject({ Effect: 'Allow', Action: ['iam:ListVirtualMFADevices', 'iam:ListAccountAliases'], Resource: '*' });
    expect(listOwn).toMatchObject({ Effect: 'Allow', Action: ['iam:ListMFADevices'], Resource: ownUser });
    expect(manage).toMatchObject({ Effect: 'Allow', Resource: 'arn:aws:iam::*:mfa/${aws:username}' });
    expect(enable?.Resource).toEqual(['arn:aws:iam::*:mfa/${aws:username}', ...ownUser]);
    expect(deactivate).toMatchObject({ Action: ['iam:DeactivateMFADevice'], Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } });
    expect(password).toMatchObject({ Effect: 'Allow', Action: ['iam:ChangePassword', 'iam:GetUser'], Resource: ownUser });
    expect(passwordPolicy).toMatchObject({ Effect: 'Allow', Action: ['iam:GetAccountPasswordPolicy'], Resource: '*' });
    expect(others).toMatchObject({ Effect: 'Deny', Action: ['iam:ChangePassword', 'iam:GetUser'], NotResource: ownUser, Condition: deny?.Condition });
    expect(deny).toMatchObject({ Effect: 'Deny', Resource: '*', Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } } });
    expect(deny?.Condition).not.toHaveProperty('NotIpAddress');
    expect(doc.Statement).toHaveLength(9);
  });

  // Regression: user/${aws:username} alone does not match user/eng/bob, so the users that
  // `admin create-user --path /eng/` makes were refused ListMFADevices and EnableMFADevice.
  it.each(CALLS_WITHOUT_MFA)('a user with an IAM path (user/eng/bob) may call %s without MFA too', (action) => {
    const resource = RESOURCES[action].replace('user/alice', 'user/eng/bob').replace('mfa/alice', 'mfa/bob');
    const verdict = decide(doc, action, resource, { mfa: false, user: 'bob' });
    expect(verdict).toBe(action.startsWith('iam:') ? 'allow' : 'implicit');
  });

  it('matches a path user however deep the path, with MFA as without', () => {
    for (const resource of ['arn:aws:iam::123456789012:user/eng/bob', 'arn:aws:iam::123456789012:user/eng/team-a/bob']) {
      for (const mfa of [false, true]) {
        expect(decide(doc, 'iam:ListMFADevices', resource, { mfa, user: 'bob' })).toBe('allow');
        expect(decide(doc, 'iam:EnableMFADevice', resource, { mfa, user: 'bob' })).toBe('allow');
      }
      expect(decide(doc, 'iam:DeactivateMFADevice', resource, { mfa: true, user: 'bob' })).toBe('allow');
      expect(decide(doc, 'iam:DeactivateMFADevice', resource, { mfa: false, user: 'bob' })).toBe('deny');
    }
  });

  it.each([
    ['alice', 'arn:aws:iam::123456789012:user/bob'],
    ['alice', 'arn:aws:iam::123456789012:user/eng/bob'],
    ['alice', 'arn:aws:iam::123456789012:user/eng/malice'],
    ['alice', 'arn:aws:iam::123456789012:user/alice2'],
    ['bob', 'arn:aws:iam::123456789012:user/alice'],
    ['bob', 'arn:aws:iam::123456789012:user/ops/alice'],
    ['bob', 'arn:aws:iam::123456789012:user/eng/bobby'],
  ])('%s may not touch the MFA of %s (with MFA or without)', (user, other) => {
    for (const mfa of [false, true]) {
      for (const action of ['iam:ListMFADevices', 'iam:EnableMFADevice', 'iam:ResyncMFADevice', 'iam:DeactivateMFADevice', 'iam:ChangePassword', 'iam:GetUser']) {
        expect(decide(doc, action, other, { mfa, user }), `${action} mfa=${mfa}`).not.toBe('allow');
      }
    }
  });

  it('a user may not create or delete a device named after another user (path users included)', () => {
    for (const [user, device] of [['alice', 'mfa/bob'], ['bob', 'mfa/alice'], ['bob', 'mfa/eng/alice'], ['bob', 'mfa/bobby']]) {
      for (const action of ['iam:CreateVirtualMFADevice', 'iam:DeleteVirtualMFADevice']) {
        expect(decide(doc, action, `arn:aws:iam::123456789012:${device}`, { mfa: false, user }), `${user} ${action} ${device}`).not.toBe('allow');
      }
    }
  });

  // Regression: a console user told to choose a new password at first sign-in has no MFA yet.
  it.each(CONSOLE_CALLS_WITHOUT_MFA)('lets a console user without MFA call %s for themselves (the forced password change)', (action) => {
    const resource = action === 'iam:GetAccountPasswordPolicy' ? '*' : USER;
    expect(decide(doc, action, resource, { mfa: false })).toBe('allow');
    if (action !== 'iam:GetAccountPasswordPolicy') {
      expect(decide(doc, action, 'arn:aws:iam::123456789012:user/eng/bob', { mfa: false, user: 'bob' })).toBe('allow');
    }
  });

  it('without MFA, another user stays denied even to keys another policy lets read users (the exemption is for one\'s own)', () => {
    for (const other of ['arn:aws:iam::123456789012:user/bob', 'arn:aws:iam::123456789012:user/eng/bob']) {
      for (const action of ['iam:GetUser', 'iam:ChangePassword']) {
        expect(decide(doc, action, other, { mfa: false }), `${action} ${other}`).toBe('deny');
        expect(decide(doc, action, other, { mfa: true }), `${action} ${other} with MFA`).toBe('implicit');
      }
    }
    expect(decide(doc, 'iam:GetUser', USER, { mfa: false })).toBe('allow');
  });

  it('exempts from the deny only what the wizard and a first console sign-in need', () => {
    const deny = doc.Statement.at(-1)!;
    expect([...deny.NotAction!].sort()).toEqual([...CALLS_WITHOUT_MFA, 'iam:ResyncMFADevice', ...CONSOLE_CALLS_WITHOUT_MFA].sort());
    for (const action of ['iam:CreateLoginProfile', 'iam:UpdateLoginProfile', 'iam:CreateAccessKey', 'iam:ListUsers']) {
      expect(decide(doc, action, USER, { mfa: false })).toBe('deny');
    }
  });

  it('names the partition in every ARN: aws by default, or the one asked for', () => {
    const arns = (d: PolicyDocument) => d.Statement.flatMap((s) => [s.Resource ?? [], s.NotResource ?? []].flat()).filter((r) => r !== '*');
    expect(arns(doc).every((arn) => arn.startsWith('arn:aws:iam::'))).toBe(true);
    for (const partition of ['aws-cn', 'aws-us-gov']) {
      const other = mfaPolicy({ allowIps: [], scope: 'user', partition });
      expect(arns(other).length).toBe(arns(doc).length);
      expect(arns(other).every((arn) => arn.startsWith(`arn:${partition}:iam::*:`))).toBe(true);
      const user = `arn:${partition}:iam::123456789012:user/eng/bob`;
      expect(decide(other, 'iam:ListMFADevices', user, { mfa: false, user: 'bob' })).toBe('allow');
      expect(decide(other, 'iam:CreateVirtualMFADevice', `arn:${partition}:iam::123456789012:mfa/bob`, { mfa: false, user: 'bob' })).toBe('allow');
      // An aws-partition policy grants nothing in aws-cn, and the other way round.
      expect(decide(doc, 'iam:ListMFADevices', user, { mfa: false, user: 'bob' })).toBe('implicit');
      expect(decide(other, 'iam:ListMFADevices', USER, { mfa: false })).toBe('implicit');
    }
  });

  it('denies everything else without MFA, and takes nothing away with MFA', () => {
    for (const action of ['s3:ListAllMyBuckets', 'ec2:DescribeInstances', 'iam:CreateAccessKey', 'iam:DeactivateMFADevice']) {
      expect(decide(doc, action, '*', { mfa: false })).toBe('deny');
    }
    expect(decide(doc, 'iam:DeactivateMFADevice', OWN, { mfa: true })).toBe('allow');
    expect(decide(doc, 's3:ListAllMyBuckets', '*', { mfa: true })).toBe('implicit'); // other policies grant it
  });

  it('pins devices to the user\'s name by default, and opens them with --device-name-scope any', () => {
    expect(decide(doc, 'iam:CreateVirtualMFADevice', OTHER, { mfa: true })).toBe('implicit');
    const any = mfaPolicy({ allowIps: [], scope: 'any' });
    expect(decide(any, 'iam:CreateVirtualMFADevice', OTHER, { mfa: true })).toBe('allow');
    expect(decide(any, 'iam:CreateVirtualMFADevice', OTHER, { mfa: false })).toBe('allow');
  });

  it('--allow-ip exempts those ranges from the MFA requirement (NotIpAddress on aws:SourceIp in the deny)', () => {
    const office = mfaPolicy({ allowIps: ['203.0.113.0/24', '2001:db8::/32'], scope: 'user' });
    const deny = office.Statement.at(-1)!;
    expect(deny.Condition?.NotIpAddress).toEqual({ 'aws:SourceIp': ['203.0.113.0/24', '2001:db8::/32'] });
    expect(decide(office, 's3:ListAllMyBuckets', '*', { mfa: false, inRange: true })).toBe('implicit');
    expect(decide(office, 's3:ListAllMyBuckets', '*', { mfa: false, inRange: false })).toBe('deny');
  });

  it.each([
    ['203.0.113.0/24', true], ['10.0.0.1', true], ['0.0.0.0/0', true], ['2001:db8::/32', true], ['::1', true], ['2001:db8::/128', true],
    ['10.0.0.0/33', false], ['256.0.0.0/8', false], ['10.0.0/24', false], ['2001:db8::/129', false], ['10.0.0.0/24/1', false],
    ['office', false], ['10.0.0.0/', false], ['10.0.0.0/-1', false], ['', false],
    // Leading zeros: 010 may be read as octal (8) by some tools, so neither is guessed at.
    ['10.0.0.1/08', false], ['10.0.0.0/008', false], ['10.0.0.0/00', false], ['010.0.0.1', false], ['10.0.0.01/32', false],
    ['10.000.0.0/16', false], ['2001:db8::/032', false], ['::ffff:010.0.0.1', false], ['fe80::1%eth0', false],
    ['10.0.0.0/0', true], ['0.0.0.0/32', true], ['2001:0db8::/32', true], ['10.0.0.0/8', true], ['10.0.0.100', true],
  ])('CIDR %s → %s', (value, ok) => {
    expect(checkCidr(value)).toBe(ok);
  });

  it.each(['10.0.0.0/33', '10.0.0.1/08', '010.0.0.1'])('names the wrong --allow-ip (%s)', (wrong) => {
    const error = userErrorFrom(() => mfaPolicy({ allowIps: ['10.0.0.0/8', wrong], scope: 'user' }));
    expect(error.id).toBe('policy.badCidr');
    expect(errorText(error)).toContain(`--allow-ip ${wrong} is not an IP range`);
  });
});
