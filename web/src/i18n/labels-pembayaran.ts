/**
 * The payments of the rest of the year (issue #15) as the slip and run pages mark them: THR and gaji
 * ke-13 (gaji13-thr.md), rapel / kekurangan gaji and kelebihan (rapel.md).
 */
export const PEMBAYARAN_LABELS = {
  /** The run's daftar (document daftar-gaji) as its kind names it. */
  daftar: {
    THR: 'Daftar THR (Excel)',
    GAJI13: 'Daftar gaji ke-13 (Excel)',
    RAPEL: 'Daftar kekurangan gaji (Excel)',
  } as Record<string, string>,
  /** What a run of the kind pays, on its run page (regular kinds need no note). */
  kindNote: {
    THR: 'Tunjangan hari raya: komponen gaji bulan dasar menurut PP tahun ini dan bagian TPP yang ditetapkan pemda; tanpa iuran dan tanpa potongan lain. PPh 21 dihitung atas jumlah bruto semua daftar bulan ini.',
    GAJI13:
      'Gaji ke-13: komponen gaji bulan dasar menurut PP tahun ini dan bagian TPP yang ditetapkan pemda; tanpa iuran dan tanpa potongan lain. PPh 21 dihitung atas jumlah bruto semua daftar bulan ini.',
    RAPEL:
      'Daftar kekurangan gaji: selisih bulan-bulan yang sudah dikunci karena SK atau aturan yang berlaku surut, per bulan asal dan sebabnya; dibayar dengan daftar dan berkas bank sendiri.',
  } as Record<string, string>,
  special: {
    title: (kind: string, year: string) => `${kind} tahun ${year}`,
    base: (month: string, regulation: string) =>
      regulation ? `Komponen gaji bulan ${month} menurut ${regulation}.` : `Komponen gaji bulan ${month}.`,
    tppShare: (percent: string, basis: string, base: string) =>
      basis ? `Bagian TPP: ${percent} × ${basis}${base ? ` ${base}` : ''}.` : `Bagian TPP: ${percent}.`,
    noDeductions: 'Tanpa iuran dan tanpa potongan lain; PPh 21 ditanggung pemerintah.',
    masa: (month: string) =>
      `PPh 21 masa ${month} dihitung atas jumlah bruto semua daftar yang dibayar bulan ini (TER), sehingga pajak ketiga daftar sama dengan pajak jumlahnya:`,
    caption: 'Daftar yang dihitung bersama pada masa ini',
    list: 'Daftar',
    bruto: 'Bruto',
    pph: 'PPh 21',
    tppBasis: {
      CEILING: 'pagu TPP kelas jabatan',
      PAID_IN_BASE_MONTH: 'TPP yang dibayar pada bulan dasar',
    } as Record<string, string>,
  },
} as const;

/** The rapel section of a kekurangan gaji slip (rapel.md §3, §5, §7). */
export const RAPEL_LABELS = {
  title: 'Rincian kekurangan gaji per bulan',
  intro:
    'Selisih antara yang sudah dibayar dan yang seharusnya dibayar, per bulan asal dan sebabnya. Iuran dihitung ulang atas dasar baru (bukan persentase dari selisih).',
  month: (month: string, kind: string, cause: string) => `${month} (${kind}) — ${cause}`,
  caption: (month: string) => `Selisih ${month}`,
  component: 'Komponen',
  old: 'Dibayar',
  new: 'Seharusnya',
  diff: 'Selisih',
  pph: (which: string) => `PPh 21 ${which}`,
  pphGaji: 'gaji',
  pphTpp: 'TPP',
  employerUnknown:
    'Iuran pemberi kerja bulan ini tidak diselisihkan: catatan pembayaran bulan itu dibuat sebelum iuran dicatat per baris.',
  method: {
    PAYMENT_MONTH: 'PPh 21 kekurangan dihitung pada masa pembayaran (ditambahkan ke bruto bulan ini, TER).',
    PER_ORIGINAL_MONTH: 'PPh 21 kekurangan dihitung ulang per bulan asal; selisihnya dipotong sekarang.',
  } as Record<string, string>,
  summary: 'Ringkasan',
  net: 'Jumlah selisih sebelum pembulatan',
  pembulatan: 'Pembulatan',
  pphTotal: 'PPh 21 atas kekurangan',
  bersih: 'Kekurangan dibayar',
  kelebihan: (amount: string) =>
    `Kelebihan bayar ${amount} ditetapkan: dikembalikan dengan angsuran pada slip gaji berikutnya (baris "Pengembalian kelebihan gaji"), tanpa membuat jumlah bersih negatif.`,
} as const;

/** Differences for locked months on a regular slip: information only, paid through the rapel list. */
export const KOREKSI_LABELS = {
  title: 'Kekurangan dan kelebihan bulan yang sudah dikunci',
  note: 'Informasi: tidak termasuk jumlah bersih slip ini. Kekurangan dibayar lewat daftar kekurangan gaji (proses Rapel); kelebihan dikembalikan dengan angsuran pada slip gaji berikutnya.',
  caption: 'Selisih per bulan dan komponen',
  month: 'Bulan',
  component: 'Komponen',
  cause: 'Sebab',
  amount: 'Selisih',
} as const;
