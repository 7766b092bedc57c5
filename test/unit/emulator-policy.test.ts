import { describe, expect, it } from 'vitest';
import { accessDenied, evaluate, parsePolicy, type Decision, type RequestContext } from '../../src/emulator/embedded/policy.js';
import { AwsFault } from '../../src/emulator/embedded/protocol.js';
import { mfaPolicy } from '../../src/policy/document.js';

const ACCOUNT = 'arn:aws:iam::123456789012';
const doc = (...Statement: object[]) => JSON.stringify({ Version: '2012-10-17', Statement });
const allow = (Action: string | string[], Resource: string | string[] = '*', extra: object = {}) => ({ Effect: 'Allow', Action, Resource, ...extra });

/** alice's request: long-term keys (no MFA key at all) from loopback, unless said otherwise. */
function request(action: string, resource: string, keys: RequestContext['keys'] = {}): RequestContext {
  return { action, resource, keys: { 'aws:username': 'alice', 'aws:SourceIp': '127.0.0.1', ...keys } };
}
const LONG_TERM = {};
const WITH_MFA = { 'aws:MultiFactorAuthPresent': 'true' };
const SESSION_WITHOUT_MFA = { 'aws:MultiFactorAuthPresent': 'false' };

/** Our policy as `mfa-onboard policy` writes it (device names pinned to the user's), and a grant of ListUsers. */
const MFA_POLICY = JSON.stringify(mfaPolicy({ allowIps: [], scope: 'user' }));
const MFA_POLICY_OFFICE = JSON.stringify(mfaPolicy({ allowIps: ['10.0.0.0/8', '2001:db8::/32'], scope: 'user' }));
const LIST_USERS = doc(allow('iam:ListUsers'));

describe('the embedded emulator evaluates identity-based policies as IAM does', () => {
  const cases: [string, string[], RequestContext, Decision][] = [
    // The administrator's story: our policy on the hire's group, and a grant of ListUsers.
    ['ListUsers with long-term keys: the MFA policy denies it explicitly', [MFA_POLICY, LIST_USERS], request('iam:ListUsers', `${ACCOUNT}:user/`, LONG_TERM), 'explicitDeny'],
    ['ListUsers with an MFA session: allowed', [MFA_POLICY, LIST_USERS], request('iam:ListUsers', `${ACCOUNT}:user/`, WITH_MFA), 'allow'],
    ['ListUsers with a session made without MFA: denied (Bool false)', [MFA_POLICY, LIST_USERS], request('iam:ListUsers', `${ACCOUNT}:user/`, SESSION_WITHOUT_MFA), 'explicitDeny'],
    ['ListUsers with MFA but nothing granting it: implicitly denied', [MFA_POLICY], request('iam:ListUsers', `${ACCOUNT}:user/`, WITH_MFA), 'implicitDeny'],
    ['no policy at all: implicitly denied', [], request('iam:ListMFADevices', `${ACCOUNT}:user/alice`), 'implicitDeny'],
    ['CreateVirtualMFADevice mfa/alice without MFA: allowed (the wizard\'s first calls)', [MFA_POLICY], request('iam:CreateVirtualMFADevice', `${ACCOUNT}:mfa/alice`), 'allow'],
    ['CreateVirtualMFADevice mfa/alice-2: mfa/${aws:username} refuses a second name', [MFA_POLICY], request('iam:CreateVirtualMFADevice', `${ACCOUNT}:mfa/alice-2`, WITH_MFA), 'implicitDeny'],
    ['CreateVirtualMFADevice mfa/bob: another user\'s name', [MFA_POLICY], request('iam:CreateVirtualMFADevice', `${ACCOUNT}:mfa/bob`), 'implicitDeny'],
    ['DeactivateMFADevice without MFA: denied explicitly', [MFA_POLICY], request('iam:DeactivateMFADevice', `${ACCOUNT}:user/alice`), 'explicitDeny'],
    ['DeactivateMFADevice with MFA (Bool true): allowed', [MFA_POLICY], request('iam:DeactivateMFADevice', `${ACCOUNT}:user/alice`, WITH_MFA), 'allow'],
    ['DeactivateMFADevice of bob with MFA: not alice\'s', [MFA_POLICY], request('iam:DeactivateMFADevice', `${ACCOUNT}:user/bob`, WITH_MFA), 'implicitDeny'],
    ['GetUser of her own user, path and all, without MFA: allowed', [MFA_POLICY], request('iam:GetUser', `${ACCOUNT}:user/eng/alice`), 'allow'],
    ['GetUser of bob without MFA, even with a grant: denied explicitly', [MFA_POLICY, doc(allow('iam:GetUser'))], request('iam:GetUser', `${ACCOUNT}:user/bob`), 'explicitDeny'],
    ['GetSessionToken-free calls the wizard makes: ListVirtualMFADevices', [MFA_POLICY], request('iam:ListVirtualMFADevices', '*'), 'allow'],
    // aws:SourceIp with NotIpAddress (--allow-ip): the office range is exempt from the MFA deny.
    ['--allow-ip: from the office (IPv4), no MFA: allowed', [MFA_POLICY_OFFICE, LIST_USERS], request('iam:ListUsers', '*', { 'aws:SourceIp': '10.1.2.3' }), 'allow'],
    ['--allow-ip: from the office (IPv6), no MFA: allowed', [MFA_POLICY_OFFICE, LIST_USERS], request('iam:ListUsers', '*', { 'aws:SourceIp': '2001:db8::7' }), 'allow'],
    ['--allow-ip: from elsewhere, no MFA: denied', [MFA_POLICY_OFFICE, LIST_USERS], request('iam:ListUsers', '*', { 'aws:SourceIp': '192.168.1.1' }), 'explicitDeny'],
    ['IpAddress: inside the range', [doc(allow('iam:ListUsers', '*', { Condition: { IpAddress: { 'aws:SourceIp': ['192.0.2.0/24'] } } }))], request('iam:ListUsers', '*', { 'aws:SourceIp': '192.0.2.9' }), 'allow'],
    ['IpAddress: outside the range', [doc(allow('iam:ListUsers', '*', { Condition: { IpAddress: { 'aws:SourceIp': '192.0.2.0/24' } } }))], request('iam:ListUsers', '*'), 'implicitDeny'],
    // The grammar: wildcards, any case for actions, Not*, variables, operators.
    ['Action iam:List* matches iam:ListUsers', [doc(allow('iam:List*'))], request('iam:ListUsers', '*'), 'allow'],
    ['actions match in any case', [doc(allow('IAM:listusers'))], request('iam:ListUsers', '*'), 'allow'],
    ['? is one character', [doc(allow('iam:ListUser?'))], request('iam:ListUsers', '*'), 'allow'],
    ['? is not two', [doc(allow('iam:ListUse?'))], request('iam:ListUsers', '*'), 'implicitDeny'],
    ['* as the action: everything (AdministratorAccess)', [doc(allow('*'))], request('sts:AssumeRole', `${ACCOUNT}:role/ops`), 'allow'],
    ['resources match case-sensitively', [doc(allow('iam:GetUser', `${ACCOUNT}:user/Alice`))], request('iam:GetUser', `${ACCOUNT}:user/alice`), 'implicitDeny'],
    ['NotAction in an Allow: all but those', [doc({ Effect: 'Allow', NotAction: 'iam:Delete*', Resource: '*' })], request('iam:DeleteUser', `${ACCOUNT}:user/bob`), 'implicitDeny'],
    ['NotAction in an Allow: the others are allowed', [doc({ Effect: 'Allow', NotAction: 'iam:Delete*', Resource: '*' })], request('iam:CreateUser', `${ACCOUNT}:user/bob`), 'allow'],
    ['NotResource: all resources but those', [doc({ Effect: 'Allow', Action: 'iam:GetUser', NotResource: `${ACCOUNT}:user/admin` })], request('iam:GetUser', `${ACCOUNT}:user/admin`), 'implicitDeny'],
    ['an explicit Deny wins over any Allow', [doc(allow('*'), { Effect: 'Deny', Action: 'iam:DeleteUser', Resource: '*' })], request('iam:DeleteUser', `${ACCOUNT}:user/bob`), 'explicitDeny'],
    ['${aws:username} with no user name (a role\'s session): matches nothing', [doc(allow('iam:GetUser', `${ACCOUNT}:user/\${aws:username}`))], { action: 'iam:GetUser', resource: `${ACCOUNT}:user/`, keys: {} }, 'implicitDeny'],
    ['${*} is a literal asterisk, not a wildcard', [doc(allow('iam:GetUser', `${ACCOUNT}:user/\${*}`))], request('iam:GetUser', `${ACCOUNT}:user/alice`), 'implicitDeny'],
    ['a key\'s values: any one matches', [doc(allow('iam:GetUser', '*', { Condition: { StringEquals: { 'aws:username': ['bob', 'alice'] } } }))], request('iam:GetUser', '*'), 'allow'],
    ['two keys under an operator: both must hold', [doc(allow('iam:GetUser', '*', { Condition: { StringEquals: { 'aws:username': 'alice', 'aws:SourceIp': '10.0.0.1' } } }))], request('iam:GetUser', '*'), 'implicitDeny'],
    ['condition keys in any case', [doc(allow('iam:GetUser', '*', { Condition: { StringLike: { 'AWS:UserName': 'al*' } } }))], request('iam:GetUser', '*'), 'allow'],
    ['Bool without the key: no match', [doc(allow('iam:GetUser', '*', { Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } }))], request('iam:GetUser', '*'), 'implicitDeny'],
    ['Bool with a JSON true', [doc(allow('iam:GetUser', '*', { Condition: { Bool: { 'aws:MultiFactorAuthPresent': true } } }))], request('iam:GetUser', '*', WITH_MFA), 'allow'],
    ['Null true: the key is absent', [doc(allow('iam:GetUser', '*', { Condition: { Null: { 'aws:MultiFactorAuthPresent': 'true' } } }))], request('iam:GetUser', '*'), 'allow'],
  ];

  it.each(cases)('%s', (_name, policies, context, decision) => {
    expect(evaluate(policies, context)).toBe(decision);
  });
});

describe('a policy document IAM would refuse is MalformedPolicyDocument (400)', () => {
  it.each([
    ['not JSON', '{"Version":'],
    ['no Effect', doc({ Action: '*', Resource: '*' })],
    ['Action and NotAction both', doc({ Effect: 'Allow', Action: '*', NotAction: 'iam:*', Resource: '*' })],
    ['no action', doc({ Effect: 'Allow', Resource: '*' })],
    ['no resource', doc({ Effect: 'Allow', Action: '*' })],
    ['an operator IAM does not have', doc(allow('*', '*', { Condition: { StringMaybe: { 'aws:username': 'x' } } }))],
    ['another version', JSON.stringify({ Version: '2020-01-01', Statement: [allow('*')] })],
  ])('%s', (_name, text) => {
    const error = (() => {
      try {
        parsePolicy(text);
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(AwsFault);
    expect(error).toMatchObject({ code: 'MalformedPolicyDocument', status: 400 });
  });

  it('our own policy, every variant, is well-formed', () => {
    for (const scope of ['user', 'any'] as const) {
      expect(parsePolicy(JSON.stringify(mfaPolicy({ allowIps: ['10.0.0.0/8'], scope })))).toHaveLength(9);
    }
  });
});

describe('AccessDenied in AWS\'s words', () => {
  const user = `${ACCOUNT}:user/alice`;
  it.each([
    ['implicitDeny', `User: ${user} is not authorized to perform: iam:ListUsers on resource: ${ACCOUNT}:user/ because no identity-based policy allows the iam:ListUsers action`],
    ['explicitDeny', `User: ${user} is not authorized to perform: iam:ListUsers on resource: ${ACCOUNT}:user/ with an explicit deny in an identity-based policy`],
  ] as const)('%s', (decision, message) => {
    expect(accessDenied(user, { action: 'iam:ListUsers', resource: `${ACCOUNT}:user/` }, decision)).toMatchObject({ code: 'AccessDenied', status: 403, message });
  });
});
