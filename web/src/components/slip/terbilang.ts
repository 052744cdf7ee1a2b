/**
 * Rupiah in words under the net amount, the same words the slip PDF prints: the API's own function
 * (functions/payroll/documents/format.ts), imported rather than written twice. It is pure (no I/O).
 */
export { terbilang } from '../../../../functions/payroll/documents/format';
