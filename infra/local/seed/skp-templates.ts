import type { JabatanTemplate } from '../../../core/performance/indicator-library';

/**
 * The demo tenants' own indicator-library entries, for the jabatan the shared library
 * (rulesets/appraisal/indicator-library.json) does not cover: structural heads below the kepala OPD and
 * the fungsional of the demo OPDs. BKPSDM adds them through PUT /indicator-library/{key} before the SKPs
 * are drafted, as a pemda would; each sums to 100 and has a hasil kerja utama the atasan's plan can feed.
 */
type Target = JabatanTemplate['results'][number]['indicators'][number]['target'];
type IndicatorDef = JabatanTemplate['results'][number]['indicators'][number];

const count = (value: number, unit: string): Target => ({ aspect: 'KUANTITAS', value, unit });
const percent = (value: number): Target => ({ aspect: 'KUALITAS', percent: value });
const sum = (key: string, description: string, target: Target, weightPercent: number): IndicatorDef => ({
  key,
  description,
  target,
  direction: 'HIGHER_IS_BETTER',
  aggregation: 'SUM',
  weightPercent,
});
const average = (key: string, description: string, target: Target, weightPercent: number): IndicatorDef => ({
  key,
  description,
  target,
  direction: 'HIGHER_IS_BETTER',
  aggregation: 'AVERAGE',
  weightPercent,
});

/** Used by key when no entry matches the jabatan: the duties of the jabatan as a count and a quality. */
export const FALLBACK_TEMPLATE = 'pelaksanaan-tugas-jabatan';

export const TENANT_LIBRARY_ENTRIES: readonly JabatanTemplate[] = [
  {
    key: 'struktural-kepala-bidang',
    sector: 'Struktural',
    match: { kode: [], nama: ['kepala bidang'] },
    results: [
      {
        key: 'program-bidang',
        jenis: 'UTAMA',
        description: 'Terlaksananya program dan kegiatan bidang sesuai rencana kerja',
        indicators: [
          average(
            'kegiatan-tepat-jadwal',
            'Persentase kegiatan bidang yang terlaksana sesuai jadwal',
            percent(95),
            60,
          ),
          sum('laporan-kinerja', 'Jumlah laporan capaian kinerja bidang', count(12, 'laporan'), 40),
        ],
      },
    ],
  },
  {
    key: 'struktural-kepala-subbagian',
    sector: 'Struktural',
    match: { kode: [], nama: ['kepala subbagian'] },
    results: [
      {
        key: 'layanan-umum',
        jenis: 'UTAMA',
        description: 'Terselenggaranya layanan umum, kepegawaian dan keuangan perangkat daerah',
        indicators: [
          sum(
            'dokumen-kepegawaian',
            'Jumlah usulan dan dokumen kepegawaian yang diproses',
            count(240, 'dokumen'),
            60,
          ),
          average(
            'laporan-tepat-waktu',
            'Persentase laporan keuangan dan kepegawaian yang tepat waktu',
            percent(95),
            40,
          ),
        ],
      },
    ],
  },
  {
    key: 'dokter-puskesmas',
    sector: 'Kesehatan',
    match: { kode: [], nama: ['dokter'] },
    results: [
      {
        key: 'pelayanan-medis',
        jenis: 'UTAMA',
        description: 'Terlaksananya pelayanan medis dasar di puskesmas',
        indicators: [
          sum('pasien-dilayani', 'Jumlah pasien yang dilayani', count(3600, 'pasien'), 50),
          average('rekam-medis-lengkap', 'Persentase rekam medis yang lengkap', percent(95), 30),
        ],
      },
      {
        key: 'promosi-kesehatan',
        jenis: 'TAMBAHAN',
        description: 'Terlaksananya promosi kesehatan di wilayah kerja',
        indicators: [sum('kegiatan-promosi', 'Jumlah kegiatan promosi kesehatan', count(12, 'kegiatan'), 20)],
      },
    ],
  },
  {
    key: 'pranata-komputer',
    sector: 'Teknologi informasi',
    match: { kode: [], nama: ['pranata komputer'] },
    results: [
      {
        key: 'layanan-sistem',
        jenis: 'UTAMA',
        description: 'Tersedianya sistem informasi layanan yang andal',
        indicators: [
          sum(
            'permintaan-selesai',
            'Jumlah permintaan layanan TI yang diselesaikan',
            count(600, 'tiket'),
            40,
          ),
          average('ketersediaan-aplikasi', 'Persentase ketersediaan aplikasi layanan', percent(98), 40),
        ],
      },
      {
        key: 'dokumentasi-sistem',
        jenis: 'TAMBAHAN',
        description: 'Terdokumentasinya sistem dan prosedur teknis',
        indicators: [sum('dokumen-teknis', 'Jumlah dokumen teknis yang disusun', count(6, 'dokumen'), 20)],
      },
    ],
  },
  {
    key: 'analis-perencana',
    sector: 'Analisis dan perencanaan',
    match: { kode: [], nama: ['analis', 'perencana'] },
    results: [
      {
        key: 'kajian',
        jenis: 'UTAMA',
        description: 'Tersusunnya kajian dan rekomendasi sesuai bidang tugas',
        indicators: [
          sum('dokumen-kajian', 'Jumlah dokumen kajian/rekomendasi yang disusun', count(24, 'dokumen'), 50),
          average(
            'rekomendasi-ditindaklanjuti',
            'Persentase rekomendasi yang ditindaklanjuti',
            percent(80),
            30,
          ),
        ],
      },
      {
        key: 'koordinasi',
        jenis: 'TAMBAHAN',
        description: 'Terlaksananya koordinasi dengan pemangku kepentingan',
        indicators: [
          sum('forum-koordinasi', 'Jumlah forum koordinasi yang diikuti', count(12, 'kegiatan'), 20),
        ],
      },
    ],
  },
  {
    key: 'penyuluh-lapangan',
    sector: 'Penyuluhan',
    match: { kode: [], nama: ['penyuluh'] },
    results: [
      {
        key: 'penyuluhan',
        jenis: 'UTAMA',
        description: 'Meningkatnya kapasitas kelompok sasaran binaan',
        indicators: [
          sum('kunjungan-lapangan', 'Jumlah kunjungan ke kelompok binaan', count(144, 'kunjungan'), 50),
          average('kelompok-aktif', 'Persentase kelompok binaan yang aktif', percent(85), 30),
        ],
      },
      {
        key: 'pelaporan-lapangan',
        jenis: 'TAMBAHAN',
        description: 'Terlaporkannya hasil penyuluhan',
        indicators: [sum('laporan-penyuluhan', 'Jumlah laporan penyuluhan', count(12, 'laporan'), 20)],
      },
    ],
  },
  {
    key: 'penguji-kendaraan',
    sector: 'Perhubungan',
    match: { kode: [], nama: ['penguji kendaraan'] },
    results: [
      {
        key: 'uji-berkala',
        jenis: 'UTAMA',
        description: 'Terlaksananya pengujian berkala kendaraan bermotor',
        indicators: [
          sum('kendaraan-diuji', 'Jumlah kendaraan yang diuji', count(2400, 'kendaraan'), 50),
          average('uji-sesuai-standar', 'Persentase pengujian sesuai standar teknis', percent(95), 30),
        ],
      },
      {
        key: 'keselamatan',
        jenis: 'TAMBAHAN',
        description: 'Meningkatnya pemahaman keselamatan kendaraan',
        indicators: [sum('sosialisasi', 'Jumlah kegiatan sosialisasi keselamatan', count(6, 'kegiatan'), 20)],
      },
    ],
  },
  {
    key: 'pengendali-dampak-lingkungan',
    sector: 'Lingkungan hidup',
    match: { kode: [], nama: ['pengendali dampak'] },
    results: [
      {
        key: 'pengawasan-lingkungan',
        jenis: 'UTAMA',
        description: 'Terkendalinya dampak lingkungan usaha dan kegiatan',
        indicators: [
          sum('usaha-diawasi', 'Jumlah usaha/kegiatan yang diawasi', count(60, 'usaha'), 50),
          average('temuan-ditindaklanjuti', 'Persentase temuan yang ditindaklanjuti', percent(85), 30),
        ],
      },
      {
        key: 'rekomendasi-teknis',
        jenis: 'TAMBAHAN',
        description: 'Tersusunnya rekomendasi teknis lingkungan',
        indicators: [sum('dokumen-rekomendasi', 'Jumlah rekomendasi teknis', count(12, 'dokumen'), 20)],
      },
    ],
  },
  {
    key: 'pengolah-data',
    sector: 'Administrasi',
    match: { kode: [], nama: ['pengolah data'] },
    results: [
      {
        key: 'data-informasi',
        jenis: 'UTAMA',
        description: 'Tersedianya data dan informasi perangkat daerah yang mutakhir',
        indicators: [
          sum('berkas-diolah', 'Jumlah berkas data yang diolah', count(240, 'berkas'), 50),
          average('akurasi-data', 'Persentase data tanpa koreksi', percent(95), 30),
        ],
      },
      {
        key: 'pelaporan-data',
        jenis: 'TAMBAHAN',
        description: 'Tersajinya laporan data berkala',
        indicators: [sum('laporan-data', 'Jumlah laporan data berkala', count(12, 'laporan'), 20)],
      },
    ],
  },
  {
    key: FALLBACK_TEMPLATE,
    sector: 'Umum',
    match: { kode: [], nama: [] },
    results: [
      {
        key: 'tugas-jabatan',
        jenis: 'UTAMA',
        description: 'Terlaksananya tugas jabatan sesuai standar',
        indicators: [
          sum('keluaran-jabatan', 'Jumlah keluaran tugas jabatan', count(240, 'keluaran'), 60),
          average('keluaran-sesuai-standar', 'Persentase keluaran yang sesuai standar', percent(90), 40),
        ],
      },
    ],
  },
];
