import { DrizzleQueryError } from 'drizzle-orm/errors';
import { describe, expect, it } from 'vitest';
import { safeError, safeErrorLine } from './safe-error.ts';

describe('safeError', () => {
  const cause = Object.assign(new Error('duplicate key value violates unique constraint "users_email_idx"'), {
    code: '23505',
    constraint: 'users_email_idx',
    detail: 'Key (email)=(siti@contoh.test) already exists.',
  });
  const err = new DrizzleQueryError(
    'insert into "users" ("email", "name") values ($1, $2)',
    ['siti@contoh.test', 'Siti Aminah'],
    cause,
  );

  it('keeps the query, the code and the constraint, drops bound values and detail', () => {
    const s = JSON.stringify(safeError(err));
    expect(s).toContain('insert into \\"users\\"');
    expect(s).toContain('23505');
    expect(s).toContain('users_email_idx');
    expect(s).not.toContain('siti@contoh.test');
    expect(s).not.toContain('Siti Aminah');
  });

  it('gives a one-line form for job errors', () => {
    const line = safeErrorLine(err);
    expect(line).toMatch(/^DrizzleQueryError: Failed query: insert into "users"/);
    expect(line).not.toContain('Siti');
  });

  it('handles values that are not errors', () => {
    expect(safeError('Siti Aminah').message).not.toContain('Siti');
  });
});
