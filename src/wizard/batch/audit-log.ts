import { promises as fs } from 'node:fs';
import type { AuditEntry, AuditTrail } from '../../aws/audit.js';
import type { Clock } from '../../totp/clock.js';

/**
 * The batch's audit log (`users.csv.audit.jsonl`): the administrator's changes, one JSON line
 * each, for the hire being enrolled; also what the batch itself did (a hire skipped).
 */
export class AuditLog implements AuditTrail {
  /** The hire the batch is on ('' between hires). */
  hire = '';

  constructor(
    private readonly path: string,
    /** The administrator's ARN. */
    readonly admin: string,
    private readonly clock: Pick<Clock, 'now'>,
  ) {}

  async write(entry: AuditEntry): Promise<void> {
    await fs.appendFile(this.path, `${JSON.stringify(entry)}\n`, { mode: 0o600 });
  }

  /** Now, as the audit log and the state file write it (the run's clock). */
  now(): Date {
    return new Date(this.clock.now());
  }

  user(): string {
    return this.hire;
  }

  /** A hire left out, by --skip or at the hand-over. */
  async skipped(user: string): Promise<void> {
    await this.write({ time: this.now().toISOString(), admin: this.admin, action: 'skip', user, result: 'ok' });
  }
}
