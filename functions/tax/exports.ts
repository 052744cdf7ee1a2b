import { createGroupHandler } from '../http/http-handler';
import { exportA1, exportA2Data, exportA2Pdf } from './annual-exports';
import { exportBpmp, exportRecap } from './monthly-exports';

/**
 * Tax files for the outside world (pajak-pelaporan.md): per masa (BPMP for Coretax, rekap PPh 21) and per
 * tax year (1721-A2 PDF and data file, BPA1 XML). Each is built from the stored slips of locked runs (an
 * approved run only as a preview that says so), names its runs, their state and its format, and is audited.
 */
export const handler = createGroupHandler('tax-exports', [
  exportBpmp,
  exportRecap,
  exportA2Pdf,
  exportA2Data,
  exportA1,
]);
