import { setTimeout as sleep, setImmediate as tick } from 'node:timers/promises';
import { log } from '../http/log';

/**
 * `SIGAP_LOCAL_ASYNC_CHUNKS=1`: the local runtime computes a run's chunks in the background, as the
 * SQS worker does on AWS, so `POST /runs` answers at once and `GET /runs/{id}` shows the progress.
 * Without it (the tests' default) chunks are computed inside the request, which then answers a draft.
 */
export const LOCAL_ASYNC_CHUNKS_ENV = 'SIGAP_LOCAL_ASYNC_CHUNKS';

export function localAsyncChunks(): boolean {
  return process.env[LOCAL_ASYNC_CHUNKS_ENV] === '1';
}

/**
 * How often a chunk is handed to the worker before it is given up on: the chunk queue's
 * `maxReceiveCount` on AWS (infra/lib/payroll-queue.ts reads it from here), after which the message
 * waits in the dead-letter queue and the chunk stays PENDING until the run is started again.
 */
export const CHUNK_MAX_RECEIVES = 5;

export interface ChunkJob {
  /** `<tenant>/<run>/<chunk>`: a chunk already waiting is not queued twice. */
  key: string;
  /** Computes the chunk (processChunk); idempotent, so a retry or a duplicate is harmless. */
  process: () => Promise<void>;
}

export interface LocalChunkQueueOptions {
  maxReceives: number;
  /** Pause before the n-th redelivery (SQS waits for the visibility timeout; locally a moment is enough). */
  redeliveryDelayMs: (receive: number) => number;
}

/**
 * A FIFO of chunk jobs worked off one at a time in this process: the local stand-in for the chunk
 * queue and its worker. A failure is logged and the chunk redelivered, like a message returned to SQS
 * by a partial batch failure; after `maxReceives` it is parked (logged) and the next chunk goes on.
 */
export class LocalChunkQueue {
  private readonly jobs: ChunkJob[] = [];
  private readonly waiting = new Set<string>();
  private active = false;
  private idle: Promise<void> = Promise.resolve();

  constructor(private readonly options: LocalChunkQueueOptions) {}

  enqueue(job: ChunkJob): void {
    if (this.waiting.has(job.key)) return;
    this.waiting.add(job.key);
    this.jobs.push(job);
    if (this.active) return;
    // Set before work() runs, and cleared by work() itself after its last look at the queue: no
    // job can be pushed between that look and the flag going down.
    this.active = true;
    this.idle = this.work();
  }

  /** Chunks waiting or in progress. */
  get pending(): number {
    return this.jobs.length + (this.active ? 1 : 0);
  }

  /** Resolves once every queued chunk is done or parked (including chunks queued meanwhile). */
  async drain(): Promise<void> {
    while (this.active) await this.idle;
  }

  private async work(): Promise<void> {
    try {
      // The request that queued the chunks answers first, as it would after sending SQS messages.
      await tick();
      for (let job = this.jobs.shift(); job; job = this.jobs.shift()) {
        this.waiting.delete(job.key);
        await this.deliver(job);
      }
    } finally {
      this.active = false;
    }
  }

  private async deliver(job: ChunkJob): Promise<void> {
    for (let receive = 1; ; receive++) {
      try {
        await job.process();
        return;
      } catch (err) {
        const parked = receive >= this.options.maxReceives;
        log('ERROR', parked ? 'chunk parked after its last delivery' : 'chunk failed', {
          chunk: job.key,
          receive,
          maxReceives: this.options.maxReceives,
          error:
            err instanceof Error ? { name: err.name, message: err.message, stack: err.stack } : String(err),
        });
        if (parked) return;
        await sleep(this.options.redeliveryDelayMs(receive));
      }
    }
  }
}

/** The process's one queue: every tenant's chunks, in the order they were dispatched. */
export const localChunkQueue = new LocalChunkQueue({
  maxReceives: CHUNK_MAX_RECEIVES,
  redeliveryDelayMs: (receive) => 50 * receive,
});

/** Waits for the background chunks (close the local server or end a test only after this). */
export function drainLocalChunks(): Promise<void> {
  return localChunkQueue.drain();
}
