import { Duration } from 'aws-cdk-lib';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { CHUNK_MAX_RECEIVES } from '../../functions/payroll/local-chunk-queue';
import type { AppFunction } from './app-function';

export interface PayrollQueueProps {
  /** The function that computes one chunk per message. */
  worker: AppFunction;
  /** Functions that start or recompute runs and so enqueue chunks. */
  producers: readonly AppFunction[];
  /** The worker's timeout: the queue hides a message six times that long, as Lambda recommends. */
  workerTimeout: Duration;
}

/**
 * The payroll run's fan-out. SQS rather than a Step Functions Distributed Map: the run's state and
 * progress already live in DynamoDB (chunk items, atomic counters), chunks are idempotent, and what is
 * left to do is "deliver each chunk at least once, retry, park the poison ones" — exactly a queue with
 * a DLQ, at a fraction of the cost and with nothing to keep in sync with the table.
 */
export class PayrollQueue extends Construct {
  readonly queue: Queue;
  readonly deadLetterQueue: Queue;

  constructor(scope: Construct, id: string, props: PayrollQueueProps) {
    super(scope, id);
    this.deadLetterQueue = new Queue(this, 'ChunkDlq', {
      retentionPeriod: Duration.days(14),
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
    });
    this.queue = new Queue(this, 'ChunkQueue', {
      visibilityTimeout: Duration.seconds(props.workerTimeout.toSeconds() * 6),
      retentionPeriod: Duration.days(4),
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      // The local runtime's background queue gives a chunk the same number of deliveries.
      deadLetterQueue: { queue: this.deadLetterQueue, maxReceiveCount: CHUNK_MAX_RECEIVES },
    });
    props.worker.addEventSource(
      new SqsEventSource(this.queue, {
        batchSize: 1,
        reportBatchItemFailures: true,
        // Bounds the write rate a run puts on a tenant table (and the Lambda concurrency it takes). Each
        // worker sends four BatchWrite pages at once: with 20 workers the capacity model
        // (test/unit/payroll/capacity-model.test.ts) put ~1,220 WCU/s on one slip shard in a run's first
        // second, over a partition's ~1,000; 12 keep the hottest key near 730.
        maxConcurrency: 12,
      }),
    );
    for (const producer of props.producers) {
      this.queue.grantSendMessages(producer);
      producer.addEnvironment('CHUNK_QUEUE_URL', this.queue.queueUrl);
    }
  }
}
