// One error type for the whole application. A use case throws AppError with a code and a
// message key; the web layer maps the code to an HTTP status and translates the key. Nothing
// else (no stack trace, no SQL) ever reaches a user.

export type ErrorCode =
  | 'VALIDATION'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'UNPROCESSABLE'
  | 'RATE_LIMITED'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'URI_TOO_LONG'
  | 'LENGTH_REQUIRED'
  | 'LOCKED'
  | 'UNAVAILABLE'
  | 'INTERNAL';

export const httpStatusOf: Record<ErrorCode, number> = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  UNPROCESSABLE: 422,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  URI_TOO_LONG: 414,
  LENGTH_REQUIRED: 411,
  LOCKED: 423,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
  INTERNAL: 500,
};

export type MessageParams = Record<string, string | number>;

/** A problem with one input field: `field` is the name the user sees in the form or JSON body. */
export interface FieldError {
  field: string;
  key: string;
  params?: MessageParams;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly key: string;
  readonly params: MessageParams;
  readonly fields: FieldError[];

  constructor(code: ErrorCode, key: string, params: MessageParams = {}, fields: FieldError[] = []) {
    super(`${code}: ${key}`);
    this.name = 'AppError';
    this.code = code;
    this.key = key;
    this.params = params;
    this.fields = fields;
  }

  get status(): number {
    return httpStatusOf[this.code];
  }

  static validation(fields: FieldError[]): AppError {
    return new AppError('VALIDATION', 'error.validation', {}, fields);
  }

  static field(field: string, key: string, params?: MessageParams): AppError {
    return AppError.validation([{ field, key, ...(params ? { params } : {}) }]);
  }

  static notFound(key = 'error.notFound'): AppError {
    return new AppError('NOT_FOUND', key);
  }

  static forbidden(key = 'error.forbidden'): AppError {
    return new AppError('FORBIDDEN', key);
  }

  static conflict(key = 'error.conflict', params?: MessageParams): AppError {
    return new AppError('CONFLICT', key, params);
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
