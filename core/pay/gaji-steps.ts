import type { GajiGridIndex, NationalRules } from '../rulesets/national-in-force';
import { formatBp, formatRupiah } from './format';
import { type GajiPokokLookup, gajiPokokReceived, lookupGajiPokok } from './gaji-pokok';
import { BoundedMemo, perObject } from './memo';
import { BP_PER_UNIT } from './money';
import { inputCitation, type PayContext } from './pay-context';
import { type LineBasis, type LineHead, lineHead, traceStep } from './slip-builder';
import { type TunjanganBerasResult, tunjanganBeras } from './tunjangan-beras';
import { golonganGroup, type TunjanganJabatanKind, tunjanganJabatan } from './tunjangan-jabatan';
import { jiwaTunjanganBeras, type TunjanganKeluargaResult, tunjanganKeluarga } from './tunjangan-keluarga';
import type { Citation, EmployeeSnapshot, TraceStep } from './types';

/** A grid row as one employee meets it: the lookup and its texts, shared by everyone on the same row. */
interface GajiPokokRow {
  readonly found: GajiPokokLookup;
  readonly detail: string;
  readonly text: string;
  readonly basis: Readonly<Record<string, string | number>>;
}

/** MKG years worth a memo slot; anything else (never seen in data) is looked up afresh. */
const MEMO_MKG_YEARS = 64;
const gajiPokokRows = perObject(
  (_grid: GajiGridIndex) => new BoundedMemo<string, (GajiPokokRow | undefined)[]>(),
);

function gajiPokokRow(employee: EmployeeSnapshot, grid: GajiGridIndex): GajiPokokRow {
  const { golongan, mkgYears } = employee;
  const memoable = Number.isInteger(mkgYears) && mkgYears >= 0 && mkgYears < MEMO_MKG_YEARS;
  const rows = memoable ? gajiPokokRows(grid) : undefined;
  const byMkg = rows?.get(golongan);
  const memoised = byMkg?.[mkgYears];
  if (memoised) return memoised;
  const found = lookupGajiPokok(employee, grid);
  const row: GajiPokokRow = {
    found,
    detail: `${golongan} baris MKG ${found.stepMkg}`,
    text: `Gaji pokok ${golongan} MKG ${mkgYears} tahun (baris MKG ${found.stepMkg}): ${formatRupiah(found.amount)}`,
    basis: { golongan, mkgYears, stepMkg: found.stepMkg, tableAmount: found.amount },
  };
  if (rows) (byMkg ?? rows.set(golongan, new Array(MEMO_MKG_YEARS)))[mkgYears] = row;
  return row;
}

const GAJI_POKOK_LINE = lineHead('GAJI', 'PENGHASILAN', 'gaji-pokok.lookup', 'GAJI_POKOK', 'Gaji pokok');

/** Step 2: gaji pokok from the dated grid; CPNS 80% and the status factor reduce it. */
export function gajiPokokStep(ctx: PayContext): number {
  const { employee, nat, slip } = ctx;
  const grid = employee.jenisAsn === 'PPPK' ? nat.gajiPokokPppk : nat.gajiPokokPns;
  const row = gajiPokokRow(employee, grid.value);
  const { found } = row;
  slip.step('gajiPokok.table', 'gaji-pokok.lookup', found.amount, row.detail, grid.citation);
  const statusBp = nat.statusBp.value[employee.status] ?? BP_PER_UNIT;
  if (employee.jenisAsn !== 'CPNS' && statusBp === BP_PER_UNIT) {
    return slip.add(GAJI_POKOK_LINE, found.amount, grid.citation, row.basis);
  }
  const reduced = reducedRow(nat, row, employee, statusBp);
  slip.record(reduced.step);
  return slip.add(GAJI_POKOK_LINE, reduced.amount, grid.citation, reduced.basis);
}

/** A grid row reduced by the CPNS share and/or a status factor: amount, basis and trace step. */
interface ReducedRow {
  readonly amount: number;
  readonly basis: LineBasis;
  readonly step: TraceStep;
}

/** Per month's rules, the plain CPNS reduction of each row: every CPNS on the row shares it. */
const cpnsRows = perObject((_nat: NationalRules) => new WeakMap<GajiPokokRow, ReducedRow>());

function reducedRow(
  nat: NationalRules,
  row: GajiPokokRow,
  employee: EmployeeSnapshot,
  statusBp: number,
): ReducedRow {
  const cpns = employee.jenisAsn === 'CPNS';
  const byStatus = statusBp !== BP_PER_UNIT;
  const memo = cpns && !byStatus ? cpnsRows(nat) : undefined;
  const memoised = memo?.get(row);
  if (memoised) return memoised;
  // The basis names each factor applied, in the order applied (absent ones undefined: one shape).
  const factors: number[] = [];
  let text = row.text;
  if (cpns) {
    factors.push(nat.cpnsBp.value);
    text += ` × ${formatBp(nat.cpnsBp.value)} (CPNS)`;
  }
  if (byStatus) {
    factors.push(statusBp);
    text += ` × ${formatBp(statusBp)} (${employee.status})`;
  }
  const { found } = row;
  const amount = gajiPokokReceived(found.amount, factors);
  const reduced: ReducedRow = {
    amount,
    basis: {
      golongan: employee.golongan,
      mkgYears: employee.mkgYears,
      stepMkg: found.stepMkg,
      tableAmount: found.amount,
      cpnsBp: cpns ? nat.cpnsBp.value : undefined,
      statusBp: byStatus ? statusBp : undefined,
      status: byStatus ? employee.status : undefined,
    } as LineBasis,
    step: traceStep(
      'gajiPokok.reduced',
      'gaji-pokok.factors',
      amount,
      text,
      cpns ? nat.cpnsBp.citation : nat.statusBp.citation,
    ),
  };
  memo?.set(row, reduced);
  return reduced;
}

type KeluargaRules = NationalRules['keluarga']['value'];

/** The bases that follow from one gaji pokok: suami/istri, and anak per children paid and listed. */
interface KeluargaBases {
  readonly suamiIstri: Readonly<Record<string, number>>;
  /** At `children × MEMO_LISTED + childrenListed`; filled with undefined so it has no holes. */
  readonly anak: (Readonly<Record<string, number>> | undefined)[];
}

const keluargaMemos = perObject((_rules: KeluargaRules) => ({
  byGajiPokok: new BoundedMemo<number, KeluargaBases>(),
  details: [[], []] as (string | undefined)[][],
}));

/** Both allowances are fixed rates of the gaji pokok, so it alone keys their bases. */
function keluargaBasesFor(rules: KeluargaRules, gajiPokok: number): KeluargaBases {
  const memo = keluargaMemos(rules).byGajiPokok;
  return (
    memo.get(gajiPokok) ??
    memo.set(gajiPokok, {
      suamiIstri: { gajiPokok, rateBp: rules.suamiIstriBp },
      anak: new Array(MEMO_PAID * MEMO_LISTED).fill(undefined),
    })
  );
}

/** Bases kept per gaji pokok: up to 3 children paid of up to 7 listed (anything else is built afresh). */
const MEMO_PAID = 4;
const MEMO_LISTED = 8;

function anakBasis(
  rules: KeluargaRules,
  bases: KeluargaBases,
  gajiPokok: number,
  children: number,
  childrenListed: number,
): Readonly<Record<string, number>> {
  if (children >= MEMO_PAID || childrenListed >= MEMO_LISTED) {
    return { gajiPokok, rateBp: rules.anakBp, children, childrenListed };
  }
  const at = children * MEMO_LISTED + childrenListed;
  let basis = bases.anak[at];
  if (!basis) {
    basis = { gajiPokok, rateBp: rules.anakBp, children, childrenListed };
    bases.anak[at] = basis;
  }
  return basis;
}

function keluargaDetail(rules: KeluargaRules, isHolder: boolean, anakCount: number): string {
  const details = keluargaMemos(rules).details[isHolder ? 1 : 0] as (string | undefined)[];
  let detail = details[anakCount];
  if (detail === undefined) {
    detail = `pemegang tunjangan: ${isHolder ? 'ya' : 'tidak'}; anak dibayar ${anakCount}`;
    details[anakCount] = detail;
  }
  return detail;
}

const SUAMI_ISTRI_LINE = lineHead(
  'GAJI',
  'PENGHASILAN',
  'tunjangan-keluarga.suami-istri',
  'TUNJ_SUAMI_ISTRI',
  'Tunjangan suami/istri',
);
const ANAK_LINE = lineHead('GAJI', 'PENGHASILAN', 'tunjangan-keluarga.anak', 'TUNJ_ANAK', 'Tunjangan anak');

/** Step 3: tunjangan suami/istri and anak. */
export function keluargaStep(ctx: PayContext, gajiPokok: number): TunjanganKeluargaResult {
  const { employee, nat, slip } = ctx;
  const rules = nat.keluarga.value;
  const result = tunjanganKeluarga({ gajiPokok, family: employee.family, monthIndex: ctx.monthIdx }, rules);
  slip.step(
    'tunjanganKeluarga',
    'tunjangan-keluarga',
    result.suamiIstri + result.anak,
    keluargaDetail(rules, result.isHolder, result.anakCount),
    nat.keluarga.citation,
  );
  const receivesSuamiIstri = employee.family.spouse?.receivesAllowanceHere;
  if (!receivesSuamiIstri && result.anakCount === 0) return result;
  const bases = keluargaBasesFor(rules, gajiPokok);
  if (receivesSuamiIstri) {
    slip.add(SUAMI_ISTRI_LINE, result.suamiIstri, nat.keluarga.citation, bases.suamiIstri);
  }
  if (result.anakCount > 0) {
    const listed = employee.family.children.length;
    const basis = anakBasis(rules, bases, gajiPokok, result.anakCount, listed);
    slip.add(ANAK_LINE, result.anak, nat.keluarga.citation, basis);
  }
  return result;
}

const JABATAN_RULE = {
  STRUKTURAL: 'tunjangan-jabatan.struktural',
  FUNGSIONAL: 'tunjangan-jabatan.fungsional',
  UMUM: 'tunjangan-jabatan.umum',
  NONE: 'tunjangan-jabatan.none',
} as const;

const JABATAN_LINE: Readonly<Record<Exclude<TunjanganJabatanKind, 'NONE'>, LineHead>> = {
  STRUKTURAL: lineHead(
    'GAJI',
    'PENGHASILAN',
    JABATAN_RULE.STRUKTURAL,
    'TUNJ_STRUKTURAL',
    'Tunjangan jabatan struktural',
  ),
  FUNGSIONAL: lineHead(
    'GAJI',
    'PENGHASILAN',
    JABATAN_RULE.FUNGSIONAL,
    'TUNJ_FUNGSIONAL',
    'Tunjangan jabatan fungsional',
  ),
  UMUM: lineHead('GAJI', 'PENGHASILAN', JABATAN_RULE.UMUM, 'TUNJ_UMUM', 'Tunjangan umum'),
};

/** Everything jabatanStep writes for one jabatan and golongan: the same for every holder of both. */
interface JabatanEntry {
  readonly kind: TunjanganJabatanKind;
  readonly amount: number;
  readonly from: string;
  readonly citation: Citation | undefined;
  readonly basis: Readonly<Record<string, string>>;
  readonly step: TraceStep;
}

/** Per golongan, then per eselon, fungsional code/jenjang, or pelaksana (by jenis ASN). */
interface JabatanEntries {
  readonly struktural: Map<string, JabatanEntry>;
  readonly fungsional: Map<string, Map<string, JabatanEntry>>;
  readonly pelaksana: Map<string, JabatanEntry>;
}

const jabatanEntries = perObject((_nat: NationalRules) => new BoundedMemo<string, JabatanEntries>());

function jabatanEntry(ctx: PayContext): JabatanEntry {
  const { employee } = ctx;
  const { jabatan } = employee;
  // An amount from the SK is the employee's own: nothing to share.
  if (jabatan.type === 'FUNGSIONAL' && jabatan.amount !== undefined) return buildJabatanEntry(ctx);
  const memo = jabatanEntries(ctx.nat);
  const entries =
    memo.get(employee.golongan) ??
    memo.set(employee.golongan, { struktural: new Map(), fungsional: new Map(), pelaksana: new Map() });
  let byKey: Map<string, JabatanEntry>;
  let key: string;
  if (jabatan.type === 'STRUKTURAL') {
    byKey = entries.struktural;
    key = jabatan.eselon;
  } else if (jabatan.type === 'FUNGSIONAL') {
    byKey = entries.fungsional.get(jabatan.code) ?? new Map();
    if (byKey.size === 0) entries.fungsional.set(jabatan.code, byKey);
    key = jabatan.jenjang;
  } else {
    byKey = entries.pelaksana;
    key = employee.jenisAsn;
  }
  let entry = byKey.get(key);
  if (!entry) {
    entry = buildJabatanEntry(ctx);
    byKey.set(key, entry);
  }
  return entry;
}

function buildJabatanEntry(ctx: PayContext): JabatanEntry {
  const { employee, nat, input } = ctx;
  const result = tunjanganJabatan(employee, {
    struktural: nat.tunjanganStruktural.value,
    fungsional: nat.tunjanganFungsionalTables,
    umum: nat.tunjanganUmum.value,
  });
  const basis = { source: result.from, golonganGroup: golonganGroup(employee.golongan) };
  // Written out field by field: a spread gives every entry its own hidden class, and jabatanStep's reads
  // of them went megamorphic.
  if (result.kind === 'NONE') {
    return {
      kind: result.kind,
      amount: result.amount,
      from: result.from,
      citation: undefined,
      basis,
      step: traceStep('tunjanganJabatan', 'tunjangan-jabatan', 0, result.from),
    };
  }
  const jabatan = employee.jabatan;
  const citation =
    result.kind === 'STRUKTURAL'
      ? nat.tunjanganStruktural.citation
      : result.kind === 'UMUM'
        ? nat.tunjanganUmum.citation
        : result.from === 'input' || jabatan.type !== 'FUNGSIONAL'
          ? inputCitation(
              'input.employee.jabatan.amount',
              'Jumlah tunjangan fungsional pada data jabatan pegawai',
              input.month,
            )
          : (nat.tunjanganFungsional.get(jabatan.code)?.citation ??
            inputCitation('input.employee.jabatan', 'Tunjangan fungsional', input.month));
  return {
    kind: result.kind,
    amount: result.amount,
    from: result.from,
    citation,
    basis,
    step: traceStep('tunjanganJabatan', JABATAN_RULE[result.kind], result.amount, result.from, citation),
  };
}

/** Step 4: exactly one of tunjangan struktural, fungsional or umum. */
export function jabatanStep(ctx: PayContext): number {
  const { slip } = ctx;
  const entry = jabatanEntry(ctx);
  slip.record(entry.step);
  if (entry.kind === 'NONE') return 0;
  const head = JABATAN_LINE[entry.kind];
  slip.add(head, entry.amount, entry.citation as Citation, entry.basis);
  return entry.amount;
}

/** Everything berasStep writes for a number of jiwa. */
interface BerasEntry {
  readonly result: TunjanganBerasResult;
  readonly step: TraceStep;
  readonly basis: Readonly<Record<string, number>>;
}

const berasEntries = perObject((_nat: NationalRules) => new BoundedMemo<number, BerasEntry>());

const BERAS_LINE = lineHead('GAJI', 'PENGHASILAN', 'tunjangan-beras', 'TUNJ_BERAS', 'Tunjangan beras');

/** Step 5: tunjangan beras per jiwa. */
export function berasStep(ctx: PayContext, keluarga: TunjanganKeluargaResult): number {
  const { employee, nat, slip } = ctx;
  const jiwa = jiwaTunjanganBeras(employee.family, keluarga);
  const memo = berasEntries(nat);
  let entry = memo.get(jiwa);
  if (!entry) {
    const perJiwa = nat.berasPerJiwa.value;
    const result = tunjanganBeras({ jiwa }, { rupiahPerJiwa: perJiwa, maxJiwa: nat.berasMaxJiwa.value });
    entry = memo.set(jiwa, {
      result,
      step: traceStep(
        'tunjanganBeras',
        'tunjangan-beras',
        result.amount,
        `${result.jiwaPaid} jiwa`,
        nat.berasPerJiwa.citation,
      ),
      basis: {
        jiwa: result.jiwa,
        jiwaPaid: result.jiwaPaid,
        rupiahPerJiwa: perJiwa,
        maxJiwa: nat.berasMaxJiwa.value,
      },
    });
  }
  const { result } = entry;
  slip.record(entry.step);
  slip.add(BERAS_LINE, result.amount, nat.berasPerJiwa.citation, entry.basis);
  return result.amount;
}
