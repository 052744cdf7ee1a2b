import { Alert, Anchor, Button, Card, Group, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, ok, type Schema } from '../../api/client';
import { useMe, useReadOnly, useRoles } from '../../auth/useAuth';
import { ApiErrorAlert } from '../../components/ErrorDisplay';
import { Rupiah } from '../../components/Money';
import { type Column, PagedTable } from '../../components/PagedTable';
import { PageHeader } from '../../components/PageHeader';
import { notifyOk, useTenantClock } from '../../components/run/hooks';
import { formatDate, formatDateTime, formatMonth, formatNip, formatRupiahDelta } from '../../format';
import { pathTo } from '../../routes';
import {
  A,
  ChangeStatusChip,
  confidenceLabel,
  DiffList,
  diffValues,
  monthOptions,
  parameterSlug,
  type RuleChange,
  sourceText,
  useRules,
} from './shared';

const D = A.detail;
const P = A.preview;
type Preview = Schema<'RulePreview'>;

const money = (v: number) => <Rupiah value={v} />;
const delta = (v: number) => formatRupiahDelta(v);

const opdColumns: Column<Preview['opds'][number]>[] = [
  { key: 'opd', header: P.opd, rowHeader: true, cell: (o) => o.opd },
  { key: 'employees', header: P.employees, align: 'right', cell: (o) => o.employees },
  { key: 'affected', header: P.affected, align: 'right', cell: (o) => o.affected },
  { key: 'tppBefore', header: P.tppBefore, align: 'right', cell: (o) => money(o.tppBefore) },
  { key: 'tppAfter', header: P.tppAfter, align: 'right', cell: (o) => money(o.tppAfter) },
  { key: 'tppDiff', header: P.tppDiff, align: 'right', cell: (o) => delta(o.tppDiff) },
  { key: 'bersihBefore', header: P.bersihBefore, align: 'right', cell: (o) => money(o.bersihBefore) },
  { key: 'bersihAfter', header: P.bersihAfter, align: 'right', cell: (o) => money(o.bersihAfter) },
  { key: 'bersihDiff', header: P.bersihDiff, align: 'right', cell: (o) => delta(o.bersihDiff) },
];

const peopleColumns: Column<Preview['mostAffected'][number]>[] = [
  { key: 'nip', header: P.nip, rowHeader: true, cell: (p) => formatNip(p.nip) },
  { key: 'nama', header: P.nama, cell: (p) => p.nama },
  { key: 'opd', header: P.opd, cell: (p) => p.opd },
  { key: 'tppDiff', header: P.tppDiff, align: 'right', cell: (p) => delta(p.tppDiff) },
  { key: 'bersihBefore', header: P.bersihBefore, align: 'right', cell: (p) => money(p.bersihBefore) },
  { key: 'bersihAfter', header: P.bersihAfter, align: 'right', cell: (p) => money(p.bersihAfter) },
  { key: 'bersihDiff', header: P.bersihDiff, align: 'right', cell: (p) => delta(p.bersihDiff) },
];

const correctionColumns: Column<Preview['corrections'][number]>[] = [
  { key: 'month', header: P.correctionMonth, rowHeader: true, cell: (c) => formatMonth(c.month) },
  { key: 'employees', header: P.affected, align: 'right', cell: (c) => c.employees },
  { key: 'kekurangan', header: P.kekurangan, align: 'right', cell: (c) => money(c.kekurangan) },
  { key: 'kelebihan', header: P.kelebihan, align: 'right', cell: (c) => money(c.kelebihan) },
];

/** One proposal: what it changes, its effect on a month's pay, and the four-eyes decision. */
export default function DetailUsulanPage() {
  const { changeId = '' } = useParams();
  const change = useQuery({
    queryKey: ['ruleChange', changeId],
    queryFn: () => ok(api.GET('/rule-changes/{changeId}', { params: { path: { changeId } } })),
  });
  const c = change.data;
  return (
    <Stack gap="lg">
      <PageHeader
        title={c ? `${A.titles.detailUsulan}: ${c.title}` : A.titles.detailUsulan}
        actions={
          <Anchor component={Link} to={pathTo('aturan')}>
            {A.history.back}
          </Anchor>
        }
      />
      {change.error ? <ApiErrorAlert error={change.error} /> : null}
      {c ? (
        <>
          <Summary change={c} />
          <Changes change={c} />
          <PreviewSection change={c} />
          <Decision change={c} />
        </>
      ) : null}
    </Stack>
  );
}

function Summary(props: { change: RuleChange }) {
  const c = props.change;
  const { timeZone } = useTenantClock();
  return (
    <Card withBorder>
      <Stack gap={6}>
        <Group>
          <ChangeStatusChip status={c.status} />
          <Text size="sm">{D.proposed(c.proposedBy, formatDateTime(c.proposedAt, timeZone))}</Text>
        </Group>
        {c.decidedBy && c.decidedAt ? (
          <Text size="sm">
            {D.decided(A.status[c.status], c.decidedBy, formatDateTime(c.decidedAt, timeZone))}
          </Text>
        ) : null}
        {c.note ? (
          <Text size="sm">
            {D.note}: {c.note}
          </Text>
        ) : null}
        <Text size="sm">
          {D.source}: {sourceText(c.source)} · {confidenceLabel(c.confidence)}
          {c.source.document ? ` · ${c.source.document}` : ''}
        </Text>
        <Text size="sm">
          {D.effective}: {formatDate(c.effectiveFrom)} · {D.firstMonth}: {formatMonth(c.firstMonth)}
        </Text>
        <Text size="sm">
          {D.lockedMonths}: {c.lockedMonths.length ? c.lockedMonths.map(formatMonth).join(', ') : D.noLocked}
        </Text>
        {c.retroactiveReason ? (
          <Text size="sm">
            {D.retroactive}: {c.retroactiveReason}
          </Text>
        ) : null}
      </Stack>
    </Card>
  );
}

/** Each changed parameter against the value in force in the change's first month (before it applies). */
function Changes(props: { change: RuleChange }) {
  const c = props.change;
  const inForce = useRules('tenant', c.firstMonth);
  return (
    <section aria-labelledby="nilai-heading">
      <Title order={2} size="h3" id="nilai-heading" mb="sm">
        {D.changes}
      </Title>
      <Stack gap="sm">
        {c.changes.map((x) => {
          const current = inForce.data?.rules.find((r) => r.id === x.parameterId);
          return (
            <Card withBorder key={x.parameterId}>
              <Text fw={600} mb={4}>
                {D.diffCaption(x.label)}
              </Text>
              {c.status === 'APPROVED' ? (
                <Anchor
                  component={Link}
                  to={pathTo('riwayatAturan', { parameterId: parameterSlug(x.parameterId) })}
                >
                  {A.historyLink(x.label)}
                </Anchor>
              ) : (
                <DiffList diff={diffValues(current?.value, x.value)} empty={D.noDiff} />
              )}
            </Card>
          );
        })}
      </Stack>
    </section>
  );
}

function PreviewSection(props: { change: RuleChange }) {
  const c = props.change;
  const clock = useTenantClock();
  const [month, setMonth] = useState(c.lockedMonths.at(-1) ?? clock.month);
  const [asked, setAsked] = useState<string>();
  const preview = useQuery({
    queryKey: ['rulePreview', c.id, asked],
    queryFn: () =>
      ok(
        api.GET('/rule-changes/{changeId}/preview', {
          params: { path: { changeId: c.id }, query: { month: asked! } },
        }),
      ),
    enabled: !!asked,
  });
  const p = preview.data;
  return (
    <section aria-labelledby="pratinjau-heading">
      <Title order={2} size="h3" id="pratinjau-heading" mb="sm">
        {P.title}
      </Title>
      <Group align="flex-end" mb="sm">
        <Select
          label={P.month}
          data={monthOptions(clock.month, 24, 0)}
          value={month}
          onChange={(v) => v && setMonth(v)}
          allowDeselect={false}
          w={220}
        />
        <Button
          variant="default"
          onClick={() => {
            setAsked(month);
            if (asked === month) void preview.refetch();
          }}
          loading={preview.isFetching}
          data-action="hitung-pratinjau"
        >
          {P.show}
        </Button>
      </Group>
      <div aria-live="polite">
        {preview.error ? <ApiErrorAlert error={preview.error} /> : null}
        {p ? (
          <Stack gap="md">
            <Text size="sm">{P.intro(p.runId)}</Text>
            {p.notComputable.length ? (
              <Alert color="yellow">{P.notComputable(p.notComputable.length)}</Alert>
            ) : null}
            <PagedTable
              caption={P.opdCaption(formatMonth(p.month))}
              columns={opdColumns}
              rows={p.opds}
              rowKey={(o) => o.opd}
              noun={P.opdNoun}
              emptyBody={P.empty}
            />
            <PagedTable
              caption={P.peopleCaption}
              columns={peopleColumns}
              rows={p.mostAffected}
              rowKey={(x) => x.nip}
              noun={P.peopleNoun}
            />
            {p.corrections.length ? (
              <PagedTable
                caption={P.correctionsCaption}
                columns={correctionColumns}
                rows={p.corrections}
                rowKey={(x) => x.month}
                noun={P.correctionsNoun}
              />
            ) : c.status === 'PROPOSED' ? (
              <Text size="sm">{P.noCorrections}</Text>
            ) : null}
          </Stack>
        ) : null}
      </div>
    </section>
  );
}

function Decision(props: { change: RuleChange }) {
  const c = props.change;
  const me = useMe();
  const readOnly = useReadOnly();
  const isBkpsdm = useRoles().includes('bkpsdm');
  const qc = useQueryClient();
  const [approveNote, setApproveNote] = useState('');
  const [rejectNote, setRejectNote] = useState('');
  const [markers, setMarkers] = useState<RuleChange['markers']>();
  const done = () => {
    void qc.invalidateQueries({ queryKey: ['ruleChange', c.id] });
    void qc.invalidateQueries({ queryKey: ['ruleChanges'] });
    void qc.invalidateQueries({ queryKey: ['rules'] });
    void qc.invalidateQueries({ queryKey: ['ruleHistory'] });
  };
  const approve = useMutation({
    mutationFn: () =>
      ok(
        api.POST('/rule-changes/{changeId}/approve', {
          params: { path: { changeId: c.id } },
          body: approveNote.trim() ? { note: approveNote.trim() } : {},
        }),
      ),
    onSuccess: (out) => {
      setMarkers(out.markers);
      notifyOk(D.approved);
      done();
    },
  });
  const reject = useMutation({
    mutationFn: () =>
      ok(
        api.POST('/rule-changes/{changeId}/reject', {
          params: { path: { changeId: c.id } },
          body: { note: rejectNote },
        }),
      ),
    onSuccess: () => {
      notifyOk(D.rejected);
      done();
    },
  });
  if (markers && markers.employees > 0) {
    return (
      <Alert color="blue">{D.markers(markers.employees, markers.months.map(formatMonth).join(', '))}</Alert>
    );
  }
  if (c.status !== 'PROPOSED' || readOnly || !isBkpsdm) return null;
  const own = me.data?.sub === c.proposedBy;
  return (
    <section aria-labelledby="keputusan-heading">
      <Title order={2} size="h3" id="keputusan-heading" mb="sm">
        {A.status.PROPOSED}
      </Title>
      <Stack gap="sm" maw={720}>
        {approve.error ? <ApiErrorAlert error={approve.error} /> : null}
        {reject.error ? <ApiErrorAlert error={reject.error} /> : null}
        {own ? (
          <Alert color="yellow" role="note">
            {D.ownProposal}
          </Alert>
        ) : (
          <Group align="flex-end">
            <Textarea
              label={D.approveNote}
              value={approveNote}
              onChange={(e) => setApproveNote(e.currentTarget.value)}
              autosize
              minRows={1}
              style={{ flex: 1 }}
            />
            <Button onClick={() => approve.mutate()} loading={approve.isPending} data-action="setujui-usulan">
              {D.approve}
            </Button>
          </Group>
        )}
        <Group align="flex-end">
          <Textarea
            label={D.rejectNote}
            value={rejectNote}
            onChange={(e) => setRejectNote(e.currentTarget.value)}
            autosize
            minRows={1}
            required
            style={{ flex: 1 }}
          />
          <Button
            color="red"
            variant="outline"
            onClick={() => reject.mutate()}
            loading={reject.isPending}
            data-action="tolak-usulan"
          >
            {own ? D.withdraw : D.reject}
          </Button>
        </Group>
      </Stack>
    </section>
  );
}
