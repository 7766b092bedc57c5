import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Files that mostly wait (real TOTP windows, AWS retries and stalls) go first in their
 * group, longest wait first, so that the rest of the group runs on the other core meanwhile.
 * Vitest's own order puts unknown files first and then larger ones: on a clean clone, with no
 * timings cached, the short fault-matrix files and batch.e2e would start last.
 */
const WAITERS = ['setup.e2e', 'batch.e2e', 'demo-admin.e2e', 'backup.e2e', 'fault-matrix-create', 'fault-matrix-enable', 'lost-answers'];

const rank = (file: TestSpecification) => {
  const index = WAITERS.findIndex((name) => file.moduleId.includes(`/${name}.`));
  return index < 0 ? WAITERS.length : index;
};

export class WaitersFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const position = new Map(sorted.map((file, index) => [file, index]));
    const key = (file: TestSpecification) => [file.project.config.sequence.groupOrder, file.project.name, rank(file), position.get(file)!] as const;
    return sorted.sort((a, b) => {
      const [ka, kb] = [key(a), key(b)];
      for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i]! < kb[i]! ? -1 : 1;
      return 0;
    });
  }
}
