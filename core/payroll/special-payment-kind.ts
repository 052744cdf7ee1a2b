import { DomainError } from '../errors';
import { PayDataError } from '../pay/errors';
import type { RunKindSpec } from './run-kinds';

/** THR and gaji 13 (gaji13-thr.md): placeholder until the computation lands (refused at start). */
function specialKind(label: string): RunKindSpec {
  return {
    lists: ['GAJI', 'TPP'],
    family: 'SPECIAL',
    label,
    needsPerformanceFacts: false,
    needsPaidLedger: true,
    correctsPaidMonths: false,
    paysAfterRegular: true,
    compute: () => {
      throw new PayDataError('kind', `${label} belum tersedia`);
    },
    checkStart: () => {
      throw new DomainError('INVALID', 'RUN_KIND_UNAVAILABLE', `${label} belum tersedia`, [
        { path: 'body.kind', message: `${label} belum tersedia` },
      ]);
    },
  };
}

export const THR_KIND_SPEC: RunKindSpec = specialKind('THR');
export const GAJI13_KIND_SPEC: RunKindSpec = specialKind('Gaji ke-13');
