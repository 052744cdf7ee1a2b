import { auditEntry } from '../../../core/audit/audit';
import type { Principal } from '../../../core/auth/principal';
import { DomainError, notFound } from '../../../core/errors';
import type { Rating } from '../../../core/performance/predikat';
import { keys } from '../../table/keys';
import { asAtasanOf } from '../access';
import type { AppraisalDeps } from '../deps';
import { inputLockMonths, settingsFor } from '../settings';
import { type PeerAsk, parse, records, type StoredPeerRating, splitMonthBundle } from '../store/records';

/**
 * Umpan balik rekan kerja, where the tenant enables it: the atasan chooses the raters; each rater
 * submits once (the latest counts); the ratee only ever sees the aggregate of the month's result.
 */
function assertEnabled(month: string, deps: AppraisalDeps) {
  const settings = settingsFor(deps.tenantId, month);
  if (!settings.peerFeedback.enabled) {
    throw new DomainError(
      'CONFLICT',
      'PEER_FEEDBACK_DISABLED',
      'Umpan balik rekan kerja tidak digunakan di tenant ini',
    );
  }
  return settings;
}

export async function choosePeerRaters(
  month: string,
  nip: string,
  raters: readonly string[],
  principal: Principal,
  deps: AppraisalDeps,
) {
  await asAtasanOf(nip, principal, deps);
  assertEnabled(month, deps);
  const issues: { path: string; message: string }[] = [];
  raters.forEach((r, i) => {
    if (r === nip)
      issues.push({ path: `body.raters[${i}]`, message: 'pegawai tidak menilai dirinya sendiri' });
  });
  const found = new Set(
    (await deps.store.batchGet(raters.map((r) => keys.employee(r)))).map((i) => String(i.nip)),
  );
  raters.forEach((r, i) => {
    if (!found.has(r))
      issues.push({ path: `body.raters[${i}]`, message: 'NIP tidak terdaftar sebagai pegawai' });
  });
  if (issues.length > 0)
    throw new DomainError('INVALID', 'VALIDATION_FAILED', 'Penilai rekan kerja tidak valid', issues);
  const bundle = splitMonthBundle(await deps.store.queryAll(keys.monthInputs(nip, month)));
  const already = new Set(bundle.peerAsks.map((a) => a.raterNip));
  const fresh: PeerAsk[] = raters
    .filter((r) => !already.has(r))
    .map((raterNip) => ({ nip, month, raterNip, askedBy: principal.sub, at: deps.now }));
  if (fresh.length > 0) {
    await deps.store.commit({
      lockMonths: inputLockMonths(await deps.tenantRules(), month),
      correction: false,
      changes: fresh.map((a) => ({
        kind: 'create' as const,
        item: records.peerAsk(a),
        onConflict: new DomainError('CONFLICT', 'ALREADY_EXISTS', `Penilai ${a.raterNip} sudah diminta`),
      })),
      audits: [
        auditEntry(principal, {
          entityType: 'evaluation',
          entityId: `${nip}#${month}`,
          action: 'PEER_RATERS',
          at: deps.now,
          requestId: deps.requestId,
          after: { added: fresh.map((a) => a.raterNip) },
        }),
      ],
    });
  }
  return { nip, month, raters: [...already, ...fresh.map((a) => a.raterNip)].sort() };
}

export async function submitPeerFeedback(
  month: string,
  nip: string,
  body: { score?: number | undefined; rating?: Rating | undefined },
  principal: Principal,
  deps: AppraisalDeps,
) {
  assertEnabled(month, deps);
  // Only an asked rater may rate; to anyone else the ratee is simply not there.
  const ask = await deps.store.get(keys.peerAsk(nip, month, principal.sub));
  if (!ask) throw notFound('Tidak ada permintaan umpan balik untuk pegawai ini');
  const rating: StoredPeerRating =
    body.score !== undefined
      ? { raterNip: principal.sub, score: body.score as 1 | 2 | 3 | 4 | 5, at: deps.now }
      : { raterNip: principal.sub, rating: body.rating as Rating, at: deps.now };
  await deps.store.commit({
    lockMonths: inputLockMonths(await deps.tenantRules(), month),
    correction: false,
    changes: [{ kind: 'put', item: records.peerRating(nip, month, rating) }],
    audits: [
      auditEntry(principal, {
        entityType: 'evaluation',
        entityId: `${nip}#${month}`,
        action: 'PEER_FEEDBACK',
        at: deps.now,
        requestId: deps.requestId,
        // The value stays out of the audit trail: it would tie a score to its rater.
        after: { submitted: true },
      }),
    ],
  });
  return { nip, month, submitted: true };
}

/** The rater's to-do list for a month. */
export async function assignedPeerReviews(
  month: string,
  query: { limit: number; nextToken?: string | undefined },
  principal: Principal,
  deps: AppraisalDeps,
) {
  const q = keys.peerAsksOfRater(principal.sub, month);
  const page = await deps.store.queryPage({
    index: q.index,
    pk: q.pk,
    limit: query.limit,
    nextToken: query.nextToken,
  });
  const asks = page.items.map(parse.peerAsk);
  const [ratings, employees] = await Promise.all([
    deps.store.batchGet(asks.map((a) => keys.peerRating(a.nip, month, principal.sub))),
    deps.store.batchGet(asks.map((a) => keys.employee(a.nip))),
  ]);
  const done = new Set(ratings.map((i) => i.pk));
  // The rater sees whom they rate (name and jabatan to answer the questionnaire); the ratee never sees the rater.
  const who = new Map(employees.map(parse.employee).map((e) => [e.identity.nip, e]));
  return {
    month,
    items: asks.map((a) => ({
      nip: a.nip,
      nama: who.get(a.nip)?.identity.nama ?? null,
      jabatan: who.get(a.nip)?.current.jabatan.nama ?? null,
      month,
      submitted: done.has(keys.appraisal(a.nip).pk),
    })),
    ...(page.nextToken ? { nextToken: page.nextToken } : {}),
  };
}
