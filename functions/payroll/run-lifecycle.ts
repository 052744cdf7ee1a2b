/** The run's lifecycle use cases live in core/payroll; the names callers import from here stay. */
export { approveRun, type BudgetLine, budgetView, returnToDraft } from '../../core/payroll/approve-run';
export { excludeEmployee, withdrawExclusion } from '../../core/payroll/exclusions';
export { ledgerChunk, lockRun } from '../../core/payroll/lock-run';
export { loadRun } from '../../core/payroll/run-view';
export { verifyRun } from '../../core/payroll/verify-run';
