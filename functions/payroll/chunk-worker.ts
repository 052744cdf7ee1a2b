import type { Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import * as z from 'zod';
import { handleResultsMessage } from '../appraisal/results-dispatch';
import { log, logger } from '../http/log';
import { withCurrentRules } from './rulesets';
import { runChunkStep, runDepsFor } from './run-deps';

const message = z.strictObject({
  tenantId: z.string(),
  runId: z.string(),
  chunkNo: z.number().int().min(0),
  actor: z.strictObject({ sub: z.string(), roles: z.array(z.string()) }),
  phase: z.literal('LEDGER').optional(),
});

/** A chunk of a month's appraisal results (functions/appraisal/results-dispatch.ts) on the same queue. */
const resultsMessage = z.strictObject({
  kind: z.literal('RESULTS'),
  tenantId: z.string(),
  month: z.string(),
  scope: z.string(),
  phase: z.enum(['PLAN', 'CHUNK']),
  chunkNo: z.number().int().min(0).optional(),
});

/**
 * SQS worker: one chunk per message. A failure returns the message to the queue (partial batch
 * response) and the chunk is simply redone; after the queue's retries it lands in the DLQ.
 */
export async function handler(event: SQSEvent, context?: Context): Promise<SQSBatchResponse> {
  if (context) logger.addContext(context);
  const failures: { itemIdentifier: string }[] = [];
  for (const record of event.Records) {
    try {
      const body = JSON.parse(record.body);
      if (body?.kind === 'RESULTS') {
        await handleResultsMessage(resultsMessage.parse(body));
        continue;
      }
      const m = message.parse(body);
      // Every line of this chunk's work names its run.
      logger.setCorrelationId(m.runId);
      await runChunkStep(
        m.runId,
        m.chunkNo,
        m.phase ?? 'COMPUTE',
        m.actor,
        await withCurrentRules(runDepsFor(m.tenantId, { actor: m.actor, inline: true })),
      );
    } catch (err) {
      log('ERROR', 'chunk failed', {
        messageId: record.messageId,
        error:
          err instanceof Error ? { name: err.name, message: err.message, stack: err.stack } : String(err),
      });
      failures.push({ itemIdentifier: record.messageId });
    }
  }
  return { batchItemFailures: failures };
}
