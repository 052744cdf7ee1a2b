// First: it chooses the X-Ray SDK's context mode before the tracer loads the SDK.
import './xray-mode';
import { Tracer } from '@aws-lambda-powertools/tracer';
import { env } from '../env';

/**
 * The X-Ray tracer of every function (the stack turns active tracing on). The AWS clients are wrapped
 * with it where they are made (functions/table/client.ts, functions/observability/sqs-client.ts), so a
 * trace shows each DynamoDB and SQS call of a request or a chunk as its own subsegment.
 *
 * A no-op outside Lambda: Powertools disables it when AWS_EXECUTION_ENV is absent (local runtime,
 * tests, benches) or POWERTOOLS_TRACE_ENABLED=false, and a disabled tracer returns the clients as they
 * are.
 */
export const tracer = new Tracer({ serviceName: env.serviceName });
