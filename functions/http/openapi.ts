import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import * as z from 'zod';
import { ROUTES } from '../routes';
import { errorResponseSchema } from './common-schemas';
import type { RouteSpec } from './route-spec';

const ERROR_STATUSES: Record<string, string> = {
  '400': 'Input tidak valid (setiap field bermasalah disebut di issues)',
  '401': 'Token tidak ada, kedaluwarsa atau tidak valid',
  '403': 'Peran tidak diizinkan',
  '404': 'Tidak ditemukan (atau di luar cakupan Anda)',
  '409': 'Konflik: data sudah ada atau versi sudah berubah',
  '415': 'Content-Type bukan application/json',
};

function register(registry: OpenAPIRegistry, route: RouteSpec): void {
  const isPublic = route.roles === 'PUBLIC';
  const okStatus = String(route.successStatus ?? 200);
  const body = route.body as z.ZodType | undefined;
  registry.registerPath({
    method: route.method.toLowerCase() as 'get' | 'post' | 'patch' | 'put' | 'delete',
    path: route.path,
    operationId: route.id,
    summary: route.summary,
    tags: [...route.tags],
    description: isPublic
      ? 'Publik (tanpa token).'
      : `Peran: ${(route.roles as readonly string[]).join(', ')}.`,
    // Public routes say so explicitly (an empty requirement), rather than leaving it unstated.
    security: isPublic ? [] : [{ bearer: [] }],
    request: {
      ...(route.params ? { params: route.params } : {}),
      ...(route.query ? { query: route.query } : {}),
      ...(body ? { body: { required: true, content: { 'application/json': { schema: body } } } } : {}),
    },
    responses: {
      [okStatus]: {
        description: 'OK',
        ...(route.contentType
          ? { content: { [route.contentType]: { schema: z.string() } } }
          : route.response
            ? { content: { 'application/json': { schema: route.response } } }
            : {}),
      },
      ...Object.fromEntries(
        Object.entries(ERROR_STATUSES)
          .filter(([s]) => !isPublic || s === '404')
          .map(([s, d]) => [
            s,
            { description: d, content: { 'application/json': { schema: errorResponseSchema } } },
          ]),
      ),
    },
  });
}

let cached: object | undefined;

/** Generated from the same route declarations the stack and the local server use, so it cannot drift. */
export function openApiDocument(): object {
  if (cached) return cached;
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
  });
  for (const route of ROUTES) register(registry, route);
  cached = new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'SIGAP API',
      version: '0.1.0',
      description:
        'Sistem Informasi Gaji dan Penilaian Kinerja ASN. Tenant ditentukan oleh token (klaim `tenant`), bukan oleh path atau body.',
      license: { name: 'Proprietary (bukan sumber terbuka)', identifier: 'LicenseRef-SIGAP-Proprietary' },
    },
    // The document is served by the API it describes (GET /openapi.json): paths are relative to it.
    servers: [{ url: '/', description: 'API yang menyajikan dokumen ini' }],
  });
  return cached;
}
