import { describe, expect, it } from 'vitest';
import { generateToken, hashToken } from './tokens';

describe('bearer tokens', () => {
  it('are 32 random bytes in base64url, stored as sha256 hex', () => {
    const token = generateToken();
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(token).not.toBe(generateToken());
    expect(hashToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashToken(token)).toBe(hashToken(token));
  });
});
