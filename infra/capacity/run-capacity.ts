/**
 * Capacity model of a payroll run on AWS: which partition keys of the tenant table (and of its
 * indexes) receive how many write units in each second, for a given worker concurrency, chunk size and
 * key design. Pure and deterministic: the keys come from the caller (the real builders of
 * functions/table/keys.ts in the test), the timings are stated assumptions (`AwsLatencies`), and every
 * write lands at the moment its request completes.
 *
 * Why a model: DynamoDB serves at most ~1,000 write units per second on one partition key, and a run
 * of 100,000 slips of ~3 KB is ~300,000 of them (plus as many again on the index it writes). Whether a
 * key design spreads that is arithmetic over who writes what when, which a test can check before any
 * deployment.
 *
 * What it does not model: throttling feedback (a throttled key would slow its writer; the model reports
 * the demand, which is what must stay under the limit), and adaptive capacity (which splits hot
 * partitions but never a single hot key).
 */

/** DynamoDB bills writes per 1 KB of item, rounded up; transactional writes cost twice. */
export const WRITE_UNIT_BYTES = 1024;
/** Documented per-partition write ceiling (write units per second). */
export const PARTITION_WCU_PER_SECOND = 1000;
/** BatchWriteItem and BatchGetItem page sizes. */
const BATCH_WRITE_ITEMS = 25;
const BATCH_GET_KEYS = 100;

export function writeUnits(bytes: number, transactional = false): number {
  return Math.max(1, Math.ceil(bytes / WRITE_UNIT_BYTES)) * (transactional ? 2 : 1);
}

/** A table or index key as the key builders return it. */
export type Key = { readonly pk: string; readonly sk?: string };
export type IndexKeys = Readonly<Record<string, string>>;

/** The key builders the run writes with (functions/table/keys.ts in the test). */
export interface RunKeys {
  run(runId: string): Key;
  runIndexes(runId: string): IndexKeys;
  runChunk(runId: string, no: number): Key;
  slip(runId: string, nip: string): Key;
  slipIndexes(runId: string, opd: string, nip: string): IndexKeys;
  paidLedger(nip: string, month: string, kind: string): Key;
}

/**
 * Round-trip times from Lambda to DynamoDB in the same region. Fast ends of the usual ranges on
 * purpose: faster round trips mean more writes per second, so the per-key rates are upper bounds.
 */
export interface AwsLatencies {
  readonly getItemMs: number;
  readonly updateItemMs: number;
  /** One BatchGetItem of up to 100 keys. */
  readonly batchGetMs: number;
  /** One BatchWriteItem of up to 25 items of ~3 KB. */
  readonly batchWriteMs: number;
  readonly transactWriteMs: number;
  /** Snapshot, hashes, engine, gzip of one slip on one Lambda vCPU. */
  readonly computeMsPerSlip: number;
}

export const FAST_AWS_LATENCIES: AwsLatencies = {
  getItemMs: 4,
  updateItemMs: 5,
  batchGetMs: 10,
  batchWriteMs: 15,
  transactWriteMs: 12,
  computeMsPerSlip: 0.2,
};

export interface RunModelInput {
  readonly runId: string;
  readonly month: string;
  readonly kind: string;
  /** The run's chunks in the order they are dispatched (the real planner's plan). */
  readonly chunks: readonly { readonly no: number; readonly opd: string; readonly nips: readonly string[] }[];
  /** Chunks computed at once: the worker's SQS maximum concurrency × messages per invocation. */
  readonly workerConcurrency: number;
  /** BatchWriteItem calls one worker keeps in flight (the adapter's write parallelism). */
  readonly writesInFlight: number;
  /** BatchGetItem calls one worker keeps in flight. */
  readonly readsInFlight: number;
  /** Keys read per employee of a chunk (record, correction marker, monthly results…). */
  readonly readKeysPerEmployee: number;
  /** A stored slip item (gzipped payload + attributes). */
  readonly slipBytes: number;
  /** A chunk item: its NIP list and totals. */
  readonly chunkItemBytes: number;
  readonly runMetaBytes: number;
  readonly paidLedgerBytes: number;
  readonly latencies: AwsLatencies;
  readonly keys: RunKeys;
}

/** One write as DynamoDB meters it: a key of the table or of an index, its units, when it lands. */
interface Write {
  readonly phase: 'compute' | 'lock';
  readonly at: number;
  readonly where: string;
  readonly units: number;
}

export interface PhaseResult {
  readonly seconds: number;
  readonly writeUnits: number;
  /** Highest write units in any one second on the whole table (base table + indexes). */
  readonly peakTableUnitsPerSecond: number;
}

export interface HotKey {
  /** `table` or the index name. */
  readonly where: string;
  readonly pk: string;
  readonly second: number;
  readonly units: number;
}

export interface RunModelResult {
  readonly compute: PhaseResult;
  readonly lock: PhaseResult;
  /** The hottest key in any one second, over the whole run (compute and lock). */
  readonly hottest: HotKey;
  /** The hottest key of the table and of each index. */
  readonly hottestBy: Readonly<Record<string, HotKey>>;
  /** Every key/second above PARTITION_WCU_PER_SECOND (empty when the design holds). */
  readonly overLimit: readonly HotKey[];
  readonly distinctSlipKeys: number;
  readonly distinctSlipIndexKeys: number;
}

/** Index writes of an item: one per index whose partition key attribute the item carries. */
function indexWrites(
  indexKeys: IndexKeys,
  at: number,
  units: number,
  out: { push(w: Omit<Write, 'phase'>): unknown },
): void {
  for (const [attr, value] of Object.entries(indexKeys)) {
    const m = /^(gsi\d+)pk$/.exec(attr);
    if (m) out.push({ at, where: `${m[1]}|${value}`, units });
  }
}

/** `n` requests of `ms` each, `inFlight` at a time, from `start`: the completion time of each. */
function pipelined(start: number, n: number, ms: number, inFlight: number): number[] {
  const done: number[] = [];
  for (let i = 0; i < n; i++) done.push(start + (Math.floor(i / inFlight) + 1) * ms);
  return done;
}

/**
 * Workers take chunks in plan order as they become free (SQS hands a message to whichever poller
 * asks). Each chunk: read the run and the chunk, mark it attempted, read its inputs, compute, write its
 * slips, complete it (one transaction on the chunk and the run). The lock then writes each employee's
 * paid-ledger item, chunk by chunk, with the same concurrency, and moves the chunk and the run on.
 */
export function simulateRun(input: RunModelInput): RunModelResult {
  const { latencies: l, keys } = input;
  const all: Write[] = [];
  let phase: Write['phase'] = 'compute';
  const writes = {
    push: (w: Omit<Write, 'phase'>) => all.push({ ...w, phase }),
    get length() {
      return all.length;
    },
  };
  const table = (k: Key) => `table|${k.pk}`;
  const runKey = keys.run(input.runId);
  const chunkUnits = writeUnits(input.chunkItemBytes);
  const metaUnits = writeUnits(input.runMetaBytes);
  const slipUnits = writeUnits(input.slipBytes);
  const slipKeys = new Set<string>();
  const slipIndexKeys = new Set<string>();

  const runPhase = (
    start: number,
    perChunk: (chunk: RunModelInput['chunks'][number], t: number) => number,
  ): number => {
    const free = Array.from({ length: input.workerConcurrency }, () => start);
    let end = start;
    for (const chunk of input.chunks) {
      // The earliest free worker takes the next chunk.
      let w = 0;
      for (let i = 1; i < free.length; i++) if ((free[i] as number) < (free[w] as number)) w = i;
      const done = perChunk(chunk, free[w] as number);
      free[w] = done;
      end = Math.max(end, done);
    }
    return end;
  };

  const complete = (no: number, t: number): number => {
    // One transaction: the chunk item and the run's counters, each billed twice.
    const at = t + l.transactWriteMs;
    writes.push({ at, where: table(keys.runChunk(input.runId, no)), units: chunkUnits * 2 });
    writes.push({ at, where: table(runKey), units: metaUnits * 2 });
    indexWrites(keys.runIndexes(input.runId), at, metaUnits, writes);
    return at;
  };

  const computeEnd = runPhase(0, (chunk, t0) => {
    let t = t0 + 2 * l.getItemMs; // the run, the chunk
    t += l.updateItemMs;
    writes.push({ at: t, where: table(keys.runChunk(input.runId, chunk.no)), units: chunkUnits });
    const gets = Math.ceil((chunk.nips.length * input.readKeysPerEmployee) / BATCH_GET_KEYS);
    t = pipelined(t, gets, l.batchGetMs, input.readsInFlight).at(-1) ?? t;
    t += chunk.nips.length * l.computeMsPerSlip;
    const batches = Math.ceil(chunk.nips.length / BATCH_WRITE_ITEMS);
    const landed = pipelined(t, batches, l.batchWriteMs, input.writesInFlight);
    chunk.nips.forEach((nip, i) => {
      const at = landed[Math.floor(i / BATCH_WRITE_ITEMS)] as number;
      const key = table(keys.slip(input.runId, nip));
      slipKeys.add(key);
      writes.push({ at, where: key, units: slipUnits });
      const before = writes.length;
      indexWrites(keys.slipIndexes(input.runId, chunk.opd, nip), at, slipUnits, writes);
      for (let j = before; j < all.length; j++) slipIndexKeys.add((all[j] as Write).where);
    });
    return complete(chunk.no, landed.at(-1) ?? t);
  });

  const ledgerUnits = writeUnits(input.paidLedgerBytes);
  const lockStart = computeEnd + 1000;
  phase = 'lock';
  const lockEnd = runPhase(lockStart, (chunk, t0) => {
    let t = t0 + 2 * l.getItemMs;
    // The chunk's slips are read back (their tax facts make the ledger), then the ledger written.
    const gets = Math.ceil(chunk.nips.length / BATCH_GET_KEYS);
    t = pipelined(t, gets, l.batchGetMs, input.readsInFlight).at(-1) ?? t;
    const batches = Math.ceil(chunk.nips.length / BATCH_WRITE_ITEMS);
    const landed = pipelined(t, batches, l.batchWriteMs, input.writesInFlight);
    chunk.nips.forEach((nip, i) => {
      const at = landed[Math.floor(i / BATCH_WRITE_ITEMS)] as number;
      writes.push({ at, where: table(keys.paidLedger(nip, input.month, input.kind)), units: ledgerUnits });
    });
    return complete(chunk.no, landed.at(-1) ?? t);
  });

  // Units per key and second, and per second on the whole table.
  const perKeySecond = new Map<string, number>();
  const perSecond = { compute: new Map<number, number>(), lock: new Map<number, number>() };
  for (const w of all) {
    const second = Math.floor(w.at / 1000);
    const k = `${second}|${w.where}`;
    perKeySecond.set(k, (perKeySecond.get(k) ?? 0) + w.units);
    const bySecond = perSecond[w.phase];
    bySecond.set(second, (bySecond.get(second) ?? 0) + w.units);
  }
  let hottest: HotKey = { where: 'table', pk: '', second: 0, units: 0 };
  const overLimit: HotKey[] = [];
  const hottestBy: Record<string, HotKey> = {};
  for (const [k, units] of perKeySecond) {
    const [second, where, ...pk] = k.split('|');
    const hot = { where: where as string, pk: pk.join('|'), second: Number(second), units };
    if (units > hottest.units) hottest = hot;
    if (units > (hottestBy[hot.where]?.units ?? 0)) hottestBy[hot.where] = hot;
    if (units > PARTITION_WCU_PER_SECOND) overLimit.push(hot);
  }
  overLimit.sort((a, b) => b.units - a.units);
  const phaseResult = (of: Write['phase'], from: number, to: number): PhaseResult => {
    let units = 0;
    let peak = 0;
    for (const u of perSecond[of].values()) {
      units += u;
      peak = Math.max(peak, u);
    }
    return { seconds: (to - from) / 1000, writeUnits: units, peakTableUnitsPerSecond: peak };
  };
  return {
    compute: phaseResult('compute', 0, computeEnd),
    lock: phaseResult('lock', lockStart, lockEnd),
    hottest,
    hottestBy,
    overLimit,
    distinctSlipKeys: slipKeys.size,
    distinctSlipIndexKeys: slipIndexKeys.size,
  };
}

/**
 * A province's employees: NIPs in the national format (birth date, TMT, sex, serial), spread over
 * OPDs the way a province's are — one Dinas Pendidikan holding a third (teachers), a Dinas Kesehatan,
 * and many small offices. Deterministic.
 */
export function provinceEmployees(count: number): { nip: string; opd: string }[] {
  const opds: { opd: string; share: number }[] = [
    { opd: 'DISDIK', share: 0.34 },
    { opd: 'DINKES', share: 0.12 },
    { opd: 'RSUD', share: 0.06 },
  ];
  const rest = 1 - opds.reduce((s, o) => s + o.share, 0);
  for (let i = 1; i <= 60; i++) opds.push({ opd: `OPD${String(i).padStart(2, '0')}`, share: rest / 60 });
  const out: { nip: string; opd: string }[] = [];
  let seed = 20261203;
  const rnd = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  let o = 0;
  let left = Math.round((opds[0] as { share: number }).share * count);
  for (let i = 0; i < count; i++) {
    while (left <= 0 && o < opds.length - 1) {
      o += 1;
      left = Math.round((opds[o] as { share: number }).share * count);
    }
    left -= 1;
    const born = `${1965 + Math.floor(rnd() * 35)}${pad(1 + Math.floor(rnd() * 12), 2)}${pad(1 + Math.floor(rnd() * 28), 2)}`;
    const tmt = `${1990 + Math.floor(rnd() * 35)}${pad(1 + Math.floor(rnd() * 12), 2)}`;
    const sex = rnd() < 0.5 ? 1 : 2;
    out.push({ nip: `${born}${tmt}${sex}${pad(i % 1000, 3)}`, opd: (opds[o] as { opd: string }).opd });
  }
  return out;
}
