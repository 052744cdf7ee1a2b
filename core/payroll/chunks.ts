/**
 * Splits a run's employees into chunks: per OPD (documents and operators think per OPD), a large OPD
 * cut into fixed-size pieces so one chunk always fits one Lambda invocation. The plan depends only on
 * the sorted employee list, so planning again after a crash yields the same chunk numbers.
 */
export interface ChunkPlan {
  no: number;
  opd: string;
  nips: string[];
}

export function planChunks(
  employees: readonly { nip: string; opd: string }[],
  maxPerChunk: number,
): ChunkPlan[] {
  const byOpd = new Map<string, string[]>();
  for (const e of employees) {
    const list = byOpd.get(e.opd) ?? [];
    list.push(e.nip);
    byOpd.set(e.opd, list);
  }
  const chunks: ChunkPlan[] = [];
  for (const opd of [...byOpd.keys()].sort()) {
    const nips = [...(byOpd.get(opd) ?? [])].sort();
    for (let i = 0; i < nips.length; i += maxPerChunk) {
      chunks.push({ no: chunks.length, opd, nips: nips.slice(i, i + maxPerChunk) });
    }
  }
  return chunks;
}
