import { PassThrough } from 'node:stream';
import { createOutput, type Output } from '../../src/ui/output.js';

/** An Output that keeps what it prints (stdout and stderr together), with `secrets` registered to be masked. */
export function recordingOutput(secrets: string[] = []): { out: Output; text: () => string } {
  const sink = new PassThrough();
  let text = '';
  sink.on('data', (chunk: Buffer) => (text += chunk.toString()));
  const out = createOutput(sink, sink, {});
  for (const secret of secrets) out.addSecret(secret);
  return { out, text: () => text };
}
