import { randomUUID } from 'node:crypto';
import { setImmediate } from 'node:timers/promises';
import { SendMessageBatchCommand } from '@aws-sdk/client-sqs';
import { tenantRegistry } from '../../config/registry';
import { ledgerChunk } from '../../core/payroll/lock-run';
import type {
  ChunkPhase,
  ChunkQueue,
  FaultInjector,
  PayrollDeps,
  PhaseTimer,
} from '../../core/payroll/ports';
import { processChunk } from '../../core/payroll/process-chunk';
import type { Actor } from '../../core/payroll/start-run';
import { env } from '../env';
import { sqsClient } from '../observability/sqs-client';
import { mapLimit } from '../table/batch';
import { documentClient, tableForTenant } from '../table/client';
import { localAsyncChunks, localChunkQueue } from './local-chunk-queue';
import { rulesetsAtVersion, rulesetsFor } from './rulesets';
import { DynamoBudgetStore } from './store/budget-store';
import { DynamoChunkStore } from './store/chunk-store';
import { DynamoPaidLedger } from './store/ledger-store';
import { DynamoRunInputs, type TableRef } from './store/run-inputs';
import { DynamoRunStore } from './store/run-store';
import { DynamoSlipStore } from './store/slip-store';

/** The payroll use cases' ports over one tenant's table, and the table itself for the few that need it. */
export interface RunDeps extends PayrollDeps {
  budgets: DynamoBudgetStore;
  /** The tenant table (functions/rulesets/simulate.ts loads one employee's run inputs with it). */
  repo: TableRef;
}

/** Where the time goes, per phase (the bench reads it). */
export class PhaseMetrics implements PhaseTimer {
  readonly ms: Record<string, number> = {};
  async time<T>(phase: string, fn: () => Promise<T> | T): Promise<T> {
    const t0 = performance.now();
    try {
      return await fn();
    } finally {
      this.ms[phase] = (this.ms[phase] ?? 0) + performance.now() - t0;
    }
  }
}

/** Chunk messages carry only ids: the worker re-reads everything, so a stale message cannot do harm. */
export interface ChunkMessage {
  tenantId: string;
  runId: string;
  chunkNo: number;
  actor: Actor;
  /** Absent on messages of the compute step (and on those queued before the lock was chunked). */
  phase?: 'LEDGER';
}

/** One chunk's step, wherever it runs: the SQS worker, the local background queue, or inline. */
export async function runChunkStep(
  runId: string,
  no: number,
  phase: ChunkPhase,
  actor: Actor,
  deps: PayrollDeps,
): Promise<void> {
  if (phase === 'LEDGER') return ledgerChunk(runId, no, deps);
  return processChunk(runId, no, actor, deps);
}

function sqsDispatcher(queueUrl: string, tenantId: string, actor: Actor): ChunkQueue {
  const sqs = sqsClient();
  return {
    async dispatch(runId, chunkNos, phase = 'COMPUTE') {
      for (let i = 0; i < chunkNos.length; i += 10) {
        const batch = chunkNos.slice(i, i + 10);
        const out = await sqs.send(
          new SendMessageBatchCommand({
            QueueUrl: queueUrl,
            Entries: batch.map((no) => ({
              Id: String(no),
              MessageBody: JSON.stringify({
                tenantId,
                runId,
                chunkNo: no,
                actor,
                ...(phase === 'LEDGER' ? { phase } : {}),
              } satisfies ChunkMessage),
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
function backgroundDispatcher(tenantId: string, getDeps: () => PayrollDeps, actor: Actor): ChunkQueue {
  return {
    async dispatch(runId, chunkNos, phase = 'COMPUTE') {
      for (const no of chunkNos) {
        localChunkQueue.enqueue({
          key: phase === 'LEDGER' ? `${tenantId}/${runId}/LEDGER/${no}` : `${tenantId}/${runId}/${no}`,
          process: () => runChunkStep(runId, no, phase, actor, getDeps()),
        });
      }
    },
  };
}

/** The in-process dispatcher: processes chunks right away, a few at a time. */
export function inlineDispatcher(getDeps: () => PayrollDeps, actor: () => Actor, parallel = 2): ChunkQueue {
  return {
    async dispatch(runId, chunkNos, phase = 'COMPUTE') {
      await mapLimit(chunkNos, parallel, (no) => runChunkStep(runId, no, phase, actor(), getDeps()));
    },
  };
}

function dispatcherFor(tenantId: string, options: RunDepsOptions, getDeps: () => PayrollDeps): ChunkQueue {
  const queueUrl = options.inline ? undefined : env.chunkQueueUrl;
  if (queueUrl) return sqsDispatcher(queueUrl, tenantId, options.actor);
  if (!options.inline && localAsyncChunks()) return backgroundDispatcher(tenantId, getDeps, options.actor);
  return inlineDispatcher(getDeps, () => options.actor, env.payrollInlineParallel);
}

export interface RunDepsOptions {
  requestId?: string;
  actor: Actor;
  faults?: FaultInjector;
  chunkSize?: number;
  /** Slips per page of a chunk (tests: small pages, so that a crash can fall between them). */
  slipPageSize?: number;
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
  const db = documentClient;
  const table = tableForTenant(tenantId);
  const deps: RunDeps = {
    repo: { db, table },
    runs: new DynamoRunStore(db, table),
    chunks: new DynamoChunkStore(db, table),
    slips: new DynamoSlipStore(db, table),
    ledger: new DynamoPaidLedger(db, table),
    budgets: new DynamoBudgetStore(db, table),
    inputs: new DynamoRunInputs({ db, table }),
    tenant,
    rulesets,
    rulesetVersion: version,
    rulesAt: (v) => rulesetsAtVersion(tenantId, v, table),
    now: () => new Date().toISOString(),
    requestId: options.requestId ?? randomUUID(),
    dispatcher: undefined as unknown as ChunkQueue,
    chunkSize: options.chunkSize ?? env.payrollChunkSize,
    // A macrotask turn: the SDK's pending sends and other chunks' answers run before the next page.
    yieldToIo: () => setImmediate(),
    ...(options.slipPageSize ? { slipPageSize: options.slipPageSize } : {}),
    ...(options.faults ? { faults: options.faults } : {}),
  };
  deps.dispatcher = dispatcherFor(tenantId, options, () => deps);
  return deps;
}
