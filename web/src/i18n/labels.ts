import { GAJI_LABELS } from './labels-gaji';

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
  LOCKED: 'Dikunci',
} as const;
export type RunUiState = keyof typeof RUN_STATE_LABELS;

export const RUN_KIND_LABELS = { GAJI_TPP: 'Gaji & TPP', GAJI: 'Gaji', TPP: 'TPP' } as const;

export const L = {
  /** Payroll pages (Beranda operator/BKPSDM, proses, pegawai, pagu): ./labels-gaji.ts. */
  gaji: GAJI_LABELS,
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
  common: {
    save: 'Simpan',
    cancel: 'Batal',
    close: 'Tutup',
    details: 'Lihat rincian',
    download: 'Unduh',
  },
} as const;
