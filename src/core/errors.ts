/**
 * Stable error codes. Every error faultline raises on purpose carries one; docs/errors.md lists them.
 * Only the CLI turns them into exit codes and one-line messages.
 */
export type ErrorCode =
  | 'E_USAGE'
  | 'E_SPEC_NOT_FOUND'
  | 'E_SPEC_READ'
  | 'E_SPEC_TOO_LARGE'
  | 'E_SPEC_PARSE'
  | 'E_SPEC_INVALID'
  | 'E_REF_UNRESOLVED'
  | 'E_REF_REMOTE'
  | 'E_CONFIG_NOT_FOUND'
  | 'E_CONFIG_INVALID'
  | 'E_UNSAFE_TARGET'
  | 'E_TARGET_UNREACHABLE'
  | 'E_STORE'
  | 'E_HAR_INVALID'
  | 'E_INTERNAL';

export interface ErrorLocation {
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
  /** JSON pointer or config field path. */
  readonly field?: string;
}

export class FaultlineError extends Error {
  readonly code: ErrorCode;
  readonly exitCode: number;
  readonly location: ErrorLocation | undefined;

  constructor(code: ErrorCode, message: string, options: { location?: ErrorLocation; cause?: unknown; exitCode?: number } = {}) {
    super(message, options.cause !== undefined ? { cause: options.cause } : undefined);
    this.name = 'FaultlineError';
    this.code = code;
    this.exitCode = options.exitCode ?? (code === 'E_INTERNAL' ? 1 : 2);
    this.location = options.location;
  }

  /** `file:line: field: message`, the one line the CLI prints. */
  toLine(): string {
    const where: string[] = [];
    if (this.location?.file) where.push(this.location.line !== undefined ? `${this.location.file}:${this.location.line}` : this.location.file);
    if (this.location?.field) where.push(this.location.field);
    return where.length > 0 ? `${where.join(': ')}: ${this.message}` : this.message;
  }
}

export function isFaultlineError(error: unknown): error is FaultlineError {
  return error instanceof FaultlineError;
}
