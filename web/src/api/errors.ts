import { L } from '../i18n/labels';

/** One field problem as the API reports it: `body.rekening.nomor`, `query.limit`, `body.keluarga[0].nama`. */
export interface ApiIssue {
  path: string;
  message: string;
}

/**
 * Every failed call, whatever went wrong, becomes one ApiError: the API's error shape
 * `{error:{code,message,requestId,issues}}`, a network failure (status 0, code NETWORK) or an answer
 * that is not that shape (code UNEXPECTED). Pages never parse error bodies themselves.
 */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly requestId: string | undefined,
    readonly issues: readonly ApiIssue[] = [],
  ) {
    super(message);
  }

  /** From a response and its already-read body (JSON value, text or undefined). */
  static fromResponse(response: Pick<Response, 'status' | 'headers'>, body: unknown): ApiError {
    const requestId = response.headers.get('apigw-requestid') ?? undefined;
    const error = (body as { error?: unknown } | null | undefined)?.error;
    if (error && typeof error === 'object') {
      const e = error as Record<string, unknown>;
      const issues = Array.isArray(e.issues)
        ? e.issues.filter(
            (i): i is ApiIssue =>
              !!i && typeof i === 'object' && typeof i.path === 'string' && typeof i.message === 'string',
          )
        : [];
      return new ApiError(
        response.status,
        typeof e.code === 'string' ? e.code : 'UNKNOWN',
        typeof e.message === 'string' ? e.message : L.error.unexpected,
        typeof e.requestId === 'string' ? e.requestId : requestId,
        issues,
      );
    }
    const message = response.status === 401 ? L.error.sessionExpired : L.error.unexpected;
    return new ApiError(response.status, 'UNEXPECTED', message, requestId);
  }

  static network(cause: unknown): ApiError {
    const err = new ApiError(0, 'NETWORK', L.error.network, undefined);
    err.cause = cause;
    return err;
  }
}

/** `body.keluarga[0].nama` → `keluarga.0.nama` (after the prefix), the dotted key Mantine forms use. */
export function issueKey(path: string, prefix: string): string | undefined {
  const p = prefix === '' || prefix.endsWith('.') ? prefix : `${prefix}.`;
  if (p !== '' && !path.startsWith(p)) return undefined;
  return path
    .slice(p.length)
    .replace(/\[(\d+)\]/g, '.$1')
    .replace(/^\./, '');
}

/**
 * The error's issues under `prefix` as `{ field: message }`, ready for Mantine `form.setErrors(...)`
 * or for `error={errors['rekening.nomor']}` on an input. Several issues on one field are joined.
 * `prefix` is where the form's values sit in the request, usually 'body'.
 */
export function fieldErrors(error: unknown, prefix = 'body'): Record<string, string> {
  const out: Record<string, string> = {};
  if (!(error instanceof ApiError)) return out;
  for (const issue of error.issues) {
    const key = issueKey(issue.path, prefix);
    if (key === undefined || key === '') continue;
    out[key] = out[key] ? `${out[key]}; ${issue.message}` : issue.message;
  }
  return out;
}

/** Issues that belong to no field of the form (other prefix, or the whole body): shown in the summary. */
export function otherIssues(error: unknown, prefix = 'body'): ApiIssue[] {
  if (!(error instanceof ApiError)) return [];
  return error.issues.filter((i) => {
    const key = issueKey(i.path, prefix);
    return key === undefined || key === '';
  });
}
