import { canReadPay } from '../../core/auth/scope';
import { groupTimelines, viewAsOf } from '../../core/employee/timeline';
import { DomainError, notFound } from '../../core/errors';
import { computeMonthlyPay } from '../../core/pay/compute-monthly-pay';
import { PayDataError } from '../../core/pay/errors';
import { explainSlip } from '../../core/pay/explain';
import { addMonths } from '../../core/pay/month';
import { buildPayInput, defaultFacts, lastDayOfMonth, type MonthlyFacts } from '../../core/payroll/snapshot';
import { createGroupHandler, implement } from '../http/http-handler';
import { withCurrentRules } from '../payroll/rulesets';
import { runDepsFor } from '../payroll/run-deps';
import { loadRunData } from '../payroll/run-employee';
import { routeById } from '../routes';

/**
 * The pay engine on a hypothetical month: the employee's stored data as of that month, with the
 * performance and discipline the caller imagines for every TPP period the month could pay. Nothing is
 * written; an employee may only ask about themselves.
 */
const simulate = implement(routeById('simulatePayslip'), async ({ body, principal, requestId }) => {
  // The tenant's rules as approved in its table (one read), as the run would use them.
  const deps = await withCurrentRules(
    runDepsFor(principal.tenantId, { actor: principal, requestId, inline: true }),
  );
  const data = (await loadRunData(deps.repo, [body.nip], body.month)).get(body.nip)!;
  const employee = data.employee;
  if (!employee || !canReadPay(principal, { nip: body.nip, opd: employee.current.penempatan.opd })) {
    throw notFound('Pegawai tidak ditemukan');
  }
  const view = viewAsOf(
    employee.identity,
    groupTimelines(data.timelines),
    employee.version,
    lastDayOfMonth(body.month),
  );
  const facts: MonthlyFacts[] = [0, 1, 2].map((lag) => {
    const month = addMonths(body.month, -lag);
    const stored = data.results.get(month) ?? defaultFacts(month);
    return {
      ...stored,
      ...(body.performance ? { performance: body.performance } : {}),
      ...(body.discipline ? { discipline: body.discipline } : {}),
    };
  });
  const built = buildPayInput({
    tenantId: principal.tenantId,
    month: body.month,
    nip: body.nip,
    view,
    facts,
  });
  if (!built.ok) {
    throw new DomainError('INVALID', 'NOT_COMPUTABLE', built.error.message, [
      { path: `employee.${built.error.field}`, message: built.error.message },
    ]);
  }
  try {
    const slip = computeMonthlyPay(built.input, deps.rulesets);
    return { body: { simulated: true, header: built.header, ...explainSlip(slip) } };
  } catch (err) {
    if (err instanceof PayDataError) {
      throw new DomainError('INVALID', 'NOT_COMPUTABLE', err.reason, [
        { path: err.field, message: err.reason },
      ]);
    }
    throw err;
  }
});

export const handler = createGroupHandler('simulations', [simulate]);
