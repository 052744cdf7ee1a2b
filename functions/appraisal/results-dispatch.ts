import { randomUUID } from 'node:crypto';
import { SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import { localChunkQueue } from '../payroll/local-chunk-queue';
import type { AppraisalDeps } from './deps';
import { appraisalDeps } from './deps';
import type { ResultsDispatcher } from './use-cases/results';
import { processResultsChunk } from './use-cases/results-job';

/**
 * Where the chunks of a month's results computation go. With CHUNK_QUEUE_URL (AWS) they travel the
 * payroll's chunk queue to the same worker (a message with `kind: 'RESULTS'`); locally they are computed
 * inside the request, or in the process's background queue with SIGAP_LOCAL_ASYNC_RESULTS=1 (a flag of
 * its own: the demo seed and the tests read the finished computation from the request's answer).
 */
export const LOCAL_ASYNC_RESULTS_ENV = 'SIGAP_LOCAL_ASYNC_RESULTS';

export interface ResultsChunkMessage {
  kind: 'RESULTS';
  tenantId: string;
  month: string;
  scope: string;
  chunkNo: number;
}

let sqs: SQSClient | undefined;

/** Dependencies of a chunk computed outside the request: the tenant's table, a fresh clock and id. */
export function resultsChunkDeps(tenantId: string): AppraisalDeps {
  return appraisalDeps({ tenantId, sub: 'system:results', roles: [], opds: [] }, randomUUID());
}

export function resultsDispatcherFor(tenantId: string): ResultsDispatcher | undefined {
  const queueUrl = process.env.CHUNK_QUEUE_URL;
  if (queueUrl) {
    return {
      async: true,
      async dispatch(month, scope, chunkNos) {
        sqs ??= new SQSClient({});
        for (let i = 0; i < chunkNos.length; i += 10) {
          const batch = chunkNos.slice(i, i + 10);
          const out = await sqs.send(
            new SendMessageBatchCommand({
              QueueUrl: queueUrl,
              Entries: batch.map((no) => ({
                Id: String(no),
                MessageBody: JSON.stringify({
                  kind: 'RESULTS',
                  tenantId,
                  month,
                  scope,
                  chunkNo: no,
                } satisfies ResultsChunkMessage),
              })),
            }),
          );
          if (out.Failed?.length) throw new Error(`SQS refused ${out.Failed.length} results chunk messages`);
        }
      },
    };
  }
  if (process.env[LOCAL_ASYNC_RESULTS_ENV] === '1') {
    return {
      async: true,
      async dispatch(month, scope, chunkNos) {
        for (const no of chunkNos) {
          localChunkQueue.enqueue({
            key: `${tenantId}/results/${month}/${scope}/${no}`,
            process: () => processResultsChunk(month, scope, no, resultsChunkDeps(tenantId)),
          });
        }
      },
    };
  }
  return undefined;
}
