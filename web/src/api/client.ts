import createClient, { type Middleware } from 'openapi-fetch';
import { clearSession, sessionToken } from '../auth/session';
import { apiBaseUrl } from './config';
import { ApiError } from './errors';
import type { components, paths } from './schema';

export type { components, paths };
/** A schema of the API by name: `Schema<'Run'>`, `Schema<'Employee'>`. */
export type Schema<N extends keyof components['schemas']> = components['schemas'][N];

/** Called when the API says the token is no longer valid; the app shell sends the user to sign-in. */
let onUnauthorized: () => void = () => {};
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

const auth: Middleware = {
  onRequest({ request }) {
    const token = sessionToken();
    if (token) request.headers.set('authorization', `Bearer ${token}`);
    return request;
  },
  onResponse({ response }) {
    if (response.status === 401 && sessionToken()) {
      clearSession();
      onUnauthorized();
    }
    return response;
  },
};

/**
 * The typed API client: paths, parameters, bodies and responses come from the generated schema
 * (npm run web:types), so a page that reads a field the API does not return does not compile.
 *
 *   const run = await ok(api.GET('/runs/{runId}', { params: { path: { runId } } }));
 */
export const api = createClient<paths>({
  baseUrl: '',
  fetch: (request: Request) => fetch(rebase(request)),
});
api.use(auth);

/** Resolved per call, so /config.json (read after this module loads) decides the origin. */
function rebase(request: Request): Request {
  const url = new URL(request.url, window.location.origin);
  const target = `${apiBaseUrl()}${url.pathname}${url.search}`;
  return target === request.url ? request : new Request(target, request);
}

type Result<D> = { data?: D; error?: unknown; response: Response };

/**
 * Awaits an openapi-fetch call and returns its data, or throws one ApiError (API error shape, network
 * failure, unexpected answer). Use it inside TanStack Query's queryFn / mutationFn.
 */
export async function ok<D>(pending: Promise<Result<D>>): Promise<D> {
  let result: Result<D>;
  try {
    result = await pending;
  } catch (err) {
    throw err instanceof ApiError ? err : ApiError.network(err);
  }
  if (result.response.ok) return result.data as D;
  throw ApiError.fromResponse(result.response, result.error);
}

/**
 * A file the API returns (PDF, XLSX, CSV): fetched with the token, offered as a download.
 * `path` is an API path with parameters filled in, e.g. `/runs/${id}/slips/${nip}/pdf`.
 */
export async function downloadFile(path: string, fileName: string): Promise<void> {
  let response: Response;
  try {
    const token = sessionToken();
    response = await fetch(`${apiBaseUrl()}${path}`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
  } catch (err) {
    throw ApiError.network(err);
  }
  if (!response.ok) {
    const body = await response.json().catch(() => undefined);
    throw ApiError.fromResponse(response, body);
  }
  const url = URL.createObjectURL(await response.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
