import { formatBp, formatRupiah as rp } from './format';
import { openingBalancePeriod } from './opening-balance';
import { explainSpecialPph, explainSpecialTpp } from './special-payment';
import { explainPrestasi } from './tpp-prestasi';
import type { ExplainedPayLine, ExplainedPaySlip, PayLine, PaySlip } from './types';

/**
 * The Indonesian explanation of a payslip line, printed from its rule and basis alone.
 *
 * The engine stores what was computed (rule, citation, every input and rate in the basis) and this
 * renders it where a person reads it: the API and the slip PDF. A monthly run of 10,000
 * employees therefore builds no text nobody reads (building them was a fifth of the engine's time),
 * and a stored slip can be printed later exactly as computed, since every figure comes from its basis.
 */
export function explainLine(line: PayLine): string {
  const render = TEMPLATES.get(line.ruleId) ?? templateByPrefix(line.ruleId);
  return render ? render(line, line.basis) : `${line.label}: ${rp(line.amount)}`;
}

/** Whether a rule has its own template (tests check every rule the engine emits has one). */
export function hasTemplate(ruleId: string): boolean {
  return TEMPLATES.has(ruleId) || templateByPrefix(ruleId) !== undefined;
}

/** A line's explanation: the one it carries (slips stored before texts moved here), else rendered. */
export function lineExplanation(line: PayLine | ExplainedPayLine): string {
  return 'explanation' in line && typeof line.explanation === 'string' ? line.explanation : explainLine(line);
}

/** The slip with every line's explanation, as the API shows it. */
export function explainSlip(slip: PaySlip): ExplainedPaySlip {
  const lines = new Array<ExplainedPayLine>(slip.lines.length);
  for (let i = 0; i < lines.length; i++) {
    const line = slip.lines[i] as PayLine;
    // Field by field: an object spread here took four times as long as rendering the text.
    lines[i] = {
      code: line.code,
      label: line.label,
      amount: line.amount,
      kind: line.kind,
      group: line.group,
      ruleId: line.ruleId,
      citation: line.citation,
      basis: line.basis,
      explanation: lineExplanation(line),
      passThrough: line.passThrough,
      refund: line.refund,
    };
  }
  return {
    meta: slip.meta,
    lines,
    totals: slip.totals,
    trace: slip.trace,
    warnings: slip.warnings,
  };
}

type Basis = PayLine['basis'];
type Template = (line: PayLine, b: Basis) => string;

const num = (b: Basis, key: string): number => Number(b[key]);
const text = (b: Basis, key: string): string => String(b[key]);

/** `4% × Rp 4.267.624 = ` or, above the cap, the capped base named as such. */
function bpjsBase(b: Basis, base: number, capNote: string): string {
  const capped = num(b, 'cappedBase');
  return capped < base ? `${rp(capped)} (${capNote} ${rp(capped)}) = ` : `${rp(capped)} = `;
}

const bpjs =
  (lead: string): Template =>
  (line, b) =>
    `${lead}: ${formatBp(num(b, 'rateBp'))} × ${bpjsBase(b, num(b, 'base'), 'dasar dibatasi')}${rp(line.amount)}`;

const bpjsTpp =
  (lead: string): Template =>
  (line, b) => {
    const capped = num(b, 'cappedBase');
    const base =
      capped < num(b, 'tpp')
        ? `${rp(capped)} (sisa batas dasar ${rp(num(b, 'headroom'))}) = `
        : `${rp(capped)} = `;
    return `${lead}: ${formatBp(num(b, 'rateBp'))} × ${base}${rp(line.amount)}`;
  };

const jaminan =
  (name: string): Template =>
  (line, b) =>
    `Iuran ${name}: ${formatBp(num(b, 'rateBp'))} × ${rp(num(b, 'gajiPokok'))} = ${rp(line.amount)} (dibulatkan)`;

const rateOfBase =
  (lead: string, suffix = ''): Template =>
  (line, b) =>
    `${lead}: ${formatBp(num(b, 'rateBp'))} × ${rp(num(b, 'base'))} = ${rp(line.amount)}${suffix}`;

const jabatan: Template = (line, b) => `${line.label} (${text(b, 'source')}): ${rp(line.amount)}`;

/**
 * `dipotong Rp 312.653`, or with a saldo awal its two sources: `dipotong Rp 312.653 (saldo awal
 * Rp 170.538 + SIGAP Rp 142.115)`.
 */
function withheldText(b: Basis): string {
  const withheld = num(b, 'withheld');
  if (b.withheldOpening === undefined) return `dipotong ${rp(withheld)}`;
  const opening = num(b, 'withheldOpening');
  return `dipotong ${rp(withheld)} (saldo awal ${rp(opening)} + SIGAP ${rp(withheld - opening)})`;
}

/** What the PPh of a list is, as computed: TER, the last masa's annual reconciliation, or a flat rate. */
function pphText(line: PayLine, b: Basis): string {
  const pph = rp(num(b, 'pph'));
  const method = text(b, 'method');
  if (line.group === 'GAJI') {
    return method === 'LAST_MASA'
      ? `PPh 21 masa terakhir: PPh setahun atas gaji ${rp(num(b, 'pphSetahun'))} − ${withheldText(b)} = ${pph}`
      : `PPh 21 TER ${text(b, 'category')}: ${formatBp(num(b, 'rateBp'))} × ${rp(num(b, 'bruto'))} = ${pph}`;
  }
  if (method === 'LAST_MASA') {
    return `PPh 21 masa terakhir atas TPP: (PPh setahun ${rp(num(b, 'pphSetahun'))} − PPh setahun gaji saja ${rp(num(b, 'pphSetahunGaji'))}) − ${withheldText(b)} = ${rp(num(b, 'lastMasaPph'))}`;
  }
  if (method === 'FLAT') {
    return `PPh atas TPP tarif tetap golongan ${text(b, 'golonganGroup')}: ${formatBp(num(b, 'rateBp'))} × (${rp(num(b, 'tpp'))} − ${rp(num(b, 'bpjsEmployee'))}) = ${pph}`;
  }
  return `PPh 21 atas TPP: TER ${text(b, 'category')} ${formatBp(num(b, 'rateBp'))} × ${rp(num(b, 'bruto'))} = ${rp(num(b, 'pphAll'))} − PPh gaji ${rp(num(b, 'pphGaji'))} = ${pph}`;
}

/** The potongan PPh; when the tenant books another amount than computed, both are named. */
const pphDeduction: Template = (line, b) =>
  line.amount === num(b, 'pph')
    ? pphText(line, b)
    : `${pphText(line, b)}; dibukukan ${rp(line.amount)} (aturan tenant)`;

/** The saldo awal the last masa added to the year: period, source, and every figure it brought. */
const saldoAwal: Template = (line, b) => {
  const period = openingBalancePeriod({
    year: num(b, 'year'),
    firstMonth: num(b, 'firstMonth'),
    lastMonth: num(b, 'lastMonth'),
  });
  return `Saldo awal ${period} (${text(b, 'monthsWorked')} bulan; sumber: ${text(b, 'source')}): bruto gaji ${rp(num(b, 'brutoGaji'))}, bruto TPP ${rp(num(b, 'brutoTpp'))}, iuran pensiun ${rp(num(b, 'iuranPensiun'))}; PPh 21 dipotong ${rp(line.amount)} (atas gaji ${rp(num(b, 'pphGaji'))}, atas TPP ${rp(num(b, 'pphTpp'))}), diperhitungkan dalam PPh setahun`;
};

const pembulatan: Template = (line, b) => {
  const what = text(b, 'target') === 'NET' ? 'bersih' : 'kotor';
  const when = text(b, 'when') === 'AFTER_PPH' ? 'setelah' : 'sebelum';
  const base = num(b, 'base');
  return `Pembulatan ${what} ${when} PPh: ${rp(base)} → ${rp(base + line.amount)} (+ ${rp(line.amount)})`;
};

// A Map, not an object: a rule id must never reach Object.prototype's members.
const TEMPLATES: ReadonlyMap<string, Template> = new Map(
  Object.entries({
    'gaji-pokok.lookup': (line, b) => {
      let out = `Gaji pokok ${text(b, 'golongan')} MKG ${text(b, 'mkgYears')} tahun (baris MKG ${text(b, 'stepMkg')}): ${rp(num(b, 'tableAmount'))}`;
      if (b.cpnsBp !== undefined) out += ` × ${formatBp(num(b, 'cpnsBp'))} (CPNS)`;
      if (b.statusBp !== undefined) out += ` × ${formatBp(num(b, 'statusBp'))} (${text(b, 'status')})`;
      return b.cpnsBp !== undefined || b.statusBp !== undefined ? `${out} = ${rp(line.amount)}` : out;
    },
    'tunjangan-keluarga.suami-istri': (line, b) =>
      `Tunjangan suami/istri: ${formatBp(num(b, 'rateBp'))} × ${rp(num(b, 'gajiPokok'))} = ${rp(line.amount)}`,
    'tunjangan-keluarga.anak': (line, b) =>
      `Tunjangan anak: ${text(b, 'children')} × ${formatBp(num(b, 'rateBp'))} × ${rp(num(b, 'gajiPokok'))} = ${rp(line.amount)}`,
    'tunjangan-jabatan.struktural': jabatan,
    'tunjangan-jabatan.fungsional': jabatan,
    'tunjangan-jabatan.umum': jabatan,
    'tunjangan-beras': (line, b) =>
      `Tunjangan beras: ${text(b, 'jiwaPaid')} jiwa × ${rp(num(b, 'rupiahPerJiwa'))} = ${rp(line.amount)}`,
    'iuran.bpjs-kesehatan.pemberi-kerja': bpjs('Iuran BPJS Kesehatan pemberi kerja'),
    'iuran.bpjs-kesehatan.pegawai': bpjs('Iuran BPJS Kesehatan pegawai'),
    'iuran.jkk': jaminan('Jaminan Kecelakaan Kerja'),
    'iuran.jkm': jaminan('Jaminan Kematian'),
    'iuran.taspen': (line, b) => {
      const gajiPokok = rp(num(b, 'gajiPokok'));
      const keluarga = num(b, 'tunjanganKeluarga');
      const base = keluarga > 0 ? `(${gajiPokok} + ${rp(keluarga)})` : gajiPokok;
      return `Iuran Taspen: ${formatBp(num(b, 'rateBp'))} × ${base} = ${rp(line.amount)} (dibulatkan ke bawah; rincian informatif: pensiun ${formatBp(num(b, 'pensiunBp'))} ${rp(num(b, 'pensiun'))}, THT ${formatBp(num(b, 'thtBp'))} ${rp(num(b, 'tht'))})`;
    },
    'iuran.tht-pppk': rateOfBase('Iuran THT PPPK', ' (dibulatkan ke bawah)'),
    'iuran.tapera.pegawai': rateOfBase('Simpanan Tapera'),
    'iuran.tapera.pemberi-kerja': rateOfBase('Simpanan Tapera pemberi kerja'),
    'pembulatan.net': pembulatan,
    'pembulatan.gross': pembulatan,
    'tpp.prestasi': explainPrestasi,
    'tpp.criterion': (line, b) => {
      const allocated = num(b, 'allocated');
      const note = allocated > 0 ? ` (termasuk alokasi pembulatan ${rp(allocated)})` : '';
      return `${line.label} ${text(b, 'period')}: pagu ${rp(num(b, 'ceiling'))} × ${text(b, 'factors')} = ${rp(line.amount)}${note}`;
    },
    'iuran.bpjs-kesehatan.tpp.pemberi-kerja': bpjsTpp('Iuran BPJS Kesehatan pemberi kerja atas TPP'),
    'iuran.bpjs-kesehatan.tpp.pegawai': bpjsTpp('Iuran BPJS Kesehatan pegawai atas TPP'),
    'pph21.dtp-negative.zero-both': (line, b) =>
      `${pphText(line, b)}; lebih potong ${rp(line.amount)} tidak dibayarkan ke pegawai (aturan tenant)`,
    'pph21.ditanggung-pemerintah': (line) =>
      line.group === 'GAJI'
        ? `Tunjangan PPh = potongan PPh (ditanggung pemerintah): ${rp(line.amount)}`
        : `Tunjangan PPh atas TPP = potongan PPh atas TPP (ditanggung APBD): ${rp(line.amount)}`,
    'pph21.saldo-awal': saldoAwal,
    'special-payment.tpp': (line, b) => explainSpecialTpp(line, b),
    'pph21.special-payment': (line, b) => explainSpecialPph(line, b),
    pph21: pphDeduction,
  }),
);

/** The potongan PPh atas TPP carries the tenant's TPP mode in its rule id (`pph21.tpp.<mode>`). */
function templateByPrefix(ruleId: string): Template | undefined {
  return ruleId.startsWith('pph21.tpp.') ? pphDeduction : undefined;
}
