import { describe, expect, it } from 'vitest';
import { CALLS_WITHOUT_MFA, checkCidr, mfaPolicy, type PolicyDocument } from '../../src/policy/document.js';
import { userErrorFrom } from '../helpers/errors.js';

/** A deliberately small evaluator for this document's shapes: actions, resources, MFA and source IP. */
function decide(doc: PolicyDocument, action: string, resource: string, ctx: { mfa: boolean; ip?: string; inRange?: boolean }): 'allow' | 'deny' | 'implicit' {
  const matches = (pattern: string, value: string) =>
    new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\\\$\\\{aws:username\\\}/g, 'alice')}$`).test(value);
  const applies = (s: PolicyDocument['Statement'][number]) => {
    const actionHit = s.Action ? s.Action.some((a) => matches(a, action)) : !s.NotAction!.some((a) => matches(a, action));
    const resources = Array.isArray(s.Resource) ? s.Resource : [s.Resource];
    if (!actionHit || !resources.some((r) => matches(r, resource))) return false;
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
    const [list, listOwn, manage, enable, deactivate, deny] = doc.Statement;
    expect(list).toMatchObject({ Effect: 'Allow', Action: ['iam:ListVirtualMFADevices', 'iam:ListAccountAliases'], Resource: '*' });
    expect(listOwn).toMatchObject({ Effect: 'Allow', Action: ['iam:ListMFADevices'], Resource: 'arn:aws:iam::*:user/${aws:username}' });
    expect(manage).toMatchObject({ Effect: 'Allow', Resource: 'arn:aws:iam::*:mfa/${aws:username}' });
    expect(enable?.Resource).toEqual(['arn:aws:iam::*:mfa/${aws:username}', 'arn:aws:iam::*:user/${aws:username}']);
    expect(deactivate).toMatchObject({ Action: ['iam:DeactivateMFADevice'], Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } });
    expect(deny).toMatchObject({ Effect: 'Deny', Resource: '*', Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } } });
    expect(deny?.Condition).not.toHaveProperty('NotIpAddress');
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
  ])('CIDR %s → %s', (value, ok) => {
    expect(checkCidr(value)).toBe(ok);
  });

  it('names the wrong --allow-ip', () => {
    const error = userErrorFrom(() => mfaPolicy({ allowIps: ['10.0.0.0/8', '10.0.0.0/33'], scope: 'user' }));
    expect(error.message).toContain('--allow-ip 10.0.0.0/33 is not an IP range');
  });
});
