import { createGroupHandler, implement, implementTyped } from '../http/http-handler';
import { routeById } from '../routes';
import { appraisalDeps } from './deps';
import { attendanceMonth } from './use-cases/attendance';
import { attendanceGrid } from './use-cases/attendance-grid';
import { getCalendar } from './use-cases/calendar';
import {
  listFeedbackNotes,
  planOptions,
  previewEvaluation,
  progressByMonth,
  yearMonths,
} from './use-cases/console-plan';
import { listDiscipline } from './use-cases/discipline';
import { getEvaluation } from './use-cases/evaluation';
import { lembarPenilaianPdf } from './use-cases/lembar';
import { listLibrary } from './use-cases/library';
import { assignedPeerReviews } from './use-cases/peer';
import { listPrestasiAwards } from './use-cases/prestasi-awards';
import { bawahanProgress, listRealizations, progress } from './use-cases/realizations';
import { calibrationMembers, calibrationReport, disciplineWarnings, followUp } from './use-cases/reports';
import { computeProgress, getResult, listResults } from './use-cases/results';
import { getSkp } from './use-cases/skp';
import { listSkpsToAssess } from './use-cases/skp-workflow';
import { listUnitRatings } from './use-cases/unit-ratings';
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
  implement(routeById('listPrestasiAwards'), async ({ params, query, principal, requestId }) => ({
    body: await listPrestasiAwards(params.month, query, principal, deps(principal, requestId)),
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
    if ('xlsx' in out && out.xlsx !== undefined) {
      return {
        raw: {
          body: out.xlsx.toString('base64'),
          contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          isBase64Encoded: true,
        },
        headers: { 'content-disposition': `attachment; filename="${out.fileName}"` },
      };
    }
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
  // ── the console's appraisal screens (issue 18) ──
  implementTyped(routeById('skpPlanOptions'), async ({ params, principal, requestId }) => ({
    body: await planOptions(params.nip, params.year, principal, deps(principal, requestId)),
  })),
  implementTyped(routeById('skpMonthlyProgress'), async ({ params, principal, requestId }) => ({
    body: await progressByMonth(params.nip, params.year, principal, deps(principal, requestId)),
  })),
  implementTyped(routeById('skpYearMonths'), async ({ params, principal, requestId }) => ({
    body: await yearMonths(params.nip, params.year, principal, deps(principal, requestId)),
  })),
  implementTyped(routeById('listFeedbackNotes'), async ({ params, query, principal, requestId }) => ({
    body: await listFeedbackNotes(params.nip, params.year, query, principal, deps(principal, requestId)),
  })),
  implementTyped(routeById('previewEvaluation'), async ({ params, body, principal, requestId }) => ({
    body: await previewEvaluation(params.month, params.nip, body, principal, deps(principal, requestId)),
  })),
  implement(routeById('lembarPenilaianPdf'), async ({ params, principal, requestId }) => {
    const out = await lembarPenilaianPdf(params.month, params.nip, principal, deps(principal, requestId));
    return {
      raw: { body: out.pdf.toString('base64'), contentType: 'application/pdf', isBase64Encoded: true },
      headers: { 'content-disposition': `attachment; filename="${out.fileName}"` },
    };
  }),
  implementTyped(routeById('calibrationMembers'), async ({ params, query, principal, requestId }) => ({
    body: await calibrationMembers(params.month, query, principal, deps(principal, requestId)),
  })),
  implementTyped(routeById('listUnitRatings'), async ({ params, principal, requestId }) => ({
    body: await listUnitRatings(params.month, deps(principal, requestId)),
  })),
  implementTyped(routeById('attendanceGrid'), async ({ params, query, principal, requestId }) => ({
    body: await attendanceGrid(params.month, query, principal, deps(principal, requestId)),
  })),
]);
