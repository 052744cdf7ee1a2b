import { addMonths } from '../pay/month';
import type { YearMonth } from '../pay/types';

/**
 * The performance month (bulan kinerja) whose TPP a pay month pays: the pay month minus the tenant's
 * payment lag (`tpp.paymentLagMonths`, 0–3, in force in the pay month). The one definition: the run
 * reads that month's results, the missing-data rule checks them, and the engine pays them.
 */
export function performanceMonthPaidIn(payMonth: YearMonth, paymentLagMonths: number): YearMonth {
  if (!Number.isInteger(paymentLagMonths) || paymentLagMonths < 0) {
    throw new RangeError(`paymentLagMonths must be a whole number ≥ 0, got ${paymentLagMonths}`);
  }
  return addMonths(payMonth, -paymentLagMonths);
}
