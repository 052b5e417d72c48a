import JSZip from 'jszip';

/** A workbook file the program refuses: the message names the file and what is wrong; exit code 1. */
export class WorkbookFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WorkbookFileError';
  }
}

/**
 * The most a workbook may expand to when unzipped, all parts together, unless `--max-unzipped` raises it.
 * A 200,000-row formula sheet is about 30 MB of XML; a zip bomb of a few hundred kilobytes can claim gigabytes.
 */
export const DEFAULT_MAX_UNZIPPED_MB = 256;

const MB = 1024 * 1024;

/**
 * What to tell a user about an error: its message, unless it is a fault of the program itself (a TypeError
 * from inside a library, "Cannot set properties of undefined"), whose text would mean nothing to them.
 */
export function faultText(error: unknown, internal = 'a part is not as Excel writes it'): string {
  if (error instanceof TypeError || error instanceof ReferenceError || error instanceof SyntaxError) return internal;
  return error instanceof Error ? error.message : String(error);
}

/** JSZip keeps each entry's sizes from the central directory, and streams an entry; its typings omit both. */
interface EntrySizes {
  readonly _data?: { readonly uncompressedSize?: number };
}

interface EntryStream {
  on(event: 'data', listener: (chunk: Uint8Array) => void): EntryStream;
  on(event: 'error', listener: (error: Error) => void): EntryStream;
  on(event: 'end', listener: () => void): EntryStream;
  pause(): EntryStream;
  resume(): EntryStream;
}

interface StreamingEntry {
  internalStream(type: 'uint8array'): EntryStream;
}

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * Inflates an entry without keeping it, stopping as soon as it passes `budget` bytes. The central directory's
 * size is only a claim; this is what the entry really expands to.
 */
function inflatedSize(entry: JSZip.JSZipObject, budget: number): Promise<number> {
  return new Promise((resolve, reject) => {
    let size = 0;
    let done = false;
    const stream = (entry as unknown as StreamingEntry).internalStream('uint8array');
    stream
      .on('data', (chunk: Uint8Array) => {
        size += chunk.length;
        if (size > budget && !done) {
          done = true;
          stream.pause();
          resolve(size);
        }
      })
      .on('error', (error: Error) => {
        if (!done) reject(error);
        done = true;
      })
      .on('end', () => {
        if (!done) resolve(size);
        done = true;
      })
      .resume();
  });
}

/**
 * Opens a workbook package (.xlsx bytes) and checks it before anything reads its parts: it must be a zip, it
 * must hold a workbook, and all its parts together must unzip to at most `maxUnzippedMb` megabytes.
 */
export async function openWorkbookPackage(file: string, bytes: Uint8Array, maxUnzippedMb = DEFAULT_MAX_UNZIPPED_MB): Promise<JSZip> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (error) {
    throw new WorkbookFileError(`${file}: not an Excel workbook (.xlsx is a zip package; ${message(error)})`);
  }
  // The workbook part is where _rels/.rels says; nearly every writer puts it at xl/workbook.xml.
  const rootRels = (await zip.file('_rels/.rels')?.async('string')) ?? '';
  if (zip.file('xl/workbook.xml') === null && !/\/officeDocument"/.test(rootRels)) {
    throw new WorkbookFileError(`${file}: a zip package but no Excel workbook (it has no xl/workbook.xml)`);
  }
  const limit = maxUnzippedMb * MB;
  const tooLarge = (part: string) =>
    new WorkbookFileError(
      `${file}: refused: part ${part} unzips to more than the ${maxUnzippedMb} MB a workbook may take ` +
        '(a damaged file or a zip bomb; --max-unzipped MB raises the limit)',
    );
  const entries = Object.values(zip.files).filter((entry) => !entry.dir);
  let claimed = 0;
  for (const entry of entries) {
    claimed += (entry as unknown as EntrySizes)._data?.uncompressedSize ?? 0;
    if (claimed > limit) throw tooLarge(entry.name);
  }
  let total = 0;
  for (const entry of entries) {
    try {
      total += await inflatedSize(entry, limit - total);
    } catch (error) {
      throw new WorkbookFileError(`${file}: part ${entry.name} cannot be unzipped (${message(error)})`);
    }
    if (total > limit) throw tooLarge(entry.name);
  }
  return zip;
}
