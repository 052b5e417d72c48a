import { MAX_MESSAGE_SIZE, messageSize, oversizedMessage } from '../../src/net';

describe('the size of a websocket message, as each runtime delivers it', () => {
  it('counts characters of text and bytes of binary frames (ArrayBuffer, Buffer, Blob, fragments)', () => {
    expect(messageSize('{"a":1}')).toBe(7);
    expect(messageSize(new ArrayBuffer(12))).toBe(12);
    expect(messageSize(Buffer.alloc(5))).toBe(5);
    expect(messageSize(new Uint8Array(9))).toBe(9);
    expect(messageSize(new Blob(['abc', 'de']))).toBe(5);
    expect(messageSize([Buffer.alloc(3), Buffer.alloc(4)])).toBe(7);
    expect(messageSize(null)).toBe(0);
  });

  it('is limited to 4 MB, and the refusal names the URL, the size and the limit', () => {
    expect(MAX_MESSAGE_SIZE).toBe(4_194_304);
    expect(oversizedMessage('wss://stream.bybit.com/v5/private', ' '.repeat(MAX_MESSAGE_SIZE))).toBeNull();
    expect(oversizedMessage('wss://stream.bybit.com/v5/private', ' '.repeat(MAX_MESSAGE_SIZE + 1))).toBe(
      'wss://stream.bybit.com/v5/private sent a message of 4194305 characters, more than the limit of 4 MB: closed, reconnecting',
    );
    expect(oversizedMessage('wss://ws.okx.com:8443/ws/v5/private', new ArrayBuffer(5_000_000))).toBe(
      'wss://ws.okx.com:8443/ws/v5/private sent a message of 5000000 bytes, more than the limit of 4 MB: closed, reconnecting',
    );
  });
});
