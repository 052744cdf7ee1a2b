import type { TimelineAspect } from '../../core/employee/employee';

/**
 * Every key of the tenant table is built here and nowhere else.
 *
 * | item                | pk                    | sk                          | gsi1 (by OPD)          | gsi2 (by kind)            | gsi3 (by atasan)      |
 * |---------------------|-----------------------|-----------------------------|------------------------|---------------------------|-----------------------|
 * | employee (current)  | EMP#<nip>             | CURRENT                     | OPD#<opd> / <nip>      | EMP / <nip>               | ATASAN#<nip> / <nip>  |
 * | employee timeline   | EMP#<nip>             | TL#<aspect>#<from>          |                        |                           |                       |
 * | audit record        | AUDIT#<type>#<id>     | <at>#<requestId>#<n>        |                        | AUDIT#<type> / <at>#…     |                       |
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
} as const;
