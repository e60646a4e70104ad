// One error vocabulary for the whole application (06-engineering.md, Habits): a stable code, a
// user-safe message in Danish (and English), an internal message for logs, and — for forms — the
// fields it concerns. Expected business failures are AppErrors; anything else is a bug.

export const errorCodes = [
  'validation',
  'unauthenticated',
  'forbidden',
  'notFound',
  'conflict',
  'tooManyRequests',
  'csrf',
  'gone',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export interface FieldError {
  field: string;
  message: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly userMessage: string;
  readonly userMessageEn: string;
  readonly fields: FieldError[];

  constructor(
    code: ErrorCode,
    userMessage: string,
    options: { en?: string; internal?: string; fields?: FieldError[] } = {},
  ) {
    super(options.internal ?? userMessage);
    this.name = 'AppError';
    this.code = code;
    this.userMessage = userMessage;
    this.userMessageEn = options.en ?? userMessage;
    this.fields = options.fields ?? [];
  }
}

export const notFound = (what: string, en = 'Not found') => new AppError('notFound', `${what} findes ikke.`, { en });
export const forbidden = (internal?: string) =>
  new AppError('forbidden', 'Du har ikke adgang til at gøre dette.', {
    en: 'You do not have access to do this.',
    ...(internal ? { internal } : {}),
  });
export const validationFailed = (fields: FieldError[]) =>
  new AppError('validation', 'Der er fejl i det indtastede. Ret de markerede felter.', {
    en: 'There are errors in what you entered. Correct the marked fields.',
    fields,
  });
