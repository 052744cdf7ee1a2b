import { SQSClient } from '@aws-sdk/client-sqs';
import { tracer } from './tracer';

/**
 * One SQS client per process, made on first use (most functions never send) and traced: the chunk
 * queue's SendMessageBatch calls show in the request's or the chunk's trace.
 */
let client: SQSClient | undefined;

export function sqsClient(): SQSClient {
  client ??= tracer.captureAWSv3Client(new SQSClient({}));
  return client;
}
