import { describe, expect, it } from 'vitest';
import { openApiDocument } from '../../../functions/http/openapi';
import { ROUTES } from '../../../functions/routes';

describe('OpenAPI document', () => {
  const doc = openApiDocument() as {
    openapi: string;
    paths: Record<string, Record<string, { operationId: string; security?: unknown }>>;
  };

  it('should be OpenAPI 3.1', () => {
    expect(doc.openapi).toBe('3.1.0');
  });

  it.each(ROUTES.map((r) => [r.method, r.path, r]))('should document %s %s', (method, path, route) => {
    const op = doc.paths[path]?.[method.toLowerCase()];
    expect(op?.operationId).toBe(route.id);
    expect(op?.security).toEqual(route.roles === 'PUBLIC' ? [] : [{ bearer: [] }]);
  });

  it('should document no operation that is not a declared route', () => {
    const documented = Object.entries(doc.paths).flatMap(([p, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`),
    );
    expect(documented.sort()).toEqual(ROUTES.map((r) => `${r.method} ${r.path}`).sort());
  });
});
