import { type Gender, personName } from './names';
import type { Prng } from './prng';
import type { TenantProfile } from './tenant-profiles';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Keeps names, NIPs, NIKs and account numbers unique within a tenant. */
export class IdentityRegistry {
  private readonly names = new Set<string>();
  private readonly nips = new Set<string>();
  private nikSequence = 0;
  private accountSequence = 0;

  constructor(
    private readonly prng: Prng,
    private readonly profile: TenantProfile,
  ) {}

  uniqueName(gender: Gender): string {
    for (let tries = 0; ; tries++) {
      const nama = personName(this.prng, this.profile.region, gender);
      if (!this.names.has(nama) || tries > 50) {
        this.names.add(nama);
        return nama;
      }
    }
  }

  /** NIP = birth yyyymmdd + TMT yyyymm + gender digit + 3-digit sequence (never 000). */
  nip(
    birth: { year: number; month: number; day: number },
    tmt: { year: number; month: number },
    gender: Gender,
  ) {
    const head = `${birth.year}${pad(birth.month)}${pad(birth.day)}${tmt.year}${pad(tmt.month)}${gender === 'L' ? 1 : 2}`;
    for (;;) {
      const nip = `${head}${pad(this.prng.int(1, 999), 3)}`;
      if (!this.nips.has(nip)) {
        this.nips.add(nip);
        return nip;
      }
    }
  }

  /** NIK layout: region (6) + birth ddmmyy, women's day + 40 + sequence (4); used as the 16-digit NPWP. */
  nik(birth: { year: number; month: number; day: number }, gender: Gender): string {
    const day = birth.day + (gender === 'P' ? 40 : 0);
    const kecamatan = pad(this.prng.int(1, 17));
    this.nikSequence += 1;
    return `${this.profile.nikRegion}${kecamatan}${pad(day)}${pad(birth.month)}${pad(birth.year % 100)}${pad(this.nikSequence, 4)}`;
  }

  accountNumber(): string {
    this.accountSequence += 1;
    return `${this.profile.nikRegion.slice(0, 3)}${this.prng.digits(4)}${pad(this.accountSequence, 3)}`;
  }
}
