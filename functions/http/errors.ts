import type * as z from 'zod';

export interface ErrorIssue {
  path: string;
  message: string;
}

/**
 * An error the client caused and can fix. Its status, stable English code and Indonesian message
 * reach the caller as they are; anything that is not an HttpError becomes a 500 "internal error".
 */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: ErrorIssue[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export class ValidationError extends HttpError {
  constructor(issues: ErrorIssue[], message = 'Permintaan tidak valid') {
    super(400, 'VALIDATION_FAILED', message, issues);
    this.name = 'ValidationError';
  }
}

export class UnauthorizedError extends HttpError {
  constructor(message = 'Token tidak ada atau tidak valid') {
    super(401, 'UNAUTHORIZED', message, [], { 'www-authenticate': 'Bearer' });
    this.name = 'UnauthorizedError';
  }
}

export class ForbiddenError extends HttpError {
  constructor(message = 'Peran Anda tidak diizinkan untuk tindakan ini') {
    super(403, 'FORBIDDEN', message);
    this.name = 'ForbiddenError';
  }
}

/** Also used for rows outside the caller's scope, so the status never reveals that a row exists. */
export class NotFoundError extends HttpError {
  constructor(message = 'Data tidak ditemukan') {
    super(404, 'NOT_FOUND', message);
    this.name = 'NotFoundError';
  }
}

export class ConflictError extends HttpError {
  constructor(code: string, message: string, issues: ErrorIssue[] = []) {
    super(409, code, message, issues);
    this.name = 'ConflictError';
  }
}

/** `$.a.b[0]`-style paths are what API clients grep for; an empty path is the whole body. */
export function formatPath(prefix: string, path: readonly PropertyKey[]): string {
  let out = prefix;
  for (const seg of path) {
    out += typeof seg === 'number' ? `[${seg}]` : `${out ? '.' : ''}${String(seg)}`;
  }
  return out || prefix;
}

export function zodIssues(prefix: string, error: z.ZodError): ErrorIssue[] {
  const issues: ErrorIssue[] = [];
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        issues.push({ path: formatPath(prefix, [...issue.path, key]), message: 'field tidak dikenal' });
      }
      continue;
    }
    issues.push({ path: formatPath(prefix, issue.path), message: issue.message });
  }
  return issues;
}
