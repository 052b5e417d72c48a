export { hmacSha256, toBase64, toHex } from './hmac';
export * from './signers';
