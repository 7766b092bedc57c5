import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The files that start first, in this order, whatever the project: those that take longest
 * from start to end (seconds measured alone on a 2-core machine, `npx vitest run FILE`, and what
 * they wait for), then those timed tightly, while the machine is least busy. The rest of the
 * suite runs on the cores meanwhile: a long file started last would end the run on its own.
 * Vitest's own order puts unknown files first and then larger ones: on a clean clone, with no
 * timings cached, hand-over.e2e started at 3 min 14 s and ended the run.
 */
const LONGEST = [
  'hand-over.e2e', // 88 s: three hires' sessions, each a real 30 s window away
  'setup.e2e', // 60 s: the story that reads each code when the app shows it (two real windows)
  'demo-admin.e2e', // 48 s: two hires' sessions
  'batch.e2e', // 46 s: two hires' sessions
  'fault-matrix-create', // 56 s, 16 s of CPU: the SDK's backoff between retries, 1 s stalls
  'fault-matrix-enable', // 39 s, 11 s of CPU
  // Next, while the machine is least busy: timed, or AWS calls time out in under a second.
  'lost-answers', // 6 s
  'slow-aws', // 8 s, 3 s of CPU: AWS answering late
  'lost-answers-admin', // 5 s
  'typecheck', // 15 s of CPU: tsc over src/ and test/
  'emulator', // 40 s: `mfa-onboard emulator` as a child process, the aws CLI against it
  'session', // 15 s: the built CLI as credential_process of the aws CLI and boto3
  'backup.e2e', // 17 s: a session's window, then the backup's QR screen
  'batch', // 11 s
  'replace', // 9 s
];

/**
 * How many of LONGEST (the first ones) mostly wait (TOTP windows, the SDK's backoff) rather
 * than keep a core busy: each gets a worker of its own beyond one a core.
 */
export const WAITING = 6;

const rank = (file: TestSpecification) => {
  const index = LONGEST.findIndex((name) => file.moduleId.includes(`/${name}.`));
  return index < 0 ? LONGEST.length : index;
};

/** The files of LONGEST first, in its order, then the rest in vitest's order. */
export class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const position = new Map(sorted.map((file, index) => [file, index]));
    return sorted.sort((a, b) => rank(a) - rank(b) || position.get(a)! - position.get(b)!);
  }
}
