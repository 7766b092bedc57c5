// The embedded emulator as `demo` and `emulator` start it: a rehearsal checked and announced.
import type { Runtime } from '../deps.js';
import { EMULATED_ACTIONS, FAULT_KINDS, startEmbeddedEmulator, type EmbeddedEmulator, type Fault } from '../emulator/embedded/server.js';
import { UserError } from '../errors.js';
import { t } from '../ui/messages/index.js';
import type { Output } from '../ui/output.js';
import type { Rehearsal } from './flags.js';

/** `ACTION=KIND` of --rehearse-fault (the action may carry its service: iam:EnableMFADevice). */
function parseFault(text: string): Fault {
  const [name = '', kind = ''] = text.split('=', 2);
  const action = name.replace(/^(iam|sts):/i, '');
  if (!EMULATED_ACTIONS.includes(action) || !(FAULT_KINDS as readonly string[]).includes(kind)) {
    throw new UserError('demo.badFault', { value: text, actions: EMULATED_ACTIONS.join(', '), kinds: FAULT_KINDS.join(', ') });
  }
  return { action, kind: kind as Fault['kind'] };
}

/** The faults of a rehearsal, checked (before anything starts). */
export function rehearsedFaults(rehearsal: Rehearsal): Fault[] {
  return rehearsal.faults.map(parseFault);
}

/**
 * Starts the embedded emulator on the run's clock with the rehearsal (its faults checked
 * first), saying what it rehearses. `port` undefined: a free one.
 */
export async function startRehearsal(rehearsal: Rehearsal, faults: Fault[], runtime: Runtime, out: Output, port?: number): Promise<EmbeddedEmulator> {
  if (rehearsal.consistencyDelayMs > 0) out.info(t('demo.rehearseConsistency', { seconds: rehearsal.consistencyDelayMs / 1000 }));
  for (const fault of faults) out.info(t('demo.rehearseFault', { action: fault.action, kind: fault.kind }));
  const clock = runtime.clock;
  return startEmbeddedEmulator({
    ...(clock ? { now: () => clock.now() } : {}),
    consistencyDelayMs: rehearsal.consistencyDelayMs,
    faults,
    ...(port !== undefined ? { port } : {}),
  });
}
