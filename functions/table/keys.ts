/**
 * Every key of the tenant table is built here and nowhere else.
 *
 * | item                | pk                    | sk                          | gsi1 (by OPD)          | gsi2 (by kind)            | gsi3 (by atasan)      |
 * |---------------------|-----------------------|-----------------------------|------------------------|---------------------------|-----------------------|
 * | employee (current)  | EMP#<nip>             | CURRENT                     | OPD#<opd> / <nip>      | EMP / <nip>               | ATASAN#<nip> / <nip>  |
 * | correction marker   | EMP#<nip>             | CORR                        |                        |                           |                       |
 * | roster (plan)       | EMP#<nip>             | ROSTER                      |                        | ROSTER / <nip>            |                       |
 * | kelebihan owed      | EMP#<nip>             | KELEBIHAN                   |                        | KELEBIHAN / <nip>         |                       |
 * | audit record        | AUDIT#<type>#<id>     | <at>#<requestId>#<n>        |                        | AUDIT#<type> / <at>#…     |                       |
 * | monthly result      | EMP#<nip>             | RESULT#<yyyy-mm>            |                        |                           |                       |
 * | paid ledger         | EMP#<nip>             | PAID#<yyyy-mm>#<kind>       |                        |                           |                       |
 * | opening balance     | EMP#<nip>             | OPENBAL#<yyyy>              | OPENBAL#<yyyy>#<opd> / <nip> | OPENBAL#<yyyy> / <nip> |                   |
 * | run                 | RUN#<runId>           | META                        |                        | RUN / <runId>             |                       |
 * | run chunk           | RUN#<runId>#C<cc>     | CHUNK#<00000>               |                        |                           |                       |
 * | slip                | RUN#<runId>#S<nn>     | SLIP#<nip>                  | RUNOPD#<runId>#<opd>#S<mm> / <nip> |               |                       |
 * | slip error          | RUN#<runId>#S<nn>     | ERR#<nip>                   |                        |                           |                       |
 * | run exclusion       | RUN#<runId>           | EXCL#<nip>                  |                        |                           |                       |
 * | month lock          | LOCK#<yyyy-mm>        | LOCK                        |                        |                           |                       |
 * | TPP budget (pagu)   | BUDGET#<yyyy>         | OPD#<opd>                   |                        |                           |                       |
 *
 * A run's slips and error entries are spread over RUN_SLIP_SHARDS partitions (nn = slipShard(nip)) and
 * their by-OPD index over RUN_OPD_SHARDS (mm = opdShard(nip)): one partition takes about 1,000 WCU a
 * second, and a 100,000-employee run writes ~300,000 (test/unit/payroll capacity model). The shard
 * follows from the NIP alone, so a slip by NIP is still one GetItem; lists merge the shards by NIP.
 *
 * ── appraisal & discipline (functions/appraisal) ── APR#<nip> keeps an employee's appraisal inputs apart
 * from EMP#<nip>, which the payroll run reads whole; M#<yyyy-mm># groups one month's inputs so the
 * month's compute reads them with one Query.
 * | SKP revision        | APR#<nip>             | SKP#<yyyy>#<rrr>            | SKPBY#<penilai>#<yyyy> / <nip> (latest revision only) |  |  |
 * | realization         | APR#<nip>             | REAL#<yyyy-mm-dd>#<id>      |                        |                           |                       |
 * | evaluation          | APR#<nip>             | M#<yyyy-mm>#EVAL            |                        |                           |                       |
 * | peer rater asked    | APR#<nip>             | M#<yyyy-mm>#PEERASK#<rater> | PEERBY#<rater>#<yyyy-mm> / <nip> |                 |                       |
 * | peer rating         | APR#<nip>             | M#<yyyy-mm>#PEER#<rater>    |                        |                           |                       |
 * | attendance punch    | APR#<nip>             | M#<yyyy-mm>#ATT#<eventId>   |                        |                           |                       |
 * | attendance koreksi  | APR#<nip>             | M#<yyyy-mm>#CORR#<date>     |                        |                           |                       |
 * | leave (cuti)        | APR#<nip>             | DISC#LEAVE#<from>#<kind>    |                        |                           |                       |
 * | hukuman disiplin    | APR#<nip>             | DISC#SANC#<yyyy-mm>#<sk>    |                        |                           |                       |
 * | monthly result idx  | (monthly result item) |                             | RESULT#<yyyy-mm>#<opd> / <nip> | RESULT#<yyyy-mm> / <opd>#<nip> | WARN#<yyyy-mm> / <opd>#<nip> (sparse) |
 * | work calendar       | CAL#<yyyy>            | CURRENT, V#<vvvvv>          |                        |                           |                       |
 * | indicator library   | LIBRARY               | JAB#<key>                   |                        |                           |                       |
 * | unit scores         | UNITSCORE#<yyyy-mm>   | IKM#<unit>#<service>, TEAM#<unit> |                  |                           |                       |
 * | prestasi awards     | PRESTASI#<yyyy-mm>    | NIP#<nip>                         |                  |                           |                       |
 */
/** Partitions a run's slips and error entries are spread over (sized by the capacity model). */
export const RUN_SLIP_SHARDS = 64;
/** Partitions a run's chunk items are spread over (chunk no mod this). */
export const RUN_CHUNK_SHARDS = 8;
/**
 * Partitions one OPD's slips of a run are spread over in gsi1 (a 30,000-teacher Dinas included): the
 * table's own shard, so an index key only ever holds a subset of one table key's writes.
 */
export const RUN_OPD_SHARDS = RUN_SLIP_SHARDS;

/** FNV-1a (32 bit) of the NIP: stable across processes and releases, so a slip's key never moves. */
function nipHash(nip: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < nip.length; i++) {
    h ^= nip.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

const two = (n: number) => String(n).padStart(2, '0');
export const slipShard = (nip: string): number => nipHash(nip) % RUN_SLIP_SHARDS;
export const opdShard = slipShard;
const slipPk = (runId: string, shard: number) => `RUN#${runId}#S${two(shard)}`;
const slipOpdPk = (runId: string, opd: string, shard: number) => `RUNOPD#${runId}#${opd}#S${two(shard)}`;
const range = (n: number) => Array.from({ length: n }, (_, i) => i);

export const keys = {
  employee: (nip: string) => ({ pk: `EMP#${nip}`, sk: 'CURRENT' }),
  /** A backdated change waits here until a locked run has paid its difference. */
  correctionMarker: (nip: string) => ({ pk: `EMP#${nip}`, sk: 'CORR' }),
  paidLedgerPrefix: (nip: string) => ({ pk: `EMP#${nip}`, skPrefix: 'PAID#' }),
  employeeIndexes: (nip: string, opd: string, atasanNip: string | undefined) => ({
    gsi1pk: `OPD#${opd}`,
    gsi1sk: nip,
    gsi2pk: 'EMP',
    gsi2sk: nip,
    ...(atasanNip ? { gsi3pk: `ATASAN#${atasanNip}`, gsi3sk: nip } : {}),
  }),
  /**
   * Who is in service where (NIP, OPD, TMT), copied small beside the record and written with it: a
   * run's plan lists these (~150 B each; 100,000 in ~15 pages) instead of paging every full record.
   */
  employeeRoster: (nip: string) => ({ pk: `EMP#${nip}`, sk: 'ROSTER', gsi2pk: 'ROSTER', gsi2sk: nip }),
  roster: () => ({ index: 'gsi2' as const, pk: 'ROSTER' }),
  employeesByOpd: (opd: string) => ({ index: 'gsi1' as const, pk: `OPD#${opd}` }),
  allEmployees: () => ({ index: 'gsi2' as const, pk: 'EMP' }),
  employeesByAtasan: (atasanNip: string) => ({ index: 'gsi3' as const, pk: `ATASAN#${atasanNip}` }),

  audit: (entityType: string, entityId: string, at: string, requestId: string, n: number) => ({
    pk: `AUDIT#${entityType}#${entityId}`,
    sk: `${at}#${requestId}#${n}`,
    gsi2pk: `AUDIT#${entityType}`,
    gsi2sk: `${at}#${entityId}#${requestId}#${n}`,
  }),
  auditOfEntity: (entityType: string, entityId: string) => ({ pk: `AUDIT#${entityType}#${entityId}` }),
  auditOfType: (entityType: string) => ({ index: 'gsi2' as const, pk: `AUDIT#${entityType}` }),

  monthlyResultsPrefix: (nip: string) => ({ pk: `EMP#${nip}`, skPrefix: 'RESULT#' }),
  monthlyResult: (nip: string, month: string) => ({ pk: `EMP#${nip}`, sk: `RESULT#${month}` }),
  paidLedger: (nip: string, month: string, kind: string) => ({
    pk: `EMP#${nip}`,
    sk: `PAID#${month}#${kind}`,
  }),
  paidLedgerOfYear: (nip: string, year: number) => ({ pk: `EMP#${nip}`, skPrefix: `PAID#${year}-` }),
  /** Saldo awal of a tax year (functions/opening-balances), beside the ledger it completes. */
  openingBalance: (nip: string, year: number) => ({ pk: `EMP#${nip}`, sk: `OPENBAL#${year}` }),
  openingBalancesOf: (nip: string) => ({ pk: `EMP#${nip}`, skPrefix: 'OPENBAL#' }),
  /** The OPD is the employee's when the balance was written: lists by OPD read it from there. */
  openingBalanceIndexes: (year: number, opd: string, nip: string) => ({
    gsi1pk: `OPENBAL#${year}#${opd}`,
    gsi1sk: nip,
    gsi2pk: `OPENBAL#${year}`,
    gsi2sk: nip,
  }),
  openingBalancesOfYear: (year: number) => ({ index: 'gsi2' as const, pk: `OPENBAL#${year}` }),
  openingBalancesOfYearOpd: (year: number, opd: string) => ({
    index: 'gsi1' as const,
    pk: `OPENBAL#${year}#${opd}`,
  }),

  run: (runId: string) => ({ pk: `RUN#${runId}`, sk: 'META' }),
  runIndexes: (runId: string) => ({ gsi2pk: 'RUN', gsi2sk: runId }),
  runs: () => ({ index: 'gsi2' as const, pk: 'RUN' }),
  /** Chunk items (5 KB: their NIPs) are written several times each: spread beside the run's META. */
  runChunk: (runId: string, no: number) => ({
    pk: `RUN#${runId}#C${two(no % RUN_CHUNK_SHARDS)}`,
    sk: `CHUNK#${String(no).padStart(5, '0')}`,
  }),
  runChunkShards: (runId: string) =>
    range(RUN_CHUNK_SHARDS).map((s) => ({ pk: `RUN#${runId}#C${two(s)}`, skPrefix: 'CHUNK#' })),
  // ── a run's slips and error entries (functions/payroll/store/slip-store.ts), sharded by NIP ──
  slip: (runId: string, nip: string) => ({ pk: slipPk(runId, slipShard(nip)), sk: `SLIP#${nip}` }),
  slipIndexes: (runId: string, opd: string, nip: string) => ({
    gsi1pk: slipOpdPk(runId, opd, opdShard(nip)),
    gsi1sk: nip,
  }),
  /** One Query per shard; each is sorted by NIP, so a merge by NIP gives the run's slips in order. */
  slipShardsOfRun: (runId: string) =>
    range(RUN_SLIP_SHARDS).map((s) => ({ pk: slipPk(runId, s), skPrefix: 'SLIP#' })),
  /** A shard's slips after a NIP (exclusive): the sort key range that resumes a merged list. */
  slipsAfter: (nip: string) => ({ skFrom: `SLIP#${nip}`, skTo: 'SLIP$' }),
  slipShardsOfRunOpd: (runId: string, opd: string) =>
    range(RUN_OPD_SHARDS).map((s) => ({ index: 'gsi1' as const, pk: slipOpdPk(runId, opd, s) })),
  slipError: (runId: string, nip: string) => ({ pk: slipPk(runId, slipShard(nip)), sk: `ERR#${nip}` }),
  slipErrorShardsOfRun: (runId: string) =>
    range(RUN_SLIP_SHARDS).map((s) => ({ pk: slipPk(runId, s), skPrefix: 'ERR#' })),
  /** Apart from the error row, which every recompute rewrites: an exclusion lasts until withdrawn. */
  runExclusion: (runId: string, nip: string) => ({ pk: `RUN#${runId}`, sk: `EXCL#${nip}` }),
  runExclusions: (runId: string) => ({ pk: `RUN#${runId}`, skPrefix: 'EXCL#' }),
  monthLock: (month: string) => ({ pk: `LOCK#${month}`, sk: 'LOCK' }),
  budget: (year: string, opd: string) => ({ pk: `BUDGET#${year}`, sk: `OPD#${opd}` }),
  budgetsOfYear: (year: string) => ({ pk: `BUDGET#${year}` }),

  // ── appraisal & discipline (functions/appraisal) ──────────────────────────────────────────────
  appraisal: (nip: string) => ({ pk: `APR#${nip}` }),
  skp: (nip: string, year: number, revision: number) => ({
    pk: `APR#${nip}`,
    sk: `SKP#${year}#${String(revision).padStart(3, '0')}`,
  }),
  skpRevisions: (nip: string, year: number) => ({ pk: `APR#${nip}`, skPrefix: `SKP#${year}#` }),
  skpIndexes: (penilaiNip: string, year: number, nip: string) => ({
    gsi1pk: `SKPBY#${penilaiNip}#${year}`,
    gsi1sk: nip,
  }),
  skpsByPenilai: (penilaiNip: string, year: number) => ({
    index: 'gsi1' as const,
    pk: `SKPBY#${penilaiNip}#${year}`,
  }),
  realization: (nip: string, date: string, id: string) => ({ pk: `APR#${nip}`, sk: `REAL#${date}#${id}` }),
  /** `period` is a year, a month or a day: realizations are sorted by date. */
  realizationsIn: (nip: string, period: string) => ({ pk: `APR#${nip}`, skPrefix: `REAL#${period}` }),
  monthInputs: (nip: string, month: string) => ({ pk: `APR#${nip}`, skPrefix: `M#${month}#` }),
  evaluation: (nip: string, month: string) => ({ pk: `APR#${nip}`, sk: `M#${month}#EVAL` }),
  peerAsk: (nip: string, month: string, raterNip: string) => ({
    pk: `APR#${nip}`,
    sk: `M#${month}#PEERASK#${raterNip}`,
  }),
  peerAskIndexes: (raterNip: string, month: string, nip: string) => ({
    gsi1pk: `PEERBY#${raterNip}#${month}`,
    gsi1sk: nip,
  }),
  peerAsksOfRater: (raterNip: string, month: string) => ({
    index: 'gsi1' as const,
    pk: `PEERBY#${raterNip}#${month}`,
  }),
  peerRating: (nip: string, month: string, raterNip: string) => ({
    pk: `APR#${nip}`,
    sk: `M#${month}#PEER#${raterNip}`,
  }),
  attendanceEvent: (nip: string, month: string, eventId: string) => ({
    pk: `APR#${nip}`,
    sk: `M#${month}#ATT#${eventId}`,
  }),
  attendanceCorrection: (nip: string, date: string) => ({
    pk: `APR#${nip}`,
    sk: `M#${date.slice(0, 7)}#CORR#${date}`,
  }),
  disciplineRecords: (nip: string) => ({ pk: `APR#${nip}`, skPrefix: 'DISC#' }),
  leave: (nip: string, from: string, kind: string) => ({
    pk: `APR#${nip}`,
    sk: `DISC#LEAVE#${from}#${kind}`,
  }),
  sanction: (nip: string, startMonth: string, skNumber: string) => ({
    pk: `APR#${nip}`,
    sk: `DISC#SANC#${startMonth}#${skNumber.replace(/#/g, '_')}`,
  }),
  /** Sparse gsi3 (WARN#) only on results that carry PP 94/2021 warnings. */
  monthlyResultIndexes: (month: string, opd: string, nip: string, hasWarnings: boolean) => ({
    gsi1pk: `RESULT#${month}#${opd}`,
    gsi1sk: nip,
    gsi2pk: `RESULT#${month}`,
    gsi2sk: `${opd}#${nip}`,
    ...(hasWarnings ? { gsi3pk: `WARN#${month}`, gsi3sk: `${opd}#${nip}` } : {}),
  }),
  monthlyResultsOfYear: (nip: string, year: string) => ({ pk: `EMP#${nip}`, skPrefix: `RESULT#${year}-` }),
  resultsByOpd: (month: string, opd: string) => ({ index: 'gsi1' as const, pk: `RESULT#${month}#${opd}` }),
  resultsOfMonth: (month: string) => ({ index: 'gsi2' as const, pk: `RESULT#${month}` }),
  /** A month's results computation for a scope (an OPD or ALL): its plan and chunks, one partition. */
  resultsJob: (month: string, scope: string) => ({ pk: `RJOB#${month}#${scope}`, sk: 'META' }),
  resultsJobChunk: (month: string, scope: string, no: number) => ({
    pk: `RJOB#${month}#${scope}`,
    sk: `CHUNK#${String(no).padStart(5, '0')}`,
  }),
  resultsJobChunks: (month: string, scope: string) => ({ pk: `RJOB#${month}#${scope}`, skPrefix: 'CHUNK#' }),
  warningsOfMonth: (month: string) => ({ index: 'gsi3' as const, pk: `WARN#${month}` }),
  workCalendar: (year: number) => ({ pk: `CAL#${year}`, sk: 'CURRENT' }),
  workCalendarVersion: (year: number, version: number) => ({
    pk: `CAL#${year}`,
    sk: `V#${String(version).padStart(5, '0')}`,
  }),
  libraryEntry: (key: string) => ({ pk: 'LIBRARY', sk: `JAB#${key}` }),
  libraryEntries: () => ({ pk: 'LIBRARY', skPrefix: 'JAB#' }),
  unitScores: (month: string) => ({ pk: `UNITSCORE#${month}` }),
  publicSatisfaction: (month: string, unitId: string, service: string) => ({
    pk: `UNITSCORE#${month}`,
    sk: `IKM#${unitId}#${service}`,
  }),
  teamResult: (month: string, unitId: string) => ({ pk: `UNITSCORE#${month}`, sk: `TEAM#${unitId}` }),
  // ── insentif prestasi (issue 15, helper D): BKPSDM's penghargaan prestasi per month and employee ──
  /** Apart from UNITSCORE#: a month's results read these once (core/pay/tpp-prestasi.ts pays them). */
  prestasiAward: (month: string, nip: string) => ({ pk: `PRESTASI#${month}`, sk: `NIP#${nip}` }),
  prestasiAwards: (month: string) => ({ pk: `PRESTASI#${month}`, skPrefix: 'NIP#' }),
  // ── appraisal console (issue 18): unit ratings, continuous feedback notes ──
  /** Apart from UNITSCORE#: the month's inputs read every unit score, and a rating is not one. */
  unitRating: (month: string, unitId: string) => ({ pk: `UNITRATING#${month}`, sk: `UNIT#${unitId}` }),
  unitRatings: (month: string) => ({ pk: `UNITRATING#${month}`, skPrefix: 'UNIT#' }),
  feedbackNote: (nip: string, year: number, at: string, id: string) => ({
    pk: `APR#${nip}`,
    sk: `NOTE#${year}#${at}#${id}`,
  }),
  feedbackNotesOfYear: (nip: string, year: number) => ({ pk: `APR#${nip}`, skPrefix: `NOTE#${year}#` }),
  // ── tenant rules (issue 17, functions/rulesets/store.ts): one partition, read whole by one Query ──
  /** The repository document the tenant started from, copied on its first proposal; never changed. */
  rulesSeed: () => ({ pk: 'RULES', sk: 'SEED' }),
  /** The approval counter: approvals are serialised on it, and it numbers their order. */
  rulesHead: () => ({ pk: 'RULES', sk: 'HEAD' }),
  ruleChange: (changeId: string) => ({ pk: 'RULES', sk: `CHG#${changeId}` }),
  rulesPartition: () => ({ pk: 'RULES' }),

  // ── tax reporting (functions/tax) ───────────────────────────────────────────────────────────────
  /** The tenant's withholders and tax report decisions: one small item, read by every tax export. */
  taxSettings: () => ({ pk: 'TAX', sk: 'SETTINGS' }),

  // ── potongan lain (functions/deductions) ────────────────────────────────────────────────────────
  /**
   * An employee's deduction entries: one item beside the record the run already reads, so a chunk's
   * BatchGet takes it with the rest (one more key per employee, no extra round trip).
   */
  employeeDeductions: (nip: string) => ({ pk: `EMP#${nip}`, sk: 'DEDUCTIONS' }),
  /** The register list: every employee with entries, by OPD (the OPD when the entries were last written). */
  employeeDeductionsIndexes: (opd: string, nip: string) => ({
    gsi1pk: `DEDOPD#${opd}`,
    gsi1sk: nip,
    gsi2pk: 'DEDUCTIONS',
    gsi2sk: nip,
  }),
  deductionsByOpd: (opd: string) => ({ index: 'gsi1' as const, pk: `DEDOPD#${opd}` }),
  allDeductions: () => ({ index: 'gsi2' as const, pk: 'DEDUCTIONS' }),
  /** The tenant's deduction types (creditors) and policy: one small item, read once per run chunk. */
  deductionTypes: () => ({ pk: 'DEDUCTION#TYPES', sk: 'CURRENT' }),

  // ── kelebihan (core/payroll/kelebihan.ts): who still owes an overpayment, a sparse index ──────────
  /** Present while a kelebihan is owed: a run reads these NIPs (one Query) and loads their ledger. */
  kelebihanOpen: (nip: string) => ({ pk: `EMP#${nip}`, sk: 'KELEBIHAN', gsi2pk: 'KELEBIHAN', gsi2sk: nip }),
  kelebihanOwing: () => ({ index: 'gsi2' as const, pk: 'KELEBIHAN' }),
} as const;

/**
 * The keys of the payroll run read back (functions/payroll/store): what an item's key says, parsed here
 * beside the builders so the two cannot drift.
 */
export const parseKey = {
  /** `EMP#<nip>` → nip. */
  employeeNip: (pk: string) => pk.slice('EMP#'.length),
  /** What an item of an employee's partition is, from its sort key. */
  employeeItem: (sk: string) =>
    sk === 'CURRENT'
      ? ({ kind: 'EMPLOYEE' } as const)
      : sk === 'CORR'
        ? ({ kind: 'CORRECTION_MARKER' } as const)
        : sk.startsWith('RESULT#')
          ? ({ kind: 'RESULT', month: sk.slice('RESULT#'.length) } as const)
          : sk.startsWith('OPENBAL#')
            ? ({ kind: 'OPENING_BALANCE' } as const)
            : ({ kind: 'OTHER' } as const),
  /** `RUN#<runId>#S<nn>` → runId. */
  slipRunId: (pk: string) => pk.slice('RUN#'.length, pk.lastIndexOf('#S')),
  isSlipError: (sk: string) => sk.startsWith('ERR#'),
} as const;
