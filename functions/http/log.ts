/**
 * Structured JSON logs. Lambda's JSON log format keeps these lines as they are; locally and in tests
 * SIGAP_LOG=silent keeps output quiet. Callers must never pass bank account numbers unmasked.
 */
type Level = 'DEBUG' | 'INFO' | 'WARN' | 'ERROR';

const silent = process.env.SIGAP_LOG === 'silent';

export function log(level: Level, message: string, fields: Record<string, unknown> = {}): void {
  if (silent && level !== 'ERROR') return;
  const line = JSON.stringify({ level, message, timestamp: new Date().toISOString(), ...fields });
  if (level === 'ERROR') console.error(line);
  else console.log(line);
}
