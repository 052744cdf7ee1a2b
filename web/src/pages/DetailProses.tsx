import { Badge, Button, Group, Paper, SimpleGrid, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import type { Schema } from '../api/client';
import { useReadOnly, useRoles } from '../auth/useAuth';
import { ApiErrorAlert } from '../components/ErrorDisplay';
import { PageHeader } from '../components/PageHeader';
import { ApprovalPanel, VerifyPanel } from '../components/run/ApprovalPanel';
import { BudgetTable } from '../components/run/BudgetTable';
import { ExportMenu } from '../components/run/ExportMenu';
import { notifyOk, useRecompute, useRun, useRunErrors, useTenantClock } from '../components/run/hooks';
import { RunDocuments } from '../components/run/RunDocuments';
import { RunErrors } from '../components/run/RunErrors';
import { RunHistory } from '../components/run/RunHistory';
import { RunProgress } from '../components/run/RunProgress';
import { RunSlips, useRunSlips } from '../components/run/RunSlips';
import { isComputing, revisionOf, sumTotals, uiState } from '../components/run/run-state';
import { RunStatusChip } from '../components/StatusChip';
import { formatMonth, formatNumber, formatRupiah } from '../format';
import { L, RUN_KIND_LABELS } from '../i18n/labels';

const T = L.gaji.run;
const TABS = ['ringkasan', 'slip', 'kesalahan', 'dokumen', 'persetujuan', 'riwayat'] as const;
type Tab = (typeof TABS)[number];

/**
 * "Detail proses", the run as a stateful document: header with jenis, bulan, status chip and the one
 * next step; live progress while computing; tabs Ringkasan · Slip pegawai · Kesalahan · Dokumen ·
 * Persetujuan (BKPSDM, auditor) · Riwayat. The tab is in the URL (?tab=kesalahan) so a link returns to it.
 */
export default function DetailProsesPage() {
  const { runId = '' } = useParams();
  const run = useRun(runId);
  const clock = useTenantClock();
  const roles = useRoles();
  const readOnly = useReadOnly();
  const bkpsdm = roles.includes('bkpsdm');
  const [search, setSearch] = useSearchParams();
  const data = run.data;
  const computing = data ? isComputing(data) : false;
  const errors = useRunErrors(runId, !!data && !computing, revisionOf(data));
  const opds = data ? (data.scope?.opds ?? data.totals.map((t) => t.opd)) : [];
  const [opd, setOpd] = useState<string>();
  const currentOpd = opd ?? opds[0] ?? '';
  const slipsForDocs = useRunSlips(runId, computing ? '' : currentOpd);
  const recompute = useRecompute(runId, () => notifyOk(T.recomputed));
  const tabParam = search.get('tab') as Tab | null;
  const tab: Tab = tabParam && TABS.includes(tabParam) ? tabParam : bkpsdm ? 'persetujuan' : 'ringkasan';

  if (run.error) return <ErrorPage error={run.error} />;
  if (!data) return <PageHeader title={L.page.titles.detailProses} description={L.app.loading} />;

  const title = T.title(RUN_KIND_LABELS[data.kind], formatMonth(data.month));
  const state = uiState(data);
  const errorItems = errors.data?.items ?? [];
  const open = errorItems.filter((e) => !e.excluded).length;
  const canWrite = !readOnly && (roles.includes('operator') || bkpsdm);
  // One primary next step per state; the approval steps live in the Persetujuan tab (BKPSDM only).
  const primary =
    canWrite && data.state === 'DRAFT' && !computing && !bkpsdm ? (
      <Button
        leftSection={<IconRefresh size={16} aria-hidden />}
        onClick={() => recompute.mutate(undefined)}
        loading={recompute.isPending}
        data-action="hitung-ulang"
      >
        {T.recompute}
      </Button>
    ) : undefined;
  const nextText =
    state === 'COMPUTING'
      ? T.next.COMPUTING
      : state === 'DRAFT'
        ? open > 0
          ? T.next.DRAFT_ERRORS
          : T.next.DRAFT_READY
        : state === 'APPROVED'
          ? T.next.APPROVED
          : state === 'LOCKING'
            ? T.next.LOCKING
            : state === 'LOCKED'
              ? T.next.LOCKED
              : T.next.FAILED;

  return (
    <Stack gap="md">
      <PageHeader
        title={title}
        description={
          <Group gap="xs" component="span">
            <RunStatusChip
              state={state}
              {...(computing && data.counts.chunks > 0
                ? { detail: T.chunkDetail(data.counts.chunksDone, data.counts.chunks) }
                : {})}
            />
            {state === 'DRAFT' && !computing && open === 0 && errors.data ? (
              <Badge
                variant="outline"
                color="teal"
                tt="none"
                styles={{ root: { color: 'var(--mantine-color-teal-9)' } }}
              >
                {T.readyBadge}
              </Badge>
            ) : null}
          </Group>
        }
        actions={primary}
      />
      {recompute.error ? <ApiErrorAlert error={recompute.error} /> : null}
      {data.scope ? <Text size="sm">{T.scopeNote(data.scope.opds.join(', '))}</Text> : null}
      {L.pembayaran.kindNote[data.kind] ? (
        <Text size="sm" data-kind-note={data.kind}>
          {L.pembayaran.kindNote[data.kind]}
        </Text>
      ) : null}
      <Paper withBorder p="md" radius="md">
        <Stack gap="sm">
          <RunProgress run={data} />
          <Text size="sm">
            <strong>{T.nextStep}:</strong> {nextText}
          </Text>
        </Stack>
      </Paper>
      <Totals run={data} />
      <Tabs value={tab} onChange={(v) => v && setSearch({ tab: v }, { replace: true })} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="ringkasan">{T.tabs.summary}</Tabs.Tab>
          <Tabs.Tab value="slip" disabled={computing}>
            {T.tabs.slips}
          </Tabs.Tab>
          <Tabs.Tab value="kesalahan" disabled={computing} data-tab="kesalahan">
            {T.tabs.errors} ({formatNumber(open)})
          </Tabs.Tab>
          <Tabs.Tab value="dokumen" disabled={computing}>
            {T.tabs.documents}
          </Tabs.Tab>
          {bkpsdm || roles.includes('auditor') ? (
            <Tabs.Tab value="persetujuan" disabled={computing}>
              {T.tabs.approval}
            </Tabs.Tab>
          ) : null}
          <Tabs.Tab value="riwayat">{T.tabs.history}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="ringkasan" pt="md">
          <Stack gap="md">
            <PerOpd run={data} />
            <Title order={2} size="h4">
              {L.gaji.approval.budgetTitle}
            </Title>
            <BudgetTable lines={data.budget ?? []} />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="slip" pt="md">
          {currentOpd ? <RunSlips runId={runId} opds={opds} opd={currentOpd} onOpdChange={setOpd} /> : null}
        </Tabs.Panel>
        <Tabs.Panel value="kesalahan" pt="md">
          {errors.error ? <ApiErrorAlert error={errors.error} /> : null}
          <RunErrors run={data} errors={errorItems} canWrite={canWrite} timeZone={clock.timeZone} />
        </Tabs.Panel>
        <Tabs.Panel value="dokumen" pt="md">
          <Stack gap="lg">
            <RunDocuments run={data} opds={opds} slips={slipsForDocs.data?.items} />
            <ExportMenu runId={runId} opds={opds} />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="persetujuan" pt="md">
          <Stack gap="md">
            {readOnly ? <VerifyPanel runId={runId} /> : <ApprovalPanel run={data} errors={errorItems} />}
            <Title order={2} size="h4">
              {L.gaji.approval.budgetTitle}
            </Title>
            <BudgetTable lines={data.budget ?? []} />
            <PerOpd run={data} />
            <RunErrors run={data} errors={errorItems} canWrite={false} timeZone={clock.timeZone} />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="riwayat" pt="md">
          <RunHistory run={data} timeZone={clock.timeZone} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function ErrorPage(props: { error: unknown }) {
  return (
    <Stack>
      <PageHeader title={L.page.titles.detailProses} />
      <ApiErrorAlert error={props.error} />
    </Stack>
  );
}

function Totals(props: { run: Schema<'Run'> }) {
  const t = sumTotals(props.run.totals);
  const c = props.run.counts;
  const cards: [string, string][] = [
    [T.employees, formatNumber(c.employees)],
    [T.computed, formatNumber(c.computed)],
    [T.errors, formatNumber(c.errors)],
    [T.gross, formatRupiah(t.penghasilan)],
    [T.deductions, formatRupiah(t.potongan)],
    [T.net, formatRupiah(t.bersih)],
  ];
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="sm" component="dl" m={0}>
      {cards.map(([label, value]) => (
        <Paper withBorder p="sm" radius="sm" key={label}>
          <Text component="dt" size="xs" c="dimmed">
            {label}
          </Text>
          <Text
            component="dd"
            m={0}
            fw={700}
            style={{ fontVariantNumeric: 'tabular-nums' }}
            data-total={label}
          >
            {value}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}

function PerOpd(props: { run: Schema<'Run'> }) {
  const rows = props.run.totals;
  if (rows.length === 0) return null;
  const sum = sumTotals(rows);
  const NUM = { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped fz="sm" verticalSpacing={6}>
        <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }}>{T.perOpdCaption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{T.opd}</Table.Th>
            <Table.Th scope="col" ta="right">
              {T.employees}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {T.gross}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {T.deductions}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {T.tpp}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {T.net}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.opd}>
              <Table.Th scope="row">{r.opd}</Table.Th>
              <Table.Td ta="right" style={NUM}>
                {formatNumber(r.employees)}
              </Table.Td>
              <Table.Td ta="right" style={NUM}>
                {formatRupiah(r.penghasilan)}
              </Table.Td>
              <Table.Td ta="right" style={NUM}>
                {formatRupiah(r.potongan)}
              </Table.Td>
              <Table.Td ta="right" style={NUM}>
                {formatRupiah(r.tpp)}
              </Table.Td>
              <Table.Td ta="right" style={NUM}>
                {formatRupiah(r.bersih)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th scope="row">{T.total}</Table.Th>
            <Table.Td ta="right" style={NUM} fw={700}>
              {formatNumber(sum.employees)}
            </Table.Td>
            <Table.Td ta="right" style={NUM} fw={700}>
              {formatRupiah(sum.penghasilan)}
            </Table.Td>
            <Table.Td ta="right" style={NUM} fw={700}>
              {formatRupiah(sum.potongan)}
            </Table.Td>
            <Table.Td ta="right" style={NUM} fw={700}>
              {formatRupiah(sum.tpp)}
            </Table.Td>
            <Table.Td ta="right" style={NUM} fw={700}>
              {formatRupiah(sum.bersih)}
            </Table.Td>
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </Table.ScrollContainer>
  );
}
