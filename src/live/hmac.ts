// HMAC-SHA256 through Web Crypto, the one primitive every exchange signs with. Web Crypto runs unchanged in the
// task pane (the browser Excel hosts) and in Node, so the command line and the pane sign with the same code. The
// secret is imported as a non-extractable key and never leaves this function.

const encoder = new TextEncoder();

/** The raw HMAC-SHA256 of `message` under `secret` (both UTF-8). */
export async function hmacSha256(secret: string, message: string): Promise<Uint8Array> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) throw new Error('Web Crypto is not available here: requests cannot be signed');
  const key = await subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return new Uint8Array(await subtle.sign('HMAC', key, encoder.encode(message)));
}

/** Lower-case hex, as Binance and Bybit send signatures. */
export function toHex(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) out += byte.toString(16).padStart(2, '0');
  return out;
}

/** Standard base64 with padding, as OKX and Bitget send signatures. */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}
