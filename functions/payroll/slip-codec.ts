import { promisify } from 'node:util';
import { gunzipSync, gzip } from 'node:zlib';
import type { StoredSlip } from '../../core/payroll/run-types';

/**
 * A slip carries every line with its rule and basis (texts are rendered on read), the trace and the
 * input snapshot: ~16 KB as JSON.
 * Stored gzipped (~3 KB) it costs a fifth of the write capacity, which is what a 100k-employee run is
 * bound by. The fields lists and documents filter on stay as plain attributes.
 */
const gzipAsync = promisify(gzip);

/**
 * Compressed on libuv's thread pool, not the event loop: a chunk's 200 slips took ~1 ms each of the
 * one JS thread (gzipSync), during which no other chunk's DynamoDB answers could be handled.
 */
export async function encodeSlip(slip: StoredSlip): Promise<Uint8Array> {
  return gzipAsync(Buffer.from(JSON.stringify(slip), 'utf8'), { level: 6 });
}

export function decodeSlip(payload: Uint8Array): StoredSlip {
  return JSON.parse(gunzipSync(payload).toString('utf8')) as StoredSlip;
}
