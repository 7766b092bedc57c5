import type { Aws } from '../aws/client.js';
import { AwsError } from '../errors.js';
import { errorText } from '../ui/error-text.js';
import { t } from '../ui/messages/index.js';
import type { Device, Identity, WizardDeps } from './context.js';
import { enabledFor } from './devices.js';

/**
 * Undo actions for what the wizard created but has not finished, run in reverse if the
 * run fails or is cancelled. The device is recorded the moment it exists.
 */
export class Journal {
  private readonly undos: { label: string; undo: () => Promise<void> }[] = [];

  record(label: string, undo: () => Promise<void>): void {
    this.undos.push({ label, undo });
  }

  /** The work is complete: nothing to undo any more. */
  commit(): void {
    this.undos.length = 0;
  }

  get pending(): boolean {
    return this.undos.length > 0;
  }

  /** Runs every undo, newest first; returns the labels of those that failed, with why. */
  async rollback(): Promise<{ label: string; error?: unknown }[]> {
    const results: { label: string; error?: unknown }[] = [];
    while (this.undos.length > 0) {
      const { label, undo } = this.undos.pop()!;
      try {
        await undo();
        results.push({ label });
      } catch (error) {
        results.push({ label, error });
      }
    }
    return results;
  }
}

/**
 * After a failure or Ctrl-C before the device was known to be enabled: keep it if IAM says
 * it is enabled after all (an answer lost on the way back), else delete it, saying why
 * when that fails.
 */
export async function undoUnfinished(
  journal: Journal,
  aws: Pick<Aws, 'listMfaDevices'>,
  identity: Identity,
  device: Device | undefined,
  deps: Pick<WizardDeps, 'out'>,
): Promise<'kept' | 'removed' | 'left'> {
  const { out } = deps;
  if (!journal.pending) return device ? 'kept' : 'removed';
  const kept = () => {
    journal.commit();
    out.warn(t('rollback.keptEnabled', { serial: device!.serialNumber, user: identity.userName }));
    return 'kept' as const;
  };
  if (device && (await enabledFor(aws, identity.userName, device.serialNumber)) === true) return kept();
  out.info(t('rollback.removing'));
  const results = await journal.rollback();
  // IAM refuses to delete a device that is assigned: that refusal is its answer that the device
  // was enabled after all (kept, and recorded for the next run), whatever a listing that may
  // lag behind a moment said.
  if (device && results.some((r) => r.label === device.serialNumber && r.error instanceof AwsError && r.error.is('DeleteConflict'))) return kept();
  for (const result of results) {
    if (result.error === undefined) {
      out.success(t('rollback.removed', { serial: result.label }));
    } else {
      const reason = result.error instanceof AwsError ? result.error.code : errorText(result.error);
      out.warn(t('rollback.failed', { serial: result.label, reason }));
    }
  }
  return results.every((result) => result.error === undefined) ? 'removed' : 'left';
}
