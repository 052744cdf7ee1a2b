// The generated schema only (not the client, which needs the browser): the unit test runs in Node.
import type { components } from '../../api/schema';

export type Verification = components['schemas']['RunVerification'];
type Page = (fromChunk: number | undefined) => Promise<Verification>;

/**
 * The whole run's verification: GET /runs/{id}/verify checks a bounded number of chunks a call and
 * names `nextChunk` while more remain, so this asks again from there and adds the answers up. The
 * result exists only once every chunk has been checked: a part of the run is never shown as the run.
 */
export async function verifyWholeRun(
  page: Page,
  onProgress: (nextChunk: number) => void = () => {},
): Promise<Verification> {
  let fromChunk: number | undefined;
  let total: Verification | undefined;
  for (;;) {
    const part = await page(fromChunk);
    total = total
      ? {
          ...part,
          slips: total.slips + part.slips,
          differences: [...total.differences, ...part.differences],
          rulesetChangedSince: total.rulesetChangedSince + part.rulesetChangedSince,
          ok: total.ok && part.ok,
        }
      : part;
    if (part.nextChunk === undefined) {
      const { nextChunk: _none, ...whole } = total;
      return whole;
    }
    // A next chunk that does not move forward would ask for ever.
    if (fromChunk !== undefined && part.nextChunk <= fromChunk) {
      throw new Error(`verify: nextChunk ${part.nextChunk} does not move past ${fromChunk}`);
    }
    fromChunk = part.nextChunk;
    onProgress(fromChunk);
  }
}
