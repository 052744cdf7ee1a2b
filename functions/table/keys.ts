import type { TimelineAspect } from '../../core/employee/employee';

/**
 * Every key of the tenant table is built here and nowhere else.
 *
 * | item                | pk                    | sk                          | gsi1 (by OPD)          | gsi2 (by kind)            | gsi3 (by atasan)      |
 * |---------------------|-----------------------|-----------------------------|------------------------|---------------------------|-----------------------|
 * | employee (current)  | EMP#<nip>             | CURRENT                     | OPD#<opd> / <nip>      | EMP / <nip>               | ATASAN#<nip> / <nip>  |
 * | employee timeline   | EMP#<nip>             | TL#<aspect>#<from>          |                        |                           |                       |
 * | audit record        | AUDIT#<type>#<id>     | <at>#<requestId>#<n>        |                        | AUDIT#<type> / <at>#…     |                       |
 * | monthly result      | EMP#<nip>             | RESULT#<yyyy-mm>            |                        |                           |                       |
 * | paid ledger         | EMP#<nip>             | PAID#<yyyy-mm>#<kind>       |                        |                           |                       |
 * | run                 | RUN#<runId>           | META                        |                        | RUN / <runId>             |                       |
 * | run chunk           | RUN#<runId>           | CHUNK#<00000>               |                        |                           |                       |
 * | slip                | RUN#<runId>           | SLIP#<nip>                  | RUNOPD#<runId>#<opd> / <nip> |                     |                       |
 * | slip error          | RUN#<runId>           | ERR#<nip>                   |                        |                           |                       |
 * | month lock          | LOCK#<yyyy-mm>        | LOCK                        |                        |                           |                       |
 * | TPP budget (pagu)   | BUDGET#<yyyy>         | OPD#<opd>                   |                        |                           |                       |
 */
export const keys = {
  employee: (nip: string) => ({ pk: `EMP#${nip}`, sk: 'CURRENT' }),
  employeeTimelinePrefix: (nip: string) => ({ pk: `EMP#${nip}`, skPrefix: 'TL#' }),
  employeeTimeline: (nip: string, aspect: TimelineAspect, from: string) => ({
    pk: `EMP#${nip}`,
    sk: `TL#${aspect}#${from}`,
  }),
  employeeIndexes: (nip: string, opd: string, atasanNip: string | undefined) => ({
    gsi1pk: `OPD#${opd}`,
    gsi1sk: nip,
    gsi2pk: 'EMP',
    gsi2sk: nip,
    ...(atasanNip ? { gsi3pk: `ATASAN#${atasanNip}`, gsi3sk: nip } : {}),
  }),
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

  monthlyResult: (nip: string, month: string) => ({ pk: `EMP#${nip}`, sk: `RESULT#${month}` }),
  paidLedger: (nip: string, month: string, kind: string) => ({
    pk: `EMP#${nip}`,
    sk: `PAID#${month}#${kind}`,
  }),

  run: (runId: string) => ({ pk: `RUN#${runId}`, sk: 'META', gsi2pk: 'RUN', gsi2sk: runId }),
  runs: () => ({ index: 'gsi2' as const, pk: 'RUN' }),
  runChunk: (runId: string, no: number) => ({
    pk: `RUN#${runId}`,
    sk: `CHUNK#${String(no).padStart(5, '0')}`,
  }),
  runChunkPrefix: (runId: string) => ({ pk: `RUN#${runId}`, skPrefix: 'CHUNK#' }),
  slip: (runId: string, nip: string) => ({ pk: `RUN#${runId}`, sk: `SLIP#${nip}` }),
  slipIndexes: (runId: string, opd: string, nip: string) => ({
    gsi1pk: `RUNOPD#${runId}#${opd}`,
    gsi1sk: nip,
  }),
  slipsOfRun: (runId: string) => ({ pk: `RUN#${runId}`, skPrefix: 'SLIP#' }),
  slipsOfRunOpd: (runId: string, opd: string) => ({ index: 'gsi1' as const, pk: `RUNOPD#${runId}#${opd}` }),
  slipError: (runId: string, nip: string) => ({ pk: `RUN#${runId}`, sk: `ERR#${nip}` }),
  slipErrorsOfRun: (runId: string) => ({ pk: `RUN#${runId}`, skPrefix: 'ERR#' }),
  monthLock: (month: string) => ({ pk: `LOCK#${month}`, sk: 'LOCK' }),
  budget: (year: string, opd: string) => ({ pk: `BUDGET#${year}`, sk: `OPD#${opd}` }),
  budgetsOfYear: (year: string) => ({ pk: `BUDGET#${year}` }),
} as const;
