import { beforeAll, describe, expect, it } from 'vitest';
import { planChunks } from '../../../core/payroll/chunks';
import { DEFAULT_PAYROLL_CHUNK_SIZE } from '../../../functions/env';
import { keys } from '../../../functions/table/keys';
import {
  FAST_AWS_LATENCIES,
  PARTITION_WCU_PER_SECOND,
  provinceEmployees,
  type RunKeys,
  type RunModelInput,
  simulateRun,
} from '../../../infra/capacity/run-capacity';
import { buildSigapTemplate } from '../../infra/support/sigap-template';

/**
 * The AWS capacity claim, checked: a 100,000-employee run with the stack's worker concurrency and the
 * run's chunk size, writing with the real key builders, puts no more than DynamoDB's per-partition
 * ceiling on any partition key of the table or its indexes in any second (infra/capacity/run-capacity.ts).
 */
const EMPLOYEES = 100_000;
const RUN_ID = '2026-03-GAJI_TPP';

interface StackSettings {
  maxConcurrency: number;
  batchSize: number;
  chunkSize: number;
}

/** The chunk worker's SQS settings and chunk size, as the synthesized stack declares them. */
function stackSettings(): StackSettings {
  const { template } = buildSigapTemplate();
  const functions = template.findResources('AWS::Lambda::Function');
  const worker = Object.entries(functions).find(([id]) => id.includes('PayrollChunkWorker'));
  if (!worker) throw new Error('no PayrollChunkWorker function in the stack');
  const [workerId, workerResource] = worker;
  const mappings = Object.values(template.findResources('AWS::Lambda::EventSourceMapping')).filter((m) =>
    JSON.stringify(m.Properties?.FunctionName ?? '').includes(workerId),
  );
  expect(mappings).toHaveLength(1);
  const props = mappings[0]?.Properties as {
    BatchSize: number;
    ScalingConfig?: { MaximumConcurrency?: number };
  };
  const variables = (workerResource.Properties?.Environment?.Variables ?? {}) as Record<string, unknown>;
  const configured = variables.PAYROLL_CHUNK_SIZE;
  return {
    // Without a maximum, SQS scales the worker to the account's concurrency: the model refuses that.
    maxConcurrency: props.ScalingConfig?.MaximumConcurrency ?? Number.POSITIVE_INFINITY,
    batchSize: props.BatchSize,
    chunkSize: configured === undefined ? DEFAULT_PAYROLL_CHUNK_SIZE : Number(configured),
  };
}

function modelInput(settings: StackSettings, runKeys: RunKeys): RunModelInput {
  const chunks = planChunks(provinceEmployees(EMPLOYEES), settings.chunkSize);
  return {
    runId: RUN_ID,
    month: '2026-03',
    kind: 'GAJI_TPP',
    chunks,
    // Each invocation handles its batch's chunks; the worst case is all of them at once.
    workerConcurrency: settings.maxConcurrency * settings.batchSize,
    // What the run's adapters do (functions/payroll/store: run-inputs.ts, slip-store.ts): four
    // BatchGet and four BatchWrite pages of a chunk in flight at once.
    writesInFlight: 4,
    readsInFlight: 4,
    // Employee record, correction marker, the paid performance month's result, potongan lain entries.
    readKeysPerEmployee: 4,
    // A slip item: the payload compressed against the slip dictionary (functions/payroll/slip-codec.ts,
    // ~1.0–1.4 KB measured on four tenants' slips) and ~350 bytes of keys, index keys and fingerprint.
    slipBytes: 1_800,
    // A chunk item holds its NIPs (18 digits + list overhead) and the chunk's totals.
    chunkItemBytes: settings.chunkSize * 22 + 800,
    runMetaBytes: 1024,
    paidLedgerBytes: 700,
    latencies: FAST_AWS_LATENCIES,
    keys: runKeys,
  };
}

describe('capacity model of a 100,000-employee run on AWS', () => {
  let settings: StackSettings;
  beforeAll(() => {
    settings = stackSettings();
  });

  it('should read a bounded worker concurrency and the chunk size from the stack', () => {
    expect(Number.isFinite(settings.maxConcurrency)).toBe(true);
    expect(settings.maxConcurrency).toBeGreaterThan(1);
    expect(settings.chunkSize).toBeGreaterThan(0);
  });

  it('should find every slip key of the pre-#14 design (one RUN#<runId> key) over the partition limit', () => {
    // The model must be able to fail: the same run with all slips under one key.
    const oneKey: RunKeys = {
      ...keys,
      slip: (runId, nip) => ({ pk: `RUN#${runId}`, sk: `SLIP#${nip}` }),
      slipIndexes: (runId, opd, nip) => ({ gsi1pk: `RUNOPD#${runId}#${opd}`, gsi1sk: nip }),
    };
    const result = simulateRun(modelInput(settings, oneKey));
    expect(result.hottest.pk).toBe(`RUN#${RUN_ID}`);
    expect(result.hottest.units).toBeGreaterThan(PARTITION_WCU_PER_SECOND);
  });

  it('should keep every partition key of the table and its indexes at or under 1,000 WCU in every second', () => {
    const result = simulateRun(modelInput(settings, keys));
    const summary = {
      workers: settings.maxConcurrency * settings.batchSize,
      chunkSize: settings.chunkSize,
      computeSeconds: result.compute.seconds,
      computeWriteUnits: result.compute.writeUnits,
      peakTableWcuPerSecond: result.compute.peakTableUnitsPerSecond,
      lockSeconds: result.lock.seconds,
      lockWriteUnits: result.lock.writeUnits,
      distinctSlipKeys: result.distinctSlipKeys,
      distinctSlipIndexKeys: result.distinctSlipIndexKeys,
      hottestBy: result.hottestBy,
      overLimit: result.overLimit.length,
    };
    if (process.env.SIGAP_CAPACITY_REPORT) console.log(JSON.stringify(summary, null, 2));
    expect(result.overLimit.slice(0, 5)).toEqual([]);
    expect(result.hottest.units).toBeLessThanOrEqual(PARTITION_WCU_PER_SECOND);
  });
});
