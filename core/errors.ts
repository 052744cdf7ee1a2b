/**
 * Errors a use case raises when the request cannot be honoured as asked. The HTTP edge maps each kind
 * to its status; the code is a stable English identifier and the message is for end users (Indonesian).
 */
export type DomainErrorKind = 'INVALID' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT' | 'LOCKED';

export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    readonly code: string,
    message: string,
    readonly issues: { path: string; message: string }[] = [],
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const notFound = (message = 'Data tidak ditemukan') =>
  new DomainError('NOT_FOUND', 'NOT_FOUND', message);
