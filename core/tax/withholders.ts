import { checkNitku } from '../employee/identity-numbers';

/**
 * Withholders (pemotong PPh 21) of a tenant: each bendahara with their instansi's NPWP and NITKU
 * (pajak-pelaporan.md §2, §10 `withholders[]`). A tenant has one (a central BUD/BPKAD) or several: per OPD,
 * or one for the gaji lists and others for the TPP (`withholderForList`, §3). Which withholder reports an
 * income follows from the employee's OPD and the list the income was paid on.
 */
export const TAX_LISTS = ['GAJI', 'TPP'] as const;
export type TaxList = (typeof TAX_LISTS)[number];

export interface Bendahara {
  nama: string;
  nip: string;
}

export interface Withholder {
  /** Short id chosen by the tenant (e.g. `BPKAD`, `DISDIK-TPP`): names the withholder in routes and files. */
  id: string;
  name: string;
  /** The instansi's 16-digit NPWP (text: leading zeros kept). */
  npwp: string;
  /** 22 digits: the NPWP + the 6-digit place number (000000 for the head office). */
  nitku: string;
  bendahara: Bendahara;
  /** OPDs whose employees' income this withholder reports; empty = every OPD not named by another one. */
  opds: string[];
  /** Lists it pays: the gaji lists (gaji induk, THR and gaji 13 gaji part) and/or the TPP. */
  lists: TaxList[];
}

/**
 * `TaxCertificate` of a PNS row: ordinary withholding (`N/A`, the recommended default while the tunjangan
 * PPh mechanism applies) or `DTP` where the KPP asks for the facility code (pajak-pelaporan.md §6).
 */
export const DTP_CERTIFICATES = ['N/A', 'DTP'] as const;
/** Which annual form a PPPK receives: open in the reference (§5.1), so the tenant decides with its KPP. */
export const ANNUAL_FORMS = ['A1', 'A2'] as const;

export interface TaxSettings {
  withholders: Withholder[];
  pnsDtpCertificate: (typeof DTP_CERTIFICATES)[number];
  pppkAnnualForm: (typeof ANNUAL_FORMS)[number];
  /** Where the tenant's decisions come from (e.g. "konfirmasi KPP Pratama Bantul, surat …"). */
  source: string;
}

export interface StoredTaxSettings extends TaxSettings {
  version: number;
  updatedAt: string;
  updatedBy: string;
}

export interface TaxIssue {
  /** Relative to the settings object, e.g. `withholders[1].nitku`. */
  path: string;
  message: string;
}

/**
 * Checks what the field schemas cannot see alone: NITKU against its NPWP, unique ids, and that no OPD's
 * list is claimed twice at the same level (two withholders naming the OPD, or two for every OPD).
 */
export function withholderIssues(withholders: readonly Withholder[]): TaxIssue[] {
  const issues: TaxIssue[] = [];
  const ids = new Map<string, number>();
  const claims = new Map<string, number>();
  withholders.forEach((w, i) => {
    const at = `withholders[${i}]`;
    const nitku = checkNitku(w.nitku, w.npwp);
    if (!nitku.ok) issues.push({ path: `${at}.nitku`, message: nitku.reason });
    const seen = ids.get(w.id);
    if (seen !== undefined)
      issues.push({ path: `${at}.id`, message: `id ${w.id} sudah dipakai pemotong ke-${seen + 1}` });
    else ids.set(w.id, i);
    for (const list of w.lists) {
      for (const opd of w.opds.length > 0 ? w.opds : ['*']) {
        const key = `${opd}|${list}`;
        const other = claims.get(key);
        if (other !== undefined) {
          const whom = opd === '*' ? 'semua OPD' : `OPD ${opd}`;
          issues.push({
            path: `${at}.${opd === '*' ? 'lists' : 'opds'}`,
            message: `daftar ${list} ${whom} sudah dilaporkan oleh pemotong ${withholders[other]?.id}`,
          });
        } else claims.set(key, i);
      }
    }
  });
  return issues;
}

/** The withholder of an OPD's list: the one naming the OPD, else the one for every OPD; none = undefined. */
export function withholderFor(
  withholders: readonly Withholder[],
  opd: string,
  list: TaxList,
): Withholder | undefined {
  const forList = withholders.filter((w) => w.lists.includes(list));
  return forList.find((w) => w.opds.includes(opd)) ?? forList.find((w) => w.opds.length === 0);
}
