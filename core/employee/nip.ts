/**
 * NIP PNS (18 digits) as assigned by BKN: yyyymmdd (birth) + yyyymm (TMT CPNS) + g (1 = laki-laki,
 * 2 = perempuan) + nnn (sequence). PPPK NIPs follow the same layout with the TMT of the contract.
 * The layout is BKN practice (Perka BKN on NIP; UNVERIFIED article); we validate the parts a typo
 * would most likely break: a real birth date, a real TMT month not before the 18th birthday year,
 * and the gender digit.
 */
export interface NipParts {
  birthDate: string; // YYYY-MM-DD
  tmtMonth: string; // YYYY-MM
  gender: 'L' | 'P';
  sequence: string;
}

export type NipCheck = { ok: true; parts: NipParts } | { ok: false; reason: string };

const NIP_PATTERN = /^\d{18}$/;

function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth;
}

export function checkNip(nip: string): NipCheck {
  if (!NIP_PATTERN.test(nip)) return { ok: false, reason: 'NIP harus 18 digit angka' };
  const by = Number(nip.slice(0, 4));
  const bm = Number(nip.slice(4, 6));
  const bd = Number(nip.slice(6, 8));
  if (by < 1940 || !isRealDate(by, bm, bd)) {
    return { ok: false, reason: 'tanggal lahir dalam NIP (digit 1–8) tidak valid' };
  }
  const ty = Number(nip.slice(8, 12));
  const tm = Number(nip.slice(12, 14));
  if (tm < 1 || tm > 12 || ty < by + 17 || ty > 2100) {
    return { ok: false, reason: 'TMT dalam NIP (digit 9–14) tidak valid' };
  }
  const g = nip.charAt(14);
  if (g !== '1' && g !== '2') {
    return { ok: false, reason: 'digit jenis kelamin dalam NIP (digit 15) harus 1 atau 2' };
  }
  const seq = nip.slice(15);
  if (seq === '000') return { ok: false, reason: 'nomor urut dalam NIP (digit 16–18) tidak boleh 000' };
  return {
    ok: true,
    parts: {
      birthDate: `${nip.slice(0, 4)}-${nip.slice(4, 6)}-${nip.slice(6, 8)}`,
      tmtMonth: `${nip.slice(8, 12)}-${nip.slice(12, 14)}`,
      gender: g === '1' ? 'L' : 'P',
      sequence: seq,
    },
  };
}
