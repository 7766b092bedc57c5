import { promises as fs } from 'node:fs';
import { dirname } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_PATIENCE, giveUpSeconds, sdkAwsFactory } from '../../src/aws/sdk.js';
import { AwsError } from '../../src/errors.js';
import { errorText } from '../../src/ui/error-text.js';
import { faultProxy, type FaultProxy } from '../helpers/fault-proxy.js';
import { createUserWithKey } from '../helpers/moto.js';
import { runCli } from '../helpers/run.js';
import { useMotoWorld } from '../helpers/world.js';

/** Issue 14, group 8: a stalled AWS endpoint is said to be slow, then given up on, never waited on for ever. */
describe('a stalled AWS endpoint', () => {
  const world = useMotoWorld();
  let proxy: FaultProxy;
  beforeEach(async () => {
    proxy = await faultProxy(world.moto.url);
  });
  afterEach(async () => {
    await proxy.close();
  });

  it('is said to be slow once, then given up on after 3 tries of the per-try limit (short limits: 0.2 s / 0.5 s)', async () => {
    proxy.setRules([{ action: 'GetCallerIdentity', fault: 'stall', when: 'before' }]);
    const slow: string[] = [];
    const aws = await sdkAwsFactory(
      { region: 'us-east-1', endpoint: proxy.url, patience: { slowMs: 200, attemptMs: 500 } },
      undefined,
      Date.now,
      { slow: (action) => slow.push(action) },
    )({ keys: { accessKeyId: 'AKIATESTADMIN0000000', secretAccessKey: 'a'.repeat(40) } });
    const started = Date.now();
    const error = await aws.getCallerIdentity().catch((e: unknown) => e);
    const seconds = (Date.now() - started) / 1000;
    expect(error).toBeInstanceOf(AwsError);
    expect((error as AwsError).code).toBe('TimeoutError');
    expect(errorText(error)).toBe('No answer from AWS for sts:GetCallerIdentity (TimeoutError): AWS did not answer within 0.5 s, 3 times in a row.');
    expect(slow).toEqual(['sts:GetCallerIdentity']);
    expect(proxy.seen.GetCallerIdentity).toBe(3);
    // Figure: 3 tries of 0.5 s plus the SDK's back-off between them; never for ever.
    expect(seconds).toBeGreaterThanOrEqual(1.5);
    expect(seconds).toBeLessThan(5);
  });

  it('issue 20, 2.6: Ctrl-C during a call that changes something says at once that it waits for the answer, and for how long; a read is cut short in silence', async () => {
    proxy.setRules([
      { action: 'CreateVirtualMFADevice', fault: 'stall', when: 'before' },
      { action: 'ListMFADevices', fault: 'stall', when: 'before' },
    ]);
    const told: { action: string; seconds: number; after: number }[] = [];
    const make = async (controller: AbortController) =>
      sdkAwsFactory({ region: 'us-east-1', endpoint: proxy.url, patience: { slowMs: 10_000, attemptMs: 500 } }, controller.signal, Date.now, {
        stopping: (action, seconds) => told.push({ action, seconds, after: Date.now() - aborted }),
      })({ keys: { accessKeyId: 'AKIATESTADMIN0000000', secretAccessKey: 'a'.repeat(40) } });
    let aborted = 0;
    const abortWhenSeen = async (controller: AbortController, action: string) => {
      while (!proxy.seen[action]) await new Promise((r) => setTimeout(r, 10));
      aborted = Date.now();
      controller.abort();
    };

    const writes = new AbortController();
    const create = (await make(writes)).createVirtualMfaDevice('alice', '/').catch((e: unknown) => e);
    await abortWhenSeen(writes, 'CreateVirtualMFADevice');
    expect(told).toEqual([{ action: 'iam:CreateVirtualMFADevice', seconds: expect.any(Number), after: expect.any(Number) }]);
    expect(told[0]!.after).toBeLessThan(100);
    // 3 tries of 0.5 s, one of them begun: at most 2 s left.
    expect(told[0]!.seconds).toBeGreaterThanOrEqual(1);
    expect(told[0]!.seconds).toBeLessThanOrEqual(2);
    // Not cut short: the call runs to its own limit (every try).
    expect(((await create) as AwsError).code).toBe('TimeoutError');
    expect(proxy.seen.CreateVirtualMFADevice).toBe(3);

    told.length = 0;
    const reads = new AbortController();
    const list = (await make(reads)).listMfaDevices('alice').catch((e: unknown) => e);
    await abortWhenSeen(reads, 'ListMFADevices');
    expect((await list as Error).name).toBe('CancelledError');
    expect(told).toEqual([]);
  });

  it('the CLI says it once, then gives up with a clear error, the hint and exit 1 (short limits; no 30 s wait)', async () => {
    const key = await createUserWithKey(world.moto, 'alice');
    await fs.mkdir(dirname(world.box.credentialsFile), { recursive: true });
    await fs.writeFile(world.box.credentialsFile, `[alice]\naws_access_key_id = ${key.accessKeyId}\naws_secret_access_key = ${key.secretAccessKey}\n`, { mode: 0o600 });
    proxy.setRules([{ action: 'GetCallerIdentity', fault: 'stall', when: 'before' }]);
    const patience = { slowMs: 200, attemptMs: 500 };
    const result = await runCli(['--profile', 'alice', '--endpoint-url', proxy.url, '--region', 'us-east-1'], { env: world.box.env, patience });
    expect(result.stderr.match(/AWS is slow/g)).toEqual(['AWS is slow']);
    expect(result.stderr).toContain(`AWS is slow to answer (sts:GetCallerIdentity); still waiting, for up to ${giveUpSeconds(patience)} s…`);
    expect(result.stderr).toContain('No answer from AWS for sts:GetCallerIdentity (TimeoutError): AWS did not answer within 0.5 s, 3 times in a row.');
    expect(result.stderr).toContain('Check your network connection');
    expect(result.code).toBe(1);
    expect(proxy.seen.GetCallerIdentity).toBe(3);
  });

  it('the CLI\'s own limits are the README\'s: "AWS is slow" after 5 s, then 3 tries of 10 s (about 30 s)', async () => {
    expect(DEFAULT_PATIENCE).toEqual({ slowMs: 5_000, attemptMs: 10_000 });
    expect(giveUpSeconds()).toBe(30);
    const readme = (await fs.readFile(new URL('../../README.md', import.meta.url), 'utf8')).replace(/\s+/g, ' ');
    expect(readme).toContain(`no answer for ${DEFAULT_PATIENCE.slowMs / 1000} s`);
    expect(readme).toContain(`3 tries of ${DEFAULT_PATIENCE.attemptMs / 1000} s`);
    expect(readme).toContain(`about ${giveUpSeconds()} s`);
  });
});
