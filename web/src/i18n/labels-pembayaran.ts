/**
 * The payments of the rest of the year (issue #15) as the slip and run pages mark them: THR and gaji
 * ke-13 (gaji13-thr.md), rapel / kekurangan gaji and kelebihan (rapel.md).
 */
export const PEMBAYARAN_LABELS = {
  special: {
    title: (kind: string, year: string) => `${kind} tahun ${year}`,
    base: (month: string, regulation: string) =>
      regulation ? `Komponen gaji bulan ${month} menurut ${regulation}.` : `Komponen gaji bulan ${month}.`,
    tppShare: (percent: string, basis: string) =>
      basis ? `Bagian TPP: ${percent} dari ${basis}.` : `Bagian TPP: ${percent}.`,
    noDeductions: 'Tanpa iuran dan tanpa potongan lain; PPh 21 ditanggung pemerintah.',
    masa: (month: string) =>
      `PPh 21 masa ${month} dihitung atas jumlah bruto semua daftar yang dibayar bulan ini (TER), sehingga pajak ketiga daftar sama dengan pajak jumlahnya:`,
    caption: 'Daftar yang dihitung bersama pada masa ini',
    list: 'Daftar',
    bruto: 'Bruto',
    pph: 'PPh 21',
    tppBasis: {
      TPP_BULAN: 'TPP satu bulan',
      TPP_PAGU: 'pagu TPP',
      TPP_TERAKHIR: 'TPP bulan terakhir',
    } as Record<string, string>,
  },
} as const;
