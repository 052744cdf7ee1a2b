import type { LogItem } from '@aws-lambda-powertools/logger';
import { Logger, LogLevelThreshold } from '@aws-lambda-powertools/logger';
import { env, IN_LAMBDA } from '../env';

/**
 * Structured JSON logs through Powertools: each line carries the service, the Lambda context (function,
 * request id, cold start) and the request's correlation id once the middleware has added them
 * (functions/http/middlewares.ts), and a sampled share of invocations logs at DEBUG. Lambda's JSON log
 * format keeps these lines as they are. SIGAP_LOG=silent keeps tests, benches and `npm start` quiet:
 * errors only, never sampled up. Callers must never pass bank account numbers unmasked.
 */
type Level = 'DEBUG' | 'INFO' | 'WARN' | 'ERROR';

class SigapLogger extends Logger {
  /**
   * In Lambda, Powertools writes through its own console (the runtime decorates the global one).
   * Elsewhere the global console is the right one: the local runtime's output and the tests that read
   * what an error logged (vi.spyOn(console, 'error')) see the same JSON line.
   */
  protected override printLog(logLevel: number, log: LogItem): void {
    if (IN_LAMBDA) {
      super.printLog(logLevel, log);
      return;
    }
    log.prepareForPrint();
    const line = JSON.stringify(log.getAttributes());
    if (logLevel >= LogLevelThreshold.ERROR) console.error(line);
    else if (logLevel >= LogLevelThreshold.WARN) console.warn(line);
    else console.log(line);
  }
}

export const logger = new SigapLogger({
  serviceName: env.serviceName,
  ...(env.logSilent
    ? { logLevel: 'ERROR' as const, sampleRateValue: 0 }
    : { sampleRateValue: env.logSampleRate }),
});

/** One line: the message and its fields (merged into the JSON line beside the context keys). */
export function log(level: Level, message: string, fields: Record<string, unknown> = {}): void {
  switch (level) {
    case 'DEBUG':
      logger.debug(message, fields);
      return;
    case 'INFO':
      logger.info(message, fields);
      return;
    case 'WARN':
      logger.warn(message, fields);
      return;
    case 'ERROR':
      logger.error(message, fields);
  }
}
