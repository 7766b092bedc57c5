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
