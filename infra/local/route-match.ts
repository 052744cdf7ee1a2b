import type { RouteSpec } from '../../functions/http/route-spec';

/**
 * Matches a request against the declared routes the way API Gateway HTTP APIs do: `{param}` takes
 * one whole segment, `{param+}` the rest of the path, and the most specific route (most literal
 * segments first) wins, so `/employees/export` would beat `/employees/{nip}`.
 */
export type RouteMatch<R extends RouteSpec> =
  | { kind: 'found'; route: R; pathParameters: Record<string, string> }
  | { kind: 'method-not-allowed'; allowed: string[] }
  | { kind: 'not-found' };

type Segment = { literal: string } | { param: string; greedy: boolean };

interface CompiledRoute<R> {
  route: R;
  segments: Segment[];
  literalCount: number;
}

export class MalformedPathError extends Error {
  override name = 'MalformedPathError';
}

export function createRouteMatcher<R extends RouteSpec>(routes: readonly R[]) {
  const compiled: CompiledRoute<R>[] = routes
    .map((route) => {
      const segments = splitPath(route.path).map((s): Segment => {
        const m = /^\{([A-Za-z0-9_]+)(\+?)\}$/.exec(s);
        return m ? { param: m[1]!, greedy: m[2] === '+' } : { literal: s };
      });
      return { route, segments, literalCount: segments.filter((s) => 'literal' in s).length };
    })
    .sort((a, b) => b.literalCount - a.literalCount || b.segments.length - a.segments.length);

  return function match(method: string, rawPath: string): RouteMatch<R> {
    const parts = splitPath(rawPath);
    const allowed = new Set<string>();
    for (const candidate of compiled) {
      const params = matchSegments(candidate.segments, parts);
      if (!params) continue;
      if (candidate.route.method === method) {
        return { kind: 'found', route: candidate.route, pathParameters: params };
      }
      allowed.add(candidate.route.method);
    }
    return allowed.size > 0
      ? { kind: 'method-not-allowed', allowed: [...allowed].sort() }
      : { kind: 'not-found' };
  };
}

function splitPath(path: string): string[] {
  return path.split('/').slice(1);
}

function matchSegments(segments: Segment[], parts: string[]): Record<string, string> | undefined {
  const params: Record<string, string> = {};
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!;
    const part = parts[i];
    if (part === undefined) return undefined;
    if ('literal' in segment) {
      if (segment.literal !== part) return undefined;
      continue;
    }
    if (segment.greedy) {
      const rest = parts.slice(i).join('/');
      if (rest === '') return undefined;
      params[segment.param] = decode(rest);
      return params;
    }
    if (part === '') return undefined;
    params[segment.param] = decode(part);
  }
  return parts.length === segments.length ? params : undefined;
}

function decode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    throw new MalformedPathError(`malformed percent-encoding in path segment "${value}"`);
  }
}
