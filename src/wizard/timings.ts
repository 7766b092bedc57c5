import { promises as fs } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { WizardDeps } from './context.js';

/** One step's cost: wall time, the part spent waiting for the person or a TOTP window, AWS calls. */
export interface StepTiming {
  step: string;
  ms: number;
  waitingMs: number;
  awsCalls: number;
}

/**
 * Measures the wizard's own time per step, apart from time spent waiting for the person
 * (prompts, codes) and for TOTP windows. Written as JSON to MFA_ONBOARD_TIMINGS, for the
 * benchmark; costs nothing worth mentioning otherwise.
 */
export class Timings {
  readonly steps: StepTiming[] = [];
  private waiting = 0;
  private awsCalls = () => 0;
  private readonly started = performance.now();

  /** Counts AWS calls from this source from now on (each client factory keeps its own count). */
  countAwsCalls(read: () => number): void {
    const before = this.awsCalls;
    this.awsCalls = () => before() + read();
  }

  /** The same seams, with every wait for the person or the clock measured. */
  measure(deps: WizardDeps): WizardDeps {
    const wait = async <T>(work: () => Promise<T>): Promise<T> => {
      const start = performance.now();
      try {
        return await work();
      } finally {
        this.waiting += performance.now() - start;
      }
    };
    return {
      ...deps,
      prompter: {
        input: (q) => wait(() => deps.prompter.input(q)),
        confirm: (q) => wait(() => deps.prompter.confirm(q)),
        select: (q) => wait(() => deps.prompter.select(q)),
      },
      readCode: (message) => wait(() => deps.readCode(message)),
      clock: { now: () => deps.clock.now(), sleep: (ms, signal) => wait(() => deps.clock.sleep(ms, signal)) },
    };
  }

  async step<T>(name: string, work: () => Promise<T>): Promise<T> {
    const start = performance.now();
    const waitingBefore = this.waiting;
    const callsBefore = this.awsCalls();
    try {
      return await work();
    } finally {
      this.steps.push({
        step: name,
        ms: performance.now() - start,
        waitingMs: this.waiting - waitingBefore,
        awsCalls: this.awsCalls() - callsBefore,
      });
    }
  }

  /** Writes the report to `path` (MFA_ONBOARD_TIMINGS), if one is given. */
  async save(path: string | undefined): Promise<void> {
    if (!path) return;
    const report = {
      steps: this.steps,
      totalMs: performance.now() - this.started,
      waitingMs: this.waiting,
      awsCalls: this.awsCalls(),
      maxRssBytes: process.resourceUsage().maxRSS * 1024,
    };
    await fs.writeFile(path, JSON.stringify(report, null, 2));
  }
}
