import type { Principal } from '../../../core/auth/principal';
import type { StoredEmployee } from '../../../core/employee/repository';
import { lastDayOfMonth } from '../../../core/payroll/snapshot';
import { PREDIKAT_LABELS, RATING_LABELS, type Rating } from '../../../core/performance/predikat';
import { skpProgress } from '../../../core/performance/progress';
import { approvedRevision, BERAKHLAK_KEYS, type Pejabat } from '../../../core/performance/skp';
import { formatBulan } from '../../payroll/documents/format';
import { keys } from '../../table/keys';
import { loadEmployee, readableEmployee } from '../access';
import type { AppraisalDeps } from '../deps';
import { type LembarPerson, renderLembarPenilaian } from '../documents/lembar-penilaian-pdf';
import { settingsFor, tenantConfig } from '../settings';
import { parse } from '../store/records';
import { previewOutcome } from './results';
import { skpRevisions } from './skp';

/**
 * The lembar penilaian of one employee and month as a PDF, from what is stored: the SKP in force at the
 * month's end, the month's realisasi, the atasan's evaluation and the month's result. A month whose
 * result is not computed yet shows the predikat the stored evaluation gives now, marked as such.
 */
export const BERAKHLAK_LABELS: Readonly<Record<(typeof BERAKHLAK_KEYS)[number], string>> = {
  berorientasi_pelayanan: 'Berorientasi Pelayanan',
  akuntabel: 'Akuntabel',
  kompeten: 'Kompeten',
  harmonis: 'Harmonis',
  loyal: 'Loyal',
  adaptif: 'Adaptif',
  kolaboratif: 'Kolaboratif',
};

const number = (n: number) => n.toLocaleString('id-ID', { maximumFractionDigits: 2 });
const ratingLabel = (r: Rating | undefined) => (r ? RATING_LABELS[r] : 'belum dinilai');

function person(e: StoredEmployee | undefined, fallback?: Pejabat): LembarPerson | null {
  if (!e)
    return fallback
      ? { nama: fallback.nama ?? '-', nip: fallback.nip, jabatan: fallback.jabatan ?? '-' }
      : null;
  const { gelarDepan, gelarBelakang } = e.identity as { gelarDepan?: string; gelarBelakang?: string };
  const nama =
    [gelarDepan, e.identity.nama].filter(Boolean).join(' ') + (gelarBelakang ? `, ${gelarBelakang}` : '');
  return {
    nama,
    nip: e.identity.nip,
    jabatan: e.current.jabatan.nama,
    pangkat: e.current.pangkat.golongan,
    unit: `${e.current.penempatan.unit}, ${e.current.penempatan.opd}`,
  };
}

export async function lembarPenilaianPdf(
  month: string,
  nip: string,
  principal: Principal,
  deps: AppraisalDeps,
): Promise<{ pdf: Buffer; fileName: string }> {
  const employee = await readableEmployee(nip, principal, deps);
  const year = Number(month.slice(0, 4));
  const [revisions, realizationItems, evaluationItem, resultItem] = await Promise.all([
    skpRevisions(nip, year, deps),
    deps.store.queryAll(keys.realizationsIn(nip, month)),
    deps.store.get(keys.evaluation(nip, month)),
    deps.store.get(keys.monthlyResult(nip, month)),
  ]);
  const skp = approvedRevision(
    revisions.map((s) => s.skp),
    lastDayOfMonth(month),
  );
  const evaluation = evaluationItem ? parse.evaluation(evaluationItem) : undefined;
  const stored = resultItem?.detail ? parse.result(resultItem) : undefined;
  const outcome = stored ?? (evaluation ? await previewOutcome(employee, month, (i) => i, deps) : undefined);
  const perf = outcome?.facts.performance;
  const [penilai, atasanPenilai] = await Promise.all([
    skp ? loadEmployee(skp.pejabatPenilai.nip, deps) : undefined,
    skp?.atasanPejabatPenilai ? loadEmployee(skp.atasanPejabatPenilai.nip, deps) : undefined,
  ]);

  const cap = settingsFor(deps.tenantId, month).evaluation.achievementCapPercent;
  const progress = skp
    ? skpProgress(skp, realizationItems.map(parse.realization), { kind: 'MONTH', month }, cap)
    : undefined;
  const resultOf = new Map(skp?.results.flatMap((r) => r.indicators.map((i) => [i.id, r.description])) ?? []);
  const unitOf = new Map(
    skp?.results.flatMap((r) =>
      r.indicators.map((i) => [i.id, i.target.aspect === 'KUALITAS' ? '%' : i.target.unit.toLowerCase()]),
    ) ?? [],
  );
  const assessment = evaluation?.assessment;
  const matrix = assessment?.kind === 'MATRIX' ? assessment : undefined;
  const perilakuOverall = assessment?.perilaku as Rating | undefined;
  const detail = matrix?.perilakuDetail ?? {};

  let predikatNote: string | null = null;
  if (!stored && evaluation)
    predikatNote = 'Hasil bulan ini belum dihitung; predikat menurut penilaian yang tersimpan.';
  else if (stored?.facts.provisional) predikatNote = 'Hasil sementara: bulan belum berakhir.';
  const tenant = tenantConfig(deps.tenantId);
  const pdf = await renderLembarPenilaian({
    tenantName: tenant.name,
    month,
    monthLabel: formatBulan(month),
    opd: employee.current.penempatan.opd,
    pegawai: person(employee) as LembarPerson,
    pejabatPenilai: person(penilai, skp?.pejabatPenilai),
    atasanPejabatPenilai: person(atasanPenilai, skp?.atasanPejabatPenilai),
    skp: skp ? { id: skp.id, revision: skp.revision, status: skp.status } : null,
    indicators:
      progress?.indicators.map((i) => ({
        result: resultOf.get(i.indicatorId) ?? '',
        description: i.description,
        target: `${number(i.target)} ${unitOf.get(i.indicatorId) ?? ''}`.trim(),
        realized:
          i.realized === undefined
            ? 'belum dilaporkan'
            : `${number(i.realized)} ${unitOf.get(i.indicatorId) ?? ''}`.trim(),
        achievement: i.entries === 0 ? '-' : `${number(i.achievementPercent)}%`,
      })) ?? [],
    weightedAchievement: progress ? `${number(progress.weightedAchievementPercent)}%` : null,
    hasilKerja: matrix
      ? ratingLabel(matrix.hasilKerja)
      : outcome?.detail.performance.nilai !== undefined
        ? `nilai ${number(outcome.detail.performance.nilai as number)} (dihitung dari realisasi)`
        : 'belum dinilai',
    perilaku: ratingLabel(perilakuOverall),
    perilakuValues: BERAKHLAK_KEYS.map((k) => ({
      label: BERAKHLAK_LABELS[k],
      ekspektasi: skp?.perilaku[k]?.ekspektasiKhusus ?? '-',
      rating: detail[k]
        ? RATING_LABELS[detail[k] as Rating]
        : perilakuOverall
          ? `(umum) ${RATING_LABELS[perilakuOverall]}`
          : 'belum dinilai',
    })),
    predikat: perf?.predikat
      ? PREDIKAT_LABELS[perf.predikat]
      : perf?.status === 'TIDAK_ADA_SKP'
        ? 'Tanpa predikat: tidak ada SKP'
        : perf?.status === 'SKP_BELUM_DISETUJUI'
          ? 'Tanpa predikat: SKP belum disetujui'
          : 'Belum dinilai',
    predikatNote,
    feedback: evaluation?.feedback ?? '',
    printedAt: new Date(deps.now),
    ...(!stored || stored.facts.provisional ? { draftLabel: 'SEMENTARA — BELUM FINAL' } : {}),
  });
  return { pdf, fileName: `lembar-penilaian-${nip}-${month}.pdf` };
}
