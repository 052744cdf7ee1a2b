import type { TerCategory } from '../rulesets/national-in-force';
import type { InForce } from '../rulesets/rules-in-force';
import type { TenantRules } from '../rulesets/tenant-in-force';
import { PayDataError } from './errors';
import { formatBp, formatRupiah } from './format';
import { mulDiv } from './money';
import { openingBalanceIssues, openingBalancePeriod } from './opening-balance';
import type { PayContext } from './pay-context';
import { pembulatan } from './pembulatan';
import { type LastMasaResult, pph21LastMasa, pph21Ter } from './pph21';
import { type LineBasis, type LineHead, lineHead } from './slip-builder';
import type { TppPaid } from './tpp-steps';
import { golonganGroup } from './tunjangan-jabatan';
import type { Citation, LineGroup, TaxYearToDate } from './types';

export interface GajiBruto {
  /** gaji pokok + tunjangan keluarga + jabatan + beras: the fixed income of the gaji list. */
  readonly fixedIncome: number;
  readonly premiums: number;
  readonly iuranPensiun: number;
}

const NO_PPH_LINES = ['TUNJ_PPH21', 'POT_PPH21'] as const;
const BRUTO_WITH_PREMIUMS = 'bruto gaji + TPP dibayar bulan ini; iuran pemberi kerja termasuk';
const BRUTO_WITHOUT_PREMIUMS = 'bruto gaji + TPP dibayar bulan ini; iuran pemberi kerja tidak termasuk';

/**
 * What this month adds to the tax year: the last masa sums these over January … November, so a
 * payroll keeps them per employee and month (the paid ledger).
 */
export interface TaxFacts {
  readonly brutoGaji: number;
  readonly brutoTpp: number;
  readonly pphGaji: number;
  readonly pphTpp: number;
  readonly iuranPensiun: number;
}

/** Steps 8–10: pembulatan and PPh 21 on gaji (+ the TPP paid this month), in the order the bearer demands. */
export function taxAndPembulatanStep(
  ctx: PayContext,
  gaji: GajiBruto | undefined,
  tpp: TppPaid | undefined,
  isLastMasa: boolean,
): TaxFacts {
  const { employee, nat, ten, slip, input } = ctx;
  const governmentBorne =
    employee.jenisAsn === 'PPPK' ? ten.pppkPphBorneBy.value === 'GOVERNMENT' : nat.pnsDtp.value;
  const bearerRule: InForce<unknown> = employee.jenisAsn === 'PPPK' ? ten.pppkPphBorneBy : nat.pnsDtp;
  const premiumsInBruto = ten.terIncludesEmployerPremiums.value;

  // Government-borne PPh: tunjangan PPh = potongan PPh, so pembulatan can come first and is in the bruto.
  let pembulatanAmount = 0;
  if (gaji && governmentBorne) pembulatanAmount = addPembulatan(ctx, 'BEFORE_PPH');
  const brutoGaji = gaji ? gaji.fixedIncome + (premiumsInBruto ? gaji.premiums : 0) + pembulatanAmount : 0;
  const tppMode = ten.tppPph.value;
  const tppInTer = tpp !== undefined && tppMode.mode !== 'FLAT_BY_GOLONGAN';
  const brutoTpp = tpp && tppInTer ? tpp.amount + (premiumsInBruto ? tpp.premium : 0) : 0;
  const category = nat.terCategory.value[employee.ptkpStatus];
  const surchargeBp = employee.hasNpwp ? 0 : nat.noNpwpSurchargeBp.value;
  slip.step(
    'pph21.bruto',
    'pph21.ter-bruto',
    brutoGaji + brutoTpp,
    premiumsInBruto ? BRUTO_WITH_PREMIUMS : BRUTO_WITHOUT_PREMIUMS,
    ten.terIncludesEmployerPremiums.citation,
  );

  const tppBorne = tppMode.mode === 'APBD_BORNE';
  // Each basis holds every figure its lines' explanation prints (see explainLine).
  let pphGaji: number;
  let pphTpp = 0;
  let gajiBasis: LineBasis;
  let tppBasis: LineBasis | undefined;
  let citation: Citation;
  if (isLastMasa) {
    const last = lastMasa(ctx, brutoGaji, brutoTpp, gaji?.iuranPensiun ?? 0);
    const opening = input.openingBalance;
    // The TPP share is reconciled whenever TPP was taxed this year: paid now, or withheld or paid before.
    const tppBefore =
      (input.taxYtd?.pphTpp ?? 0) + (opening?.pphTpp ?? 0) > 0 ||
      (input.taxYtd?.brutoTpp ?? 0) + (opening?.brutoTpp ?? 0) > 0;
    pphGaji = last.gaji;
    pphTpp = tppMode.mode !== 'FLAT_BY_GOLONGAN' && (tppInTer || tppBefore) ? last.tpp : 0;
    gajiBasis = {
      pph: pphGaji,
      governmentBorne,
      method: 'LAST_MASA',
      pphSetahun: last.gajiOnly.pphSetahun,
      withheld: last.gajiOnly.pphSetahun - last.gaji,
      // With a saldo awal, "dipotong" is printed as its two sources (explainLine reads this key).
      ...(opening ? { withheldOpening: opening.pphGaji } : {}),
    };
    tppBasis = {
      pph: pphTpp,
      governmentBorne: tppBorne,
      method: 'LAST_MASA',
      pphSetahun: last.all.pphSetahun,
      pphSetahunGaji: last.gajiOnly.pphSetahun,
      withheld: (input.taxYtd?.pphTpp ?? 0) + (opening?.pphTpp ?? 0),
      lastMasaPph: last.tpp,
      ...(opening ? { withheldOpening: opening.pphTpp } : {}),
    };
    citation = nat.pasal17.citation;
  } else {
    const ter = pph21Ter({ bruto: brutoGaji, category, surchargeBp }, nat.ter.value);
    pphGaji = ter.amount;
    gajiBasis = {
      pph: pphGaji,
      governmentBorne,
      method: 'TER',
      category,
      rateBp: ter.rateBp,
      bruto: brutoGaji,
    };
    if (tppInTer) {
      const all = pph21Ter({ bruto: brutoGaji + brutoTpp, category, surchargeBp }, nat.ter.value);
      pphTpp = all.amount - ter.amount;
      tppBasis = {
        pph: pphTpp,
        governmentBorne: tppBorne,
        method: 'TER',
        category,
        rateBp: all.rateBp,
        bruto: brutoGaji + brutoTpp,
        pphAll: all.amount,
        pphGaji: ter.amount,
      };
      slip.step(
        'pph21.tpp.ter',
        'pph21.ter',
        all.amount,
        terDetail(true, category, all.rateBp),
        nat.ter.citation,
      );
    }
    citation = nat.ter.citation;
    slip.step(
      'pph21.gaji.ter',
      'pph21.ter',
      pphGaji,
      terDetail(false, category, ter.rateBp),
      nat.ter.citation,
    );
  }
  if (surchargeBp > 0)
    slip.step(
      'pph21.noNpwp',
      'pph21.no-npwp',
      surchargeBp,
      'tanpa NPWP: tarif dinaikkan',
      nat.noNpwpSurchargeBp.citation,
    );
  if (tpp && tppMode.mode === 'FLAT_BY_GOLONGAN') {
    const group =
      employee.jenisAsn === 'PPPK'
        ? golonganGroup(nat.pppkGridEquivalentPns.value[employee.golongan] ?? 'I')
        : golonganGroup(employee.golongan);
    const bp = tppMode.bpByGolongan[group] ?? 0;
    const base = tpp.amount - tpp.bpjsEmployee;
    pphTpp = mulDiv(base, bp, 10_000, 'TRUNCATE');
    tppBasis = {
      pph: pphTpp,
      governmentBorne: tppBorne,
      method: 'FLAT',
      golonganGroup: group,
      rateBp: bp,
      tpp: tpp.amount,
      bpjsEmployee: tpp.bpjsEmployee,
    };
  }

  if (gaji) {
    addPphLines(ctx, 'GAJI', pphGaji, governmentBorne, gajiBasis, citation, bearerRule);
    if (!governmentBorne) addPembulatan(ctx, 'AFTER_PPH');
  }
  if (tpp || pphTpp !== 0) {
    // A TPP paid this month is taxed by TER or flat, and a last masa always reconciles: never reached.
    if (!tppBasis) throw new Error('PPh on TPP without a basis');
    addPphLines(
      ctx,
      'TPP',
      pphTpp,
      tppBorne,
      tppBasis,
      tppMode.mode === 'FLAT_BY_GOLONGAN' ? ten.tppPph.citation : citation,
      ten.tppPph,
    );
  }
  return { brutoGaji, brutoTpp, pphGaji, pphTpp, iuranPensiun: gaji?.iuranPensiun ?? 0 };
}

/** The trace's `PPh 21 TER A: 1,5% × bruto gaji`, and its TPP twin (the step's value is the amount). */
function terDetail(forTpp: boolean, category: TerCategory, rateBp: number): string {
  return forTpp
    ? `PPh 21 atas TPP: TER ${category} ${formatBp(rateBp)} × bruto gaji + TPP − PPh gaji`
    : `PPh 21 TER ${category}: ${formatBp(rateBp)} × bruto gaji`;
}

function lastMasa(
  ctx: PayContext,
  brutoGaji: number,
  brutoTpp: number,
  iuranPensiun: number,
): LastMasaResult {
  const { input, nat, employee, slip } = ctx;
  const ytd = input.taxYtd;
  if (!ytd) throw new PayDataError('taxYtd', 'the last masa needs the year-to-date tax facts');
  // The months SIGAP paid (the ledger) and the saldo awal from before SIGAP make up the year together.
  const before = ytdWithOpeningBalance(ctx, ytd);
  const monthsWorked = before.monthsWorked + 1;
  const deductible = nat.iuranPensiunDeductible.value;
  const result = pph21LastMasa(
    {
      brutoGajiSetahun: before.brutoGaji + brutoGaji,
      brutoTppSetahun: before.brutoTpp + brutoTpp,
      iuranPensiunSetahun: deductible ? before.iuranPensiun + iuranPensiun : 0,
      monthsWorked,
      ptkpStatus: employee.ptkpStatus,
      pphGajiWithheld: before.pphGaji,
      pphTppWithheld: before.pphTpp,
    },
    {
      biayaJabatan: nat.biayaJabatan.value,
      ptkp: nat.ptkp.value,
      pkpUnit: nat.pkpUnit.value,
      pasal17: nat.pasal17.value,
      surchargeBp: employee.hasNpwp ? 0 : nat.noNpwpSurchargeBp.value,
    },
  );
  const a = result.all;
  slip.step('pph21.annual.bruto', 'pph21.last-masa', a.brutoSetahun, 'bruto setahun (gaji + TPP)');
  slip.step(
    'pph21.annual.biayaJabatan',
    'pph21.biaya-jabatan',
    a.biayaJabatan,
    `min(${formatBp(nat.biayaJabatan.value.bp)} × bruto, ${formatRupiah(nat.biayaJabatan.value.maxPerMonth)} × ${monthsWorked} bulan)`,
    nat.biayaJabatan.citation,
  );
  slip.step(
    'pph21.annual.iuranPensiun',
    'pph21.iuran-pensiun',
    a.iuranPensiun,
    'iuran pensiun/THT setahun',
    nat.iuranPensiunDeductible.citation,
  );
  slip.step(
    'pph21.annual.pkp',
    'pph21.pkp',
    a.pkp,
    `neto ${formatRupiah(a.neto)} − PTKP ${formatRupiah(a.ptkp)}, dibulatkan ke bawah ribuan`,
    nat.pkpUnit.citation,
  );
  slip.step('pph21.annual.pph', 'pph21.pasal17', a.pphSetahun, 'PPh setahun Pasal 17', nat.pasal17.citation);
  slip.step(
    'pph21.annual.gajiOnly',
    'pph21.pasal17',
    result.gajiOnly.pphSetahun,
    'PPh setahun atas gaji saja',
    nat.pasal17.citation,
  );
  return result;
}

const OPENING_BALANCE_LINE = lineHead(
  'GAJI',
  'INFORMASI',
  'pph21.saldo-awal',
  'INFO_SALDO_AWAL_PPH21',
  'Saldo awal tahun pajak (sebelum SIGAP)',
);

/**
 * January … the month before as one sum: SIGAP's own months (`taxYtd`, from the paid ledger) plus the
 * saldo awal of the months before SIGAP. The saldo awal is checked here too (the engine is the last
 * guard against counting a month twice) and shown on the slip as its own line, with its source.
 */
function ytdWithOpeningBalance(ctx: PayContext, ytd: TaxYearToDate): TaxYearToDate {
  const { input, slip, nat, monthIdx } = ctx;
  const ob = input.openingBalance;
  if (!ob) return ytd;
  const year = Math.floor(monthIdx / 12);
  const payMonth = (monthIdx % 12) + 1;
  if (ob.year !== year) {
    throw new PayDataError('openingBalance.year', `saldo awal ${ob.year} is not for tax year ${year}`);
  }
  const issue = openingBalanceIssues(ob)[0];
  if (issue) throw new PayDataError(`openingBalance.${issue.field}`, issue.message);
  if (ob.lastMonth >= payMonth) {
    throw new PayDataError(
      'openingBalance.lastMonth',
      `saldo awal covers month ${ob.lastMonth}, not before the pay month ${payMonth}`,
    );
  }
  if (ytd.monthsWorked + ob.monthsWorked + 1 > 12) {
    throw new PayDataError(
      'openingBalance.monthsWorked',
      `${ob.monthsWorked} months of saldo awal + ${ytd.monthsWorked} paid by SIGAP + this month exceed 12`,
    );
  }
  slip.step(
    'pph21.annual.openingBalance',
    'pph21.saldo-awal',
    ob.brutoGaji + ob.brutoTpp,
    `saldo awal ${openingBalancePeriod(ob)} (${ob.monthsWorked} bulan): bruto, iuran pensiun dan PPh dipotong sebelum SIGAP`,
    nat.pasal17.citation,
  );
  slip.add(OPENING_BALANCE_LINE, ob.pphGaji + ob.pphTpp, nat.pasal17.citation, {
    year: ob.year,
    firstMonth: ob.firstMonth,
    lastMonth: ob.lastMonth,
    monthsWorked: ob.monthsWorked,
    brutoGaji: ob.brutoGaji,
    brutoTpp: ob.brutoTpp,
    iuranPensiun: ob.iuranPensiun,
    pphGaji: ob.pphGaji,
    pphTpp: ob.pphTpp,
    source: ob.source,
  });
  return {
    brutoGaji: ytd.brutoGaji + ob.brutoGaji,
    brutoTpp: ytd.brutoTpp + ob.brutoTpp,
    pphGaji: ytd.pphGaji + ob.pphGaji,
    pphTpp: ytd.pphTpp + ob.pphTpp,
    iuranPensiun: ytd.iuranPensiun + ob.iuranPensiun,
    monthsWorked: ytd.monthsWorked + ob.monthsWorked,
  };
}

/** The trace's name for the rounding (the step's value is the amount; the line's basis has the figures). */
const PEMBULATAN_DETAIL = {
  NET: { BEFORE_PPH: 'pembulatan bersih sebelum PPh', AFTER_PPH: 'pembulatan bersih setelah PPh' },
  GROSS: { BEFORE_PPH: 'pembulatan kotor sebelum PPh', AFTER_PPH: 'pembulatan kotor setelah PPh' },
} as const;

const PEMBULATAN_NET_LINE = lineHead('GAJI', 'PENGHASILAN', 'pembulatan.net', 'PEMBULATAN', 'Pembulatan');
const PEMBULATAN_GROSS_LINE: LineHead = { ...PEMBULATAN_NET_LINE, ruleId: 'pembulatan.gross' };

function addPembulatan(ctx: PayContext, when: 'BEFORE_PPH' | 'AFTER_PPH'): number {
  const { slip, ten, nat } = ctx;
  const target = ten.pembulatanTarget.value;
  const base =
    target === 'NET'
      ? slip.sum('GAJI', 'PENGHASILAN') - slip.sum('GAJI', 'POTONGAN')
      : slip.sum('GAJI', 'PENGHASILAN', NO_PPH_LINES);
  const amount = pembulatan({ target: base }, { unit: nat.pembulatanUnit.value });
  const head = target === 'NET' ? PEMBULATAN_NET_LINE : PEMBULATAN_GROSS_LINE;
  slip.step(
    'pembulatan',
    head.ruleId,
    amount,
    PEMBULATAN_DETAIL[target][when],
    ten.pembulatanTarget.citation,
  );
  slip.add(head, amount, nat.pembulatanUnit.citation, { target, when, base, unit: nat.pembulatanUnit.value });
  return amount;
}

/** The heads of the PPh lines of one list; the potongan's rule depends on the tenant's TPP mode. */
interface PphHeads {
  readonly info: LineHead;
  readonly tunj: LineHead;
  readonly pot: Readonly<Record<TppPphMode, LineHead>>;
}

type TppPphMode = TenantRules['tppPph']['value']['mode'];

function pphHeads(
  group: LineGroup,
  names: {
    readonly info: readonly [string, string];
    readonly tunj: readonly [string, string];
    readonly pot: readonly [string, string];
  },
  potRules: Readonly<Record<TppPphMode, string>>,
): PphHeads {
  const pot = (ruleId: string) => lineHead(group, 'POTONGAN', ruleId, names.pot[0], names.pot[1]);
  return {
    info: lineHead(group, 'INFORMASI', 'pph21.dtp-negative.zero-both', names.info[0], names.info[1]),
    tunj: lineHead(group, 'PENGHASILAN', 'pph21.ditanggung-pemerintah', names.tunj[0], names.tunj[1]),
    pot: {
      EMPLOYEE_BORNE_DIFFERENCE: pot(potRules.EMPLOYEE_BORNE_DIFFERENCE),
      APBD_BORNE: pot(potRules.APBD_BORNE),
      FLAT_BY_GOLONGAN: pot(potRules.FLAT_BY_GOLONGAN),
    },
  };
}

const GAJI_PPH = pphHeads(
  'GAJI',
  {
    info: ['INFO_PPH21_LEBIH_POTONG', 'Lebih potong PPh 21 ditanggung pemerintah'],
    tunj: ['TUNJ_PPH21', 'Tunjangan PPh 21'],
    pot: ['POT_PPH21', 'PPh 21'],
  },
  { EMPLOYEE_BORNE_DIFFERENCE: 'pph21', APBD_BORNE: 'pph21', FLAT_BY_GOLONGAN: 'pph21' },
);

const TPP_PPH = pphHeads(
  'TPP',
  {
    info: ['INFO_PPH21_TPP_LEBIH_POTONG', 'Lebih potong PPh 21 atas TPP ditanggung pemerintah'],
    tunj: ['TUNJ_PPH21_TPP', 'Tunjangan PPh 21 atas TPP'],
    pot: ['POT_PPH21_TPP', 'PPh 21 atas TPP'],
  },
  {
    EMPLOYEE_BORNE_DIFFERENCE: 'pph21.tpp.employee_borne_difference',
    APBD_BORNE: 'pph21.tpp.apbd_borne',
    FLAT_BY_GOLONGAN: 'pph21.tpp.flat_by_golongan',
  },
);

function addPphLines(
  ctx: PayContext,
  group: LineGroup,
  amount: number,
  governmentBorne: boolean,
  basis: LineBasis,
  citation: Citation,
  bearer: InForce<unknown>,
): void {
  const { slip, ten } = ctx;
  const heads = group === 'GAJI' ? GAJI_PPH : TPP_PPH;
  let shown = amount;
  if (amount < 0 && governmentBorne && ten.dtpNegativeLastMasa.value === 'ZERO_BOTH') {
    shown = 0;
    slip.add(heads.info, -amount, ten.dtpNegativeLastMasa.citation, basis);
  }
  const refund = shown < 0 ? (true as const) : undefined;
  if (governmentBorne) slip.add(heads.tunj, shown, bearer.citation, basis, refund);
  slip.add(heads.pot[ten.tppPph.value.mode], shown, citation, basis, refund);
}
