import { Anchor, Stack } from '@mantine/core';
import { Link } from 'react-router';
import type { Schema } from '../api/client';
import { useReadOnly } from '../auth/useAuth';
import { type Column, PagedTable, useCursorPages } from '../components/PagedTable';
import { PageHeader } from '../components/PageHeader';
import { useRuns } from '../components/run/hooks';
import { sumTotals, uiState } from '../components/run/run-state';
import { StartRunForm } from '../components/run/StartRunForm';
import { RunStatusChip } from '../components/StatusChip';
import { formatMonth, formatNumber, formatRupiah } from '../format';
import { L, RUN_KIND_LABELS } from '../i18n/labels';
import { pathTo } from '../routes';

const T = L.gaji.run;

/** "Daftar proses": every run by month and jenis with its state and totals; "Mulai proses" above. */
export default function DaftarProsesPage() {
  const readOnly = useReadOnly();
  const pages = useCursorPages(25);
  const runs = useRuns(25, pages.token);
  const columns: Column<Schema<'Run'>>[] = [
    {
      key: 'month',
      header: T.month,
      rowHeader: true,
      cell: (r) => (
        <Anchor component={Link} to={pathTo('detailProses', { runId: r.id })}>
          {T.title(RUN_KIND_LABELS[r.kind], formatMonth(r.month))}
        </Anchor>
      ),
    },
    { key: 'state', header: T.state, cell: (r) => <RunStatusChip state={uiState(r)} /> },
    { key: 'employees', header: T.employees, align: 'right', cell: (r) => formatNumber(r.counts.employees) },
    { key: 'errors', header: T.errors, align: 'right', cell: (r) => formatNumber(r.counts.errors) },
    {
      key: 'net',
      header: T.net,
      align: 'right',
      cell: (r) => (r.totals?.length ? formatRupiah(sumTotals(r.totals).bersih) : '—'),
    },
  ];
  return (
    <Stack gap="lg">
      <PageHeader title={L.page.titles.proses} />
      {readOnly ? null : <StartRunForm />}
      <PagedTable
        caption={T.listCaption}
        columns={columns}
        rows={runs.data?.items}
        rowKey={(r) => r.id}
        noun={T.noun}
        loading={runs.isFetching}
        error={runs.error}
        onRetry={() => void runs.refetch()}
        emptyBody={T.noRuns}
        paging={pages.paging(runs.data?.nextToken)}
      />
    </Stack>
  );
}
