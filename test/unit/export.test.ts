import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { credentialProcessJson, exportLines } from '../../src/credentials/export.js';

const session = {
  accessKeyId: 'ASIAEXAMPLEEXAMPLE01',
  secretAccessKey: "ab+c/d=e'f\\g",
  sessionToken: 'IQoJb3+/token==',
  expiration: new Date('2030-01-02T03:04:05.000Z'),
};

describe('--export lines quote every value for their shell', () => {
  it('sh: bash reads every value back exactly (+ / = \' \\), the region in both variables', () => {
    const script = `${exportLines('sh', session, 'eu-west-1')}\nprintf '%s\\n' "$AWS_ACCESS_KEY_ID" "$AWS_SECRET_ACCESS_KEY" "$AWS_SESSION_TOKEN" "$AWS_CREDENTIAL_EXPIRATION" "$AWS_REGION" "$AWS_DEFAULT_REGION"`;
    const out = execFileSync('bash', ['-c', script], { encoding: 'utf8', env: { PATH: process.env.PATH } });
    expect(out).toBe([session.accessKeyId, session.secretAccessKey, session.sessionToken, '2030-01-02T03:04:05.000Z', 'eu-west-1', 'eu-west-1', ''].join('\n'));
  });

  it('fish: single quotes with \\ and \' escaped by a backslash', () => {
    expect(exportLines('fish', session, 'eu-west-1').split('\n')).toEqual([
      "set -gx AWS_ACCESS_KEY_ID 'ASIAEXAMPLEEXAMPLE01'",
      "set -gx AWS_SECRET_ACCESS_KEY 'ab+c/d=e\\'f\\\\g'",
      "set -gx AWS_SESSION_TOKEN 'IQoJb3+/token=='",
      "set -gx AWS_CREDENTIAL_EXPIRATION '2030-01-02T03:04:05.000Z'",
      "set -gx AWS_REGION 'eu-west-1'",
      "set -gx AWS_DEFAULT_REGION 'eu-west-1'",
    ]);
  });

  it('powershell: literal single quotes, a quote doubled, backslash as it is', () => {
    expect(exportLines('powershell', session, 'eu-west-1').split('\n')).toEqual([
      "$Env:AWS_ACCESS_KEY_ID = 'ASIAEXAMPLEEXAMPLE01'",
      "$Env:AWS_SECRET_ACCESS_KEY = 'ab+c/d=e''f\\g'",
      "$Env:AWS_SESSION_TOKEN = 'IQoJb3+/token=='",
      "$Env:AWS_CREDENTIAL_EXPIRATION = '2030-01-02T03:04:05.000Z'",
      "$Env:AWS_REGION = 'eu-west-1'",
      "$Env:AWS_DEFAULT_REGION = 'eu-west-1'",
    ]);
  });

  it('cmd: set "NAME=value" keeps + / = whole, and sets the region for both SDK families', () => {
    const lines = exportLines('cmd', { ...session, secretAccessKey: 'ab+c/d=e' }, 'ap-northeast-1').split('\n');
    expect(lines[1]).toBe('set "AWS_SECRET_ACCESS_KEY=ab+c/d=e"');
    expect(lines.slice(4)).toEqual(['set "AWS_REGION=ap-northeast-1"', 'set "AWS_DEFAULT_REGION=ap-northeast-1"']);
  });

  it('credential_process JSON is Version 1 with an ISO expiration', () => {
    expect(JSON.parse(credentialProcessJson(session))).toEqual({
      Version: 1,
      AccessKeyId: session.accessKeyId,
      SecretAccessKey: session.secretAccessKey,
      SessionToken: session.sessionToken,
      Expiration: '2030-01-02T03:04:05.000Z',
    });
  });
});
