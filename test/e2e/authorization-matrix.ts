import type { RouteId } from '../../functions/routes';
import { anEmployee, nipNo } from '../builders/employee';

/**
 * Who may do what, declared once per route (#13 "make the tests find these"): the route's roles come
 * from its declaration in functions/routes.ts; here each route says how it is scoped to rows (the
 * semantics of core/auth/scope.ts and the README's role table) and gives a minimal request for a row in
 * the caller's scope ("own") and one outside it ("other"). authorization-matrix.test.ts derives the
 * expected outcome of every route × role × own/other OPD or record × own/other tenant from this, and
 * fails when a route of ROUTES has no entry.
 *
 * The fixture (built by the test over HTTP, tenant bantul):
 *   DISDIK: A (atasan of P), P (pegawai)          — the operator's OPD
 *   DINKES: B (atasan of O), O                    — another OPD
 *   EP (DISDIK) and EO (DINKES) have no bank account: error entries of the run, to exclude.
 * Callers: pegawai = P, atasan = A (also pegawai), operator of DISDIK, bkpsdm, auditor, and no token;
 * each also from tenant binjai with the same sub and OPDs (the bantul rows do not exist there).
 */
export const NIP = {
  A: nipNo(101),
  P: nipNo(102),
  B: nipNo(103),
  O: nipNo(104),
  /** Created by POST /employees during the matrix (in DISDIK and DINKES). */
  NEW_OWN: nipNo(105),
  NEW_OTHER: nipNo(106),
  /** Without a bank account: an error entry in the run, so it can be excluded (DISDIK, DINKES). */
  EP: nipNo(107),
  EO: nipNo(108),
} as const;

export const OWN_OPD = 'DISDIK';
export const OTHER_OPD = 'DINKES';

/**
 * How a route scopes rows:
 * - PUBLIC: no token needed.
 * - TENANT: any allowed role, whatever the row (lists are filtered by the leak check instead).
 * - ROW_READ: canReadRow — bkpsdm/auditor all, operator their OPDs, atasan their bawahan, pegawai self.
 * - PAY_READ: canReadPay — like ROW_READ but an atasan does not see a bawahan's pay.
 * - ROW_WRITE: canWriteRow / payWriteOpds — bkpsdm all, operator their OPDs.
 * - OPD_FILTER: a list or action for one OPD — bkpsdm/auditor any, operator their own only.
 * - BAWAHAN_WRITE: the atasan of the row (evaluations, SKP approval).
 * - SELF_WRITE: the pegawai themself (their SKP, realisasi); their atasan, who may read the row, is
 *   told 403 NOT_OWNER (the status reveals nothing they cannot read).
 */
export type Scope =
  | 'PUBLIC'
  | 'TENANT'
  | 'ROW_READ'
  | 'PAY_READ'
  | 'ROW_WRITE'
  | 'OPD_FILTER'
  | 'BAWAHAN_WRITE'
  | 'SELF_WRITE';

export interface Ctx {
  /** The target: a row in the caller's scope ('own': P, DISDIK) or outside it ('other': O, DINKES). */
  nip: string;
  /** The run's error entry of the same side (EP or EO). */
  errNip: string;
  opd: string;
  target: 'own' | 'other';
  month: string;
  year: number;
  runId: string;
}

export interface MatrixRequest {
  path: string;
  query?: Record<string, string>;
  body?: unknown;
}

export interface Declaration {
  scope: Scope;
  request: (c: Ctx) => MatrixRequest;
  /**
   * Where the route's row-scoped answer depends on more than the scope (a draft run's slip is not the
   * pegawai's yet): roles whose "own" call is refused by design, with the reason.
   */
  ownRefused?: { roles: readonly string[]; why: string };
  /** Per-role exceptions to the scope's rule, each with its reason in a comment at the route. */
  expect?: Partial<Record<Caller, Partial<Record<'own' | 'other', Outcome>>>>;
  /** Tenant reference data (rules, calendars, library): an operator may read other OPDs' names in it. */
  reference?: boolean;
  /**
   * The outcome from another tenant, where the scope's default (bantul rows absent: 404) does not fit:
   * 'same' as in the caller's own tenant, or one outcome for every allowed role.
   */
  otherTenant?: 'same' | Outcome;
  /** A call made (as bkpsdm of the caller's tenant, result ignored) before each call of the matrix. */
  prepare?: (c: Ctx) => { method: string; request: MatrixRequest };
}

export type Caller = 'pegawai' | 'atasan' | 'operator' | 'bkpsdm' | 'auditor' | 'none';
/**
 * allow: past authorization (2xx, or a 400/409 about the request itself); hide: 404, the row is out of
 * scope and its existence not revealed; refuse: 403 or 404 (an OPD filter outside the caller's OPDs);
 * deny: 403 (role); unauth: 401 (no token).
 */
export type Outcome = 'allow' | 'hide' | 'refuse' | 'deny' | 'unauth';

const reason = 'alasan pengujian matriks otorisasi';
const q = (query: Record<string, string>) => query;

const rupiahFigures = {
  firstMonth: 1,
  lastMonth: 3,
  monthsWorked: 3,
  brutoGaji: 15_000_000,
  brutoTpp: 6_000_000,
  iuranPensiun: 600_000,
  pphGaji: 0,
  pphTpp: 150_000,
  source: 'Bukti potong SIMGAJI Jan–Mar',
};

const libraryEntry = {
  sector: 'Pendidikan',
  match: { kode: [], nama: ['guru matriks'] },
  results: [
    {
      key: 'hasil',
      jenis: 'UTAMA',
      description: 'Layanan',
      indicators: [
        {
          key: 'dok',
          description: 'Dokumen',
          target: { aspect: 'KUANTITAS', value: 12, unit: 'dokumen' },
          direction: 'HIGHER_IS_BETTER',
          aggregation: 'SUM',
          weightPercent: 100,
        },
      ],
    },
  ],
};

/** One withholder for every OPD and list (tax routes of the matrix). */
const TAX_SETTINGS = {
  withholders: [
    {
      id: 'BPKAD',
      name: 'Bendahara Pengeluaran BPKAD',
      npwp: '0001234567890000',
      nitku: '0001234567890000000000',
      bendahara: { nama: 'Bendahara Matriks', nip: '198001012005012001' },
      opds: [],
      lists: ['GAJI', 'TPP'],
    },
  ],
  pnsDtpCertificate: 'N/A',
  pppkAnnualForm: 'A2',
  source: 'matriks otorisasi',
};
const prepareTaxSettings = () => ({
  method: 'PUT',
  request: { path: '/tax/settings', body: { ...TAX_SETTINGS, expectedVersion: 0 } },
});

export const DECLARATIONS: Record<RouteId, Declaration> = {
  // system
  health: { scope: 'PUBLIC', request: () => ({ path: '/health' }) },
  openapi: { scope: 'PUBLIC', request: () => ({ path: '/openapi.json' }) },
  docs: { scope: 'PUBLIC', request: () => ({ path: '/docs' }) },
  whoami: { scope: 'TENANT', request: () => ({ path: '/me' }) },
  // employees
  createEmployee: {
    scope: 'ROW_WRITE',
    request: (c) => ({
      path: '/employees',
      body: anEmployee({
        nip: c.target === 'own' ? NIP.NEW_OWN : NIP.NEW_OTHER,
        penempatan: { opd: c.opd, unit: 'Sekretariat' },
      }),
    }),
    // No row exists yet: an OPD outside the operator's is refused as such (403 OUT_OF_SCOPE).
    expect: { operator: { other: 'refuse' } },
    // From binjai the NIPs are new there: created (or refused for the operator's other OPD).
    otherTenant: 'same',
  },
  updateEmployee: {
    scope: 'ROW_WRITE',
    request: (c) => ({ path: `/employees/${c.nip}`, body: { expectedVersion: 1, gelarDepan: 'Drs.' } }),
  },
  getEmployee: { scope: 'ROW_READ', request: (c) => ({ path: `/employees/${c.nip}` }) },
  listEmployees: { scope: 'TENANT', request: () => ({ path: '/employees' }) },
  employeeHistory: { scope: 'ROW_READ', request: (c) => ({ path: `/employees/${c.nip}/history` }) },
  importEmployees: {
    scope: 'TENANT',
    request: () => ({
      path: '/employees/imports',
      body: { fileName: 'pegawai.csv', contentBase64: Buffer.from('nip;nama\n').toString('base64') },
    }),
  },
  employeeImportTemplate: { scope: 'TENANT', request: () => ({ path: '/employees/import-template' }) },
  listEmployeeImports: { scope: 'TENANT', request: () => ({ path: '/employees/imports' }) },
  // audit
  listAudit: {
    scope: 'TENANT',
    request: (c) => ({ path: '/audit', query: q({ entity: `employee:${c.nip}` }) }),
  },
  // rulesets
  listRulesets: {
    scope: 'TENANT',
    reference: true,
    request: (c) => ({ path: '/rulesets', query: q({ month: c.month }) }),
  },
  getRuleset: {
    scope: 'TENANT',
    reference: true,
    request: (c) => ({ path: '/rulesets/tenant', query: q({ month: c.month }) }),
  },
  simulatePayslip: {
    scope: 'PAY_READ',
    request: (c) => ({ path: '/simulations/payslip', body: { nip: c.nip, month: c.month } }),
  },
  // tenant rule changes (issue 17): readers operator/bkpsdm/auditor, writer bkpsdm (four eyes between two)
  getRuleHistory: {
    scope: 'TENANT',
    reference: true,
    request: () => ({ path: '/rule-parameters/tpp.ceilings/history' }),
  },
  listRuleChanges: { scope: 'TENANT', reference: true, request: () => ({ path: '/rule-changes' }) },
  proposeRuleChange: {
    scope: 'TENANT',
    reference: true,
    request: () => ({
      path: '/rule-changes',
      body: {
        title: 'Matriks otorisasi',
        source: { regulation: 'Perbup uji matriks', date: '2098-12-01' },
        effectiveFrom: '2099-01-01',
        changes: [{ parameterId: 'tpp.sanctions', value: { RINGAN: 10, SEDANG: 25, BERAT: 50 } }],
      },
    }),
  },
  // The matrix names a change that does not exist: an allowed role gets past the role check to a 404;
  // what these rows assert is the 403 of every other role and the 401 without a token.
  getRuleChange: {
    scope: 'TENANT',
    reference: true,
    request: () => ({ path: '/rule-changes/RC-20990101000000-abcdef' }),
    expect: {
      operator: { own: 'hide', other: 'hide' },
      bkpsdm: { own: 'hide', other: 'hide' },
      auditor: { own: 'hide', other: 'hide' },
    },
  },
  previewRuleChange: {
    scope: 'TENANT',
    reference: true,
    request: (c) => ({
      path: '/rule-changes/RC-20990101000000-abcdef/preview',
      query: q({ month: c.month }),
    }),
    expect: {
      operator: { own: 'hide', other: 'hide' },
      bkpsdm: { own: 'hide', other: 'hide' },
      auditor: { own: 'hide', other: 'hide' },
    },
  },
  approveRuleChange: {
    scope: 'TENANT',
    reference: true,
    request: () => ({ path: '/rule-changes/RC-20990101000000-abcdef/approve', body: {} }),
    expect: { bkpsdm: { own: 'hide', other: 'hide' } },
  },
  rejectRuleChange: {
    scope: 'TENANT',
    reference: true,
    request: () => ({ path: '/rule-changes/RC-20990101000000-abcdef/reject', body: { note: reason } }),
    expect: { bkpsdm: { own: 'hide', other: 'hide' } },
  },
  // payroll
  startRun: { scope: 'TENANT', request: (c) => ({ path: '/runs', body: { month: c.month } }) },
  listRuns: { scope: 'TENANT', request: () => ({ path: '/runs' }) },
  getRun: { scope: 'TENANT', request: (c) => ({ path: `/runs/${c.runId}` }) },
  listSlips: {
    scope: 'OPD_FILTER',
    request: (c) => ({ path: `/runs/${c.runId}/slips`, query: q({ opd: c.opd }) }),
  },
  getSlip: {
    scope: 'PAY_READ',
    request: (c) => ({ path: `/runs/${c.runId}/slips/${c.nip}` }),
    ownRefused: { roles: ['pegawai'], why: 'a slip is the employee’s only once the run is released to them' },
  },
  listMySlips: {
    scope: 'TENANT',
    request: (c) => ({ path: '/me/slips', query: q({ year: String(c.year) }) }),
  },
  listRunErrors: { scope: 'TENANT', request: (c) => ({ path: `/runs/${c.runId}/errors` }) },
  verifyRun: { scope: 'TENANT', request: (c) => ({ path: `/runs/${c.runId}/verify` }) },
  recomputeRun: {
    scope: 'ROW_WRITE',
    request: (c) => ({ path: `/runs/${c.runId}/recompute`, body: { nips: [c.nip] } }),
  },
  excludeFromRun: {
    scope: 'ROW_WRITE',
    request: (c) => ({ path: `/runs/${c.runId}/exclusions`, body: { nip: c.errNip, reason } }),
  },
  withdrawExclusion: {
    scope: 'ROW_WRITE',
    request: (c) => ({ path: `/runs/${c.runId}/exclusions/${c.errNip}` }),
    // Each withdrawal needs an exclusion to withdraw, or an allowed caller's 404 would read as hidden.
    prepare: (c) => ({
      method: 'POST',
      request: { path: `/runs/${c.runId}/exclusions`, body: { nip: c.errNip, reason } },
    }),
  },
  approveRun: {
    scope: 'TENANT',
    request: (c) => ({ path: `/runs/${c.runId}/approve`, body: {} }),
    // The matrix's bkpsdm recomputed and changed exclusions of this run just before: four eyes refuses
    // them (403 FOUR_EYES), as it must.
    expect: { bkpsdm: { own: 'refuse', other: 'refuse' } },
    // In binjai nobody of the matrix changed its run: the bkpsdm approves it.
    otherTenant: 'allow',
  },
  returnRunToDraft: {
    scope: 'TENANT',
    request: (c) => ({ path: `/runs/${c.runId}/return-to-draft`, body: { reason } }),
  },
  lockRun: { scope: 'TENANT', request: (c) => ({ path: `/runs/${c.runId}/lock`, body: {} }) },
  exportRunDocument: {
    scope: 'OPD_FILTER',
    request: (c) => ({
      path: `/runs/${c.runId}/documents/daftar-gaji`,
      query: q({ opd: c.opd, preview: 'true' }),
    }),
  },
  slipPdf: {
    scope: 'PAY_READ',
    request: (c) => ({ path: `/runs/${c.runId}/slips/${c.nip}/pdf` }),
    ownRefused: { roles: ['pegawai'], why: 'a slip is the employee’s only once the run is released to them' },
  },
  // exports for the outside world (#16): the matrix's run is a draft, so an allowed caller gets 200 (menu)
  // or 409 RUN_NOT_EXPORTABLE (file); an operator naming another OPD is refused before the run state.
  listRunExports: {
    scope: 'OPD_FILTER',
    request: (c) => ({ path: `/runs/${c.runId}/exports`, query: q({ opd: c.opd }) }),
  },
  downloadRunExport: {
    scope: 'OPD_FILTER',
    request: (c) => ({
      path: `/runs/${c.runId}/exports/sipd-gaji`,
      query: q({ opd: c.opd, preview: 'true' }),
    }),
  },
  putBudget: {
    scope: 'TENANT',
    request: (c) => ({
      path: `/budgets/${c.year}/${c.opd}`,
      body: { paguTpp: 1_000_000_000, source: 'DPA' },
    }),
  },
  listBudgets: { scope: 'TENANT', request: (c) => ({ path: `/budgets/${c.year}` }) },
  // potongan lain (functions/deductions): an empty entry is a 400 once past the scope check
  getDeductionTypes: { scope: 'TENANT', reference: true, request: () => ({ path: '/deductions/types' }) },
  putDeductionTypes: {
    scope: 'TENANT',
    request: () => ({ path: '/deductions/types', body: { expectedVersion: 0, types: [], policy: null } }),
  },
  listDeductions: {
    scope: 'OPD_FILTER',
    request: (c) => ({ path: '/deductions', query: q({ opd: c.opd }) }),
  },
  getEmployeeDeductions: { scope: 'PAY_READ', request: (c) => ({ path: `/employees/${c.nip}/deductions` }) },
  createEmployeeDeduction: {
    scope: 'ROW_WRITE',
    request: (c) => ({ path: `/employees/${c.nip}/deductions`, body: { expectedVersion: 0, entry: {} } }),
  },
  updateEmployeeDeduction: {
    scope: 'ROW_WRITE',
    request: (c) => ({
      path: `/employees/${c.nip}/deductions/matriks-1`,
      body: { expectedVersion: 0, entry: {} },
    }),
  },
  importDeductions: {
    scope: 'TENANT',
    request: () => ({
      path: '/deductions/imports',
      body: {
        fileName: 'koperasi.csv',
        typeCode: 'KOPERASI',
        contentBase64: Buffer.from('NIP,BULAN_MULAI,NOMOR_REFERENSI\n').toString('base64'),
      },
    }),
  },
  // opening balances
  putOpeningBalance: {
    scope: 'ROW_WRITE',
    request: (c) => ({ path: `/opening-balances/${c.year}/${c.nip}`, body: rupiahFigures }),
  },
  getOpeningBalance: {
    scope: 'PAY_READ',
    request: (c) => ({ path: `/opening-balances/${c.year}/${c.nip}` }),
  },
  listOpeningBalances: {
    scope: 'OPD_FILTER',
    request: (c) => ({ path: `/opening-balances/${c.year}`, query: q({ opd: c.opd }) }),
  },
  importOpeningBalances: {
    scope: 'TENANT',
    request: (c) => ({
      path: `/opening-balances/${c.year}/imports`,
      body: {
        mode: 'DRY_RUN',
        fileName: 'saldo.csv',
        contentBase64: Buffer.from('nip\n').toString('base64'),
      },
    }),
  },
  // appraisal: SKP and library
  listIndicatorLibrary: { scope: 'TENANT', reference: true, request: () => ({ path: '/indicator-library' }) },
  putIndicatorLibraryEntry: {
    scope: 'TENANT',
    request: () => ({
      path: '/indicator-library/guru-matriks',
      body: { expectedVersion: 0, entry: libraryEntry },
    }),
  },
  createSkp: {
    scope: 'TENANT',
    request: (c) => ({ path: '/skp', body: { year: c.year } }),
    // The SKP is the caller's own: from binjai their employee record does not exist.
    otherTenant: 'hide',
  },
  listSkpToAssess: {
    scope: 'TENANT',
    request: (c) => ({ path: '/skp', query: q({ year: String(c.year) }) }),
  },
  getSkp: { scope: 'ROW_READ', request: (c) => ({ path: `/skp/${c.nip}/${c.year}` }) },
  editSkp: {
    scope: 'SELF_WRITE',
    request: (c) => ({
      path: `/skp/${c.nip}/${c.year}`,
      body: { expectedVersion: 1, unit: 'Subbagian Umum' },
    }),
  },
  submitSkp: {
    scope: 'SELF_WRITE',
    request: (c) => ({ path: `/skp/${c.nip}/${c.year}/submit`, body: { expectedVersion: 1 } }),
  },
  approveSkp: {
    scope: 'BAWAHAN_WRITE',
    request: (c) => ({ path: `/skp/${c.nip}/${c.year}/approve`, body: { expectedVersion: 1 } }),
  },
  rejectSkp: {
    scope: 'BAWAHAN_WRITE',
    request: (c) => ({ path: `/skp/${c.nip}/${c.year}/reject`, body: { expectedVersion: 1, reason } }),
  },
  reviseSkp: {
    // Either side may reopen an SKP: its pegawai or their atasan.
    scope: 'BAWAHAN_WRITE',
    expect: { pegawai: { own: 'allow' } },
    request: (c) => ({ path: `/skp/${c.nip}/${c.year}/revise`, body: { expectedVersion: 1, reason } }),
  },
  addRealization: {
    scope: 'SELF_WRITE',
    request: (c) => ({
      path: `/skp/${c.nip}/${c.year}/realizations`,
      body: { indicatorId: 'tidak-ada', date: `${c.month}-02`, value: 1 },
    }),
  },
  listRealizations: { scope: 'ROW_READ', request: (c) => ({ path: `/skp/${c.nip}/${c.year}/realizations` }) },
  skpProgress: { scope: 'ROW_READ', request: (c) => ({ path: `/skp/${c.nip}/${c.year}/progress` }) },
  bawahanProgress: { scope: 'TENANT', request: () => ({ path: '/progress/bawahan' }) },
  // appraisal: evaluations, results
  putEvaluation: {
    scope: 'BAWAHAN_WRITE',
    request: (c) => ({
      path: `/evaluations/${c.month}/${c.nip}`,
      body: { expectedVersion: 0, hasilKerja: 'SESUAI_EKSPEKTASI', perilaku: 'SESUAI_EKSPEKTASI' },
    }),
  },
  getEvaluation: { scope: 'ROW_READ', request: (c) => ({ path: `/evaluations/${c.month}/${c.nip}` }) },
  choosePeerRaters: {
    scope: 'BAWAHAN_WRITE',
    request: (c) => ({ path: `/evaluations/${c.month}/${c.nip}/peer-raters`, body: { raters: [NIP.A] } }),
  },
  submitPeerFeedback: {
    // Bantul does not use peer feedback: 409 PEER_FEEDBACK_DISABLED before any row is read.
    scope: 'TENANT',
    request: (c) => ({ path: `/evaluations/${c.month}/${c.nip}/peer-feedback`, body: { score: 4 } }),
  },
  assignedPeerReviews: { scope: 'TENANT', request: (c) => ({ path: `/peer-feedback/${c.month}/assigned` }) },
  putUnitScores: {
    scope: 'TENANT',
    request: (c) => ({
      path: `/unit-scores/${c.month}`,
      body: { teamResults: [{ unitId: `${c.opd}/SEKRETARIAT`, achievementPercent: 90 }] },
    }),
  },
  listUnitScores: {
    scope: 'OPD_FILTER',
    request: (c) => ({ path: `/unit-scores/${c.month}`, query: q({ opd: c.opd }) }),
  },
  // Bantul's tpp.prestasi gives no award: BKPSDM's call is past authorization and refused as a 400 on
  // params.month; the row check (404 outside the tenant) comes first.
  putPrestasiAward: {
    scope: 'ROW_WRITE',
    request: (c) => ({
      path: `/prestasi-awards/${c.month}`,
      body: { nip: c.nip, skNumber: '800/1/BKPSDM/MATRIKS', skDate: `${c.month}-15`, reason },
    }),
  },
  listPrestasiAwards: { scope: 'TENANT', request: (c) => ({ path: `/prestasi-awards/${c.month}` }) },
  computeResults: {
    scope: 'OPD_FILTER',
    request: (c) => ({ path: `/results/${c.month}/compute`, body: { opd: c.opd } }),
  },
  listResults: {
    scope: 'OPD_FILTER',
    request: (c) => ({ path: `/results/${c.month}`, query: q({ opd: c.opd }) }),
  },
  resultsProgress: {
    scope: 'OPD_FILTER',
    request: (c) => ({ path: `/results/${c.month}/progress`, query: q({ opd: c.opd }) }),
  },
  getResult: { scope: 'ROW_READ', request: (c) => ({ path: `/results/${c.month}/${c.nip}` }) },
  calibrationReport: {
    scope: 'TENANT',
    request: (c) => ({ path: `/calibration/${c.month}`, query: q({ opd: c.opd }) }),
  },
  followUpList: {
    scope: 'TENANT',
    request: (c) => ({ path: `/follow-up/${c.month}`, query: q({ opd: c.opd }) }),
  },
  // discipline
  getWorkCalendar: {
    scope: 'TENANT',
    reference: true,
    request: (c) => ({ path: `/work-calendar/${c.year}` }),
  },
  putWorkCalendar: {
    scope: 'TENANT',
    reference: true,
    request: (c) => ({ path: `/work-calendar/${c.year}`, body: { expectedVersion: 0, calendar: {} } }),
  },
  importAttendance: {
    scope: 'OPD_FILTER',
    request: (c) => ({
      path: `/attendance/${c.month}/imports`,
      body: { opd: c.opd, rows: [{ nip: c.nip, timestamp: `${c.month}-02 07:00`, type: 'IN' }] },
    }),
  },
  getAttendanceMonth: { scope: 'ROW_READ', request: (c) => ({ path: `/attendance/${c.month}/${c.nip}` }) },
  correctAttendance: {
    scope: 'ROW_WRITE',
    request: (c) => ({
      path: `/attendance/${c.month}/${c.nip}/corrections/${c.month}-02`,
      body: { checkIn: '07:00', reason },
    }),
  },
  addLeave: {
    scope: 'ROW_WRITE',
    request: (c) => ({
      path: `/discipline/${c.nip}/leave`,
      body: { kind: 'CUTI_TAHUNAN', from: `${c.month}-05`, to: `${c.month}-05` },
    }),
  },
  addSanction: {
    scope: 'ROW_WRITE',
    request: (c) => ({
      path: `/discipline/${c.nip}/sanctions`,
      body: {
        skNumber: 'SK/MATRIKS/1',
        level: 'RINGAN',
        jenis: 'TEGURAN_LISAN',
        startMonth: c.month,
        durationMonths: 1,
      },
    }),
  },
  listDiscipline: { scope: 'ROW_READ', request: (c) => ({ path: `/discipline/${c.nip}` }) },
  disciplineWarnings: {
    scope: 'OPD_FILTER',
    request: (c) => ({ path: `/discipline-warnings/${c.month}`, query: q({ opd: c.opd }) }),
  },
  // appraisal console (issue 18)
  skpPlanOptions: { scope: 'ROW_READ', request: (c) => ({ path: `/skp/${c.nip}/${c.year}/plan-options` }) },
  skpMonthlyProgress: {
    scope: 'ROW_READ',
    request: (c) => ({ path: `/skp/${c.nip}/${c.year}/progress/monthly` }),
  },
  skpYearMonths: { scope: 'ROW_READ', request: (c) => ({ path: `/skp/${c.nip}/${c.year}/months` }) },
  addFeedbackNote: {
    scope: 'BAWAHAN_WRITE',
    request: (c) => ({ path: `/skp/${c.nip}/${c.year}/feedback-notes`, body: { text: 'Catatan matriks' } }),
  },
  listFeedbackNotes: {
    scope: 'ROW_READ',
    request: (c) => ({ path: `/skp/${c.nip}/${c.year}/feedback-notes` }),
  },
  previewEvaluation: {
    scope: 'BAWAHAN_WRITE',
    request: (c) => ({
      path: `/evaluations/${c.month}/${c.nip}/preview`,
      body: { hasilKerja: 'SESUAI_EKSPEKTASI', perilaku: 'SESUAI_EKSPEKTASI' },
    }),
  },
  lembarPenilaianPdf: {
    scope: 'ROW_READ',
    request: (c) => ({ path: `/evaluations/${c.month}/${c.nip}/pdf` }),
  },
  calibrationMembers: {
    scope: 'TENANT',
    request: (c) => ({ path: `/calibration/${c.month}/members`, query: q({ opd: c.opd }) }),
  },
  putUnitRatings: {
    // Bantul does not scale its curve by unit (400 naming body.ratings); binjai has no such unit (400).
    scope: 'TENANT',
    request: (c) => ({
      path: `/unit-ratings/${c.month}`,
      body: { ratings: [{ unitId: `${c.opd}/SEKRETARIAT`, predikat: 'BAIK' }] },
    }),
  },
  listUnitRatings: { scope: 'TENANT', request: (c) => ({ path: `/unit-ratings/${c.month}` }) },
  importRealizations: {
    scope: 'OPD_FILTER',
    request: (c) => ({
      path: `/realizations/${c.year}/imports`,
      body: {
        opd: c.opd,
        fileName: 'matriks.xlsx',
        dryRun: true,
        rows: [{ nip: c.nip, indicatorId: 'tidak-ada', date: `${c.month}-02`, value: 1 }],
      },
    }),
  },
  attendanceGrid: {
    scope: 'OPD_FILTER',
    request: (c) => ({ path: `/attendance/${c.month}`, query: q({ opd: c.opd }) }),
  },
  // tax reporting (functions/tax): every export ends in a 409 about the data (withholders not set yet,
  // the fixture month's run not locked, A1 for an A2 tenant), past authorization.
  getTaxSettings: {
    scope: 'TENANT',
    request: () => ({ path: '/tax/settings' }),
    prepare: prepareTaxSettings,
  },
  putTaxSettings: {
    // The second and later calls send a stale version: 409 about the request itself.
    scope: 'TENANT',
    request: () => ({ path: '/tax/settings', body: { ...TAX_SETTINGS, expectedVersion: 0 } }),
  },
  exportBpmp: {
    scope: 'TENANT',
    request: (c) => ({ path: `/tax/bpmp/${c.month}`, query: q({ preview: 'true' }) }),
  },
  exportTaxRecap: {
    scope: 'OPD_FILTER',
    request: (c) => ({ path: `/tax/recap/${c.month}`, query: q({ opd: c.opd, preview: 'true' }) }),
  },
  exportA2Pdf: {
    scope: 'TENANT',
    request: (c) => ({ path: `/tax/a2/${c.year}/${c.nip}/pdf`, query: q({ preview: 'true' }) }),
  },
  exportA2Data: {
    scope: 'TENANT',
    request: (c) => ({ path: `/tax/a2/${c.year}`, query: q({ preview: 'true' }) }),
  },
  exportA1: {
    scope: 'TENANT',
    request: (c) => ({ path: `/tax/a1/${c.year}`, query: q({ preview: 'true' }) }),
  },
};
