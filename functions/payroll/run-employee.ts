/** One employee's computation lives in core/payroll/compute-employee.ts, its inputs' adapter in store/. */
export {
  type ComputeContext,
  computeEmployee,
  type EmployeeOutcome,
  hashInput,
  taxFactsOf,
  taxYtdFor,
} from '../../core/payroll/compute-employee';
export type { EmployeeRunData } from '../../core/payroll/ports';
export { loadRunData } from './store/run-inputs';
