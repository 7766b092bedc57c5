import { promises as fs } from 'node:fs';
import { join } from 'node:path';

/**
 * Removes a folder this run made, and all it holds; resolves to the error's code when it could
 * not (the caller says which folder is left). Bun's recursive fs.rm on Windows fails now and then
 * with EFAULT (oven-sh/bun#39708), and always under Wine, where removing it file by file works:
 * that is tried next. A folder another program holds open (Explorer, an antivirus) stays.
 */
export async function removeFolder(dir: string): Promise<string | undefined> {
  try {
    await fs.rm(dir, { recursive: true, force: true });
    return undefined;
  } catch (error) {
    try {
      await removeEach(dir);
      return undefined;
    } catch {
      return (error as NodeJS.ErrnoException).code ?? 'EIO';
    }
  }
}

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
