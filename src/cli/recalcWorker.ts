import { parentPort } from 'node:worker_threads';
import type { FileTask } from './recalcPool';
import { recalcFile } from './recalcPool';

/** A worker thread of `multiasset recalc`: recalculates each workbook it is sent and answers with the result. */
parentPort?.on('message', (task: FileTask) => {
  void recalcFile(task).then((result) => parentPort?.postMessage(result));
});
