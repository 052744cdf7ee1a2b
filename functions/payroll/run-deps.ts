import { randomUUID } from 'node:crypto';
import { SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import { tenantRegistry } from '../../config/registry';
import { documentClient, tableForTenant } from '../table/client';
import { localAsyncChunks, localChunkQueue } from './local-chunk-queue';
import { rulesetsFor } from './rulesets';
import { RunRepository } from './run-repository';
import {
  type Actor,
  type ChunkDispatcher,
  type FaultInjector,
  inlineDispatcher,
  processChunk,
  type RunDeps,
} from './run-service';

/** Chunk messages carry only ids: the worker re-reads everything, so a stale message cannot do harm. */
export interface ChunkMessage {
  tenantId: string;
  runId: string;
  chunkNo: number;
  actor: Actor;
}

let sqs: SQSClient | undefined;

function sqsDispatcher(queueUrl: string, tenantId: string, actor: Actor): ChunkDispatcher {
  sqs ??= new SQSClient({});
  return {
    async dispatch(runId, chunkNos) {
      for (let i = 0; i < chunkNos.length; i += 10) {
        const batch = chunkNos.slice(i, i + 10);
        const out = await sqs!.send(
          new SendMessageBatchCommand({
            QueueUrl: queueUrl,
            Entries: batch.map((no) => ({
              Id: String(no),
              MessageBody: JSON.stringify({ tenantId, runId, chunkNo: no, actor } satisfies ChunkMessage),
            })),
          }),
        );
        if (out.Failed?.length)
          throw new Error(`SQS refused ${out.Failed.length} chunk messages for ${runId}`);
      }
    },
  };
}

/**
 * The local stand-in for SQS (SIGAP_LOCAL_ASYNC_CHUNKS=1): chunks go to the process's background queue
 * and are computed one after another after the request has answered, so progress can be watched.
 */
function backgroundDispatcher(tenantId: string, getDeps: () => RunDeps, actor: Actor): ChunkDispatcher {
  return {
    async dispatch(runId, chunkNos) {
      for (const no of chunkNos) {
        localChunkQueue.enqueue({
          key: `${tenantId}/${runId}/${no}`,
          process: () => processChunk(runId, no, actor, getDeps()),
        });
      }
    },
  };
}

function dispatcherFor(tenantId: string, options: RunDepsOptions, getDeps: () => RunDeps): ChunkDispatcher {
  const queueUrl = options.inline ? undefined : process.env.CHUNK_QUEUE_URL;
  if (queueUrl) return sqsDispatcher(queueUrl, tenantId, options.actor);
  if (!options.inline && localAsyncChunks()) return backgroundDispatcher(tenantId, getDeps, options.actor);
  return inlineDispatcher(getDeps, () => options.actor, Number(process.env.PAYROLL_INLINE_PARALLEL ?? 2));
}

export interface RunDepsOptions {
  requestId?: string;
  actor: Actor;
  faults?: FaultInjector;
  chunkSize?: number;
  /** Force in-process chunk processing even where a queue is configured (tests, local runtime). */
  inline?: boolean;
}

/**
 * Dependencies of the payroll use cases for one tenant. With CHUNK_QUEUE_URL set (AWS) chunks fan out
 * through SQS to the worker function; without it (local runtime, tests) the same chunk code runs here:
 * inside the request, or in this process's background queue with SIGAP_LOCAL_ASYNC_CHUNKS=1 (never for
 * `inline` callers, which need the chunks computed before they go on).
 */
export function runDepsFor(tenantId: string, options: RunDepsOptions): RunDeps {
  const tenant = tenantRegistry().get(tenantId);
  if (!tenant) throw new Error(`unknown tenant ${tenantId}`);
  const { rulesets, version } = rulesetsFor(tenant);
  const deps: RunDeps = {
    repo: new RunRepository(documentClient, tableForTenant(tenantId)),
    tenant,
    rulesets,
    rulesetVersion: version,
    now: () => new Date().toISOString(),
    requestId: options.requestId ?? randomUUID(),
    dispatcher: undefined as unknown as ChunkDispatcher,
    chunkSize: options.chunkSize ?? Number(process.env.PAYROLL_CHUNK_SIZE ?? 200),
    concurrency: Number(process.env.PAYROLL_READ_CONCURRENCY ?? 16),
    ...(options.faults ? { faults: options.faults } : {}),
  };
  deps.dispatcher = dispatcherFor(tenantId, options, () => deps);
  return deps;
}
