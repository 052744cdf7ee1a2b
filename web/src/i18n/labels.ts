import { ATURAN_AUDIT_ACTIONS, ATURAN_LABELS } from './labels-aturan';
import { EKSPOR_LABELS } from './labels-ekspor';
import { GAJI_LABELS } from './labels-gaji';
import { KINERJA_LABELS } from './labels-kinerja';
import { DISIPLIN_LABELS, KINERJA_BKPSDM_LABELS } from './labels-kinerja-bkpsdm';
import { PAJAK_LABELS } from './labels-pajak';
import { KOREKSI_LABELS, PEMBAYARAN_LABELS, RAPEL_LABELS } from './labels-pembayaran';
import { POTONGAN_LABELS, POTONGAN_SLIP_LABELS } from './labels-potongan';

/**
 * Every string a console user reads comes from here (UX reference: one label dictionary, no
 * hard-coded text). Formal register with "Anda"; buttons are base-form verbs, states passive forms.
 * Pages add their own section instead of writing text inline.
 */
export const ROLE_LABELS = {
  operator: 'Operator gaji',
  bkpsdm: 'BKPSDM',
  atasan: 'Atasan',
  pegawai: 'Pegawai',
  auditor: 'Auditor',
} as const;
export type RoleName = keyof typeof ROLE_LABELS;

/** ['atasan','pegawai'] → "Atasan, Pegawai". */
export function roleNames(roles: readonly string[]): string {
  return roles.map((r) => ROLE_LABELS[r as RoleName] ?? r).join(', ');
}

/** Run states as users see them; COMPUTING and FAILED are derived from the run's chunks. */
export const RUN_STATE_LABELS = {
  DRAFT: 'Draf',
  COMPUTING: 'Sedang dihitung',
  FAILED: 'Gagal dihitung',
  APPROVED: 'Disetujui',
  /** The month is locked and the paid ledger is being written chunk by chunk (LOCKED once complete). */
  LOCKING: 'Sedang dikunci',
  LOCKED: 'Dikunci',
} as const;
export type RunUiState = keyof typeof RUN_STATE_LABELS;

export const RUN_KIND_LABELS = {
  GAJI_TPP: 'Gaji & TPP',
  GAJI: 'Gaji',
  TPP: 'TPP',
  // Issue #15: the payments of the rest of the year.
  THR: 'THR',
  GAJI13: 'Gaji ke-13',
  RAPEL: 'Rapel / kekurangan gaji',
} as const;

export const L = {
  /** Payroll pages (Beranda operator/BKPSDM, proses, pegawai, pagu): ./labels-gaji.ts. */
  gaji: GAJI_LABELS,
  /** Appraisal journeys 1–3 (SKP saya, capaian saya, kinerja bawahan, lembar penilaian): ./labels-kinerja.ts. */
  kinerja: KINERJA_LABELS,
  /** Appraisal journeys 4–7 (kalibrasi, tindak lanjut, capaian unit, impor kinerja) and disiplin: ./labels-kinerja-bkpsdm.ts. */
  kinerjaBkpsdm: KINERJA_BKPSDM_LABELS,
  disiplin: DISIPLIN_LABELS,
  /** Exports for the outside world on the run page (#16): ./labels-ekspor.ts. */
  ekspor: EKSPOR_LABELS,
  /** Tenant rules, history, proposals and their approval (#17): ./labels-aturan.ts. */
  aturan: ATURAN_LABELS,
  /** Withholders and tax files (Pengaturan pajak), issue #15 console: ./labels-pajak.ts. */
  pajak: PAJAK_LABELS,
  /** THR, gaji ke-13, rapel and kelebihan as the slip and run pages mark them: ./labels-pembayaran.ts. */
  pembayaran: PEMBAYARAN_LABELS,
  rapel: RAPEL_LABELS,
  koreksi: KOREKSI_LABELS,
  /** Potongan lain on the slip: ./labels-potongan.ts. */
  potonganSlip: POTONGAN_SLIP_LABELS,
  /** The register page Potongan lain: ./labels-potongan.ts. */
  potongan: POTONGAN_LABELS,
  app: {
    name: 'SIGAP',
    fullName: 'Sistem Informasi Gaji dan Penilaian Kinerja ASN',
    title: 'SIGAP Konsol',
    skipToContent: 'Langsung ke isi halaman',
    loading: 'Memuat…',
  },
  nav: {
    label: 'Menu utama',
    beranda: 'Beranda',
    proses: 'Proses gaji',
    pegawai: 'Data pegawai',
    slipSaya: 'Slip saya',
    jejakAudit: 'Jejak audit',
    imporAbsensi: 'Impor absensi',
    imporPegawai: 'Impor pegawai',
    pagu: 'Pagu anggaran',
    openMenu: 'Buka menu',
  },
  shell: {
    signOut: 'Keluar',
    signedInAs: 'Masuk sebagai',
    readOnlyTitle: 'Mode baca',
    readOnlyBody: 'Anda masuk sebagai auditor: semua data dapat dibaca, tidak ada yang dapat diubah.',
    logoAlt: 'Logo pemerintah daerah',
  },
  signIn: {
    title: 'Masuk ke SIGAP',
    intro:
      'Pilih pengguna demo untuk masuk. Halaman ini hanya ada di lingkungan lokal; di server, Anda masuk melalui penyedia identitas pemerintah daerah Anda.',
    choose: 'Masuk',
    /** What the demo user may see, by their first role (the OPD code for an operator). */
    scope: (label: string, opds: readonly string[]) =>
      label === 'operator'
        ? `OPD ${opds.join(', ')}`
        : label === 'atasan'
          ? 'Data sendiri dan bawahan'
          : label === 'pegawai'
            ? 'Data sendiri'
            : 'Seluruh pemda',
    failed: 'Gagal masuk',
    unavailable:
      'Masuk dengan pengguna demo tidak tersedia di lingkungan ini. Hubungi admin pemerintah daerah Anda.',
  },
  page: {
    notYet: 'Belum tersedia',
    notYetBody: 'Halaman ini sedang dibangun.',
    notFound: 'Halaman tidak ditemukan',
    notFoundBody: 'Alamat yang Anda buka tidak ada di SIGAP Konsol.',
    forbidden: 'Halaman tidak tersedia untuk peran Anda',
    forbiddenBody: 'Menu ini tidak termasuk tugas peran Anda. Pilih halaman dari menu.',
    backHome: 'Kembali ke beranda',
    titles: {
      beranda: 'Beranda',
      proses: 'Daftar proses',
      detailProses: 'Detail proses',
      pegawai: 'Data pegawai',
      detailPegawai: 'Detail pegawai',
      slipSaya: 'Slip saya',
      rincianSlip: 'Rincian slip',
      jejakAudit: 'Jejak audit',
      imporAbsensi: 'Impor absensi',
      imporPegawai: 'Impor pegawai',
      pagu: 'Pagu anggaran',
    },
  },
  empty: {
    noData: 'Belum ada data',
    noResults: 'Tidak ada hasil untuk filter ini',
    clearFilter: 'Hapus filter',
    loadFailed: 'Gagal memuat',
    retry: 'Coba lagi',
  },
  table: {
    range: (from: string, to: string, total: string, noun: string) => `${from}–${to} dari ${total} ${noun}`,
    rangeOpen: (from: string, to: string, noun: string) => `${from}–${to} ${noun}`,
    previous: 'Sebelumnya',
    next: 'Berikutnya',
    pagination: 'Navigasi halaman tabel',
    sortedAsc: 'diurutkan naik',
    sortedDesc: 'diurutkan turun',
    sortBy: (column: string) => `Urutkan menurut ${column}`,
  },
  error: {
    title: 'Terjadi kesalahan',
    requestId: 'Kode permintaan',
    copy: 'Salin',
    copied: 'Disalin',
    copyHint: 'Sebutkan kode ini saat menghubungi dukungan.',
    summary: (n: number) =>
      n === 1 ? 'Ada 1 isian yang perlu diperbaiki' : `Ada ${n} isian yang perlu diperbaiki`,
    network: 'Tidak dapat menghubungi server. Periksa koneksi Anda, lalu coba lagi.',
    sessionExpired: 'Sesi Anda telah berakhir. Silakan masuk kembali.',
    unexpected: 'Server memberikan jawaban yang tidak dikenali.',
  },
  // ── Journeys 3–5 (slip, audit, imports) ──────────────────────────────────────────────────────
  mySlips: {
    intro: 'Slip gaji dan TPP Anda yang sudah dikunci, per bulan.',
    year: 'Tahun',
    caption: (year: string) => `Slip tahun ${year}`,
    noun: 'slip',
    month: 'Bulan',
    slipOf: (kind: string, month: string) => `${kind} ${month}`,
    gross: 'Jumlah kotor',
    deductions: 'Potongan',
    net: 'Jumlah bersih',
    download: 'Unduh',
    pdf: 'PDF',
    downloadOf: (month: string, kind: string) => `Unduh PDF slip ${kind} ${month}`,
    empty: (year: string) =>
      `Belum ada slip tahun ${year}. Slip tampil di sini setelah proses gaji bulan itu dikunci oleh BKPSDM.`,
  },
  slip: {
    title: (kind: string, month: string) => `Slip ${kind} ${month}`,
    notFound: 'Tidak ditemukan',
    notFoundBody: 'Slip ini tidak ada, belum dirilis, atau bukan slip yang dapat Anda lihat.',
    downloadPdf: 'Unduh PDF',
    golongan: 'Golongan',
    jabatan: 'Jabatan',
    kelas: 'kelas',
    opd: 'OPD · unit kerja',
    state: 'Status proses',
    tabLines: 'Rincian slip',
    tabWhy: 'Mengapa TPP saya segini?',
    tabSim: 'Simulasi TPP',
    component: 'Komponen',
    amount: 'Jumlah',
    tppTag: '(TPP)',
    basedOn: 'Dasar hukum',
    demoValue: 'nilai demo',
    passThroughNote:
      'Dibayar pemerintah daerah lalu dipotong kembali untuk disetor; tidak mengubah jumlah bersih.',
    penghasilan: 'Penghasilan',
    potongan: 'Potongan',
    bersih: 'Jumlah bersih',
    terbilang: 'Terbilang',
    totalPenghasilan: 'Jumlah penghasilan',
    totalPotongan: 'Jumlah potongan',
    iuranPemberiKerja: 'Iuran pemberi kerja',
    iuranPemberiKerjaNote:
      'Dibayar pemerintah daerah di luar gaji Anda; tidak tercetak di slip dan tidak menambah jumlah bersih.',
    totalIuran: 'Jumlah iuran pemberi kerja',
    informasi: 'Informasi',
    totalInformasi: 'Jumlah',
    warnings: 'Catatan',
    computedAt: (version: string) => `Dihitung dengan aturan versi ${version}.`,
    predikat: {
      SANGAT_BAIK: 'Sangat baik',
      BAIK: 'Baik',
      BUTUH_PERBAIKAN: 'Butuh perbaikan',
      CUKUP: 'Cukup',
      KURANG: 'Kurang',
      SANGAT_KURANG: 'Sangat kurang',
    },
    performanceStatus: {
      FINAL: 'Sudah dinilai',
      BELUM_DINILAI: 'Belum dinilai',
      TIDAK_ADA_SKP: 'Tidak ada SKP',
      SKP_BELUM_DISETUJUI: 'SKP belum disetujui',
    },
    why: {
      intro: (period: string) =>
        `TPP pada slip ini adalah TPP kinerja bulan ${period}. Urutannya: pagu kelas jabatan, lalu kinerja, disiplin dan hukuman disiplin, sampai jumlah yang dibayar.`,
      ceilingTitle: '1. Pagu TPP',
      ceiling: (kelas: number | undefined, amount: string) =>
        kelas === undefined
          ? `Pagu TPP: ${amount}`
          : `Pagu TPP untuk kelas jabatan ${kelas}: ${amount} sebulan.`,
      criteriaCaption: 'Pagu dibagi menurut kriteria',
      criterion: 'Kriteria',
      criterionCeiling: 'Pagu',
      criterionPaid: 'Dibayar',
      performanceTitle: '2. Kinerja (predikat)',
      predikat: (p: string) => `Predikat kinerja Anda bulan itu: ${p}.`,
      status: (s: string) => `Penilaian kinerja bulan itu: ${s}.`,
      noPerformance: 'Data penilaian kinerja bulan itu tidak tercatat pada slip.',
      missingTitle: 'Data belum lengkap',
      missingEvaluation:
        'Penilaian atasan belum ada; menurut aturan pemda, bagian kinerja dibayar tanpa potongan.',
      missingAttendance: 'Data presensi belum lengkap; menurut aturan pemda, tidak ada potongan kehadiran.',
      partCut: (label: string, percent: string) => `${label}: dipotong ${percent}`,
      disciplineTitle: '3. Disiplin (kehadiran dan cuti)',
      noCuts: 'Tidak ada potongan kehadiran atau cuti.',
      sanctionTitle: '4. Hukuman disiplin',
      noSanctions: 'Tidak ada hukuman disiplin yang berlaku.',
      sanction: (detail: string, percent: string) => `${detail}: TPP dipotong ${percent}`,
      amountTitle: '5. Jumlah TPP',
      formula: 'Rumus',
      amount: (a: string) => `TPP sebelum potongan: ${a}`,
      passThrough: (labels: string) =>
        `${labels} dibayar pemerintah daerah lalu dipotong kembali; tidak mengubah jumlah.`,
      net: (a: string) => `TPP yang Anda terima: ${a}`,
    },
    sim: {
      intro:
        'Coba ubah predikat, jumlah hari terlambat atau hukuman disiplin untuk melihat pengaruhnya pada TPP. Tidak ada data yang berubah.',
      controls: 'Ubah keadaan',
      predikat: 'Predikat kinerja',
      code: 'Jenis pelanggaran kehadiran',
      days: 'Jumlah kejadian',
      daysNow: (n: number) => `Tercatat: ${n}`,
      sanction: 'Hukuman disiplin',
      levels: { NONE: 'Tanpa hukuman', RINGAN: 'Ringan', SEDANG: 'Sedang', BERAT: 'Berat' },
      simulatedSk: 'SIMULASI',
      run: 'Tampilkan simulasi',
      result: 'Hasil simulasi',
      what: 'Komponen',
      real: 'Sebenarnya',
      simulated: 'Simulasi',
      difference: 'Selisih',
      rowTpp: 'TPP sebelum potongan',
      rowTppNet: 'TPP diterima',
      rowSlipNet: 'Jumlah bersih slip',
      formula: 'Rumus simulasi',
      note: 'Simulasi memakai data kepegawaian Anda yang tersimpan saat ini dan aturan yang berlaku di bulan slip; hasilnya bukan pembayaran.',
    },
  },
  homes: {
    pegawai: {
      intro: 'Slip terbaru Anda dan penjelasannya.',
      latestSlip: 'Slip terbaru',
      netLabel: 'Jumlah bersih yang Anda terima',
      openSlip: 'Lihat slip',
      allSlips: 'Semua slip',
      noSlip: 'Belum ada slip yang dirilis. Slip tampil setelah proses gaji dikunci oleh BKPSDM.',
      tppTitle: 'Tentang TPP Anda',
      tppBody:
        'Buka slip lalu pilih "Mengapa TPP saya segini?" untuk melihat perhitungan TPP dari pagu kelas jabatan sampai jumlah yang dibayar, dan "Simulasi TPP" untuk mencoba keadaan lain.',
    },
    auditor: {
      intro: 'Anda dapat membaca semua data pemerintah daerah ini; tidak ada yang dapat diubah.',
      auditTitle: 'Jejak audit',
      auditBody: 'Setiap perubahan data gaji dan kinerja: siapa, kapan, sebelum dan sesudah.',
      auditAction: 'Buka jejak audit',
      runsTitle: 'Proses gaji',
      runsBody: 'Proses per bulan dengan status, total dan riwayat persetujuan.',
      runsAction: 'Lihat proses',
      employeesTitle: 'Data pegawai',
      employeesBody: 'Data pegawai dengan riwayat perubahan bertanggal.',
      employeesAction: 'Lihat data pegawai',
    },
  },
  audit: {
    intro: 'Catatan setiap perubahan data, ditulis bersama perubahannya. Pilih jenis objek lalu saring.',
    filters: 'Saring jejak audit',
    entityType: 'Jenis objek',
    entityId: 'Kode objek',
    entityIdHint: 'Mis. NIP pegawai atau kode proses 2026-11-GAJI_TPP; kosongkan untuk semua.',
    actor: 'Pelaku',
    actorHint: 'NIP atau kode pengguna yang mengubah.',
    action: 'Aksi',
    anyAction: 'Semua aksi',
    from: 'Dari tanggal',
    to: 'Sampai tanggal',
    apply: 'Terapkan',
    shown: (n: number, zone: string) =>
      `${n} catatan di halaman ini · waktu ${zone === 'Asia/Jayapura' ? 'WIT' : zone === 'Asia/Makassar' ? 'WITA' : 'WIB'}`,
    empty: 'Belum ada catatan untuk jenis objek ini.',
    filteredPageEmpty: 'Halaman ini kosong, tetapi mungkin ada catatan di halaman berikutnya.',
    by: (sub: string) => `oleh ${sub}`,
    reason: 'Alasan',
    diffCaption: (entity: string, id: string) => `Perubahan ${entity} ${id}`,
    noChange: 'Tidak ada isian yang berubah.',
    field: 'Isian',
    before: 'Sebelum',
    after: 'Sesudah',
    absent: '(tidak ada)',
  },
  imports: {
    dropLabel: 'Pilih atau seret berkas',
    steps: 'Langkah impor',
    stepDone: 'selesai',
    dropTitle: 'Seret berkas ke sini atau tekan untuk memilih',
    rejected: 'Berkas ditolak',
    row: 'Baris',
    nip: 'NIP',
    column: 'Kolom',
    problem: 'Masalah',
    warning: 'Peringatan',
    moreIssues: (n: number) => `… dan ${n} masalah lain (ada di daftar yang dapat diunduh).`,
  },
  attendance: {
    intro:
      'Impor presensi mesin sebulan untuk satu OPD. Berkas disimpan hanya bila semua barisnya benar; bila ada yang salah, tidak ada yang disimpan dan setiap baris yang salah disebutkan.',
    month: 'Bulan presensi',
    opd: 'OPD',
    opdHint: 'Kode OPD, mis. DISDIK',
    stepTemplate: 'Unduh templat',
    stepUpload: 'Unggah',
    stepPreview: 'Pratinjau',
    stepImport: 'Impor',
    downloadTemplate: 'Unduh templat',
    templateHint: 'CSV dengan kolom nip, timestamp (YYYY-MM-DD HH:MM) dan type (IN, OUT atau TK).',
    dropHint: 'Berkas CSV ekspor mesin presensi, paling besar 5 MB.',
    fileRefused: 'Berkas tidak dapat dibaca',
    missingColumns: (cols: string) => `Kolom wajib tidak ada: ${cols}.`,
    noRows: 'Berkas tidak berisi baris data.',
    previewTitle: (name: string) => `Pratinjau ${name}`,
    counts: (rows: string, employees: string, days: string, problems: number) =>
      `${rows} baris, ${employees} pegawai, ${days} tanggal; ${problems === 0 ? 'tidak ada masalah bentuk data' : `${problems} masalah perlu diperbaiki`}.`,
    precheckCaption: 'Pemeriksaan awal: perbaiki baris berikut di berkas, lalu unggah lagi',
    previewCaption: (shown: string, total: string) => `${shown} baris pertama dari ${total}`,
    timestamp: 'Waktu',
    type: 'Jenis',
    badNip: 'NIP harus 18 digit (simpan kolom NIP sebagai teks).',
    badTimestamp: 'Format waktu harus YYYY-MM-DD HH:MM.',
    outsideMonth: (month: string) => `Tanggal di luar bulan ${month}.`,
    badType: 'Jenis harus IN, OUT, MASUK, PULANG atau TK.',
    commit: (rows: string) => `Impor ${rows} baris`,
    downloadIssues: 'Unduh daftar masalah',
    refusedTitle: 'Impor ditolak; tidak ada yang disimpan',
    refusedCaption: 'Baris yang ditolak server',
    serverChecking: 'Server memeriksa setiap baris (belum ada yang disimpan)…',
    serverCheckCaption: 'Pemeriksaan server: perbaiki baris berikut di berkas, lalu unggah lagi',
    serverCheckOk: (n: string) =>
      `Pemeriksaan server: ${n} baris benar. Belum ada yang disimpan; tekan Impor untuk menyimpan.`,
    monthLocked:
      'Bulan ini sudah dikunci karena proses yang membayar TPP-nya sudah dikunci; presensi hanya dapat diubah sebagai koreksi dengan alasan.',
    doneTitle: 'Presensi diimpor',
    done: (stored: string, employees: string, dup: string) =>
      `${stored} catatan presensi tersimpan untuk ${employees} pegawai; ${dup} baris ganda dilewati.`,
    coverageTitle: (month: string) => `Cakupan data ${month} per OPD`,
    coverageNotYet:
      'Cakupan per OPD tampil setelah hasil kinerja bulan ini dihitung. Hari kerja tanpa data tercatat sebagai "data belum ada", bukan TK.',
    cOpd: 'OPD',
    cEmployees: 'Pegawai',
    cComplete: 'Presensi lengkap',
    cMissingDays: 'Hari tanpa data',
    cEvaluationMissing: 'Belum dinilai',
  },
  employeeImport: {
    intro:
      'Impor data pegawai dari XLSX atau CSV (kolom SIASN diterima). Periksa dulu: setiap baris dan isian diperiksa tanpa menyimpan apa pun. Lalu impor baris yang benar.',
    stepTemplate: 'Unduh templat',
    stepUpload: 'Unggah',
    stepPreview: 'Pratinjau',
    stepImport: 'Impor',
    templateXlsx: 'Unduh templat XLSX',
    templateCsv: 'Unduh templat CSV',
    dropHint: 'XLSX atau CSV, paling besar 4 MB.',
    chosen: (name: string) => `Berkas: ${name}`,
    allOrNothing: 'Semua atau tidak sama sekali',
    allOrNothingHint: 'Bila dicentang, satu baris bermasalah menghentikan seluruh impor.',
    newOpds: 'OPD baru dalam berkas ini',
    newOpdsHint: 'Kode OPD yang belum dikenal, dipisah koma (hanya BKPSDM).',
    check: 'Periksa berkas',
    refused: 'Berkas ditolak',
    previewTitle: 'Pratinjau (belum ada yang disimpan)',
    resultTitle: 'Hasil impor',
    counts: (valid: string, invalid: string) => `${valid} baris valid, ${invalid} bermasalah`,
    actions: (create: string, update: string, unchanged: string, warnings: string) =>
      `${create} pegawai baru, ${update} diperbarui, ${unchanged} tidak berubah; ${warnings} baris dengan peringatan.`,
    committed: 'Impor selesai',
    commitResult: (created: string, updated: string, unchanged: string, rejected: string) =>
      `${created} dibuat, ${updated} diperbarui, ${unchanged} tidak berubah, ${rejected} ditolak.`,
    ignored: (cols: string) => `Kolom yang tidak dibaca: ${cols}.`,
    issuesCaption: (n: string) => `${n} masalah per baris dan kolom`,
    truncated: 'Daftar masalah dipotong; unduh daftar lengkap setelah memperbaiki baris di atas.',
    commit: (valid: string) => `Impor ${valid} baris valid`,
    downloadIssues: 'Unduh daftar masalah',
    toList: 'Lihat data pegawai',
    history: 'Riwayat impor',
    noHistory: 'Belum ada impor.',
    hWhen: 'Waktu',
    hFile: 'Berkas',
    hBy: 'Oleh',
    hCreated: 'Dibuat',
    hUpdated: 'Diperbarui',
    hRejected: 'Ditolak',
  },
  oidc: {
    intro: 'Masuk dengan akun yang diberikan pemerintah daerah Anda.',
    signIn: 'Masuk',
    callbackTitle: 'Masuk ke SIGAP',
    completing: 'Menyelesaikan proses masuk…',
    failed: 'Gagal masuk',
    again: 'Coba masuk lagi',
  },
  // ── Penghargaan prestasi (issue #15 console, pages/prestasi) ──────────────────────────────────
  prestasi: {
    title: 'Penghargaan prestasi',
    nav: 'Penghargaan prestasi',
    intro:
      'Keputusan (SK) BKPSDM yang memberi pegawai penghargaan prestasi untuk satu bulan kinerja. TPP bulan itu membayar bagian penghargaan menurut aturan insentif prestasi tenant. Satu SK per pegawai per bulan: SK yang dicatat kemudian menggantikannya (jejak audit menyimpan keduanya).',
    month: 'Bulan kinerja',
    ruleOn: (percent: string) =>
      `Aturan insentif prestasi tenant yang berlaku pada bulan ini memberi penghargaan prestasi sebesar ${percent} dari dasar TPP.`,
    ruleOffTitle: 'Bulan ini tidak memberi penghargaan prestasi',
    ruleOff:
      'Aturan insentif prestasi tenant (tpp.prestasi) yang berlaku pada bulan ini tidak memberi penghargaan prestasi, sehingga SK penghargaan tidak dapat dicatat: tidak ada yang akan membayarnya.',
    formTitle: (month: string) => `Catat penghargaan untuk ${month}`,
    nip: 'NIP pegawai',
    nipHint: '18 digit, boleh dengan spasi',
    skNumber: 'Nomor SK',
    skNumberHint: 'Contoh: 800/12/BKD/2026',
    skDate: 'Tanggal SK',
    skDateHint: 'Tidak boleh sebelum bulan kinerja',
    reason: 'Alasan penghargaan',
    reasonHint: 'Sebagaimana tertulis dalam SK (paling banyak 300 karakter)',
    save: 'Catat penghargaan',
    saved: (nama: string, month: string) => `Penghargaan prestasi ${nama} untuk ${month} tersimpan.`,
    caption: (month: string) => `Penghargaan prestasi ${month}`,
    noun: 'penghargaan',
    empty: 'Belum ada penghargaan prestasi yang dicatat untuk bulan ini.',
    readerNote: 'Anda dapat melihat daftar ini; penghargaan dicatat oleh BKPSDM.',
    operatorNote: 'Daftar berisi pegawai OPD Anda saja.',
    columns: {
      pegawai: 'Pegawai',
      sk: 'Surat keputusan',
      reason: 'Alasan',
      recorded: 'Dicatat',
    },
    skOf: (number: string, date: string) => `${number}, tanggal ${date}`,
    recordedBy: (who: string, at: string) => `${at} oleh ${who}`,
  },
  common: {
    save: 'Simpan',
    cancel: 'Batal',
    close: 'Tutup',
    details: 'Lihat rincian',
    download: 'Unduh',
  },
} as const;

/** Audit object types (GET /audit `entity`) as users read them. */
export const AUDIT_ENTITY_LABELS = {
  run: 'Proses gaji',
  employee: 'Pegawai',
  'employee-import': 'Impor pegawai',
  budget: 'Pagu anggaran',
  attendance: 'Presensi',
  discipline: 'Disiplin',
  evaluation: 'Evaluasi',
  result: 'Hasil kinerja',
  skp: 'SKP',
  'unit-score': 'Capaian unit',
  'unit-rating': 'Predikat unit',
  'prestasi-award': 'Penghargaan prestasi',
  'realization-import': 'Impor realisasi',
  calendar: 'Kalender kerja',
  library: 'Pustaka indikator',
  'opening-balance': 'Saldo awal',
  ruleset: 'Aturan',
  export: 'Ekspor berkas',
  // tax reporting (helper C)
  'tax-settings': 'Pemotong PPh 21',
  'tax-export': 'Berkas pajak',
} as const;

/** Audit actions as passive forms ("Diubah"); an action not listed shows its code. */
export const AUDIT_ACTION_LABELS = {
  CREATE: 'Dibuat',
  UPDATE: 'Diubah',
  START: 'Dimulai',
  RECOMPUTE: 'Dihitung ulang',
  EXCLUDE: 'Dikecualikan',
  WITHDRAW_EXCLUSION: 'Pengecualian dicabut',
  APPROVE: 'Disetujui',
  RETURN_TO_DRAFT: 'Dikembalikan ke draf',
  LOCK: 'Dikunci',
  IMPORT: 'Diimpor',
  CORRECTION: 'Dikoreksi',
  COMPUTE: 'Dihitung',
  LEAVE: 'Cuti dicatat',
  SANCTION: 'Hukuman dicatat',
  REALIZATION: 'Realisasi diisi',
  REVISE: 'Direvisi',
  REJECTED: 'Ditolak',
  EXPORT: 'Diekspor',
  // tax reporting (helper C): which tax file was handed out
  EXPORT_BPMP: 'BPMP Coretax diekspor',
  EXPORT_TAX_RECAP: 'Rekap PPh 21 diekspor',
  EXPORT_A2_PDF: 'Bukti potong 1721-A2 dicetak',
  EXPORT_A2_DATA: 'Data 1721-A2 diekspor',
  EXPORT_A1: 'BPA1 Coretax diekspor',
  ...ATURAN_AUDIT_ACTIONS,
} as const;
