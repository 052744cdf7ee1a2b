import { ALL_ROLES } from '../http/roles';
import { defineRoute, IMPORT_MAX_BODY_BYTES, type RouteSpec } from '../http/route-spec';
import {
  attendanceGridQuery,
  attendanceGridResponse,
  calibrationMembersQuery,
  calibrationMembersResponse,
  evaluationPreviewBody,
  evaluationPreviewResponse,
  feedbackNoteBody,
  feedbackNoteResponse,
  feedbackNotesQuery,
  feedbackNotesResponse,
  monthlyProgressResponse,
  pdfParams,
  planOptionsResponse,
  realizationImportBody,
  realizationImportResponse,
  unitRatingsBody,
  unitRatingsPutResponse,
  unitRatingsResponse,
  yearMonthsResponse,
  yearOnlyParams,
} from './schemas-console';
import { monthNipParams, monthParams } from './schemas-evaluation';
import { nipYearParams } from './schemas-skp';

/**
 * Routes the console's appraisal and discipline screens need beyond the original API (issue 18). Reads
 * go to appraisal-read (RO table), the preview included: it computes, it never writes.
 */
const tags = ['appraisal'];
const R = 'appraisal-read';
const W = 'appraisal-write';

export const CONSOLE_APPRAISAL_ROUTES = [
  defineRoute({
    id: 'skpPlanOptions',
    method: 'GET',
    path: '/skp/{nip}/{year}/plan-options',
    group: R,
    summary:
      'What drafting the SKP offers: the pejabat penilai’s hasil kerja of the year to cascade from, and the indicator template of the jabatan',
    tags,
    roles: ALL_ROLES,
    params: nipYearParams,
    response: planOptionsResponse,
  }),
  defineRoute({
    id: 'skpMonthlyProgress',
    method: 'GET',
    path: '/skp/{nip}/{year}/progress/monthly',
    group: R,
    summary: 'Target, realisasi and capaian per indicator for each month of the year up to the running one',
    tags,
    roles: ALL_ROLES,
    params: nipYearParams,
    response: monthlyProgressResponse,
  }),
  defineRoute({
    id: 'skpYearMonths',
    method: 'GET',
    path: '/skp/{nip}/{year}/months',
    group: R,
    summary:
      'Each month of the year: rated or not, the atasan’s feedback, the predikat and the TPP factor it gives',
    tags,
    roles: ALL_ROLES,
    params: nipYearParams,
    response: yearMonthsResponse,
  }),
  defineRoute({
    id: 'addFeedbackNote',
    method: 'POST',
    path: '/skp/{nip}/{year}/feedback-notes',
    group: W,
    summary: 'The atasan’s continuous feedback note on a bawahan’s SKP (optionally on one indicator)',
    tags,
    roles: ['atasan'],
    params: nipYearParams,
    body: feedbackNoteBody,
    response: feedbackNoteResponse,
    successStatus: 201,
  }),
  defineRoute({
    id: 'listFeedbackNotes',
    method: 'GET',
    path: '/skp/{nip}/{year}/feedback-notes',
    group: R,
    summary: 'The continuous feedback notes on an SKP, newest first, paginated',
    tags,
    roles: ALL_ROLES,
    params: nipYearParams,
    query: feedbackNotesQuery,
    response: feedbackNotesResponse,
  }),
  defineRoute({
    id: 'previewEvaluation',
    method: 'POST',
    path: '/evaluations/{month}/{nip}/preview',
    group: R,
    summary:
      'The predikat and TPP factor a lembar penilaian would give, before saving it (the atasan only; writes nothing)',
    tags,
    roles: ['atasan'],
    params: monthNipParams,
    body: evaluationPreviewBody,
    response: evaluationPreviewResponse,
  }),
  defineRoute({
    id: 'lembarPenilaianPdf',
    method: 'GET',
    path: '/evaluations/{month}/{nip}/pdf',
    group: R,
    summary:
      'Lembar penilaian PDF of an employee’s month: identity, indicators with target and realisasi, ratings, predikat, feedback, signatures',
    tags,
    roles: ALL_ROLES,
    params: pdfParams,
    contentType: 'application/pdf',
  }),
  defineRoute({
    id: 'calibrationMembers',
    method: 'GET',
    path: '/calibration/{month}/members',
    group: R,
    summary:
      'Drill-down of the predikat distribution: the people of a group (OPD or unit), optionally of one predikat',
    tags,
    roles: ['bkpsdm', 'auditor'],
    params: monthParams,
    query: calibrationMembersQuery,
    response: calibrationMembersResponse,
  }),
  defineRoute({
    id: 'putUnitRatings',
    method: 'PUT',
    path: '/unit-ratings/{month}',
    group: W,
    summary:
      'Predikat kinerja per unit for the month, where the tenant scales its calibration curve by it (audited)',
    tags,
    roles: ['bkpsdm'],
    params: monthParams,
    body: unitRatingsBody,
    response: unitRatingsPutResponse,
  }),
  defineRoute({
    id: 'listUnitRatings',
    method: 'GET',
    path: '/unit-ratings/{month}',
    group: R,
    summary: 'The month’s unit ratings with the multiplier each puts on the calibration curve',
    tags,
    roles: ['bkpsdm', 'auditor'],
    params: monthParams,
    response: unitRatingsResponse,
  }),
  defineRoute({
    id: 'importRealizations',
    method: 'POST',
    path: '/realizations/{year}/imports',
    group: W,
    summary:
      'Import realisasi per employee and indicator from a spreadsheet of an OPD: all rows valid or nothing stored; dryRun reports every row and writes nothing',
    tags,
    roles: ['operator', 'bkpsdm'],
    params: yearOnlyParams,
    body: realizationImportBody,
    maxBodyBytes: IMPORT_MAX_BODY_BYTES,
    response: realizationImportResponse,
    successStatus: 201,
  }),
  defineRoute({
    id: 'attendanceGrid',
    method: 'GET',
    path: '/attendance/{month}',
    group: R,
    summary:
      'An OPD’s month of attendance as a calendar grid (code per employee and day), with leave, sanctions and the TPP cuts of the month’s results, paginated by employee',
    tags: ['discipline'],
    roles: ['operator', 'bkpsdm', 'auditor'],
    params: monthParams,
    query: attendanceGridQuery,
    response: attendanceGridResponse,
  }),
] as const satisfies readonly RouteSpec[];
