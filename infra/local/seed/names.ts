import type { Prng } from './prng';

/**
 * Name pools by region, so each demo tenant looks like its place: Javanese names in Bantul, Malay,
 * Batak and Karo names in Binjai, Ternate/Tidore and Maluku names in Sofifi. Bukitintan is fictional
 * and mixes them, as a town of migrants would.
 */
export type NameRegion = 'jawa' | 'sumut' | 'malut' | 'campuran';
export type Gender = 'L' | 'P';

interface Pool {
  given: Record<Gender, readonly string[]>;
  /** Family names (a marga) or second given names, by the gender of the bearer. */
  family: Record<Gender, readonly string[]>;
  familyShare: number;
}

const neutral = (names: readonly string[]) => ({ L: names, P: names });

const POOLS: Record<Exclude<NameRegion, 'campuran'>, Pool> = {
  jawa: {
    given: {
      L: [
        'Agus',
        'Bambang',
        'Budi',
        'Eko',
        'Joko',
        'Slamet',
        'Wahyu',
        'Heru',
        'Teguh',
        'Sugeng',
        'Hartono',
        'Purwanto',
        'Bayu',
        'Dwi',
        'Yoga',
        'Aris',
        'Ahmad',
        'Rudi',
        'Sutrisno',
        'Wisnu',
        'Galih',
        'Danang',
      ],
      P: [
        'Sri',
        'Endang',
        'Wulan',
        'Tri',
        'Yuliani',
        'Siti',
        'Dewi',
        'Rini',
        'Sulastri',
        'Ratna',
        'Nur',
        'Lestari',
        'Retno',
        'Ayu',
        'Puji',
        'Wahyuningsih',
        'Anik',
        'Esti',
        'Fitri',
        'Nining',
      ],
    },
    // Javanese second names are gendered (Santoso for men, Rahayu for women).
    family: {
      L: [
        'Santoso',
        'Susanto',
        'Wibowo',
        'Prasetyo',
        'Nugroho',
        'Setiawan',
        'Kurniawan',
        'Hidayat',
        'Purnomo',
        'Saputra',
        'Widodo',
        'Haryanto',
        'Raharjo',
        'Firmansyah',
      ],
      P: [
        'Rahayu',
        'Wahyuni',
        'Handayani',
        'Utami',
        'Lestari',
        'Mulyani',
        'Pratiwi',
        'Astuti',
        'Wulandari',
        'Susanti',
        'Purwaningsih',
        'Kusumawati',
      ],
    },
    familyShare: 0.8,
  },
  sumut: {
    given: {
      L: [
        'Maruli',
        'Hotman',
        'Bonar',
        'Lamhot',
        'Rizky',
        'Syahrial',
        'Zulkifli',
        'Fauzi',
        'Tengku Rahmat',
        'Muhammad Syafii',
        'Darwin',
        'Edison',
        'Anwar',
        'Irwansyah',
        'Rudianto',
        'Benny',
        'Khairul',
        'Amri',
      ],
      P: [
        'Rosmawati',
        'Tiurma',
        'Junita',
        'Nurhayati',
        'Fitriani',
        'Khairunnisa',
        'Nur Aisyah',
        'Sri Ulina',
        'Rahmadani',
        'Dahlia',
        'Masniari',
        'Lenny',
        'Novita',
        'Yusnita',
        'Erna',
        'Rosdiana',
      ],
    },
    family: neutral([
      'Siregar',
      'Nasution',
      'Lubis',
      'Harahap',
      'Sitepu',
      'Ginting',
      'Tarigan',
      'Sembiring',
      'Simanjuntak',
      'Hutagalung',
      'Sinaga',
      'Purba',
      'Saragih',
      'Damanik',
      'Batubara',
      'Pane',
    ]),
    familyShare: 0.85,
  },
  malut: {
    given: {
      L: [
        'Abdul Gani',
        'Ismail',
        'Rusmin',
        'Samsudin',
        'Fadli',
        'Jufri',
        'Hamid',
        'Kasman',
        'Yusuf',
        'Ridwan',
        'Nasrun',
        'Arifin',
        'Muhlis',
        'Zainal',
        'Yohanis',
        'Frans',
        'Daniel',
        'Hasan',
      ],
      P: [
        'Nurjana',
        'Fatma',
        'Hadija',
        'Rukmini',
        'Salma',
        'Marlina',
        'Sitti Nurhaya',
        'Hasna',
        'Yuliana',
        'Maria',
        'Grace',
        'Wa Ode Nur',
        'Sarifa',
        'Rahmawati',
        'Nona',
        'Jamila',
      ],
    },
    family: neutral([
      'Sangadji',
      'Umasangadji',
      'Marasabessy',
      'Tuasikal',
      'Latuconsina',
      'Pattiasina',
      'Wattimena',
      'Siahaya',
      'Kasuba',
      'Djafar',
      'Tomagola',
      'Hamisi',
      'Ohorella',
      'Pelupessy',
      'Taher',
      'Abdullah',
    ]),
    familyShare: 0.9,
  },
};

export function personName(prng: Prng, region: NameRegion, gender: Gender): string {
  const pool = POOLS[region === 'campuran' ? prng.pick(['jawa', 'sumut', 'malut'] as const) : region];
  const given = prng.pick(pool.given[gender]);
  if (!prng.chance(pool.familyShare)) return given;
  const family = prng.pick(pool.family[gender].filter((f) => !given.includes(f)));
  return `${given} ${family}`;
}

/** Children carry the father's marga or family name where the region does so. */
export function childName(prng: Prng, region: NameRegion, parentName: string): string {
  const gender: Gender = prng.chance(0.5) ? 'L' : 'P';
  const poolRegion = region === 'campuran' ? 'jawa' : region;
  const given = prng.pick(POOLS[poolRegion].given[gender]);
  const family = parentName.split(' ').at(-1) ?? '';
  const keepsFamily = poolRegion !== 'jawa' && POOLS[poolRegion].family.L.includes(family);
  return keepsFamily && !given.includes(family) ? `${given} ${family}` : given;
}
