import { randomBytes } from 'node:crypto';
import { unlinkSync } from 'node:fs';
import { open, rename, unlink } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Temporary files being written now; removed if the program is stopped (Ctrl+C, kill) before they are renamed. */
const pending = new Set<string>();

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

function onSignal(signal: NodeJS.Signals): void {
  for (const file of pending) {
    try {
      unlinkSync(file);
    } catch {
      // Already gone.
    }
  }
  pending.clear();
  for (const s of SIGNALS) process.removeListener(s, onSignal);
  // Stopped as the signal asked, with the usual status (128 + its number).
  process.kill(process.pid, signal);
}

function track(file: string): void {
  if (pending.size === 0) for (const s of SIGNALS) process.on(s, onSignal);
  pending.add(file);
}

function untrack(file: string): void {
  pending.delete(file);
  if (pending.size === 0) for (const s of SIGNALS) process.removeListener(s, onSignal);
}

/** Why a write failed, in words: a full disk and a file-size limit are said so. */
function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const text = error instanceof Error ? error.message : String(error);
  if (code === 'ENOSPC') return `the disk is full: ${text}`;
  if (code === 'EFBIG') return `larger than this system lets a file grow: ${text}`;
  if (code === 'EDQUOT') return `the disk quota is used up: ${text}`;
  return text;
}

/**
 * Writes `target` through a temporary file in the same folder, renamed over it once complete and flushed to
 * disk. A write that fails (disk full, a file-size limit, a folder that refuses new files, an error while
 * producing the bytes) leaves whatever `target` held before untouched, and removes the temporary file; so
 * does a SIGINT, SIGTERM or SIGHUP that stops the program while it writes. Every file the command line writes
 * goes through here.
 */
export async function writeFileAtomically(target: string, write: (file: FileHandle) => Promise<void>): Promise<void> {
  const temporary = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  let file: FileHandle | undefined;
  try {
    file = await open(temporary, 'wx');
    track(temporary);
    await write(file);
    await file.sync();
    await file.close();
    file = undefined;
    await rename(temporary, target);
    untrack(temporary);
  } catch (error) {
    await file?.close().catch(() => undefined);
    await unlink(temporary).catch(() => undefined);
    untrack(temporary);
    throw new Error(`${target}: not written, and left as it was (${reason(error)})`);
  }
}

/** {@link writeFileAtomically} for bytes or text in hand. */
export function writeDataAtomically(target: string, data: string | Uint8Array): Promise<void> {
  return writeFileAtomically(target, async (file) => {
    await file.writeFile(data);
  });
}
