import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

/**
 * Builds the console (web/) with Vite's JS API when web/dist is missing or older than its sources,
 * so `npm start` and the browser tests always serve what web/src says. The build stamp is
 * dist/index.html's mtime (Vite writes it last of every build). A lock directory keeps two processes
 * (npm start and a test run, or two test workers) from building into the same folder at once.
 */
export const WEB_DIR = fileURLToPath(new URL('../../web/', import.meta.url));
export const WEB_DIST = join(WEB_DIR, 'dist');
const STAMP = join(WEB_DIST, 'index.html');
const LOCK = join(WEB_DIR, '.build-lock');
const LOCK_STALE_MS = 5 * 60_000;

/** What makes the bundle: the sources, the page shell, the build config, the generated API types, deps. */
const INPUTS = [
  join(WEB_DIR, 'src'),
  join(WEB_DIR, 'public'),
  join(WEB_DIR, 'index.html'),
  join(WEB_DIR, 'vite.config.ts'),
  fileURLToPath(new URL('../../package-lock.json', import.meta.url)),
];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** Why the build must be redone, or undefined when dist is current. */
export function staleReason(): string | undefined {
  if (!existsSync(STAMP)) return 'web/dist is missing';
  const built = statSync(STAMP).mtimeMs;
  for (const input of INPUTS) {
    if (newestMtime(input) > built) return `${input.slice(WEB_DIR.length - 4)} changed since the last build`;
  }
  return undefined;
}

export interface ConsoleBuildResult {
  built: boolean;
  reason?: string;
  ms: number;
}

async function sleep(ms: number) {
  await new Promise((r) => setTimeout(r, ms));
}

async function withLock<T>(fn: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + LOCK_STALE_MS;
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      // A crashed builder leaves its lock behind: old locks are taken over.
      if (Date.now() - statSync(LOCK, { throwIfNoEntry: false })!.mtimeMs > LOCK_STALE_MS) {
        rmSync(LOCK, { recursive: true, force: true });
        continue;
      }
      if (Date.now() > deadline)
        throw new Error(`${LOCK} held for too long; delete it if no build is running`);
      await sleep(250);
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

/**
 * Runs `vite build` in-process (same config as `npm run web:build`). Vite takes NODE_ENV from the
 * process when it is set, and vitest sets it to "test": without pinning it here a build started by a
 * test would ship React's development build (+70 KB gzipped).
 */
export async function buildConsole(): Promise<void> {
  const { build } = await import('vite');
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: join(WEB_DIR, 'vite.config.ts'), mode: 'production', logLevel: 'warn' });
  } finally {
    if (previous === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = previous;
  }
}

/** Builds when missing or stale; `force` builds anyway. Safe to call from several processes. */
export async function ensureConsoleBuild(options: { force?: boolean } = {}): Promise<ConsoleBuildResult> {
  const started = performance.now();
  const first = options.force ? 'forced' : staleReason();
  if (!first) return { built: false, ms: Math.round(performance.now() - started) };
  return withLock(async () => {
    // Another process may have built it while this one waited for the lock.
    const reason = options.force ? 'forced' : staleReason();
    if (!reason) return { built: false, ms: Math.round(performance.now() - started) };
    await buildConsole();
    return { built: true, reason, ms: Math.round(performance.now() - started) };
  });
}

export interface BundleSize {
  /** The entry chunk and every chunk it imports statically: what the browser loads before the first paint. */
  initialJsBytes: number;
  initialJsGzipBytes: number;
  initialCssGzipBytes: number;
  files: string[];
}

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  css?: string[];
}

/** Initial JS of the built console, from Vite's manifest (lazy page chunks excluded). */
export function measureInitialBundle(dist = WEB_DIST): BundleSize {
  const manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8')) as Record<
    string,
    ManifestChunk
  >;
  const seen = new Set<string>();
  const css = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key]!;
    for (const c of chunk.css ?? []) css.add(c);
    for (const i of chunk.imports ?? []) visit(i);
  };
  for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry) visit(key);
  const files = [...seen].map((k) => manifest[k]!.file);
  let raw = 0;
  let gz = 0;
  for (const f of files) {
    const bytes = readFileSync(join(dist, f));
    raw += bytes.length;
    gz += gzipSync(bytes, { level: 9 }).length;
  }
  let cssGz = 0;
  for (const f of css) cssGz += gzipSync(readFileSync(join(dist, f)), { level: 9 }).length;
  return { initialJsBytes: raw, initialJsGzipBytes: gz, initialCssGzipBytes: cssGz, files };
}

// `node --import tsx infra/local/console-build.ts [--force]`: build (if needed) and print the sizes.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const result = await ensureConsoleBuild({ force: process.argv.includes('--force') });
  console.log(
    result.built
      ? `Console built in ${(result.ms / 1000).toFixed(1)} s (${result.reason})`
      : 'Console build is current',
  );
  const size = measureInitialBundle();
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  console.log(
    `Initial JS: ${kb(size.initialJsGzipBytes)} gzipped (${kb(size.initialJsBytes)} raw, ${size.files.length} files); CSS ${kb(size.initialCssGzipBytes)} gzipped`,
  );
}
