import type { Patience } from './aws/client.js';
import { endpointsInUse } from './aws/endpoint.js';
import { giveUpSeconds, sdkAwsFactory, type SharedFiles } from './aws/sdk.js';
import { t } from './ui/messages/index.js';
import { createFileWriter } from './credentials/files.js';
import { awsFiles, type AwsFiles } from './credentials/paths.js';
import { profilesIn } from './credentials/profiles.js';
import { narrowFilesForSdk } from './credentials/sdk-view.js';
import { UserError } from './errors.js';
import type { WizardDeps } from './seams.js';
import { systemClock, type Clock } from './totp/clock.js';
import { processCodeReader, type StderrTarget } from './ui/code-process.js';
import { promptCodeReader, streamCodeReader, ttyCodeReader } from './ui/codes.js';
import { askBackground } from './ui/background.js';
import { shownProfiles } from './ui/error-text.js';
import { openTty } from './ui/tty.js';
import type { Output } from './ui/output.js';
import { answeringDefaults, createInteractivePrompter, createNonInteractivePrompter, type Prompter } from './ui/prompter.js';

/** The process the CLI runs in, as a value, so tests can run `main` in-process. */
export interface Runtime {
  env: NodeJS.ProcessEnv;
  stdin: NodeJS.ReadStream | NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean; columns?: number; rows?: number };
  /** Aborted on Ctrl-C outside a prompt. */
  signal: AbortSignal;
  /** Ctrl-C taken for a while: it aborts the taken signal instead of `signal` (main.ts). */
  interrupts?: { take(): { signal: AbortSignal; release(): void } };
  clock?: Clock;
  /** Replaces the prompter (tests). */
  prompter?: Prompter;
  /** Opens the controlling terminal (tests pass one that fails, as CI has none). */
  openTty?: typeof openTty;
  /** How long AWS calls wait (tests shorten it; the default is documented in the README). */
  patience?: Patience;
  /** How long an mfa_process may take (tests shorten it; 30 s, as the README says). */
  codeProcessTimeoutMs?: number;
}

/** True when a person can answer: both ends of the conversation are a terminal. */
export function isInteractive(runtime: Runtime): boolean {
  return Boolean((runtime.stdin as NodeJS.ReadStream).isTTY && runtime.stderr.isTTY);
}

const withYes = (prompter: Prompter, yes: boolean) => (yes ? answeringDefaults(prompter) : prompter);

/** How a command's prompts are answered (from its flags: --yes, --codes-from-stdin…). */
export interface Answers {
  yes: boolean;
  codesFromStdin: boolean;
  /** Codes are read on the terminal (/dev/tty), never stdin: `session --credential-process`. */
  codesOnTty?: boolean;
}

/** What a run changes in the process it runs in: the demo's own HOME and emulator. */
export interface RuntimeOverride {
  env?: NodeJS.ProcessEnv;
  /** Where IAM and STS calls go (else --endpoint-url). */
  endpoint?: string;
}

/** What a command runs with: the process, its output, and its seams (built here, on demand). */
export interface CommandContext {
  runtime: Runtime;
  out: Output;
  /** Builds the command's seams; the demo passes its own environment and endpoint. */
  deps(override?: RuntimeOverride): WizardDeps;
}

/** The context of one command run: its answers and --endpoint-url go into every deps it builds. */
export function commandContext(runtime: Runtime, out: Output, answers: Answers, endpoint: string | undefined): CommandContext {
  return {
    runtime,
    out,
    deps: (override = {}) => {
      const url = override.endpoint ?? endpoint;
      return createWizardDeps(override.env ? { ...runtime, env: override.env } : runtime, out, { ...answers, ...(url !== undefined ? { endpoint: url } : {}) });
    },
  };
}

/**
 * The shared files as the AWS clients need them: narrowed for the SDK when large, and read
 * to say why the SDK found no keys for a profile (there is no such profile, and the message
 * lists those there are, or it has none). The files are the run's, from its environment.
 */
function sharedFiles(files: AwsFiles): SharedFiles {
  return {
    // NOTE: the SDK reads process.env itself, so what it is shown follows process.env too.
    prepare: (profile) => narrowFilesForSdk(profile),
    noCredentials: async (profile, error) => {
      const profiles = await profilesIn(files);
      if (!profiles.includes(profile)) {
        return new UserError(
          'profile.notFound',
          { profile, profiles: shownProfiles(profiles), credentials: files.credentialsFile, config: files.configFile },
          { cause: error },
        );
      }
      return new UserError('profile.noKeys', { profile, reason: (error as Error).message }, { cause: error });
    },
  };
}

/**
 * Where a code program's stderr goes ("Touch your YubiKey"): to our stderr when it is a
 * terminal; under credential_process (stderr is the AWS tool's) to the terminal, if any.
 */
function codeProcessStderr(runtime: Runtime, codesOnTty: boolean): StderrTarget {
  if (!codesOnTty) return { target: runtime.stderr.isTTY ? 'inherit' : 'ignore', done: () => {} };
  try {
    const tty = (runtime.openTty ?? openTty)();
    const close = () => {
      tty.input.destroy();
      tty.output.destroy();
    };
    if (tty.fd !== undefined) return { target: tty.fd, done: close };
    close();
    return { target: 'ignore', done: () => {} };
  } catch {
    return { target: 'ignore', done: () => {} };
  }
}

/** Builds every seam the wizard uses, in one place. */
function createWizardDeps(runtime: Runtime, shown: Output, flags: Answers & { endpoint?: string }): WizardDeps {
  // Codes on the terminal (credential_process): silent on success, since the AWS tool may
  // print our stderr on every run (Terraform does). Notes and warnings are kept for the
  // terminal, shown there only if a code is asked; errors still reach stderr (cli's report).
  const pending: string[] = [];
  const out: Output = flags.codesOnTty
    ? {
        ...shown,
        info: (text) => void pending.push(shown.redact(text)),
        warn: (text) => void pending.push(shown.redact(`! ${text}`)),
        success: () => {},
        heading: () => {},
      }
    : shown;
  const interactive = isInteractive(runtime);
  const prompter =
    runtime.prompter ??
    (interactive
      ? withYes(createInteractivePrompter({ input: runtime.stdin, output: runtime.stderr, signal: runtime.signal }), flags.yes)
      : createNonInteractivePrompter({ yes: flags.yes }));
  const readCode = flags.codesFromStdin
    ? streamCodeReader(runtime.stdin, (message) => out.info(message), runtime.signal)
    : flags.codesOnTty
      ? ttyCodeReader(runtime.openTty ?? openTty, runtime.signal, () => pending.splice(0))
      : promptCodeReader(prompter);
  const clock = runtime.clock ?? systemClock;
  const files = awsFiles(runtime.env);
  const endpoints = endpointsInUse(flags.endpoint, runtime.env);
  return {
    out,
    prompter,
    interactive: interactive || runtime.prompter !== undefined,
    clock,
    signal: runtime.signal,
    files,
    writer: createFileWriter({ clock, signal: runtime.signal }),
    ...(runtime.env.HOME ? { home: runtime.env.HOME } : {}),
    readCode,
    codesFrom: (program) =>
      processCodeReader(program, {
        stderr: () => codeProcessStderr(runtime, Boolean(flags.codesOnTty)),
        signal: runtime.signal,
        env: runtime.env,
        ...(runtime.codeProcessTimeoutMs !== undefined ? { timeoutMs: runtime.codeProcessTimeoutMs } : {}),
      }),
    ...(runtime.env.MFA_ONBOARD_TIMINGS ? { timingsFile: runtime.env.MFA_ONBOARD_TIMINGS } : {}),
    qrPaint: async () => {
      if (shown.color) {
        const palette = /256|truecolor|24bit/.test(`${runtime.env.TERM} ${runtime.env.COLORTERM}`) || process.platform === 'win32';
        return { paint: { kind: 'color', palette: palette ? '256' : '16' }, sure: true };
      }
      // NO_COLOR: glyphs in the terminal's own colours, drawn for its background.
      const background = await askBackground(runtime.stdin, runtime.stderr, { clock, signal: runtime.signal });
      return { paint: { kind: 'ink', background: background ?? 'dark' }, sure: background !== undefined };
    },
    ...(flags.endpoint !== undefined ? { endpoint: flags.endpoint } : {}),
    ...(endpoints.iam !== undefined || endpoints.sts !== undefined ? { endpoints } : {}),
    ...(runtime.interrupts
      ? {
          ownInterrupts: () => {
            const held = runtime.interrupts!.take();
            const { interrupts: _, ...rest } = runtime;
            return { deps: createWizardDeps({ ...rest, signal: AbortSignal.any([runtime.signal, held.signal]) }, shown, flags), release: held.release };
          },
        }
      : {}),
    awsFor: (region) =>
      sdkAwsFactory(
        { region, ...(flags.endpoint ? { endpoint: flags.endpoint } : {}), ...(runtime.patience ? { patience: runtime.patience } : {}) },
        runtime.signal,
        () => clock.now(),
        {
          slow: (action) => out.info(t('aws.slow', { action, seconds: giveUpSeconds(runtime.patience) })),
          stopping: (action, seconds) => out.warn(t('aws.stopping', { action, seconds })),
        },
        sharedFiles(files),
      ),
  };
}
