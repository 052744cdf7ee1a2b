/**
 * "Pengaturan pajak": the tenant's withholders (pemotong PPh 21) and tax report decisions
 * (PUT/GET /tax/settings), and the tax files per masa and per year (BPMP, rekap, 1721-A2, BPA1).
 */
export const PAJAK_LABELS = {
  nav: 'Pengaturan pajak',
  title: 'Pengaturan pajak',
  intro:
    'Pemotong PPh 21 pemerintah daerah (bendahara dengan NPWP dan NITKU instansi) dan keputusan pelaporan pajak. Setiap perubahan diberi versi dan dicatat di jejak audit.',
  notSet: 'Pemotong PPh 21 belum diisi untuk pemda ini.',
  notSetBody: 'Isi minimal satu pemotong agar bukti potong dan berkas Coretax dapat dibuat.',
  notSetReadOnly: 'Pemotong PPh 21 belum diisi. Pengaturan ini diisi oleh BKPSDM.',
  version: (v: number, at: string, by: string) => `Versi ${v} · disimpan ${at} oleh ${by}`,
  withholdersTitle: 'Pemotong PPh 21',
  withholderN: (n: number) => `Pemotong ke-${n}`,
  add: 'Tambah pemotong',
  remove: 'Hapus pemotong',
  removeN: (n: number) => `Hapus pemotong ke-${n}`,
  save: 'Simpan pengaturan',
  saved: 'Pengaturan pajak disimpan',
  conflict:
    'Pengaturan ini diubah pengguna lain sejak halaman dibuka. Muat ulang halaman untuk melihat versi terbaru.',
  fields: {
    id: 'Kode pemotong',
    idHint: 'Huruf besar, angka, _ atau -, mis. BPKAD atau DISDIK-TPP',
    name: 'Nama pemotong',
    npwp: 'NPWP instansi',
    npwpHint: '16 digit',
    nitku: 'NITKU',
    nitkuHint: '22 digit: NPWP + 6 digit nomor tempat usaha (000000 untuk kantor pusat)',
    bendaharaNama: 'Nama bendahara',
    bendaharaNip: 'NIP bendahara',
    opds: 'OPD yang dilaporkan',
    opdsHint: 'Kosong = semua OPD yang tidak disebut pemotong lain. Ketik kode OPD lalu Enter.',
    lists: 'Daftar yang dibayar',
    listGaji: 'Gaji (gaji induk, THR dan gaji ke-13)',
    listTpp: 'TPP',
    pnsDtpCertificate: 'Fasilitas bukti potong PNS',
    dtp: { 'N/A': 'N/A — pemotongan biasa', DTP: 'DTP — ditanggung pemerintah' },
    pppkAnnualForm: 'Bukti potong tahunan PPPK',
    annualForm: { A1: '1721-A1', A2: '1721-A2' },
    source: 'Dasar keputusan',
    sourceHint: 'Mis. konfirmasi KPP Pratama, nomor dan tanggal surat',
    decisionsTitle: 'Keputusan pelaporan',
  },
  // Tax files per masa and per year
  files: {
    title: 'Berkas pajak',
    intro:
      'Dibuat dari slip proses yang sudah dikunci. Pratinjau memakai juga proses yang baru disetujui dan diberi tanda. Setiap unduhan dicatat di jejak audit.',
    monthlyTitle: 'Berkas pajak bulanan (masa)',
    annualTitle: 'Berkas pajak tahunan',
    month: 'Masa pajak',
    year: 'Tahun pajak',
    withholder: 'Pemotong',
    opd: 'OPD (opsional)',
    allOpds: 'Semua OPD',
    nip: 'NIP pegawai',
    preview: 'Pratinjau (termasuk proses yang disetujui, belum dikunci)',
    bpmp: 'Unduh BPMP (XML Coretax)',
    recap: 'Unduh rekap PPh 21 (Excel)',
    a2Csv: 'Unduh 1721-A2 semua pegawai (CSV)',
    a2Pdf: 'Unduh 1721-A2 pegawai (PDF)',
    a1: 'Unduh BPA1 PPPK (XML Coretax)',
    a1Hint: (form: string) =>
      form === 'A1'
        ? 'PPPK menerima 1721-A1 (pengaturan di atas).'
        : 'PPPK menerima 1721-A2 menurut pengaturan di atas; BPA1 hanya dibuat bila diubah ke 1721-A1.',
    nipRequired: 'Isi NIP pegawai (18 digit)',
    downloaded: (what: string) => `${what} diunduh`,
    onRunPage: 'BPMP per masa juga tersedia di menu Ekspor ke pihak luar pada halaman proses.',
  },
} as const;
