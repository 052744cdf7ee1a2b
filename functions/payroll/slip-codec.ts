import { deflateRawSync, gunzipSync, inflateRawSync } from 'node:zlib';
import type { StoredSlip } from '../../core/payroll/run-types';
import dictionaryV1 from './slip-dictionary.v1.json' with { type: 'json' };

/**
 * A slip carries every line with its rule, citation and basis, the trace and the input snapshot:
 * ~17 KB as JSON, most of it the same labels, rule ids and citations on every slip. It is stored
 * compressed against a preset dictionary of two typical slips (deflate's window holds 32 KiB): the
 * repeats are found in the dictionary instead of being spelled out once per slip.
 *
 * Measured on 240 slips of four tenants (2026-12-03): gzip level 6 gave 3.5 KB in ~210–290 µs of CPU;
 * raw deflate level 3 with the dictionary gives ~1.1 KB in ~115–150 µs. The run's write capacity on
 * AWS is its slips (1 WCU per KB), so a third of the bytes is a third of the slip WCU of a
 * 100,000-employee run, and the chunk worker spends less CPU per slip.
 *
 * Compressed in place, not on libuv's thread pool: the asynchronous zlib sets up a stream and two
 * thread hand-offs per slip (~0.55 ms of CPU against ~0.25 ms in place), and a chunk worker Lambda
 * has one CPU.
 *
 * Format: slips written since format 1 start with the two bytes 'S', 1; slips written before are
 * gzip (they start with 0x1f 0x8b) and are read as they are.
 */
const FORMAT_MARK = 0x53; // 'S'
const FORMAT_V1 = 1;
const GZIP_MAGIC = [0x1f, 0x8b] as const;

/** The frozen dictionary of format 1: its slips' JSON one after the other (a test pins its hash). */
export const SLIP_DICTIONARY_V1: Buffer = Buffer.from(
  dictionaryV1.slips.map((s) => JSON.stringify(s)).join(''),
);

/** Level 3 of 1–9: with the dictionary, higher levels saved ~15 % of the bytes for ~50 % more CPU. */
const LEVEL = 3;

export function encodeSlip(slip: StoredSlip): Uint8Array {
  const body = deflateRawSync(JSON.stringify(slip), { level: LEVEL, dictionary: SLIP_DICTIONARY_V1 });
  const payload = Buffer.allocUnsafe(body.length + 2);
  payload[0] = FORMAT_MARK;
  payload[1] = FORMAT_V1;
  body.copy(payload, 2);
  return payload;
}

export function decodeSlip(payload: Uint8Array): StoredSlip {
  const bytes = Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength);
  let json: Buffer;
  if (bytes[0] === FORMAT_MARK && bytes[1] === FORMAT_V1) {
    json = inflateRawSync(bytes.subarray(2), { dictionary: SLIP_DICTIONARY_V1 });
  } else if (bytes[0] === GZIP_MAGIC[0] && bytes[1] === GZIP_MAGIC[1]) {
    json = gunzipSync(bytes);
  } else {
    throw new Error(`unknown slip payload format (first bytes ${bytes[0]}, ${bytes[1]})`);
  }
  return JSON.parse(json.toString('utf8')) as StoredSlip;
}
