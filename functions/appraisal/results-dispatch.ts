import { randomUUID } from 'node:crypto';
import { SendMessageBatchCommand } from '@aws-sdk/client-sqs';
import { env } from '../env';
import { sqsClient } from '../observability/sqs-client';
import { localChunkQueue } from '../payroll/local-chunk-queue';
import { type AppraisalDeps, appraisalDeps } from './deps';
import { planAndDispatch, type ResultsDispatcher } from './use-cases/results';
import { processResultsChunk } from './use-cases/results-job';

/**
 * Where the work of a month's results computation goes. With CHUNK_QUEUE_URL (AWS) it travels the
 * payroll's chunk queue to the same worker (messages with `kind: 'RESULTS'`: first the plan, whose
 * worker then queues the chunks); locally it is done inside the request, or in the process's background
 * queue with SIGAP_LOCAL_ASYNC_RESULTS=1 (a flag of its own: the demo seed and the tests read the
 * finished computation from the request's answer).
 */
export const LOCAL_ASYNC_RESULTS_ENV = 'SIGAP_LOCAL_ASYNC_RESULTS';

export interface ResultsChunkMessage {
  kind: 'RESULTS';
  tenantId: string;
  month: string;
  scope: string;
  /** The plan, or one chunk of it. */
  phase: 'PLAN' | 'CHUNK';
  chunkNo?: number;
}

/** Dependencies of work done outside the request: the tenant's table, a fresh clock and request id. */
export function resultsChunkDeps(tenantId: string): AppraisalDeps {
  return appraisalDeps({ tenantId, sub: 'system:results', roles: [], opds: [] }, randomUUID());
}

async function send(queueUrl: string, messages: readonly ResultsChunkMessage[]): Promise<void> {
  for (let i = 0; i < messages.length; i += 10) {
    const batch = messages.slice(i, i + 10);
    const out = await sqsClient().send(
      new SendMessageBatchCommand({
        QueueUrl: queueUrl,
        Entries: batch.map((m, n) => ({ Id: String(n), MessageBody: JSON.stringify(m) })),
      }),
    );
    if (out.Failed?.length) throw new Error(`SQS refused ${out.Failed.length} results messages`);
  }
}

export function resultsDispatcherFor(tenantId: string): ResultsDispatcher | undefined {
  const queueUrl = env.chunkQueueUrl;
  if (queueUrl) {
    const base = { kind: 'RESULTS', tenantId } as const;
    return {
      async: true,
      plan: (month, scope) => send(queueUrl, [{ ...base, month, scope, phase: 'PLAN' }]),
      dispatch: (month, scope, chunkNos) =>
        send(
          queueUrl,
          chunkNos.map((chunkNo) => ({ ...base, month, scope, phase: 'CHUNK', chunkNo })),
        ),
    };
  }
  if (process.env[LOCAL_ASYNC_RESULTS_ENV] === '1') {
    const local: ResultsDispatcher = {
      async: true,
      async plan(month, scope) {
        localChunkQueue.enqueue({
          key: `${tenantId}/results/${month}/${scope}/plan`,
          process: () => planAndDispatch(month, scope, resultsChunkDeps(tenantId), local),
        });
      },
      async dispatch(month, scope, chunkNos) {
        for (const no of chunkNos) {
          localChunkQueue.enqueue({
            key: `${tenantId}/results/${month}/${scope}/${no}`,
            process: () => processResultsChunk(month, scope, no, resultsChunkDeps(tenantId)),
          });
        }
      },
    };
    return local;
  }
  return undefined;
}

/** The SQS worker's side (functions/payroll/chunk-worker.ts): one message, plan or chunk. */
export async function handleResultsMessage(m: ResultsChunkMessage): Promise<void> {
  const deps = resultsChunkDeps(m.tenantId);
  if (m.phase === 'PLAN') {
    const dispatcher = resultsDispatcherFor(m.tenantId);
    // Without a queue to hand the chunks to, the worker computes them itself, one after another.
    if (dispatcher) return planAndDispatch(m.month, m.scope, deps, dispatcher);
    return planAndDispatch(m.month, m.scope, deps, {
      async: false,
      plan: async () => {},
      dispatch: async (month, scope, nos) => {
        for (const no of nos) await processResultsChunk(month, scope, no, deps);
      },
    });
  }
  if (m.chunkNo !== undefined) await processResultsChunk(m.month, m.scope, m.chunkNo, deps);
}
