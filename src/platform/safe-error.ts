// What of an error may be logged or stored: its kind, the message WITHOUT the bound values, the
// database's error code, constraint, table and column, and the stack. Drizzle's DrizzleQueryError
// puts every bound parameter into its message and a `params` property, and PostgreSQL's `detail`
// repeats the offending values ("Key (email)=(…) already exists"): personal data (name,
// address, phone, email, NIK) that must never reach the server log or a job's last_error.

export interface SafeError {
  type: string;
  message: string;
  code?: string;
  constraint?: string;
  table?: string;
  column?: string;
  stack?: string;
  cause?: SafeError;
}

const PARAMS_LINE = /\nparams: [\s\S]*$/;

function pick(e: Record<string, unknown>, key: string): string | undefined {
  const v = e[key];
  return typeof v === 'string' && v.length > 0 ? v : undefined;
}

export function safeError(err: unknown, depth = 0): SafeError {
  if (!(err instanceof Error)) return { type: typeof err, message: '(non-error thrown)' };
  const e = err as unknown as Record<string, unknown>;
  const out: SafeError = {
    type: err.name && err.name !== 'Error' ? err.name : err.constructor.name,
    message: err.message.replace(PARAMS_LINE, '\nparams: (not logged)'),
  };
  for (const key of ['code', 'constraint', 'table', 'column'] as const) {
    const v = pick(e, key);
    if (v) out[key] = v;
  }
  if (err.stack) out.stack = err.stack.replace(err.message, out.message).replace(PARAMS_LINE, '');
  if (err.cause !== undefined && depth < 3) out.cause = safeError(err.cause, depth + 1);
  return out;
}

/** One line for a job's last_error or the console: kind and message, no bound values. */
export function safeErrorLine(err: unknown): string {
  const s = safeError(err);
  const cause = s.cause
    ? ` (cause: ${s.cause.type}${s.cause.code ? ` ${s.cause.code}` : ''}: ${s.cause.message})`
    : '';
  return `${s.type}: ${s.message}${cause}`;
}
