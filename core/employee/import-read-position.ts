import type { JabatanWithKelas } from './employee';
import { digitsOnly } from './identity-numbers';
import type { ImportReference } from './import-reference';
import { DATE_HINT, type RowReader } from './import-row';
import {
  type JabatanType,
  parseDate,
  parseEselon,
  parseJenisJabatan,
  parseWhole,
  upperSnake,
} from './import-values';
import { checkNip } from './nip';

/**
 * Jabatan and placement of an import row: the jabatan type decides which table its tunjangan comes from
 * (exactly one of struktural, fungsional, umum), the kelas must be one the tenant's TPP rules pay.
 */
export function readJabatan(
  r: RowReader,
  ref: ImportReference,
  tmtStart: string | undefined,
): { value: JabatanWithKelas; from?: string } | undefined {
  const type: JabatanType | undefined = r.parsed(
    'jenis_jabatan',
    parseJenisJabatan,
    'struktural, fungsional atau pelaksana',
  );
  const nama = r.required('nama_jabatan');
  const kelas = r.parsed('kelas_jabatan', parseWhole, 'bilangan bulat 1–17');
  const from = r.optional('tmt_jabatan', parseDate, DATE_HINT);
  if (nama !== undefined && (nama.length < 2 || nama.length > 120))
    r.error('nama_jabatan', 'panjang 2–120 karakter');
  if (kelas !== undefined && !ref.kelasJabatan.has(kelas)) {
    r.error(
      'kelas_jabatan',
      `kelas ${kelas} tidak ada dalam tabel TPP tenant (${[...ref.kelasJabatan].sort((a, b) => a - b).join(', ')})`,
    );
  }
  if (from && tmtStart && from < tmtStart) r.error('tmt_jabatan', `tidak boleh sebelum TMT awal ${tmtStart}`);
  if (!type || !nama || kelas === undefined || !ref.kelasJabatan.has(kelas)) return undefined;
  const at = from ? { from } : {};
  if (type === 'PELAKSANA') return { value: { type, nama, kelasJabatan: kelas }, ...at };
  if (type === 'STRUKTURAL') {
    const eselon = r.parsed('eselon', parseEselon, 'eselon I.a sampai V.a');
    if (!eselon) return undefined;
    if (!ref.eselonWithTunjangan.has(eselon)) {
      r.error('eselon', `eselon ${eselon} tidak ada dalam tabel tunjangan struktural`);
      return undefined;
    }
    return { value: { type, nama, eselon, kelasJabatan: kelas }, ...at };
  }
  const jenjang = r.parsed('jenjang', (t) => upperSnake(t) || undefined, 'jenjang jabatan fungsional');
  const tunjangan = r.optional('tunjangan_jabatan', parseWhole, 'rupiah bulat');
  const kode = fungsionalKode(r, nama, ref);
  if (!jenjang || !kode) return undefined;
  if (tunjangan === undefined && ref.fungsional.get(kode)?.[jenjang] === undefined) {
    const known = Object.keys(ref.fungsional.get(kode) ?? {}).join(', ');
    r.error(
      'jenjang',
      known
        ? `jenjang ${jenjang} tidak ada dalam tabel tunjangan fungsional ${kode} (${known}); isi tunjangan_jabatan menurut SK`
        : `jabatan fungsional ${kode} tidak ada dalam tabel tunjangan; isi tunjangan_jabatan menurut SK`,
    );
    return undefined;
  }
  return {
    value: {
      type,
      nama,
      kode,
      jenjang,
      ...(tunjangan !== undefined ? { tunjangan } : {}),
      kelasJabatan: kelas,
    },
    ...at,
  };
}

/** The code of a jabatan fungsional: kode_jabatan, or the table code its name starts with ("Guru Ahli Muda" → GURU). */
function fungsionalKode(r: RowReader, nama: string, ref: ImportReference): string | undefined {
  const explicit = r.text('kode_jabatan');
  if (explicit !== '') {
    const kode = upperSnake(explicit);
    if (!/^[A-Z0-9_]{2,40}$/.test(kode)) {
      r.error('kode_jabatan', 'kode jabatan fungsional: 2–40 huruf, angka atau _');
      return undefined;
    }
    return kode;
  }
  const name = upperSnake(nama);
  let best: string | undefined;
  for (const code of ref.fungsional.keys()) {
    if ((name === code || name.startsWith(`${code}_`)) && code.length > (best?.length ?? 0)) best = code;
  }
  if (best) return best;
  if (r.text('tunjangan_jabatan') !== '') return name.slice(0, 40) || undefined;
  r.error(
    'kode_jabatan',
    `jabatan fungsional "${nama}" tidak ditemukan dalam tabel tunjangan fungsional (${[...ref.fungsional.keys()].join(', ')}); isi kode_jabatan dan tunjangan_jabatan menurut SK`,
  );
  return undefined;
}

export function readPenempatan(r: RowReader, nip: string | undefined, tmtStart: string | undefined) {
  const before = r.issues.length;
  const opdText = r.required('opd_kode');
  const unit = r.required('sub_unit');
  const opd = opdText?.toUpperCase();
  if (opd !== undefined && !/^[A-Z0-9][A-Z0-9._-]{1,30}$/.test(opd)) {
    r.error('opd_kode', 'kode OPD: 2–31 huruf besar, angka, . _ -');
  }
  if (unit !== undefined && (unit.length < 2 || unit.length > 120))
    r.error('sub_unit', 'panjang 2–120 karakter');
  let atasanNip: string | null | undefined;
  if (r.has('nip_atasan')) {
    atasanNip = digitsOnly(r.text('nip_atasan')) || null;
    const check = atasanNip ? checkNip(atasanNip) : undefined;
    if (check && !check.ok) r.error('nip_atasan', check.reason);
    if (atasanNip && atasanNip === nip) r.error('nip_atasan', 'atasan tidak boleh diri sendiri');
  }
  // tmt_jabatan was read (and reported) by readJabatan; a mutation without its own TMT takes it.
  const own = r.optional('tmt_penempatan', parseDate, DATE_HINT);
  const from = own ?? parseDate(r.text('tmt_jabatan'));
  if (own && tmtStart && own < tmtStart)
    r.error('tmt_penempatan', `tidak boleh sebelum TMT awal ${tmtStart}`);
  if (!opd || !unit || r.issues.slice(before).some((i) => i.severity === 'ERROR')) return undefined;
  return { opd, unit, ...(atasanNip !== undefined ? { atasanNip } : {}), ...(from ? { from } : {}) };
}
