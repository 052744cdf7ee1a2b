import { Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { EmptyState } from '../../components/EmptyState';
import { ApiErrorAlert } from '../../components/ErrorDisplay';
import { PageHeader } from '../../components/PageHeader';
import { BudgetTable } from '../../components/run/BudgetTable';
import { useRun, useRunErrors, useRuns, useTenantClock } from '../../components/run/hooks';
import { MonthChecklist } from '../../components/run/MonthChecklist';
import { RunProgress } from '../../components/run/RunProgress';
import { isComputing, revisionOf, sumTotals, uiState } from '../../components/run/run-state';
import { StartRunForm } from '../../components/run/StartRunForm';
import { RunStatusChip } from '../../components/StatusChip';
import { formatMonth, formatNumber, formatRupiah } from '../../format';
import { L, RUN_KIND_LABELS } from '../../i18n/labels';
import { pathTo } from '../../routes';

const T = L.gaji.home;

/** The operator's month: this month's run (state, counts, errors), the checklist, TPP against pagu per OPD. */
export default function OperatorHome() {
  const clock = useTenantClock();
  const runs = useRuns(25);
  const listed =
    runs.data?.items.find((r) => r.month === clock.month && r.id.endsWith('-GAJI_TPP')) ??
    runs.data?.items.find((r) => r.month === clock.month);
  const run = useRun(listed?.id);
  const data = run.data;
  const errors = useRunErrors(data?.id, !!data && !isComputing(data), revisionOf(data));
  const open = errors.data?.items.filter((e) => !e.excluded).length;
  const t = data ? sumTotals(data.totals) : undefined;
  return (
    <Stack gap="md">
      <PageHeader title={T.operatorTitle} description={T.month(formatMonth(clock.month))} />
      {runs.error ? <ApiErrorAlert error={runs.error} /> : null}
      {runs.data && !listed ? (
        <>
          <EmptyState kind="noData" body={L.gaji.run.noRunForMonth(formatMonth(clock.month))} />
          <StartRunForm />
        </>
      ) : null}
      {data ? (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <Paper withBorder p="md" radius="md" component="section" aria-labelledby="proses-bulan-ini">
            <Stack gap="sm">
              <Group justify="space-between">
                <Title order={2} size="h4" id="proses-bulan-ini">
                  {L.gaji.run.title(RUN_KIND_LABELS[data.kind], formatMonth(data.month))}
                </Title>
                <RunStatusChip state={uiState(data)} />
              </Group>
              <RunProgress run={data} />
              <Text size="sm">
                {L.gaji.run.employees}: {formatNumber(data.counts.employees)} · {L.gaji.run.errors}:{' '}
                {formatNumber(open ?? data.counts.errors)}
                {t ? ` · ${L.gaji.run.net}: ${formatRupiah(t.bersih)}` : ''}
              </Text>
              <Group>
                <Button
                  component={Link}
                  to={pathTo('detailProses', { runId: data.id })}
                  data-action="buka-proses"
                >
                  {T.openRun}
                </Button>
              </Group>
            </Stack>
          </Paper>
          <Paper withBorder p="md" radius="md" component="section" aria-labelledby="daftar-tugas">
            <Title order={2} size="h4" id="daftar-tugas" mb="sm">
              {T.checklist}
            </Title>
            <MonthChecklist run={data} openErrors={open} />
          </Paper>
        </SimpleGrid>
      ) : null}
      {data ? (
        <Paper withBorder p="md" radius="md" component="section" aria-labelledby="pagu-opd">
          <Title order={2} size="h4" id="pagu-opd" mb="sm">
            {T.budgetTitle}
          </Title>
          <BudgetTable lines={data.budget ?? []} />
        </Paper>
      ) : null}
    </Stack>
  );
}
