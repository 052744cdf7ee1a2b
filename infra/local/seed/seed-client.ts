import type { Role } from '../../../core/auth/principal';
import { issueDevToken } from '../dev-keys';

/**
 * The seed's way into one tenant: plain HTTP with dev tokens, as any client would call the API. A token
 * belongs to the moment it was minted (the history runs on a simulated clock), so it is reused only until
 * the clock is set again.
 */
export interface Actor {
  sub: string;
  roles: readonly Role[];
  opds?: readonly string[];
}

export interface Reply {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: response bodies are read loosely, as a client would.
  json: any;
}

export class SeedRequestError extends Error {
  override name = 'SeedRequestError';
  constructor(
    readonly status: number,
    readonly body: string,
    what: string,
  ) {
    super(`seed: ${what} answered ${status}: ${body.slice(0, 800)}`);
  }
}

export class SeedClient {
  private readonly tokens = new Map<string, { token: Promise<string>; generation: number }>();
  requests = 0;

  constructor(
    readonly baseUrl: string,
    readonly tenant: string,
    private readonly generation: () => number = () => 0,
  ) {}

  private token(actor: Actor): Promise<string> {
    const key = `${actor.sub}|${actor.roles.join(',')}|${(actor.opds ?? []).join(',')}`;
    const gen = this.generation();
    const hit = this.tokens.get(key);
    if (hit && hit.generation === gen) return hit.token;
    const token = issueDevToken({
      tenant: this.tenant,
      sub: actor.sub,
      roles: actor.roles,
      opds: actor.opds ?? [],
      ttlSeconds: 3600,
    });
    this.tokens.set(key, { token, generation: gen });
    return token;
  }

  /** One request; a status outside `accept` throws with the API's own error body. */
  async call(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH',
    path: string,
    actor: Actor,
    body?: unknown,
    accept: readonly number[] = [200, 201],
  ): Promise<Reply> {
    this.requests += 1;
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${await this.token(actor)}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    if (!accept.includes(response.status))
      throw new SeedRequestError(response.status, text, `${this.tenant} ${method} ${path}`);
    return { status: response.status, json: text ? JSON.parse(text) : undefined };
  }

  /** Every page of a list route (`items` + `nextToken`). */
  // biome-ignore lint/suspicious/noExplicitAny: list items are read loosely.
  async all(path: string, actor: Actor): Promise<any[]> {
    const items: unknown[] = [];
    let next: string | undefined;
    do {
      const sep = path.includes('?') ? '&' : '?';
      const page = await this.call(
        'GET',
        `${path}${sep}limit=100${next ? `&nextToken=${encodeURIComponent(next)}` : ''}`,
        actor,
      );
      items.push(...(page.json.items as unknown[]));
      next = page.json.nextToken;
    } while (next);
    return items;
  }
}

/** Runs `fn` over `items` with at most `limit` at once. */
export async function forEachLimited<T>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await fn(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
