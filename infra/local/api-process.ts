import { startLocalApi } from './http-server';

/**
 * The local API alone in a child process, for load tests: the load generator then does not share
 * an event loop with the handlers it measures. The parent passes DYNAMODB_ENDPOINT and TABLE_PREFIX
 * in the environment and receives `{ url }` over IPC once the port is open.
 */
async function main(): Promise<void> {
  const dynamoEndpoint = process.env.DYNAMODB_ENDPOINT;
  const tablePrefix = process.env.TABLE_PREFIX;
  if (!dynamoEndpoint || !tablePrefix || !process.send) {
    throw new Error('api-process must be forked with DYNAMODB_ENDPOINT and TABLE_PREFIX set');
  }
  const api = await startLocalApi({ port: 0, tablePrefix, dynamoEndpoint, quiet: true });
  await api.preload();
  const stop = () => void api.close().finally(() => process.exit(0));
  // The parent going away (even killed) closes the IPC channel: never outlive it.
  process.on('disconnect', stop);
  process.on('SIGTERM', stop);
  process.send({ url: api.url });
}

main().catch((err: Error) => {
  console.error(err.stack ?? err.message);
  process.exit(1);
});
