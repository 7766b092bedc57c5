import { describe, expect, it } from 'vitest';
import type { Aws } from '../../src/aws/client.js';
import { AwsError, CancelledError, UserError } from '../../src/errors.js';
import { identify, NEW_KEY_WAIT_MS } from '../../src/wizard/identify.js';
import { fakeClock } from '../helpers/clock.js';
import { recordingOutput } from '../helpers/output.js';

// A key made moments ago is unknown to STS for some seconds on real AWS; moto knows it at once,
// so STS's answer is played here: InvalidClientTokenId `failures` times, then the caller.
function sts(failures: number) {
  let calls = 0;
  const aws: Pick<Aws, 'getCallerIdentity'> = {
    async getCallerIdentity() {
      calls++;
      if (calls <= failures) throw new AwsError('InvalidClientTokenId', 'sts:GetCallerIdentity', 'The security token included in the request is invalid.', 403);
      return { arn: 'arn:aws:iam::123456789012:user/alice', account: '123456789012', userId: 'AIDAEXAMPLE' };
    },
  };
  return { aws, calls: () => calls };
}

/** The run's Ctrl-C, not pressed. */
const running = new AbortController().signal;

describe('identify a key made moments ago', () => {
  it('tries again while STS does not know it yet, saying so once', async () => {
    const { aws, calls } = sts(3);
    const clock = fakeClock();
    const { out, text } = recordingOutput();
    const identity = await identify(aws, { fromCsv: 'alice_accessKeys.csv', fresh: true }, { out, clock, signal: running });
    expect(identity.userName).toBe('alice');
    expect(calls()).toBe(4);
    expect(clock.slept.reduce((a, b) => a + b, 0)).toBe(6_000);
    expect(text().match(/does not know it yet/g)).toHaveLength(1);
  });

  it('gives up after the wait with the unknown-key message; a key not made now is not waited for', async () => {
    const clock = fakeClock();
    const never = sts(Infinity);
    await expect(identify(never.aws, { fromCsv: 'k.csv', fresh: true }, { out: recordingOutput().out, clock, signal: running })).rejects.toThrow(UserError);
    expect(clock.slept.reduce((a, b) => a + b, 0)).toBe(NEW_KEY_WAIT_MS);
    const old = sts(1);
    const error = await identify(old.aws, { fromCsv: 'k.csv' }, { out: recordingOutput().out, clock: fakeClock(), signal: running }).catch((e: unknown) => e);
    expect((error as UserError).id).toBe('identify.unknownKey');
    expect(old.calls()).toBe(1);
  });

  it('Ctrl-C during the wait ends it at once: no more waiting, no more calls', async () => {
    const stop = new AbortController();
    const clock = fakeClock();
    let calls = 0;
    const aws: Pick<Aws, 'getCallerIdentity'> = {
      async getCallerIdentity() {
        calls++;
        // Pressed while STS is asked the second time: the wait after it is not begun.
        if (calls === 2) stop.abort();
        throw new AwsError('InvalidClientTokenId', 'sts:GetCallerIdentity', 'The security token included in the request is invalid.', 403);
      },
    };
    const error = await identify(aws, { fromCsv: 'k.csv', fresh: true }, { out: recordingOutput().out, clock, signal: stop.signal }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CancelledError);
    expect(calls).toBe(2);
    expect(clock.slept).toEqual([2_000]);
  });
});
