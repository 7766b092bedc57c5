import { describe, expect, it } from 'vitest';
import { AwsError } from '../../src/errors.js';
import { hiresLeftHere } from '../../src/wizard/earlier-hires.js';

/** IAM's answer to "whose key is this?": the owners named, AccessDenied for any other key; every question recorded. */
function iam(owners: Record<string, string>) {
  const asked: string[] = [];
  return {
    asked,
    accessKeyOwner: async (keyId: string) => {
      asked.push(keyId);
      if (owners[keyId] === undefined) throw new AwsError('AccessDenied', 'iam:GetAccessKeyLastUsed', 'not authorized', 403);
      return owners[keyId];
    },
  };
}

const keys = (id: string) => `aws_access_key_id = ${id}\naws_secret_access_key = ${'s'.repeat(40)}\n`;
const session = (source: string) => `aws_access_key_id = ASIAEXAMPLE000000000\naws_secret_access_key = x\naws_session_token = t\nmfa_onboard_source_profile = ${source}\n`;

describe('hiresLeftHere: hires\' profiles an earlier version left on an administrator\'s computer (issue 22)', () => {
  const credentials = [
    `[admin]\n${keys('AKIAADMIN00000000000')}`,
    `[admin-mfa]\n${session('admin')}`,
    `[kim]\n${keys('AKIAKIM0000000000000')}`,
    `[kim-mfa]\n${session('kim')}`,
    `[noa]\n${keys('AKIANOA0000000000000')}`,
    `[ci]\n${keys('AKIACI00000000000000')}`,
    `[old]\n${keys('AKIAOLD0000000000000')}`,
  ].join('');
  const config = '[profile noa]\nmfa_serial = arn:aws:iam::1:mfa/noa\n[profile kim-mfa]\nregion = eu-west-1\n[profile old]\nmfa_serial = arn:aws:iam::1:mfa/old\n';

  it.each([
    ['an administrator who is an IAM user', 'Admin', ['kim', 'noa']],
    ['an administrator acting through a role (no user name): every marked key of a user', undefined, ['kim', 'noa']],
  ] as const)('%s', async (_who, caller, users) => {
    // ci's key is a user's but bears no mark of the wizard; old's IAM will not name: neither is claimed.
    const aws = iam({ AKIAADMIN00000000000: 'admin', AKIAKIM0000000000000: 'kim', AKIANOA0000000000000: 'noa', AKIACI00000000000000: 'ci' });
    const found = await hiresLeftHere(aws, 'admin', caller, { credentials, config });
    expect(found.map((f) => f.user)).toEqual(users);
    expect(found[0]).toEqual({ profile: 'kim', user: 'kim', credentials: ['kim', 'kim-mfa'], config: ['profile kim-mfa'] });
    expect(found[1]).toEqual({ profile: 'noa', user: 'noa', credentials: ['noa'], config: ['profile noa'] });
    // Only profiles bearing the wizard's marks are asked about, never the one looked at, never a session.
    expect(aws.asked).toEqual(['AKIAKIM0000000000000', 'AKIANOA0000000000000', 'AKIAOLD0000000000000']);
  });

  it('a marked profile whose key is the caller\'s own (another profile of the same user) is not another user\'s', async () => {
    const found = await hiresLeftHere(iam({ AKIAKIM0000000000000: 'kim', AKIANOA0000000000000: 'KIM' }), 'ci', 'kim', { credentials, config });
    expect(found).toEqual([]);
  });
});
