import type { FieldError } from '../../platform/errors.ts';

// NIST SP 800-63B: length over composition rules; refuse the obvious.
const MIN_LENGTH = 12;
const COMMON = new Set([
  'password1234',
  '123456789012',
  'qwertyuiopas',
  'kpu123456789',
  'passwordppid',
  'terbuka12345',
]);

export function passwordProblems(
  password: string,
  context: { email?: string; name?: string },
  field = 'newPassword',
): FieldError[] {
  if (password.length < MIN_LENGTH)
    return [{ field, key: 'validation.passwordShort', params: { min: MIN_LENGTH } }];
  if (password.length > 200) return [{ field, key: 'validation.tooLong', params: { max: 200 } }];
  const lower = password.toLowerCase();
  const local = context.email?.split('@')[0]?.toLowerCase();
  if (
    COMMON.has(lower) ||
    /^(.)\1+$/.test(password) ||
    (local && local.length >= 4 && lower.includes(local))
  ) {
    return [{ field, key: 'validation.passwordWeak' }];
  }
  return [];
}
