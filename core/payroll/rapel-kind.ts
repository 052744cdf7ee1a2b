import { DomainError } from '../errors';
import { PayDataError } from '../pay/errors';
import type { RunKindSpec } from './run-kinds';

/**
 * RAPEL: the kekurangan gaji of locked months, paid as its own list (rapel.md). Reserved by the run-kind
 * mechanism (run-kinds.ts); its computation lives in this module (helper B, issue 15). Until then a RAPEL
 * run is refused at start, before anything is written.
 */
export const RAPEL_KIND_SPEC: RunKindSpec = {
  lists: ['GAJI'],
  family: 'SPECIAL',
  label: 'Kekurangan gaji (rapel)',
  needsPerformanceFacts: false,
  needsPaidLedger: true,
  correctsPaidMonths: false,
  paysAfterRegular: false,
  compute: () => {
    throw new PayDataError('kind', 'run RAPEL belum tersedia');
  },
  checkStart: () => {
    throw new DomainError('INVALID', 'RUN_KIND_UNAVAILABLE', 'Run kekurangan gaji (RAPEL) belum tersedia', [
      { path: 'body.kind', message: 'RAPEL belum tersedia' },
    ]);
  },
};
