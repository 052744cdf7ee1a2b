import { Anchor, Paper, Stack, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { Schema } from '../../api/client';
import { ApiErrorAlert } from '../../components/ErrorDisplay';
import { type Column, PagedTable } from '../../components/PagedTable';
import { PageHeader } from '../../components/PageHeader';
import { BudgetTable } from '../../components/run/BudgetTable';
import { useRun, useRuns, useTenantClock } from '../../components/run/hooks';
import { MonthChecklist } from '../../components/run/MonthChecklist';
import { sumTotals, uiState } from '../../components/run/run-state';
import { RunStatusChip } from '../../components/StatusChip';
import { formatMonth, formatNumber, formatRupiah } from '../../format';
import { L, RUN_KIND_LABELS } from '../../i18n/labels';
import { pathTo } from '../../routes';

const T = L.gaji.home;

/** BKPSDM: runs waiting for approval (drafts) and approved runs waiting for the lock; pagu of this month's run. */
export default function BkpsdmHome() {
  const clock = useTenantClock();
  const runs = useRuns(50);
  const pending = (runs.data?.items ?? []).filter((r) => r.state !== 'LOCKED');
  const current = pending.find((r) => r.month === clock.month) ?? pending[0];
  const run = useRun(current?.id);
  const columns: Column<Schema<'Run'>>[] = [
    {
      key: 'run',
      header: L.gaji.run.month,
      rowHeader: true,
      cell: (r) => (
        <Anchor component={Link} to={`${pathTo('detailProses', { runId: r.id })}?tab=persetujuan`}>
          {L.gaji.run.title(RUN_KIND_LABELS[r.kind], formatMonth(r.month))}
        </Anchor>
      ),
    },
    { key: 'state', header: L.gaji.run.state, cell: (r) => <RunStatusChip state={uiState(r)} /> },
    {
      key: 'employees',
      header: L.gaji.run.employees,
      align: 'right',
      cell: (r) => formatNumber(r.counts.employees),
    },
    { key: 'errors', header: L.gaji.run.errors, align: 'right', cell: (r) => formatNumber(r.counts.errors) },
    {
      key: 'net',
      header: L.gaji.run.net,
      align: 'right',
      cell: (r) => (r.totals?.length ? formatRupiah(sumTotals(r.totals).bersih) : '—'),
    },
  ];
  return (
    <Stack gap="md">
      <PageHeader title={T.bkpsdmTitle} description={T.month(formatMonth(clock.month))} />
      {runs.error ? <ApiErrorAlert error={runs.error} /> : null}
      <PagedTable
        caption={T.pending}
        columns={columns}
        rows={runs.data ? pending : undefined}
        rowKey={(r) => r.id}
        noun={L.gaji.run.noun}
        loading={runs.isFetching}
        emptyBody={T.none}
      />
      {run.data ? (
        <Paper withBorder p="md" radius="md" component="section" aria-labelledby="tugas-bkpsdm">
          <Title order={2} size="h4" id="tugas-bkpsdm" mb="sm">
            {L.gaji.run.title(RUN_KIND_LABELS[run.data.kind], formatMonth(run.data.month))}
          </Title>
          <MonthChecklist run={run.data} openErrors={undefined} />
          <Title order={3} size="h5" mt="md" mb="xs">
            {T.budgetTitle}
          </Title>
          <BudgetTable lines={run.data.budget ?? []} />
        </Paper>
      ) : null}
    </Stack>
  );
}
