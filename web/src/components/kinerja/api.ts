import { api, ok } from '../../api/client';
import { ApiError, issueKey } from '../../api/errors';

/**
 * Calls of the appraisal routes. The routes answer loosely typed objects (objectResponse), so each call
 * states the shape it reads (./types.ts). Routes added in this issue are called through the same client
 * by path string until the generated schema has them (npm run web:types).
 */
type Loose = (
  path: string,
  init?: {
    params?: { path?: Record<string, string | number>; query?: Record<string, unknown> };
    body?: unknown;
  },
) => Promise<{ data?: unknown; error?: unknown; response: Response }>;
const loose = api as unknown as { GET: Loose; POST: Loose; PUT: Loose; PATCH: Loose };

export function call<T>(
  method: 'GET' | 'POST' | 'PUT' | 'PATCH',
  path: string,
  init: Parameters<Loose>[1] = {},
): Promise<T> {
  return ok(loose[method](path, init)) as Promise<T>;
}

/** A 404 answer: "nothing there yet" (no SKP this year, result not computed), not a failure. */
export function isNotFound(err: unknown): boolean {
  return err instanceof ApiError && err.status === 404;
}

/**
 * Field errors of an SKP form: edits answer `body.results[0]…`, a refused submit `results[0]…` (the
 * stored SKP's own paths); both land on the same form key `results.0…`.
 */
export function skpFieldErrors(error: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!(error instanceof ApiError)) return out;
  for (const issue of error.issues) {
    const key = issueKey(issue.path.replace(/^body\./, ''), '');
    if (!key) continue;
    out[key] = out[key] ? `${out[key]}; ${issue.message}` : issue.message;
  }
  return out;
}
