/**
 * The payroll run's use cases live in core/payroll (start-run, process-chunk, recompute-run, run-view);
 * this module keeps the names callers (bench, tests, the scheduler) import from here.
 */
export type { ChunkQueue as ChunkDispatcher, FaultInjector } from '../../core/payroll/ports';
export { processChunk } from '../../core/payroll/process-chunk';
export { recomputeRun } from '../../core/payroll/recompute-run';
export { type AddedEmployee, type RunView, withTotals } from '../../core/payroll/run-view';
export { type Actor, SCHEDULER_ACTOR, startRun, startRunOutcome } from '../../core/payroll/start-run';
export { inlineDispatcher, PhaseMetrics, type RunDeps } from './run-deps';
