/** What a link to an export needs from the menu's answer (GET /runs/{runId}/exports). */
export interface ExportLinkEntry {
  readonly path: string;
  readonly scope: 'RUN' | 'OPD' | 'ACCOUNT' | 'MONTH';
}
export interface ExportLinkRun {
  readonly runId: string;
  readonly month: string;
  readonly menuState: 'READY' | 'PREVIEW' | 'UNAVAILABLE';
}

/** The entry's API path for this run, OPD and account; previews of an approved run say so. */
export function exportHref(
  entry: ExportLinkEntry,
  run: ExportLinkRun,
  opd: string,
  account: string | undefined,
): string {
  const path = entry.path
    .replaceAll('{runId}', encodeURIComponent(run.runId))
    .replaceAll('{month}', encodeURIComponent(run.month))
    .replaceAll('{opd}', encodeURIComponent(opd));
  const query = new URLSearchParams();
  // A per-masa file (tax) covers the whole month: no OPD filter unless its path names one.
  if (opd && entry.scope !== 'MONTH' && !entry.path.includes('{opd}')) query.set('opd', opd);
  if (account && entry.scope === 'ACCOUNT') query.set('account', account);
  if (run.menuState === 'PREVIEW') query.set('preview', 'true');
  const qs = query.toString();
  return qs ? `${path}?${qs}` : path;
}
