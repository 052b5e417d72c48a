import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { Readable, Transform, pipeline } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { bodyError, type FetchBody, sizeText } from '../net';

/** The decompressor of each content coding the command line asks for; `identity` needs none. */
const DECODERS: Readonly<Record<string, (() => Transform) | null>> = {
  identity: null,
  gzip: createGunzip,
  'x-gzip': createGunzip,
  deflate: createInflate,
  br: createBrotliDecompress,
};

/** Counts the bytes that pass and fails the stream as soon as they exceed the limit. */
function byteLimit(maxBytes: number, where: string): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      if (seen > maxBytes) done(bodyError(`body too large: more than the limit of ${sizeText(maxBytes)} ${where}`));
      else done(null, chunk);
    },
  });
}

/** The body after its content coding is undone, counted on the wire; a bad coding fails it with "bad encoding". */
function decodedBody(response: IncomingMessage, maxBytes: number): Readable {
  const coding = String(response.headers['content-encoding'] ?? 'identity')
    .trim()
    .toLowerCase();
  const decoder = Object.prototype.hasOwnProperty.call(DECODERS, coding) ? DECODERS[coding] : undefined;
  if (decoder === undefined) {
    response.destroy();
    throw bodyError(`bad encoding: the server sent Content-Encoding "${coding.slice(0, 40)}", which is not gzip, deflate or br`);
  }
  const declared = Number(response.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    response.destroy();
    throw bodyError(`body too large: the server announces ${declared} bytes, more than the limit of ${sizeText(maxBytes)}`);
  }
  const wire = byteLimit(maxBytes, 'on the wire');
  if (decoder === null) return pipeline(response, wire, () => undefined);
  const inflate = decoder();
  inflate.on('error', (error: Error & { detail?: string }) => {
    // Name the failure before the pipeline hands the same error to the reader.
    error.detail ??= `bad encoding: the ${coding} body cannot be decompressed (${error.message})`;
  });
  return pipeline(response, wire, inflate, () => undefined);
}

/** The body as a web stream that reads the next chunk only when asked (so nothing piles up) and stops on cancel. */
function pulled(source: Readable): ReadableStream<Uint8Array> {
  const chunks = source[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const next = await chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(new Uint8Array(next.value.buffer, next.value.byteOffset, next.value.byteLength));
      },
      cancel() {
        source.destroy();
      },
    },
    { highWaterMark: 0 },
  );
}

/**
 * The command line's HTTP transport for the shared bounded fetch. Unlike Node's `fetch`, it counts the bytes on
 * the wire as well as after decompression (gzip, deflate, br, streamed by zlib), and names what failed.
 */
export const nodeFetchBody: FetchBody = (url, init) =>
  new Promise((resolve, reject) => {
    const target = new URL(url);
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    const request = send(
      target,
      {
        method: 'GET',
        signal: init.signal,
        // The codings counted and undone here, whatever the caller's headers say.
        headers: { accept: 'application/json', ...init.headers, 'accept-encoding': 'gzip, deflate, br' },
      },
      (response) => {
        const status = response.statusCode ?? 0;
        let body: Readable;
        try {
          body = decodedBody(response, init.maxBytes);
        } catch (error) {
          reject(error);
          return;
        }
        response.on('aborted', () => body.destroy(bodyError('the connection closed before the whole body arrived')));
        resolve({
          ok: status >= 200 && status < 300,
          status,
          statusText: response.statusMessage ?? '',
          body: pulled(body),
        });
      },
    );
    request.on('error', (error: Error & { code?: string }) => {
      if (error.name === 'AbortError') reject(error);
      else reject(bodyError(error.code === 'ECONNREFUSED' ? `connection refused (${error.message})` : error.message));
    });
    request.end();
  });
