import { createGroupHandler, implement } from '../http/http-handler';
import { routeById } from '../routes';
import { appraisalDeps } from './deps';
import { attendanceMonth } from './use-cases/attendance';
import { getCalendar } from './use-cases/calendar';
import { listDiscipline } from './use-cases/discipline';
import { getEvaluation } from './use-cases/evaluation';
import { listLibrary } from './use-cases/library';
import { assignedPeerReviews } from './use-cases/peer';
import { bawahanProgress, listRealizations, progress } from './use-cases/realizations';
import { calibrationReport, disciplineWarnings, followUp } from './use-cases/reports';
import { computeProgress, getResult, listResults } from './use-cases/results';
import { getSkp } from './use-cases/skp';
import { listSkpsToAssess } from './use-cases/skp-workflow';
import { listUnitScores } from './use-cases/unit-scores';

/** appraisal-read: every GET of SKP, realizations, evaluations, results, reports and discipline (RO table). */
const deps = appraisalDeps;

export const handler = createGroupHandler('appraisal-read', [
  implement(routeById('listIndicatorLibrary'), async ({ query, principal, requestId }) => ({
    body: await listLibrary(query, deps(principal, requestId)),
  })),
  implement(routeById('listSkpToAssess'), async ({ query, principal, requestId }) => ({
    body: await listSkpsToAssess(query, principal, deps(principal, requestId)),
  })),
  implement(routeById('getSkp'), async ({ params, principal, requestId }) => ({
    body: await getSkp(params.nip, params.year, principal, deps(principal, requestId)),
  })),
  implement(routeById('listRealizations'), async ({ params, query, principal, requestId }) => ({
    body: await listRealizations(params.nip, params.year, query, principal, deps(principal, requestId)),
  })),
  implement(routeById('skpProgress'), async ({ params, query, principal, requestId }) => ({
    body: await progress(params.nip, params.year, query.month, principal, deps(principal, requestId)),
  })),
  implement(routeById('bawahanProgress'), async ({ query, principal, requestId }) => ({
    body: await bawahanProgress(query, principal, deps(principal, requestId)),
  })),
  implement(routeById('getEvaluation'), async ({ params, principal, requestId }) => ({
    body: await getEvaluation(params.month, params.nip, principal, deps(principal, requestId)),
  })),
  implement(routeById('assignedPeerReviews'), async ({ params, query, principal, requestId }) => ({
    body: await assignedPeerReviews(params.month, query, principal, deps(principal, requestId)),
  })),
  implement(routeById('listUnitScores'), async ({ params, query, principal, requestId }) => ({
    body: await listUnitScores(params.month, query, deps(principal, requestId)),
  })),
  implement(routeById('listResults'), async ({ params, query, principal, requestId }) => ({
    body: await listResults(params.month, query, principal, deps(principal, requestId)),
  })),
  implement(routeById('resultsProgress'), async ({ params, query, principal, requestId }) => ({
    body: await computeProgress(params.month, query, principal, deps(principal, requestId)),
  })),
  implement(routeById('getResult'), async ({ params, principal, requestId }) => ({
    body: await getResult(params.month, params.nip, principal, deps(principal, requestId)),
  })),
  implement(routeById('calibrationReport'), async ({ params, query, principal, requestId }) => ({
    body: await calibrationReport(params.month, query.opd, principal, deps(principal, requestId)),
  })),
  implement(routeById('followUpList'), async ({ params, query, principal, requestId }) => {
    const out = await followUp(params.month, query, principal, deps(principal, requestId));
    if ('csv' in out && out.csv !== undefined) {
      return {
        raw: { body: out.csv, contentType: 'text/csv; charset=utf-8' },
        headers: { 'content-disposition': `attachment; filename="${out.fileName}"` },
      };
    }
    return { body: out };
  }),
  implement(routeById('getWorkCalendar'), async ({ params, principal, requestId }) => ({
    body: await getCalendar(params.year, deps(principal, requestId)),
  })),
  implement(routeById('getAttendanceMonth'), async ({ params, principal, requestId }) => ({
    body: await attendanceMonth(params.month, params.nip, principal, deps(principal, requestId)),
  })),
  implement(routeById('listDiscipline'), async ({ params, query, principal, requestId }) => ({
    body: await listDiscipline(params.nip, query, principal, deps(principal, requestId)),
  })),
  implement(routeById('disciplineWarnings'), async ({ params, query, principal, requestId }) => ({
    body: await disciplineWarnings(params.month, query, principal, deps(principal, requestId)),
  })),
]);
