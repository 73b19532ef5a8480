import { describe, expect, it } from 'vitest';
import { NewPassword } from '../../../shared';
import { generatePassword } from './passwords';

describe('generated passwords', () => {
  it('meet the rule a password a user picks must meet: one rule for both', () => {
    for (let i = 0; i < 20; i += 1) expect(NewPassword.safeParse(generatePassword()).success).toBe(true);
    expect(NewPassword.safeParse('x'.repeat(11)).success).toBe(false);
  });
});
