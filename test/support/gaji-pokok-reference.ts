import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Gaji pokok PNS from the domain reference (../shared/domain/gaji-pokok-pns-2024.json, PP 5/2024
 * Lampiran), looked up as its lookupRule says: the largest listed MKG ≤ the employee's whole MKG years;
 * above the last step, the last step. Not the ruleset the engine reads.
 */
const reference = JSON.parse(
  readFileSync(
    fileURLToPath(new URL('../../../shared/domain/gaji-pokok-pns-2024.json', import.meta.url)),
    'utf8',
  ),
) as { table: Record<string, Record<string, number>> };

export function gajiPokokPns(golongan: string, mkgYears: number): number {
  const steps = reference.table[golongan];
  if (!steps) throw new Error(`no gaji pokok row for golongan ${golongan}`);
  const listed = Object.keys(steps)
    .map(Number)
    .filter((mkg) => mkg <= mkgYears)
    .sort((a, b) => a - b);
  const step = listed.at(-1);
  if (step === undefined) throw new Error(`MKG ${mkgYears} below the first step of ${golongan}`);
  return steps[String(step)]!;
}
