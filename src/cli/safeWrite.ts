import { randomBytes } from 'node:crypto';
import { open, rename, unlink } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Writes `target` through a temporary file in the same folder, renamed over it once complete and flushed to
 * disk. A write that fails (disk full, a folder that refuses new files, an error while producing the bytes)
 * leaves whatever `target` held before untouched, and removes the temporary file.
 */
export async function writeFileAtomically(target: string, write: (file: FileHandle) => Promise<void>): Promise<void> {
  const temporary = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  let file: FileHandle | undefined;
  try {
    file = await open(temporary, 'wx');
    await write(file);
    await file.sync();
    await file.close();
    file = undefined;
    await rename(temporary, target);
  } catch (error) {
    await file?.close().catch(() => undefined);
    await unlink(temporary).catch(() => undefined);
    throw new Error(`${target}: not written, and left as it was (${error instanceof Error ? error.message : String(error)})`);
  }
}
