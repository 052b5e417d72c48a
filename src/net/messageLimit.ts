import { sizeText } from './boundedFetch';

/**
 * The most one websocket message may hold, price feeds and private account streams alike: 4 MB, counted in
 * characters of a text frame or bytes of a binary one. The exchanges' largest real messages are account snapshots
 * (an OKX position row is about 1.2 kB, a Bitget one 0.4 kB, a Bybit wallet coin 0.3 kB): thousands of rows fit.
 */
export const MAX_MESSAGE_SIZE = 4 * 1024 * 1024;

/**
 * The size of a websocket message as it arrived, before anything reads it: characters of a string, bytes of an
 * ArrayBuffer, typed array or Node Buffer, the size of a Blob, the sum of a list of fragments.
 */
export function messageSize(data: unknown): number {
  if (typeof data === 'string') return data.length;
  if (Array.isArray(data)) return data.reduce<number>((sum, part) => sum + messageSize(part), 0);
  if (typeof data === 'object' && data !== null) {
    const { byteLength, size } = data as { byteLength?: unknown; size?: unknown };
    if (typeof byteLength === 'number') return byteLength;
    if (typeof size === 'number') return size;
  }
  return 0;
}

/** Why a message from `url` is refused, when it is larger than the limit; null when it is within it. */
export function oversizedMessage(url: string, data: unknown, limit = MAX_MESSAGE_SIZE): string | null {
  const size = messageSize(data);
  if (size <= limit) return null;
  const unit = typeof data === 'string' ? 'characters' : 'bytes';
  return `${url} sent a message of ${size} ${unit}, more than the limit of ${sizeText(limit)}: closed, reconnecting`;
}
