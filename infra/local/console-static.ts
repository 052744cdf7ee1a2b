import { createReadStream, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

/**
 * The built console (web/dist) on the API's origin, for GET/HEAD requests that match no API route —
 * what CloudFront does in front of S3 on AWS. Files are served as they are; an extension-less path
 * is a console page and gets index.html (the SPA routes it); a missing file with an extension is
 * left to the caller, which answers 404 in the API's JSON shape.
 */
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

/** Returns false when nothing was served (the caller answers 404). */
export function serveConsole(req: IncomingMessage, res: ServerResponse, dist: string, path: string): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return false;
  }
  // Vite's manifest is build bookkeeping, not a public file.
  if (decoded.startsWith('/.vite/')) return false;
  const file = normalize(join(dist, decoded));
  if (file !== dist && !file.startsWith(dist.endsWith(sep) ? dist : dist + sep)) return false;
  const stat = statSync(file, { throwIfNoEntry: false });
  if (stat?.isFile()) return send(req, res, file, stat.size, decoded.startsWith('/assets/'));
  if (extname(decoded) !== '') return false;
  const index = join(dist, 'index.html');
  const indexStat = statSync(index, { throwIfNoEntry: false });
  if (!indexStat?.isFile()) return false;
  return send(req, res, index, indexStat.size, false);
}

function send(
  req: IncomingMessage,
  res: ServerResponse,
  file: string,
  size: number,
  immutable: boolean,
): true {
  res.writeHead(200, {
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'content-length': size,
    // Hashed asset names never change content; index.html must be re-read to pick up a new build.
    'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    'x-content-type-options': 'nosniff',
  });
  if (req.method === 'HEAD') res.end();
  else createReadStream(file).pipe(res);
  return true;
}
