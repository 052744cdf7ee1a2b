import type { NationalRules, TerCategory } from '../rulesets/national-in-force';
import type { InForce } from '../rulesets/rules-in-force';
import type { TenantRules } from '../rulesets/tenant-in-force';
import { PayDataError } from './errors';
import { formatBp, formatRupiah } from './format';
import { perObject } from './memo';
import { mulDiv } from './money';
import type { PayContext } from './pay-context';
import { pembulatan } from './pembulatan';
import { type LastMasaResult, pph21LastMasa, pph21Ter } from './pph21';
import type { LineHead } from './slip-builder';
import type { TppPaid } from './tpp-steps';
import { golonganGroup } from './tunjangan-jabatan';
import type { Citation, LineGroup } from './types';

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

  let pphGaji: number;
  let pphTpp = 0;
  let gajiText: string;
  let tppText = '';
  let citation: Citation;
  if (isLastMasa) {
    const last = lastMasa(ctx, brutoGaji, brutoTpp, gaji?.iuranPensiun ?? 0);
    pphGaji = last.gaji;
    pphTpp =
      tppMode.mode !== 'FLAT_BY_GOLONGAN' && (tppInTer || (input.taxYtd?.pphTpp ?? 0) > 0) ? last.tpp : 0;
    gajiText = `PPh 21 masa terakhir: PPh setahun atas gaji ${formatRupiah(last.gajiOnly.pphSetahun)} − dipotong ${formatRupiah(last.gajiOnly.pphSetahun - last.gaji)} = ${formatRupiah(last.gaji)}`;
    tppText = `PPh 21 masa terakhir atas TPP: (PPh setahun ${formatRupiah(last.all.pphSetahun)} − PPh setahun gaji saja ${formatRupiah(last.gajiOnly.pphSetahun)}) − dipotong ${formatRupiah(input.taxYtd?.pphTpp ?? 0)} = ${formatRupiah(last.tpp)}`;
    citation = nat.pasal17.citation;
  } else {
    const ter = pph21Ter({ bruto: brutoGaji, category, surchargeBp }, nat.ter.value);
    pphGaji = ter.amount;
    gajiText = `${terPrefix(nat, false, category, ter.rateBp)}${formatRupiah(brutoGaji)} = ${formatRupiah(pphGaji)}`;
    if (tppInTer) {
      const all = pph21Ter({ bruto: brutoGaji + brutoTpp, category, surchargeBp }, nat.ter.value);
      pphTpp = all.amount - ter.amount;
      tppText = `${terPrefix(nat, true, category, all.rateBp)}${formatRupiah(brutoGaji + brutoTpp)} = ${formatRupiah(all.amount)} − PPh gaji ${formatRupiah(ter.amount)} = ${formatRupiah(pphTpp)}`;
      slip.step('pph21.tpp.ter', 'pph21.ter', all.amount, tppText, nat.ter.citation);
    }
    citation = nat.ter.citation;
    slip.step('pph21.gaji.ter', 'pph21.ter', pphGaji, gajiText, nat.ter.citation);
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
    tppText = `PPh atas TPP tarif tetap golongan ${group}: ${formatBp(bp)} × (${formatRupiah(tpp.amount)} − ${formatRupiah(tpp.bpjsEmployee)}) = ${formatRupiah(pphTpp)}`;
  }

  if (gaji) {
    addPphLines(ctx, 'GAJI', pphGaji, governmentBorne, gajiText, citation, bearerRule);
    if (!governmentBorne) addPembulatan(ctx, 'AFTER_PPH');
  }
  if (tpp || pphTpp !== 0) {
    addPphLines(
      ctx,
      'TPP',
      pphTpp,
      tppMode.mode === 'APBD_BORNE',
      tppText,
      tppMode.mode === 'FLAT_BY_GOLONGAN' ? ten.tppPph.citation : citation,
      ten.tppPph,
    );
  }
  return { brutoGaji, brutoTpp, pphGaji, pphTpp, iuranPensiun: gaji?.iuranPensiun ?? 0 };
}

/**
 * `PPh 21 TER A: 1,5% × ` and its TPP twin are fixed by the category and the bracket's rate, so each is
 * built once per month's rules, keyed by a number rather than a string that would cost as much to build.
 */
const terPrefixes = perObject((_nat: NationalRules) => new Map<number, string>());

function terPrefix(nat: NationalRules, forTpp: boolean, category: TerCategory, rateBp: number): string {
  const memo = terPrefixes(nat);
  const key = (rateBp * 4 + category.charCodeAt(0) - 65) * 2 + (forTpp ? 1 : 0);
  let prefix = memo.get(key);
  if (prefix === undefined) {
    prefix = forTpp
      ? `PPh 21 atas TPP: TER ${category} ${formatBp(rateBp)} × `
      : `PPh 21 TER ${category}: ${formatBp(rateBp)} × `;
    memo.set(key, prefix);
  }
  return prefix;
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
  const deductible = nat.iuranPensiunDeductible.value;
  const result = pph21LastMasa(
    {
      brutoGajiSetahun: ytd.brutoGaji + brutoGaji,
      brutoTppSetahun: ytd.brutoTpp + brutoTpp,
      iuranPensiunSetahun: deductible ? ytd.iuranPensiun + iuranPensiun : 0,
      monthsWorked: ytd.monthsWorked + 1,
      ptkpStatus: employee.ptkpStatus,
      pphGajiWithheld: ytd.pphGaji,
      pphTppWithheld: ytd.pphTpp,
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
    `min(${formatBp(nat.biayaJabatan.value.bp)} × bruto, ${formatRupiah(nat.biayaJabatan.value.maxPerMonth)} × ${ytd.monthsWorked + 1} bulan)`,
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

const PEMBULATAN_LEAD = {
  NET: { BEFORE_PPH: 'Pembulatan bersih sebelum PPh: ', AFTER_PPH: 'Pembulatan bersih setelah PPh: ' },
  GROSS: { BEFORE_PPH: 'Pembulatan kotor sebelum PPh: ', AFTER_PPH: 'Pembulatan kotor setelah PPh: ' },
} as const;

const PEMBULATAN_NET_LINE: LineHead = {
  code: 'PEMBULATAN',
  label: 'Pembulatan',
  kind: 'PENGHASILAN',
  group: 'GAJI',
  ruleId: 'pembulatan.net',
};
const PEMBULATAN_GROSS_LINE: LineHead = { ...PEMBULATAN_NET_LINE, ruleId: 'pembulatan.gross' };

function addPembulatan(ctx: PayContext, when: 'BEFORE_PPH' | 'AFTER_PPH'): number {
  const { slip, ten, nat } = ctx;
  const target = ten.pembulatanTarget.value;
  const base =
    target === 'NET'
      ? slip.sum('GAJI', 'PENGHASILAN') - slip.sum('GAJI', 'POTONGAN')
      : slip.sum('GAJI', 'PENGHASILAN', NO_PPH_LINES);
  const amount = pembulatan({ target: base }, { unit: nat.pembulatanUnit.value });
  const explanation = `${PEMBULATAN_LEAD[target][when]}${formatRupiah(base)} → ${formatRupiah(base + amount)} (+ ${formatRupiah(amount)})`;
  const ruleId = target === 'NET' ? PEMBULATAN_NET_LINE.ruleId : PEMBULATAN_GROSS_LINE.ruleId;
  slip.step('pembulatan', ruleId, amount, explanation, ten.pembulatanTarget.citation);
  slip.add(
    target === 'NET' ? PEMBULATAN_NET_LINE : PEMBULATAN_GROSS_LINE,
    amount,
    nat.pembulatanUnit.citation,
    { target, base, unit: nat.pembulatanUnit.value },
    explanation,
  );
  return amount;
}

/** The heads of the PPh lines of one list; the potongan's rule depends on the tenant's TPP mode. */
interface PphHeads {
  readonly info: LineHead;
  readonly tunj: LineHead;
  readonly tunjText: string;
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
  tunjText: string,
  potRules: Readonly<Record<TppPphMode, string>>,
): PphHeads {
  const potHead = (ruleId: string): LineHead => ({
    code: names.pot[0],
    label: names.pot[1],
    kind: 'POTONGAN',
    group,
    ruleId,
  });
  const pot = {
    EMPLOYEE_BORNE_DIFFERENCE: potHead(potRules.EMPLOYEE_BORNE_DIFFERENCE),
    APBD_BORNE: potHead(potRules.APBD_BORNE),
    FLAT_BY_GOLONGAN: potHead(potRules.FLAT_BY_GOLONGAN),
  };
  return {
    info: {
      code: names.info[0],
      label: names.info[1],
      kind: 'INFORMASI',
      group,
      ruleId: 'pph21.dtp-negative.zero-both',
    },
    tunj: {
      code: names.tunj[0],
      label: names.tunj[1],
      kind: 'PENGHASILAN',
      group,
      ruleId: 'pph21.ditanggung-pemerintah',
    },
    tunjText,
    pot,
  };
}

const GAJI_PPH = pphHeads(
  'GAJI',
  {
    info: ['INFO_PPH21_LEBIH_POTONG', 'Lebih potong PPh 21 ditanggung pemerintah'],
    tunj: ['TUNJ_PPH21', 'Tunjangan PPh 21'],
    pot: ['POT_PPH21', 'PPh 21'],
  },
  'Tunjangan PPh = potongan PPh (ditanggung pemerintah): ',
  { EMPLOYEE_BORNE_DIFFERENCE: 'pph21', APBD_BORNE: 'pph21', FLAT_BY_GOLONGAN: 'pph21' },
);

const TPP_PPH = pphHeads(
  'TPP',
  {
    info: ['INFO_PPH21_TPP_LEBIH_POTONG', 'Lebih potong PPh 21 atas TPP ditanggung pemerintah'],
    tunj: ['TUNJ_PPH21_TPP', 'Tunjangan PPh 21 atas TPP'],
    pot: ['POT_PPH21_TPP', 'PPh 21 atas TPP'],
  },
  'Tunjangan PPh atas TPP = potongan PPh atas TPP (ditanggung APBD): ',
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
  explanation: string,
  citation: Citation,
  bearer: InForce<unknown>,
): void {
  const { slip, ten } = ctx;
  const heads = group === 'GAJI' ? GAJI_PPH : TPP_PPH;
  let shown = amount;
  if (amount < 0 && governmentBorne && ten.dtpNegativeLastMasa.value === 'ZERO_BOTH') {
    shown = 0;
    slip.add(
      heads.info,
      -amount,
      ten.dtpNegativeLastMasa.citation,
      { pph: amount },
      `${explanation}; lebih potong ${formatRupiah(-amount)} tidak dibayarkan ke pegawai (aturan tenant)`,
    );
  }
  const refund = shown < 0 ? (true as const) : undefined;
  const booked =
    shown === amount ? explanation : `${explanation}; dibukukan ${formatRupiah(shown)} (aturan tenant)`;
  const basis = { pph: amount, governmentBorne };
  if (governmentBorne) {
    slip.add(heads.tunj, shown, bearer.citation, basis, `${heads.tunjText}${formatRupiah(shown)}`, refund);
  }
  const mode = ten.tppPph.value.mode;
  // A switch rather than pot[mode]: a load under a varying key goes through the generic stub.
  const pot =
    mode === 'APBD_BORNE'
      ? heads.pot.APBD_BORNE
      : mode === 'FLAT_BY_GOLONGAN'
        ? heads.pot.FLAT_BY_GOLONGAN
        : heads.pot.EMPLOYEE_BORNE_DIFFERENCE;
  slip.add(pot, shown, citation, basis, booked, refund);
}
