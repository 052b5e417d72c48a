import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { RecalcFileOptions } from './recalcWorkbook';
import { recalcWorkbook } from './recalcWorkbook';
import { faultText } from './workbookPackage';

/** One workbook's outcome, as plain data a worker thread can hand back. */
export interface FileResult {
  readonly out: string[];
  readonly err: string[];
  readonly json: Record<string, unknown> | null;
  readonly failed: boolean;
  /** Cells left at Excel's saved values: beyond the engine. */
  readonly limits: number;
}

export interface FileTask {
  readonly file: string;
  readonly options: RecalcFileOptions;
}

/** Recalculates one workbook, catching its refusal as a line that names it. */
export async function recalcFile(task: FileTask): Promise<FileResult> {
  const out: string[] = [];
  const err: string[] = [];
  try {
    const { json, limits } = await recalcWorkbook(task.file, task.options, { out: (l) => out.push(l), err: (l) => err.push(l) });
    return { out, err, json, failed: false, limits };
  } catch (error) {
    const message = faultText(error, 'an internal error (nothing was written)');
    err.push(`multiasset: ${message.includes(task.file) ? message : `${task.file}: ${message}`}`);
    return { out, err, json: null, failed: true, limits: 0 };
  }
}

/** The compiled worker; absent when the program runs from its TypeScript sources (tests), which then work in turn. */
const WORKER_SCRIPT = join(__dirname, 'recalcWorker.js');

function runInWorker(worker: Worker, task: FileTask): Promise<FileResult> {
  return new Promise((resolve) => {
    const stopped = (why: string): FileResult => ({
      out: [],
      err: [`multiasset: ${task.file}: the worker stopped (${why})`],
      json: null,
      failed: true,
      limits: 0,
    });
    const done = (result: FileResult) => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      resolve(result);
    };
    const onMessage = (result: FileResult) => done(result);
    const onError = (error: Error) => done(stopped(error.message));
    const onExit = (code: number) => done(stopped(`exit code ${code}`));
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.postMessage(task);
  });
}

/**
 * Recalculates the workbooks in up to `jobs` worker threads (default: one per core), each thread taking the
 * next file when it is done with one. Results come back in the order of `files`. A worker that dies (out of
 * memory on a huge file) fails that file only; the next file gets a fresh worker.
 */
export async function recalcInParallel(files: readonly string[], options: RecalcFileOptions, jobs: number | null): Promise<FileResult[]> {
  const results: FileResult[] = new Array<FileResult>(files.length);
  const threads = Math.max(1, Math.min(jobs ?? availableParallelism(), files.length));
  let next = 0;
  const inProcess = !existsSync(WORKER_SCRIPT);
  const lane = async (): Promise<void> => {
    let worker: Worker | undefined;
    try {
      for (let i = next++; i < files.length; i = next++) {
        const task = { file: files[i] ?? '', options };
        if (inProcess) {
          results[i] = await recalcFile(task);
          continue;
        }
        worker ??= new Worker(WORKER_SCRIPT);
        const result = await runInWorker(worker, task);
        results[i] = result;
        if (result.err.some((l) => l.includes('the worker stopped'))) {
          await worker.terminate();
          worker = undefined;
        }
      }
    } finally {
      await worker?.terminate();
    }
  };
  await Promise.all(Array.from({ length: threads }, lane));
  return results;
}
