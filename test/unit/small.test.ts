import { TOTP, URI } from 'otpauth';
import { afterEach, describe, expect, it } from 'vitest';
import { userErrorFrom } from '../helpers/errors.js';
import { isVirtualDeviceSerial, parseCallerArn, virtualDeviceSerial } from '../../src/aws/names.js';
import { serverClockOffset } from '../../src/aws/sdk.js';
import { outcomeUnknown, toAwsError } from '../../src/aws/errors.js';
import { AwsError, CancelledError, UserError } from '../../src/errors.js';
import { maskKeyId } from '../../src/credentials/mask.js';
import { errorText, hintFor } from '../../src/ui/error-text.js';
import { setLanguage } from '../../src/ui/messages/index.js';
import { createOutput, visible } from '../../src/ui/output.js';
import { fullLabel, groupedKey, otpauthUri } from '../../src/ui/qr.js';
import { parseDuration } from '../../src/wizard/duration.js';
import { typedPath } from '../../src/wizard/steps/ask-csv-path.js';
import type { Aws } from '../../src/aws/client.js';
import { createDevice, orphansOf, replacementName } from '../../src/wizard/devices.js';
import { recordingOutput } from '../helpers/output.js';
import { parseExpiration } from '../../src/credentials/profiles.js';

describe('parseDuration', () => {
  it.each([
    { text: '12h', seconds: 43_200 },
    { text: '90m', seconds: 5_400 },
    { text: '1h30m', seconds: 5_400 },
    { text: '3600', seconds: 3_600 },
    { text: '3600s', seconds: 3_600 },
    { text: '1h0m30s', seconds: 3_630 },
    { text: ' 36H ', seconds: 129_600 },
    { text: '15m', seconds: 900 },
    { text: '900', seconds: 900 },
    { text: '129600', seconds: 129_600 },
  ])('$text → $seconds s', ({ text, seconds }) => {
    expect(parseDuration(text)).toBe(seconds);
  });

  it.each([
    { text: '899', seconds: 899 },
    { text: '129601', seconds: 129_601 },
    { text: '14m', seconds: 840 },
    { text: '37h', seconds: 133_200 },
    { text: '0', seconds: 0 },
  ])('$text is out of range → duration.outOfRange', ({ text, seconds }) => {
    const error = userErrorFrom(() => parseDuration(text));
    expect(error.id).toBe('duration.outOfRange');
    expect(error.params).toMatchObject({ value: text, seconds });
  });

  it.each(['abc', '', '  ', 'h', '1.5h', '-900', '30m1h', '12 h', '1d'])('%j is no duration → duration.invalid', (text) => {
    const error = userErrorFrom(() => parseDuration(text));
    expect(error.id).toBe('duration.invalid');
  });
});

describe('parseCallerArn', () => {
  it.each([
    {
      arn: 'arn:aws:iam::123456789012:user/alice',
      expected: { partition: 'aws', account: '123456789012', kind: 'user', userName: 'alice', path: '/' },
    },
    {
      arn: 'arn:aws:iam::123456789012:user/eng/team/alice.smith+ops@example',
      expected: { partition: 'aws', account: '123456789012', kind: 'user', userName: 'alice.smith+ops@example', path: '/eng/team/' },
    },
    { arn: 'arn:aws:iam::123456789012:root', expected: { partition: 'aws', account: '123456789012', kind: 'root' } },
    {
      arn: 'arn:aws:sts::123456789012:assumed-role/Admin/alice-session',
      expected: { partition: 'aws', account: '123456789012', kind: 'assumed-role' },
    },
    {
      arn: 'arn:aws:sts::123456789012:federated-user/bob',
      expected: { partition: 'aws', account: '123456789012', kind: 'federated-user' },
    },
    {
      arn: 'arn:aws-cn:iam::210987654321:user/zhang',
      expected: { partition: 'aws-cn', account: '210987654321', kind: 'user', userName: 'zhang', path: '/' },
    },
    {
      arn: 'arn:aws-us-gov:iam::111122223333:user/gov/ops/carol',
      expected: { partition: 'aws-us-gov', account: '111122223333', kind: 'user', userName: 'carol', path: '/gov/ops/' },
    },
    { arn: 'arn:aws-us-gov:iam::111122223333:root', expected: { partition: 'aws-us-gov', account: '111122223333', kind: 'root' } },
    {
      arn: 'arn:aws:iam::123456789012:role/Admin',
      expected: { partition: 'aws', account: '123456789012', kind: 'other' },
    },
  ])('$arn', ({ arn, expected }) => {
    expect(parseCallerArn(arn)).toEqual(expected);
  });
});

describe('virtualDeviceSerial', () => {
  it.each([
    { args: ['aws', '123456789012', '/', 'alice'] as const, serial: 'arn:aws:iam::123456789012:mfa/alice' },
    { args: ['aws', '123456789012', '/eng/team/', 'alice'] as const, serial: 'arn:aws:iam::123456789012:mfa/eng/team/alice' },
    { args: ['aws-cn', '210987654321', '/', 'zhang'] as const, serial: 'arn:aws-cn:iam::210987654321:mfa/zhang' },
    { args: ['aws-us-gov', '111122223333', '/', 'carol-phone'] as const, serial: 'arn:aws-us-gov:iam::111122223333:mfa/carol-phone' },
  ])('$serial', ({ args: [partition, account, path, name], serial }) => {
    expect(virtualDeviceSerial(partition, account, path, name)).toBe(serial);
  });

  it('round-trips with the path parseCallerArn finds', () => {
    const identity = parseCallerArn('arn:aws:iam::123456789012:user/eng/alice');
    expect(virtualDeviceSerial(identity.partition, identity.account, identity.path!, identity.userName!)).toBe(
      'arn:aws:iam::123456789012:mfa/eng/alice',
    );
  });
});

describe('maskKeyId', () => {
  it.each([
    { id: 'AKIAIOSFODNN7EXAMPLE', masked: 'AKIA…MPLE' },
    { id: 'ASIAIOSFODNN7EXAMPLE', masked: 'ASIA…MPLE' },
    { id: 'AKIA12345', masked: 'AKIA…2345' },
    { id: 'AKIA1234', masked: '…' },
    { id: 'short', masked: '…' },
    { id: '', masked: '…' },
    // A secret pasted into the key column: nothing of it is shown.
    { id: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', masked: '…' },
    { id: 'AKIA-broken', masked: '…' },
  ])('$id → $masked', ({ id, masked }) => {
    expect(maskKeyId(id)).toBe(masked);
  });

  it('never shows the middle of the id', () => {
    expect(maskKeyId('AKIAIOSFODNN7EXAMPLE')).not.toContain('IOSFODNN7EXA');
  });
});

describe('secret redaction with overlapping secrets', () => {
  it('hides a secret whole even when a shorter registered secret is inside it', () => {
    let text = '';
    const sink = { write: (chunk: string) => (text += chunk), isTTY: false };
    const out = createOutput(sink, sink, {});
    out.addSecret('SECRETPART');
    out.addSecret('SECRETPART-AND-MORE-OF-IT');
    out.info('value: SECRETPART-AND-MORE-OF-IT');
    expect(text).not.toContain('MORE-OF-IT');
    expect(text).not.toContain('SECRETPART');
  });
});

describe('otpauthUri', () => {
  const seed = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

  it.each([
    { device: 'alice', alias: undefined, shown: 'alice@123456789012' },
    { device: 'alice', alias: 'my-company', shown: 'alice@my-company' },
    { device: 'alice.smith+ops@example.com', alias: 'corp-prod', shown: 'alice.smith+ops@example.com@corp-prod' },
  ])('$device @ $alias: lower-case scheme, issuer AWS, secret and label read back', ({ device, alias, shown }) => {
    const uri = otpauthUri(fullLabel({ device, alias, accountId: '123456789012' }), seed);
    expect(uri.startsWith('otpauth://totp/AWS:')).toBe(true);
    const url = new URL(uri);
    expect(decodeURIComponent(url.pathname.slice(1))).toBe(`AWS:${shown}`);
    expect(url.searchParams.get('issuer')).toBe('AWS');
    expect(url.searchParams.get('secret')).toBe(seed);
    // AWS's own QR has no digits/period/algorithm: the defaults (6, 30 s, SHA-1) apply.
    expect([...url.searchParams.keys()].sort()).toEqual(['issuer', 'secret']);
    // '+' would read as a space in some decoders; ':' splits the label in FreeOTP; no spaces at all.
    expect(url.pathname).not.toMatch(/[+ ]/);
    expect(url.pathname.split(':').length).toBe(2);
  });

  it('an authenticator library reads it as a 6-digit, 30 s, SHA-1 TOTP of the same seed', () => {
    const otp = URI.parse(otpauthUri(fullLabel({ device: 'alice', accountId: '123456789012' }), seed));
    expect(otp).toBeInstanceOf(TOTP);
    const totp = otp as TOTP;
    expect(totp.issuer).toBe('AWS');
    expect(totp.label).toBe('alice@123456789012');
    expect(totp.secret.base32).toBe(seed);
    expect([totp.digits, totp.period, totp.algorithm]).toEqual([6, 30, 'SHA1']);
  });
});

describe('groupedKey', () => {
  it.each([
    { seed: 'ABCDEFGH', grouped: 'ABCD EFGH' },
    { seed: 'ABCDEFGHIJ', grouped: 'ABCD EFGH IJ' },
    { seed: 'ABC', grouped: 'ABC' },
    { seed: '', grouped: '' },
  ])('$seed → $grouped', ({ seed, grouped }) => {
    expect(groupedKey(seed)).toBe(grouped);
  });

  it('a 64-character seed makes 16 groups that join back to the seed', () => {
    const seed = 'JBSWY3DPEHPK3PXP'.repeat(4);
    const grouped = groupedKey(seed);
    expect(grouped.split(' ')).toHaveLength(16);
    expect(grouped.replace(/ /g, '')).toBe(seed);
  });
});

class FakeStream {
  chunks: string[] = [];
  constructor(
    readonly isTTY = false,
    readonly columns?: number,
    readonly rows?: number,
  ) {}
  write(chunk: string) {
    this.chunks.push(chunk);
    return true;
  }
  get text() {
    return this.chunks.join('');
  }
}

describe('createOutput', () => {
  const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
  const ESC = '\u001b[';

  function setup(env: NodeJS.ProcessEnv = {}, tty = false) {
    const stderr = new FakeStream(tty, 100, 40);
    const stdout = new FakeStream(tty);
    return { stderr, stdout, output: createOutput(stderr, stdout, env) };
  }

  it('writes status to stderr and data to stdout', () => {
    const { stderr, stdout, output } = setup();
    output.info('status');
    output.data('{"ok":true}');
    expect(stderr.text).toBe('status\n');
    expect(stdout.text).toBe('{"ok":true}\n');
  });

  it.each([
    { method: 'info', stream: 'stderr' },
    { method: 'success', stream: 'stderr' },
    { method: 'warn', stream: 'stderr' },
    { method: 'heading', stream: 'stderr' },
    { method: 'raw', stream: 'stderr' },
    { method: 'data', stream: 'stdout' },
  ] as const)('$method redacts a registered secret', ({ method, stream }) => {
    const streams = setup({}, true);
    streams.output.addSecret(SECRET);
    streams.output[method](`key: ${SECRET} and again ${SECRET}.`);
    const written = streams[stream].text;
    expect(written).not.toContain(SECRET);
    expect(written).toContain('key: ******** and again ********.');
  });

  it('redacts every registered secret, and redact() applies the same filter', () => {
    const { stderr, output } = setup();
    output.addSecret(SECRET);
    output.addSecret('FwoGZXIvYXdzEXAMPLESESSIONTOKEN');
    output.info(`${SECRET} FwoGZXIvYXdzEXAMPLESESSIONTOKEN`);
    expect(stderr.text).toBe('******** ********\n');
    expect(output.redact(`a ${SECRET} b`)).toBe('a ******** b');
  });

  it('reveal bypasses redaction: the one way to show a secret on purpose', () => {
    const { stderr, output } = setup();
    output.addSecret(SECRET);
    output.reveal(SECRET);
    expect(stderr.text).toBe(SECRET);
  });

  it('does not redact values shorter than 8 characters (they would blank out ordinary words)', () => {
    const { stderr, output } = setup();
    output.addSecret('alice');
    output.info('hello alice');
    expect(stderr.text).toBe('hello alice\n');
  });

  it.each([
    { title: 'a TTY', env: { TERM: 'xterm-256color' }, tty: true, color: true },
    { title: 'not a TTY', env: { TERM: 'xterm-256color' }, tty: false, color: false },
    { title: 'NO_COLOR=1 on a TTY', env: { NO_COLOR: '1', TERM: 'xterm' }, tty: true, color: false },
    { title: 'NO_COLOR empty on a TTY (ignored, per no-color.org)', env: { NO_COLOR: '', TERM: 'xterm' }, tty: true, color: true },
    { title: 'FORCE_COLOR=0 on a TTY', env: { FORCE_COLOR: '0', TERM: 'xterm' }, tty: true, color: false },
    { title: 'TERM=dumb on a TTY', env: { TERM: 'dumb' }, tty: true, color: false },
  ])('colour with $title: $color', ({ env, tty, color }) => {
    const { stderr, output } = setup(env, tty);
    expect(output.color).toBe(color);
    output.success('saved');
    output.warn('careful');
    output.heading('Step 1');
    expect(stderr.text.includes(ESC)).toBe(color);
    expect(stderr.text.replace(/\u001b\[\d+m/g, '')).toBe('✔ saved\n! careful\n\nStep 1\n');
  });

  it('shows control characters from values as \\uHHHH on every line (colour codes of its own stay), raw and reveal untouched', () => {
    const { stderr, stdout, output } = setup({ TERM: 'xterm' }, true);
    const hostile = 'alice\u001b]0;pwned\u0007\u009b2J\r\u202e';
    output.info(hostile);
    output.success(hostile);
    output.warn(hostile);
    output.heading(hostile);
    output.data(JSON.stringify({ user: hostile, c1: '\u0085' }));
    const shown = 'alice\\u001b]0;pwned\\u0007\\u009b2J\\u000d\\u202e';
    expect(stderr.text.replace(/\u001b\[\d+m/g, '')).toBe(`${shown}\n✔ ${shown}\n! ${shown}\n\n${shown}\n`);
    expect(stderr.text.match(/\u001b\[\d+m/g)).toHaveLength(6); // green, yellow, bold: on and off
    // JSON for scripts stays valid and means the same.
    expect(JSON.parse(stdout.text)).toEqual({ user: hostile, c1: '\u0085' });
    expect(output.redact(`x${hostile}`)).toBe(`x${shown}`);
    // Newlines and tabs are text; raw output (countdowns, screen clearing) is ours.
    expect(visible('a\tb\nc')).toBe('a\tb\nc');
    const raw = setup({}, true);
    raw.output.raw('\r\u001b[2K');
    expect(raw.stderr.text).toBe('\r\u001b[2K');
  });

  it('reports the terminal size only for a TTY', () => {
    expect(setup({}, true).output.size()).toEqual({ columns: 100, rows: 40 });
    expect(setup({}, false).output.size()).toBeUndefined();
    expect(setup({}, true).output.isTTY).toBe(true);
  });
});

describe('toAwsError', () => {
  it.each([
    {
      title: 'a modeled SDK error loses its Exception suffix',
      error: Object.assign(new Error('User alice does not exist'), {
        name: 'NoSuchEntityException',
        $metadata: { httpStatusCode: 404 },
      }),
      code: 'NoSuchEntity',
      status: 404,
      message: 'User alice does not exist',
    },
    {
      title: 'an unmodeled error keeps its wire code',
      error: Object.assign(new Error('The security token included in the request is invalid.'), {
        name: 'InvalidClientTokenId',
        $metadata: { httpStatusCode: 403 },
      }),
      code: 'InvalidClientTokenId',
      status: 403,
      message: 'The security token included in the request is invalid.',
    },
    {
      title: 'the XML Code wins over the class name',
      error: Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException', Code: 'Throttling' }),
      code: 'Throttling',
      status: undefined,
      message: 'Rate exceeded',
    },
    {
      title: 'ECONNREFUSED is a network error',
      error: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5000'), { code: 'ECONNREFUSED' }),
      code: 'NetworkError',
      status: undefined,
      message: 'ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:5000',
    },
    {
      title: 'ENOTFOUND is a network error',
      error: Object.assign(new Error('getaddrinfo ENOTFOUND sts.example.invalid'), { code: 'ENOTFOUND' }),
      code: 'NetworkError',
      status: undefined,
      message: 'ENOTFOUND: getaddrinfo ENOTFOUND sts.example.invalid',
    },
  ])('$title', ({ error, code, status, message }) => {
    const converted = toAwsError(error, 'CreateVirtualMFADevice');
    expect(converted).toBeInstanceOf(AwsError);
    const aws = converted as AwsError;
    expect(aws.code).toBe(code);
    expect(aws.status).toBe(status);
    expect(aws.awsMessage).toBe(message);
    expect(aws.action).toBe('CreateVirtualMFADevice');
    expect(aws.cause).toBe(error);
    expect(aws.is(code)).toBe(true);
    expect(errorText(aws)).toContain(code);
  });

  it.each(['ECONNRESET', 'ETIMEDOUT', 'EAI_AGAIN', 'EHOSTUNREACH'])('%s is a network error', (errno) => {
    const converted = toAwsError(Object.assign(new Error('socket'), { code: errno }), 'GetCallerIdentity') as AwsError;
    expect(converted.code).toBe('NetworkError');
  });

  it('leaves an AwsError as it is', () => {
    const aws = new AwsError('AccessDenied', 'ListMFADevices', 'denied', 403);
    expect(toAwsError(aws, 'other')).toBe(aws);
  });

  it('turns an AbortError (Ctrl-C during a request) into a cancellation, exit 2', () => {
    const abort = Object.assign(new Error('aborted'), { name: 'AbortError' });
    expect(toAwsError(abort, 'other')).toBeInstanceOf(CancelledError);
  });

  it('keeps how many times the SDK sent the call (1 when it does not say)', () => {
    const sent = (attempts?: number) => (toAwsError(Object.assign(new Error('x'), { name: 'ThrottlingException', $metadata: { attempts } }), 'a') as AwsError).tries;
    expect([sent(3), sent(1), sent(undefined)]).toEqual([3, 1, 1]);
  });

  it('issue 20, 2.5: EntityAlreadyExists at create says whose the device is: this run\'s (the SDK sent it twice: an answer lost) or an earlier attempt\'s', async () => {
    for (const [tries, said, notSaid] of [
      [2, 'The answer to creating arn:aws:iam::123456789012:mfa/alice was lost on the way back', 'earlier attempt'],
      [1, 'Found an unfinished MFA device from an earlier attempt (arn:aws:iam::123456789012:mfa/alice)', 'was lost'],
    ] as const) {
      const { out, text } = recordingOutput();
      let creates = 0;
      const aws = {
        createVirtualMfaDevice: async (name: string) => {
          if (creates++ === 0) throw new AwsError('EntityAlreadyExists', 'iam:CreateVirtualMFADevice', 'exists', 409, { tries });
          return { serialNumber: `arn:aws:iam::123456789012:mfa/${name}`, seed: 'A'.repeat(64) };
        },
        deleteVirtualMfaDevice: async () => {},
        listUnassignedVirtualMfaDevices: async () => [],
      };
      const identity = { arn: 'arn:aws:iam::123456789012:user/alice', account: '123456789012', partition: 'aws', userName: 'alice', path: '/' };
      await createDevice(aws, identity, 'alice', { record: () => {} }, { out });
      expect(creates).toBe(2);
      expect(text()).toContain(said);
      expect(text()).not.toContain(notSaid);
    }
  });

  it('is() matches only the normalized code', () => {
    const aws = toAwsError(Object.assign(new Error('x'), { name: 'EntityAlreadyExistsException' }), 'a') as AwsError;
    expect(aws.is('EntityAlreadyExists')).toBe(true);
    expect(aws.is('EntityAlreadyExistsException')).toBe(false);
    expect(aws.is('LimitExceeded', 'EntityAlreadyExists')).toBe(true);
  });
});

describe('typedPath (a CSV path typed or dragged in at the prompt)', () => {
  it.each([
    { typed: '~/Downloads/alice_accessKeys.csv', path: '/home/alice/Downloads/alice_accessKeys.csv' },
    { typed: "  '/tmp/My Keys/alice.csv'  ", path: '/tmp/My Keys/alice.csv' },
    { typed: '"/tmp/My Keys/alice.csv"', path: '/tmp/My Keys/alice.csv' },
    { typed: '/tmp/My\\ Keys/alice.csv', path: '/tmp/My Keys/alice.csv' },
    { typed: 'alice.csv', path: 'alice.csv' },
    { typed: '~bob/x.csv', path: '~bob/x.csv' },
  ])('$typed → $path', ({ typed, path }) => {
    expect(typedPath(typed, '/home/alice')).toBe(path);
  });
});

describe('serverClockOffset (AWS time from the Date header)', () => {
  it.each([
    { header: 'Tue, 24 Nov 2026 12:00:00 GMT', local: Date.UTC(2026, 10, 24, 11, 59, 0), offset: 60_500 },
    { header: 'Tue, 24 Nov 2026 12:00:00 GMT', local: Date.UTC(2026, 10, 24, 12, 0, 0, 500), offset: 0 },
    { header: 'not a date', local: 0, offset: undefined },
  ])('$header at $local → $offset', ({ header, local, offset }) => {
    expect(serverClockOffset(header, local)).toBe(offset);
  });
});

describe('replacement device names and the orphans that are the user\'s', () => {
  const at = Date.parse('2026-11-24T10:00:00Z');
  it.each([
    [[], 'alice-20261124'],
    [['arn:aws:iam::1:mfa/alice'], 'alice-20261124'],
    [['arn:aws:iam::1:mfa/alice', 'arn:aws:iam::1:mfa/alice-20261124'], 'alice-20261124-2'],
    [['arn:aws:iam::1:mfa/alice-20261124', 'arn:aws:iam::1:mfa/alice-20261124-2'], 'alice-20261124-3'],
  ])('taken %j → %s', (taken, expected) => {
    expect(replacementName('alice', taken, at)).toBe(expected);
  });

  it('orphansOf takes alice, alice-<date> and alice-<date>-<n>, never alice-smith\'s', async () => {
    const serials = ['alice', 'alice-20261124', 'alice-20261124-2', 'alice-smith', 'alice-2026', 'bob', 'malice'].map((n) => `arn:aws:iam::1:mfa/${n}`);
    const aws: Pick<Aws, 'listUnassignedVirtualMfaDevices'> = { listUnassignedVirtualMfaDevices: async () => serials };
    expect((await orphansOf(aws, 'alice'))?.map((s) => s.split('/').pop())).toEqual(['alice', 'alice-20261124', 'alice-20261124-2']);
  });

  it('isVirtualDeviceSerial: mfa/ ARNs are virtual; hardware serials and u2f passkeys are not', () => {
    expect(isVirtualDeviceSerial('arn:aws:iam::123456789012:mfa/alice')).toBe(true);
    expect(isVirtualDeviceSerial('arn:aws:iam::123456789012:u2f/user/alice/key-ABC')).toBe(false);
    expect(isVirtualDeviceSerial('GAHT12345678')).toBe(false);
  });
});

describe('parseExpiration: a saved session end is read as UTC unless it says otherwise (issue 14)', () => {
  it.each([
    ['2026-11-25T06:00:00.000Z', '2026-11-25T06:00:00.000Z'],
    ['2026-11-25 06:00:00', '2026-11-25T06:00:00.000Z'], // broamski/aws-mfa, UTC without a zone
    ['2026-11-25T06:00:00', '2026-11-25T06:00:00.000Z'],
    ['2026-11-25T06:00:00.123456789', '2026-11-25T06:00:00.123Z'],
    ['2026-11-25T15:00:00+09:00', '2026-11-25T06:00:00.000Z'],
    ['2026-11-25T01:00:00-0500', '2026-11-25T06:00:00.000Z'],
  ])('%s → %s, whatever TZ is', (text, iso) => {
    const saved = process.env.TZ;
    process.env.TZ = 'America/New_York';
    try {
      expect(new Date(parseExpiration(text)).toISOString()).toBe(iso);
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it.each(['Nov 25 2026 06:00', '2026-11-25', '1764050400', 'tomorrow', ''])('%j is not trusted (NaN: get a new session)', (text) => {
    expect(parseExpiration(text)).toBeNaN();
  });
});

describe('outcomeUnknown: which failures leave it open whether AWS did the call (issue 14)', () => {
  const error = (e: object) => toAwsError(Object.assign(new Error('x'), e), 'iam:EnableMFADevice') as AwsError;
  it.each([
    ['a reset connection', { code: 'ECONNRESET' }, true],
    ['our timeout', { name: 'TimeoutError', code: 'ETIMEDOUT' }, true],
    ['a 500', { name: 'InternalFailure', $metadata: { httpStatusCode: 500 } }, true],
    ['throttled retries', { name: 'Throttling', $metadata: { httpStatusCode: 400 } }, true],
    ['a refusal', { name: 'AccessDenied', $metadata: { httpStatusCode: 403 } }, false],
    ['EntityAlreadyExists (checked by its own rule)', { name: 'EntityAlreadyExistsException', $metadata: { httpStatusCode: 409 } }, false],
  ])('%s → %s', (_label, raw, unknown) => {
    expect(outcomeUnknown(error(raw))).toBe(unknown);
  });

  it('a 5xx is AWS failing, not refusing, with a hint to run again (review: a rehearsed 5xx said "AWS refused")', () => {
    const failed = error({ name: 'ServiceFailure', $metadata: { httpStatusCode: 500 } });
    expect(errorText(failed)).toBe('AWS failed on iam:EnableMFADevice (ServiceFailure, HTTP 500): x');
    expect(hintFor(failed)).toBe('hint.serverFailure');
    expect(errorText(error({ name: 'AccessDenied', $metadata: { httpStatusCode: 403 } }))).toMatch(/^AWS refused/);
  });

  it('a timeout is named a timeout, not a network refusal', () => {
    expect(error({ name: 'TimeoutError', code: 'ETIMEDOUT' }).code).toBe('TimeoutError');
    expect(errorText(error({ name: 'TimeoutError', code: 'ETIMEDOUT' }))).toMatch(/^No answer from AWS for iam:EnableMFADevice \(TimeoutError\)/);
  });
});

describe('errorText: an error is rendered where it is reported (issue 13)', () => {
  afterEach(() => setLanguage('en'));

  it('a UserError holds its id and parameters; its text is rendered in the language spoken when it is reported', () => {
    const error = new UserError('file.locked', { path: '/h/.aws/credentials', lock: '/h/.aws/credentials.lock' });
    // The id and parameters, for stack traces: no text of the catalog is made when the error is.
    expect(error.message).toBe('file.locked {"path":"/h/.aws/credentials","lock":"/h/.aws/credentials.lock"}');
    expect(errorText(error)).toBe(
      '/h/.aws/credentials is being changed by another run (lock file /h/.aws/credentials.lock). Wait for it to finish; if none is running, delete the lock file.',
    );
    setLanguage('ja');
    expect(errorText(error)).toContain('は別の実行で変更中です');
    expect(errorText(new CancelledError())).toBe('キャンセルしました。途中までの変更は残っていません。最初からやり直すには、もう一度コマンドを実行してください。');
  });

  it('an AwsError holds what AWS answered; its text is rendered in the language spoken when it is reported', () => {
    const refused = new AwsError('AccessDenied', 'iam:EnableMFADevice', 'not authorized', 403);
    const waited = new AwsError('TimeoutError', 'sts:GetCallerIdentity', 'socket', undefined, { waited: { seconds: 10, attempts: 3 } });
    // Action, code and AWS's message, for stack traces: no text of the catalog is made when the error is.
    expect(refused.message).toBe('iam:EnableMFADevice AccessDenied 403: not authorized');
    expect(errorText(refused)).toBe('AWS refused iam:EnableMFADevice (AccessDenied): not authorized');
    expect(errorText(waited)).toBe('No answer from AWS for sts:GetCallerIdentity (TimeoutError): AWS did not answer within 10 s, 3 times in a row.');
    setLanguage('ja');
    expect(errorText(refused)).toBe('AWS が iam:EnableMFADevice を拒否しました (AccessDenied): not authorized');
    expect(errorText(waited)).toBe('AWS から sts:GetCallerIdentity の応答がありません (TimeoutError): AWS が 10 秒以内に応答しませんでした (3 回続けて)。');
  });

  it('anything else by its own message', () => {
    expect(errorText(new CancelledError('error.cancelledRunAgain'))).not.toBe('error.cancelledRunAgain');
    expect(errorText(new Error('EACCES: permission denied'))).toBe('EACCES: permission denied');
    expect(errorText('a string')).toBe('a string');
  });
});
