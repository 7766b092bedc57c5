import { promises as fs } from 'node:fs';
import { join } from 'node:path';

/**
 * Removes a folder this run made, and all it holds; resolves to an error code when it could
 * not (the caller says which folder is left). Bun's recursive fs.rm on Windows fails now and then
 * with EFAULT (oven-sh/bun#39708); under Wine it fails so, or resolves with the folder still
 * there. Removing it file by file works there: that is tried next. A folder another program
 * holds open (Explorer, an antivirus) stays.
 */
export async function removeFolder(dir: string): Promise<string | undefined> {
  let failure: unknown;
  try {
    await fs.rm(dir, { recursive: true, force: true });
    if (!(await exists(dir))) return undefined;
  } catch (error) {
    failure = error;
  }
  try {
    await removeEach(dir);
    return undefined;
  } catch (error) {
    return ((failure ?? error) as NodeJS.ErrnoException).code ?? 'EIO';
  }
}

const exists = (path: string) => fs.lstat(path).then(() => true, () => false);

async function removeEach(dir: string): Promise<void> {
  let entries;
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) await removeEach(path);
    else await fs.unlink(path);
  }
  await fs.rmdir(dir);
}
