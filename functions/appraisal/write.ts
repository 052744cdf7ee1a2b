import type { AttendanceImportRow } from '../../core/discipline/attendance-import';
import type { RealizationImportRow } from '../../core/performance/realization-import';
import { createGroupHandler, implement, implementTyped } from '../http/http-handler';
import { routeById } from '../routes';
import { appraisalDeps } from './deps';
import { resultsDispatcherFor } from './results-dispatch';
import { correctAttendance, importAttendance } from './use-cases/attendance';
import { putCalendar } from './use-cases/calendar';
import { addFeedbackNote } from './use-cases/console-plan';
import { addLeave, addSanction } from './use-cases/discipline';
import { putEvaluation } from './use-cases/evaluation';
import { putLibraryEntry } from './use-cases/library';
import { choosePeerRaters, submitPeerFeedback } from './use-cases/peer';
import { putPrestasiAward } from './use-cases/prestasi-awards';
import { importRealizations } from './use-cases/realization-import';
import { addRealization } from './use-cases/realizations';
import { computeResults } from './use-cases/results';
import { type CreateSkpInput, createSkp } from './use-cases/skp';
import { decideSkp, editOwnSkp, reviseApprovedSkp, submitOwnSkp } from './use-cases/skp-workflow';
import { putUnitRatings } from './use-cases/unit-ratings';
import { putUnitScores } from './use-cases/unit-scores';

/** appraisal-write: every mutation; each one and its audit record go in one transaction (RW table). */
const deps = appraisalDeps;

export const handler = createGroupHandler('appraisal-write', [
  implement(routeById('putIndicatorLibraryEntry'), async ({ params, body, principal, requestId }) => ({
    body: await putLibraryEntry(params.key, body, principal, deps(principal, requestId)),
  })),
  implement(routeById('createSkp'), async ({ body, principal, requestId }) => {
    const skp = await createSkp(body as CreateSkpInput, principal, deps(principal, requestId));
    return { status: 201, body: skp, headers: { location: `/skp/${skp.nip}/${skp.year}` } };
  }),
  implement(routeById('editSkp'), async ({ params, body, principal, requestId }) => ({
    body: await editOwnSkp(params.nip, params.year, body, principal, deps(principal, requestId)),
  })),
  implement(routeById('submitSkp'), async ({ params, body, principal, requestId }) => ({
    body: await submitOwnSkp(
      params.nip,
      params.year,
      body.expectedVersion,
      principal,
      deps(principal, requestId),
    ),
  })),
  implement(routeById('approveSkp'), async ({ params, body, principal, requestId }) => ({
    body: await decideSkp(
      params.nip,
      params.year,
      { approve: true, expectedVersion: body.expectedVersion },
      principal,
      deps(principal, requestId),
    ),
  })),
  implement(routeById('rejectSkp'), async ({ params, body, principal, requestId }) => ({
    body: await decideSkp(
      params.nip,
      params.year,
      { approve: false, ...body },
      principal,
      deps(principal, requestId),
    ),
  })),
  implement(routeById('reviseSkp'), async ({ params, body, principal, requestId }) => ({
    status: 201,
    body: await reviseApprovedSkp(params.nip, params.year, body, principal, deps(principal, requestId)),
  })),
  implement(routeById('addRealization'), async ({ params, body, principal, requestId }) => ({
    status: 201,
    body: await addRealization(params.nip, params.year, body, principal, deps(principal, requestId)),
  })),
  implement(routeById('putEvaluation'), async ({ params, body, principal, requestId }) => ({
    body: await putEvaluation(params.month, params.nip, body, principal, deps(principal, requestId)),
  })),
  implement(routeById('choosePeerRaters'), async ({ params, body, principal, requestId }) => ({
    body: await choosePeerRaters(
      params.month,
      params.nip,
      body.raters,
      principal,
      deps(principal, requestId),
    ),
  })),
  implement(routeById('submitPeerFeedback'), async ({ params, body, principal, requestId }) => ({
    status: 201,
    body: await submitPeerFeedback(params.month, params.nip, body, principal, deps(principal, requestId)),
  })),
  implement(routeById('putUnitScores'), async ({ params, body, principal, requestId }) => ({
    body: await putUnitScores(params.month, body, principal, deps(principal, requestId)),
  })),
  implement(routeById('putPrestasiAward'), async ({ params, body, principal, requestId }) => ({
    status: 201,
    body: await putPrestasiAward(params.month, body, principal, deps(principal, requestId)),
  })),
  implement(routeById('computeResults'), async ({ params, body, principal, requestId }) =>
    computeResults(
      params.month,
      body,
      principal,
      deps(principal, requestId),
      resultsDispatcherFor(principal.tenantId),
    ),
  ),
  implement(routeById('putWorkCalendar'), async ({ params, body, principal, requestId }) => ({
    body: await putCalendar(params.year, body, principal, deps(principal, requestId)),
  })),
  implement(routeById('importAttendance'), async ({ params, body, principal, requestId }) => ({
    // A dry run creates nothing: 200 with its report; an import 201.
    status: body.dryRun ? 200 : 201,
    body: await importAttendance(
      params.month,
      { ...body, rows: body.rows as AttendanceImportRow[] },
      principal,
      deps(principal, requestId),
    ),
  })),
  implement(routeById('correctAttendance'), async ({ params, body, principal, requestId }) => ({
    body: await correctAttendance(
      params.month,
      params.nip,
      params.date,
      body,
      principal,
      deps(principal, requestId),
    ),
  })),
  implement(routeById('addLeave'), async ({ params, body, principal, requestId }) => ({
    status: 201,
    body: await addLeave(params.nip, body, principal, deps(principal, requestId)),
  })),
  implement(routeById('addSanction'), async ({ params, body, principal, requestId }) => ({
    status: 201,
    body: await addSanction(params.nip, body, principal, deps(principal, requestId)),
  })),
  // ── the console's appraisal screens (issue 18) ──
  implementTyped(routeById('addFeedbackNote'), async ({ params, body, principal, requestId }) => ({
    status: 201,
    body: await addFeedbackNote(params.nip, params.year, body, principal, deps(principal, requestId)),
  })),
  implementTyped(routeById('putUnitRatings'), async ({ params, body, principal, requestId }) => ({
    body: await putUnitRatings(params.month, body, principal, deps(principal, requestId)),
  })),
  implementTyped(routeById('importRealizations'), async ({ params, body, principal, requestId }) => ({
    // A dry run creates nothing: 200 with its report; an import 201.
    status: body.dryRun ? 200 : 201,
    body: await importRealizations(
      params.year,
      { ...body, rows: body.rows as RealizationImportRow[] },
      principal,
      deps(principal, requestId),
    ),
  })),
]);
