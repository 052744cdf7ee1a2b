/**
 * Exports for the outside world on the run page (#16): bank file, pemindahbukuan, BPJS Kesehatan,
 * Taspen, SIPD — and, added by the tax area, Coretax and bukti potong (see .scratch/exports.md).
 */
export const EKSPOR_LABELS = {
  title: 'Ekspor ke pihak luar',
  intro:
    'Berkas untuk bank, BPJS Kesehatan, Taspen, SIPD dan kantor pajak dibuat dari slip yang tersimpan pada run ini (tidak dihitung ulang). Setiap unduhan dicatat di jejak audit.',
  opd: 'OPD',
  account: 'Rekening sumber',
  valueDate: 'Tanggal efektif',
  download: 'Unduh',
  downloaded: (label: string) => `${label} diunduh`,
  state: {
    READY: 'Final — run terkunci',
    PREVIEW: 'Pratinjau — run disetujui, belum dikunci',
    UNAVAILABLE: 'Belum tersedia — run masih draf',
  },
  previewNote:
    'Run ini sudah disetujui tetapi belum dikunci: berkas yang diunduh adalah pratinjau, diberi tanda PRATINJAU dan tidak untuk pembayaran.',
  blockers: (n: number) => `${n} data pegawai belum lengkap`,
  ready: 'Siap',
  issuesTitle: 'Data yang harus dilengkapi sebelum ekspor',
  issuesCaption: 'Pegawai, kolom dan alasan yang menahan ekspor',
  issuesNone: 'Semua data pegawai lengkap untuk ekspor.',
  columns: { export: 'Ekspor', nip: 'NIP', nama: 'Nama', opd: 'OPD', column: 'Kolom', message: 'Alasan' },
  template: (id: string, version: string) => `Template ${id} versi ${version}`,
  items: {
    'bank-file': { label: 'Berkas transfer bank', hint: 'Sesuai template bank rekening sumber' },
    'pemindahbukuan-pdf': { label: 'Surat pemindahbukuan (PDF)', hint: 'Surat dan lampiran untuk bank' },
    'pemindahbukuan-xlsx': { label: 'Surat pemindahbukuan (XLSX)', hint: 'Surat dan lampiran untuk bank' },
    'bpjs-kesehatan': { label: 'Rekap iuran BPJS Kesehatan', hint: 'Per OPD dan per pegawai' },
    taspen: { label: 'Rekap iuran Taspen, JKK dan JKM', hint: 'Per OPD dan per pegawai' },
    'sipd-gaji': { label: 'Daftar gaji SIPD', hint: 'CSV per OPD' },
    'sipd-tpp': { label: 'Daftar TPP SIPD', hint: 'CSV per OPD' },
    // tax (helper C): per masa, from every run of the month
    'bpmp-xml': {
      label: 'Bukti potong PPh 21 bulanan (BPMP) untuk Coretax',
      hint: 'XML impor massal Coretax, semua run bulan ini; per pemotong',
    },
    'rekap-pph21': {
      label: 'Rekap PPh 21 masa ini',
      hint: 'Bruto, PPh dipotong, ditanggung pemerintah dan pegawai per OPD',
    },
    // potongan lain (#15, helper C): what the bendahara pays each creditor
    'potongan-kreditur': {
      label: 'Daftar potongan per kreditur',
      hint: 'Excel, satu lembar per kreditur: pegawai, angsuran, nomor rekening/pinjaman',
    },
    'rekap-potongan-kreditur': {
      label: 'Rekap setoran per kreditur',
      hint: 'Excel, satu baris per kreditur: jumlah yang disetor',
    },
  } as Record<string, { label: string; hint: string }>,
} as const;
