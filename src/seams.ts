import type { AwsFactory } from './aws/client.js';
import type { Endpoints } from './aws/endpoint.js';
import type { FileWriter } from './credentials/files.js';
import type { AwsFiles } from './credentials/paths.js';
import type { Clock } from './totp/clock.js';
import type { CodeProcess } from './ui/code-process.js';
import type { CodeReader } from './ui/codes.js';
import type { Output } from './ui/output.js';
import type { Prompter } from './ui/prompter.js';
import type { QrPaint } from './ui/qr.js';

// The seams every command and step runs with: side effects behind small interfaces, built in
// one place (deps.ts). A type module, below the wizard and the composition root, so both use it.

/** The seams a step may use; each step picks only what it needs. */
export interface WizardDeps {
  out: Output;
  prompter: Prompter;
  /** A person can answer prompts (stdin and stderr are a terminal, or a test prompter). */
  interactive: boolean;
  clock: Clock;
  signal: AbortSignal;
  files: AwsFiles;
  /** Writes every file of this run (atomic, locked, 0600; one backup a run). */
  writer: FileWriter;
  /** The person's home directory, for `~` in typed paths. */
  home?: string;
  readCode: CodeReader;
  /** Codes from a program (`mfa_process`, `--mfa-process`), in place of readCode: no prompt. */
  codesFrom: (program: CodeProcess) => CodeReader;
  /** Where to write the per-step timings (MFA_ONBOARD_TIMINGS), for the benchmark. */
  timingsFile?: string;
  /**
   * How to paint a QR code on this terminal: explicit colours, or (NO_COLOR) the terminal's
   * own text colour on its background; `sure` is false when the terminal did not say which.
   */
  qrPaint: () => Promise<{ paint: QrPaint; sure: boolean }>;
  /** --endpoint-url (or the demo's emulator): where IAM and STS calls go, for the summary's commands. */
  endpoint?: string;
  /**
   * Where IAM and STS calls go, from --endpoint-url or the AWS_ENDPOINT_URL variables (absent
   * for AWS's own): for the commands a hire runs on her own computer, which has neither.
   */
  endpoints?: Endpoints;
  /** Builds clients for a region; called again when the region is known. */
  awsFor: (region: string) => AwsFactory;
  /**
   * Takes Ctrl-C for a while (a batch hire's turn): until `release`, Ctrl-C aborts only the
   * returned seams' signal, never the run's, and a second one does not end the process.
   * Absent where the process's signals are not ours (tests, the demo's inner runs).
   */
  ownInterrupts?: () => { deps: WizardDeps; release(): void };
}
