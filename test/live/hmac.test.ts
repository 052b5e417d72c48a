import { hmacSha256, toBase64, toHex } from '../../src/live/hmac';

describe('hmacSha256', () => {
  // RFC 4231, test case 2: key "Jefe", data "what do ya want for nothing?".
  it('matches RFC 4231 test case 2 in hex', async () => {
    expect(toHex(await hmacSha256('Jefe', 'what do ya want for nothing?'))).toBe(
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    );
  });

  it('writes the same digest as padded base64', async () => {
    expect(toBase64(await hmacSha256('Jefe', 'what do ya want for nothing?'))).toBe('W9zBRr9gdU5qBCQmCJV1x1oAPwidJzmDnexYuWTsOEM=');
  });

  it('signs UTF-8 text, not UTF-16 code units', async () => {
    // Ⓢ is three bytes in UTF-8 (e2 93 88); the digest is Node's createHmac over those bytes.
    expect(toHex(await hmacSha256('k', 'Ⓢ'))).toBe('0b67ded7a005b231bf4a434e49bff9d392aced4c62849c35d678f22bbf4d7e75');
  });
});
