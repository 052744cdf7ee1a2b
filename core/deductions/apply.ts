import { formatRupiah } from '../pay/format';
import { mulDiv, percentToBp } from '../pay/money';
import type {
  AppliesTo,
  Creditor,
  DeductionEntry,
  DeductionLayer,
  DeductionPolicy,
  DeductionType,
  PercentBase,
} from './model';
import { entryRunsIn, instalmentAmount, instalmentNo, policyInForce, typeInForce } from './schedule';

/**
 * Potongan lain applied to one slip (potongan-lain.md §5):
 * 1. in-list voluntary items (zakat, Bulog) inside their list's potongan, by priority: the SIPD bersih;
 * 2. post-list items by priority, between the SIPD bersih and the bank credit: the take-home.
 * Never negative: each item takes min(due, what is left) and the rest is its arrear, carried to the next
 * month (tenant policy `carryArrears`, default true) with a note on the slip. The tenant's optional caps
 * bound the post-list layer: `maxPostListSharePercent` of each list's SIPD bersih (rounded down to the
 * rupiah: CAP_FLOOR_RUPIAH) and `minTakeHome` on the whole slip. Percent items are rounded down to the
 * rupiah (FLOOR_RUPIAH, §3). Statutory deductions and the kelebihan recovery are already in the slip's
 * bersih, so they come first.
 */

export type ListName = 'GAJI' | 'TPP';

export interface ListFigures {
  /** The list's penghasilan (jumlah kotor). */
  readonly kotor: number;
  /** The list's bersih before potongan lain (statutory items and recoveries already out). */
  readonly bersih: number;
}

export interface ApplyInput {
  readonly month: string;
  /** THR, gaji 13 and other special lists: only post-list types with `appliesToSpecial`. */
  readonly special: boolean;
  readonly lists: { readonly GAJI?: ListFigures; readonly TPP?: ListFigures };
  /** Gaji pokok on the slip (base GAPOK). */
  readonly gajiPokok: number;
  readonly entries: readonly DeductionEntry[];
  readonly types: readonly DeductionType[];
  readonly policy: DeductionPolicy | null;
  /** Arrear each entry carried out of the last paid month (entry id → rupiah). */
  readonly arrears: ReadonlyMap<string, number>;
}

export interface Posting {
  readonly entryId: string;
  readonly typeCode: string;
  readonly typeName: string;
  readonly layer: DeductionLayer;
  readonly category: DeductionType['category'];
  readonly priority: number;
  readonly creditor: Creditor;
  /** The list(s) it was taken from. */
  readonly list: 'GAJI' | 'TPP' | 'GAJI_TPP';
  readonly fromGaji: number;
  readonly fromTpp: number;
  /** This month's own amount (instalment, fixed, percent of the base). */
  readonly scheduled: number;
  /** Arrear carried in from the last paid month. */
  readonly arrearIn: number;
  /** scheduled + arrearIn. */
  readonly due: number;
  readonly taken: number;
  /** due − taken when arrears are carried; 0 when the tenant does not carry them. */
  readonly arrearCarried: number;
  readonly instalmentNo?: number;
  readonly tenor?: number;
  readonly accountRef?: string;
  readonly reference?: { readonly kind: string; readonly number: string; readonly date?: string };
  readonly note?: string;
}

export interface ListResult {
  readonly sipdBersih: number;
  readonly takeHome: number;
}

export interface SlipDeductions {
  /** Σ lists' bersih − Σ in-list taken: the SP2D net of the slip's lists. */
  readonly sipdBersih: number;
  /** sipdBersih − Σ post-list taken: what the bank credits the employee. */
  readonly takeHome: number;
  readonly gaji?: ListResult;
  readonly tpp?: ListResult;
  readonly inList: readonly Posting[];
  readonly postList: readonly Posting[];
  readonly notes: readonly string[];
}

/** The base a PERCENT item is a share of, from the slip's own figures (0 where the list is not on it). */
function baseAmount(base: PercentBase, input: ApplyInput): number {
  const g = input.lists.GAJI;
  const t = input.lists.TPP;
  switch (base) {
    case 'GAPOK':
      return g ? input.gajiPokok : 0;
    case 'GAJI_KOTOR':
      return g?.kotor ?? 0;
    case 'GAJI_BERSIH':
      return g?.bersih ?? 0;
    case 'TPP_BRUTO':
      return t?.kotor ?? 0;
    case 'TPP_BERSIH':
      return t?.bersih ?? 0;
    case 'GAJI_PLUS_TPP':
      return (g?.kotor ?? 0) + (t?.kotor ?? 0);
  }
}

/**
 * The lists an item may be taken from on this slip, in order. BOTH takes from the gaji first; a TPP-only
 * run leaves BOTH items to the gaji run of the month (they are due once a month, not once per list).
 */
function listsFor(appliesTo: AppliesTo, input: ApplyInput): ListName[] {
  const has = (l: ListName) => input.lists[l] !== undefined;
  if (input.special) return (['GAJI', 'TPP'] as const).filter(has);
  if (appliesTo === 'GAJI') return has('GAJI') ? ['GAJI'] : [];
  if (appliesTo === 'TPP') return has('TPP') ? ['TPP'] : [];
  return has('GAJI') ? (['GAJI', 'TPP'] as const).filter(has) : [];
}

interface Due {
  entry: DeductionEntry;
  type: DeductionType;
  lists: ListName[];
  scheduled: number;
  arrearIn: number;
  instalmentNo?: number;
}

export function applyDeductions(input: ApplyInput): SlipDeductions | undefined {
  const notes: string[] = [];
  const dues: Due[] = [];
  for (const entry of input.entries) {
    const arrearIn = entry.status === 'AKTIF' ? (input.arrears.get(entry.id) ?? 0) : 0;
    const runs = entryRunsIn(entry, input.month);
    if (!runs && arrearIn === 0) continue;
    // The version of the type in force this month (a code may have dated versions: a new zakat rate).
    const type = input.types.find((t) => t.code === entry.typeCode && typeInForce(t, input.month));
    if (!type) {
      if (arrearIn > 0 || runs) {
        notes.push(
          `Potongan ${entry.typeCode} tidak dipotong: jenis potongan tidak berlaku pada ${input.month}` +
            (arrearIn > 0 ? ` (tunggakan ${formatRupiah(arrearIn)} tetap tercatat)` : ''),
        );
      }
      continue;
    }
    if (input.special && (type.layer === 'IN_LIST' || !type.appliesToSpecial)) continue;
    const lists = listsFor(type.appliesTo, input);
    if (lists.length === 0) continue;
    let scheduled = 0;
    const no = runs ? instalmentNo(entry, input.month) : undefined;
    if (runs) {
      if (entry.kind === 'FIXED') scheduled = entry.amount ?? 0;
      else if (entry.kind === 'INSTALMENT' && entry.instalment && no !== undefined) {
        scheduled = instalmentAmount(entry.instalment.total, entry.instalment.tenor, no);
      } else if (entry.kind === 'PERCENT') {
        const base = entry.base ?? type.base;
        const pct = entry.percent ?? type.percent;
        if (base && pct !== undefined) {
          const amount = baseAmount(base, input);
          if (type.nisabMonthly !== undefined && amount < type.nisabMonthly) {
            notes.push(
              `${type.name}: dasar ${formatRupiah(amount)} di bawah nisab ${formatRupiah(type.nisabMonthly)}, tidak dipotong bulan ini`,
            );
          } else {
            scheduled = mulDiv(amount, percentToBp(pct), 10_000, 'TRUNCATE');
          }
        }
      }
    }
    if (scheduled + arrearIn <= 0) continue;
    dues.push({ entry, type, lists, scheduled, arrearIn, ...(no !== undefined ? { instalmentNo: no } : {}) });
  }
  if (dues.length === 0 && notes.length === 0) return undefined;
  const order = (a: Due, b: Due) =>
    a.type.priority - b.type.priority ||
    a.type.code.localeCompare(b.type.code) ||
    a.entry.id.localeCompare(b.entry.id);
  const carry = policyInForce(input.policy, input.month)?.carryArrears ?? true;

  // 1. In-list: never more than the list's bersih.
  const left: Record<ListName, number> = {
    GAJI: Math.max(0, input.lists.GAJI?.bersih ?? 0),
    TPP: Math.max(0, input.lists.TPP?.bersih ?? 0),
  };
  const inList = dues
    .filter((d) => d.type.layer === 'IN_LIST')
    .sort(order)
    .map((d) => take(d, left, Number.POSITIVE_INFINITY, carry, notes));
  const sipd: Record<ListName, number> = { ...left };

  // 2. Post-list: each list's cap, and the take-home floor on the whole slip.
  const policy = policyInForce(input.policy, input.month);
  const room: Record<ListName, number> = { GAJI: sipd.GAJI, TPP: sipd.TPP };
  if (policy?.maxPostListSharePercent !== undefined) {
    const bp = percentToBp(policy.maxPostListSharePercent);
    for (const l of ['GAJI', 'TPP'] as const) room[l] = mulDiv(sipd[l], bp, 10_000, 'TRUNCATE');
  }
  const sipdTotal = sipd.GAJI + sipd.TPP;
  let total = policy?.minTakeHome !== undefined ? Math.max(0, sipdTotal - policy.minTakeHome) : sipdTotal;
  const postList = dues
    .filter((d) => d.type.layer === 'POST_LIST')
    .sort(order)
    .map((d) => {
      const p = take(d, room, total, carry, notes);
      total -= p.taken;
      return p;
    });
  const inTaken = (l: ListName) => inList.reduce((s, p) => s + (l === 'GAJI' ? p.fromGaji : p.fromTpp), 0);
  const postTaken = (l: ListName) =>
    postList.reduce((s, p) => s + (l === 'GAJI' ? p.fromGaji : p.fromTpp), 0);
  const listResult = (l: ListName): ListResult | undefined => {
    const figures = input.lists[l];
    if (!figures) return undefined;
    const sipdBersih = figures.bersih - inTaken(l);
    return { sipdBersih, takeHome: sipdBersih - postTaken(l) };
  };
  const gaji = listResult('GAJI');
  const tpp = listResult('TPP');
  const sipdBersih = (gaji?.sipdBersih ?? 0) + (tpp?.sipdBersih ?? 0);
  return {
    sipdBersih,
    takeHome: (gaji?.takeHome ?? 0) + (tpp?.takeHome ?? 0),
    ...(gaji ? { gaji } : {}),
    ...(tpp ? { tpp } : {}),
    inList,
    postList,
    notes,
  };
}

/** Takes min(due, what its lists have left, the slip's room) from its lists in order, and books the rest. */
function take(
  d: Due,
  left: Record<ListName, number>,
  slipRoom: number,
  carry: boolean,
  notes: string[],
): Posting {
  const due = d.scheduled + d.arrearIn;
  let want = Math.min(due, Math.max(0, slipRoom));
  let fromGaji = 0;
  let fromTpp = 0;
  for (const l of d.lists) {
    const x = Math.min(want, left[l]);
    left[l] -= x;
    want -= x;
    if (l === 'GAJI') fromGaji += x;
    else fromTpp += x;
  }
  const taken = fromGaji + fromTpp;
  const short = due - taken;
  let note: string | undefined;
  if (short > 0) {
    note = carry
      ? `${d.type.name}: kurang dipotong ${formatRupiah(short)}, dibawa ke bulan berikutnya sebagai tunggakan`
      : `${d.type.name}: kurang dipotong ${formatRupiah(short)}, tidak dibawa (kebijakan daerah); dilaporkan kepada ${d.type.creditor.name}`;
    notes.push(note);
  }
  const e = d.entry;
  return {
    entryId: e.id,
    typeCode: d.type.code,
    typeName: d.type.name,
    layer: d.type.layer,
    category: d.type.category,
    priority: d.type.priority,
    creditor: d.type.creditor,
    list: d.lists.length === 2 ? 'GAJI_TPP' : (d.lists[0] as ListName),
    fromGaji,
    fromTpp,
    scheduled: d.scheduled,
    arrearIn: d.arrearIn,
    due,
    taken,
    arrearCarried: carry ? short : 0,
    ...(d.instalmentNo !== undefined ? { instalmentNo: d.instalmentNo } : {}),
    ...(e.kind === 'INSTALMENT' && e.instalment ? { tenor: e.instalment.tenor } : {}),
    ...(e.accountRef ? { accountRef: e.accountRef } : {}),
    reference: {
      kind: e.reference.kind,
      number: e.reference.number,
      ...(e.reference.date ? { date: e.reference.date } : {}),
    },
    ...(note ? { note } : {}),
  };
}

/** Arrears carried out of a month's postings (one entry may be posted on more than one list's record). */
export function arrearsOf(postings: readonly Posting[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const p of postings) {
    if (p.arrearCarried > 0) out.set(p.entryId, (out.get(p.entryId) ?? 0) + p.arrearCarried);
  }
  return out;
}
