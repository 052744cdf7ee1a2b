import {
  Alert,
  Anchor,
  Button,
  Card,
  Group,
  Modal,
  ScrollArea,
  Stack,
  Table,
  Tabs,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconArrowLeft, IconHourglass } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, ok } from '../../../api/client';
import { fieldErrors } from '../../../api/errors';
import { useReadOnly, useRoles } from '../../../auth/useAuth';
import { EmptyState } from '../../../components/EmptyState';
import { ApiErrorAlert, ErrorSummary, fieldId } from '../../../components/ErrorDisplay';
import { call, isNotFound } from '../../../components/kinerja/api';
import { FeedbackNotes } from '../../../components/kinerja/FeedbackNotes';
import { formatPct, monthsUpTo, useTenantToday } from '../../../components/kinerja/kinerja';
import { MonthSelect } from '../../../components/kinerja/MonthSelect';
import { ProgressTable } from '../../../components/kinerja/ProgressTable';
import { RealizationList } from '../../../components/kinerja/RealizationList';
import { SkpReadView } from '../../../components/kinerja/SkpReadView';
import { PredikatChip, SkpStatusChip } from '../../../components/kinerja/SkpStatusChip';
import type { SkpOfYear, SkpProgressView, SkpRevision } from '../../../components/kinerja/types';
import { PageHeader } from '../../../components/PageHeader';
import { notifyOk } from '../../../components/run/hooks';
import { formatMonth, formatNip } from '../../../format';
import { L } from '../../../i18n/labels';
import { pathTo } from '../../../routes';

const K = L.kinerja;
const D = K.detail;

/**
 * One bawahan as their atasan sees them (journey 2): the SKP with approve / return-with-a-note while it
 * waits, progress per indicator per month and the realisasi behind it, continuous feedback, and each
 * month's lembar penilaian. BKPSDM and the auditor read the same page without the atasan's buttons.
 */
export default function DetailBawahanPage() {
  const { nip = '' } = useParams();
  const today = useTenantToday();
  const year = today.year;
  const roles = useRoles();
  const readOnly = useReadOnly();
  const isAtasan = roles.includes('atasan') && !readOnly;
  const employee = useQuery({
    queryKey: ['employee', nip],
    queryFn: () => ok(api.GET('/employees/{nip}', { params: { path: { nip } } })),
  });
  const skp = useQuery({
    queryKey: ['skp', nip, year],
    enabled: today.ready,
    queryFn: async () => {
      try {
        return await call<SkpOfYear>('GET', '/skp/{nip}/{year}', { params: { path: { nip, year } } });
      } catch (err) {
        if (isNotFound(err)) return null;
        throw err;
      }
    },
  });
  const options = useQuery({
    queryKey: ['skp-plan-options', nip, year],
    enabled: today.ready,
    queryFn: () => ok(api.GET('/skp/{nip}/{year}/plan-options', { params: { path: { nip, year } } })),
  });
  const nama = employee.data?.nama ?? formatNip(nip);
  const latest = skp.data?.revisions[0];
  const cascadeLabel = (id: string) =>
    options.data?.atasanSkp?.results.find((r) => r.id === id)?.description ?? id;

  return (
    <>
      <PageHeader
        title={`${K.titles.detailBawahan}: ${nama}`}
        description={D.intro(nama)}
        actions={
          <Anchor component={Link} to={pathTo('kinerjaBawahan')}>
            <Group gap={4}>
              <IconArrowLeft size={16} aria-hidden />
              {D.back}
            </Group>
          </Anchor>
        }
      />
      {employee.error ? <ApiErrorAlert error={employee.error} /> : null}
      {skp.error ? (
        <EmptyState
          kind="loadFailed"
          body={<ApiErrorAlert error={skp.error} />}
          onRetry={() => skp.refetch()}
        />
      ) : skp.isLoading || !today.ready ? (
        <Text role="status">{L.app.loading}</Text>
      ) : !latest ? (
        <EmptyState kind="noData" body={D.noSkp(year)} />
      ) : (
        <Tabs defaultValue="skp" keepMounted={false}>
          <Tabs.List mb="md">
            <Tabs.Tab value="skp">{D.tabSkp}</Tabs.Tab>
            <Tabs.Tab value="capaian">{D.tabProgress}</Tabs.Tab>
            <Tabs.Tab value="penilaian">{D.tabRate}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="skp">
            <Stack>
              <Group>
                <SkpStatusChip status={latest.status} />
                <Text size="sm">{`${K.year} ${latest.year} · ${K.skp.revision(latest.revision)}`}</Text>
              </Group>
              {latest.status === 'DIAJUKAN' ? (
                <Decision skp={latest} canDecide={isAtasan} nama={nama} />
              ) : null}
              {latest.status === 'DITOLAK' && latest.rejectionReason ? (
                <Alert color="orange" variant="light">
                  {K.skp.rejectedNote(latest.rejectionReason)}
                </Alert>
              ) : null}
              <SkpReadView skp={latest} cascadeLabel={cascadeLabel} />
            </Stack>
          </Tabs.Panel>
          <Tabs.Panel value="capaian">
            <ProgressPanel nip={nip} year={year} lastMonth={today.month} skp={latest} />
          </Tabs.Panel>
          <Tabs.Panel value="penilaian">
            <Stack>
              <MonthsPanel nip={nip} year={year} lastMonth={today.month} />
              <FeedbackNotes nip={nip} year={year} canWrite={isAtasan} />
            </Stack>
          </Tabs.Panel>
        </Tabs>
      )}
    </>
  );
}

/** Approve, or return with a note (required), the plan waiting for the atasan. */
function Decision(props: { skp: SkpRevision; canDecide: boolean; nama: string }) {
  const { skp } = props;
  const qc = useQueryClient();
  const [returning, setReturning] = useState(false);
  const form = useForm({ mode: 'controlled', initialValues: { reason: '' } });
  const path = `/skp/${encodeURIComponent(skp.nip)}/${skp.year}`;
  const done = (next: SkpRevision, message: string) => {
    notifyOk(message);
    qc.setQueryData<SkpOfYear | null>(['skp', skp.nip, skp.year], (old) =>
      old ? { ...old, revisions: [next, ...old.revisions.slice(1)] } : old,
    );
    void qc.invalidateQueries({ queryKey: ['skp-to-assess'] });
    void qc.invalidateQueries({ queryKey: ['progress-bawahan'] });
  };
  const approve = useMutation({
    mutationFn: () =>
      call<SkpRevision>('POST', `${path}/approve`, { body: { expectedVersion: skp.version } }),
    onSuccess: (next) => done(next, D.approved),
  });
  const reject = useMutation({
    mutationFn: (reason: string) =>
      call<SkpRevision>('POST', `${path}/reject`, { body: { expectedVersion: skp.version, reason } }),
    onSuccess: (next) => {
      setReturning(false);
      done(next, D.returned);
    },
    onError: (err) => form.setErrors(fieldErrors(err, 'body')),
  });
  return (
    <Card withBorder padding="md" bg="blue.0">
      <Group justify="space-between" wrap="wrap">
        <Group gap="xs">
          <IconHourglass size={18} aria-hidden />
          <Text fw={600}>{D.waitingNote}</Text>
        </Group>
        {props.canDecide ? (
          <Group>
            <Button variant="default" onClick={() => setReturning(true)} data-action="kembalikan-skp">
              {D.return}
            </Button>
            <Button onClick={() => approve.mutate()} loading={approve.isPending} data-action="setujui-skp">
              {D.approve}
            </Button>
          </Group>
        ) : null}
      </Group>
      {approve.error ? <ApiErrorAlert error={approve.error} /> : null}
      <Modal
        opened={returning}
        onClose={() => setReturning(false)}
        title={`${D.returnTitle}: ${props.nama}`}
        closeButtonProps={{ 'aria-label': L.common.close }}
      >
        <form
          noValidate
          onSubmit={form.onSubmit((v) => {
            form.clearErrors();
            if (!v.reason.trim()) {
              form.setErrors({ reason: 'wajib diisi' });
              return;
            }
            reject.mutate(v.reason.trim());
          })}
        >
          <Stack>
            <ErrorSummary
              errors={form.errors as Record<string, string>}
              labels={{ reason: D.returnNote }}
              error={reject.error}
            />
            <Textarea
              label={D.returnNote}
              description={D.returnNoteHint}
              autosize
              minRows={3}
              withAsterisk
              id={fieldId('reason')}
              {...form.getInputProps('reason')}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setReturning(false)}>
                {L.common.cancel}
              </Button>
              <Button type="submit" loading={reject.isPending} data-action="kirim-kembalikan">
                {D.returnSend}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Card>
  );
}

function ProgressPanel(props: { nip: string; year: number; lastMonth: string; skp: SkpRevision }) {
  const { nip, year } = props;
  const [month, setMonth] = useState(props.lastMonth);
  const progress = useQuery({
    queryKey: ['skp-progress', nip, year, month],
    queryFn: () =>
      call<SkpProgressView>('GET', '/skp/{nip}/{year}/progress', {
        params: { path: { nip, year }, query: { month } },
      }),
  });
  const monthly = useQuery({
    queryKey: ['skp-progress-monthly', nip, year],
    queryFn: () => ok(api.GET('/skp/{nip}/{year}/progress/monthly', { params: { path: { nip, year } } })),
  });
  const months = monthly.data?.months.filter((m) => m.month <= props.lastMonth) ?? [];
  return (
    <Stack>
      <Title order={2} size="h3">
        {K.progress.caption(String(year))}
      </Title>
      {monthly.error ? (
        <ApiErrorAlert error={monthly.error} />
      ) : monthly.data ? (
        <ScrollArea>
          <Table withTableBorder striped data-monthly-progress>
            <Table.Caption>{`${K.progress.caption(String(year))} — ${K.progress.achievement}`}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{K.progress.indicator}</Table.Th>
                {months.map((m) => (
                  <Table.Th key={m.month} scope="col" ta="right">
                    {formatMonth(m.month).split(' ')[0]!.slice(0, 3)}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {monthly.data.indicators.map((ind) => (
                <Table.Tr key={ind.id}>
                  <Table.Th scope="row" fw={400}>
                    {ind.description}
                  </Table.Th>
                  {months.map((m) => {
                    const a = m.indicators.find((x) => x.indicatorId === ind.id)?.achievementPercent ?? null;
                    return (
                      <Table.Td key={m.month} ta="right">
                        {a === null ? '—' : formatPct(a)}
                      </Table.Td>
                    );
                  })}
                </Table.Tr>
              ))}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr>
                <Table.Th scope="row">{K.progress.weighted}</Table.Th>
                {months.map((m) => (
                  <Table.Td key={m.month} ta="right" fw={700}>
                    {m.weightedAchievementPercent === null ? '—' : formatPct(m.weightedAchievementPercent)}
                  </Table.Td>
                ))}
              </Table.Tr>
            </Table.Tfoot>
          </Table>
        </ScrollArea>
      ) : (
        <Text role="status">{L.app.loading}</Text>
      )}
      <Group>
        <MonthSelect last={props.lastMonth} value={month} onChange={setMonth} />
      </Group>
      {progress.error ? (
        <ApiErrorAlert error={progress.error} />
      ) : progress.data ? (
        <ProgressTable
          caption={`${K.progress.caption(formatMonth(month))} — ${K.progress.month}`}
          progress={progress.data.month}
        />
      ) : null}
      <Title order={3} size="h4">
        {K.realization.list}
      </Title>
      <RealizationList
        nip={nip}
        year={year}
        month={month}
        indicators={props.skp.results.flatMap((r) => r.indicators)}
      />
    </Stack>
  );
}

/** Each month of the year: rated or not, the predikat, and the way to its lembar penilaian. */
function MonthsPanel(props: { nip: string; year: number; lastMonth: string }) {
  const { nip, year } = props;
  const months = useQuery({
    queryKey: ['skp-months', nip, year],
    queryFn: () => ok(api.GET('/skp/{nip}/{year}/months', { params: { path: { nip, year } } })),
  });
  const byMonth = new Map((months.data?.items ?? []).map((m) => [m.month, m]));
  return (
    <Stack gap="xs">
      <Title order={2} size="h3">
        {D.months}
      </Title>
      {months.error ? <ApiErrorAlert error={months.error} /> : null}
      <ScrollArea>
        <Table withTableBorder striped>
          <Table.Caption>{D.monthsCaption(year)}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{K.month}</Table.Th>
              <Table.Th scope="col">{K.lembar.predikat}</Table.Th>
              <Table.Th scope="col" ta="right">
                {K.lembar.tppFactor}
              </Table.Th>
              <Table.Th scope="col">{D.rateMonth}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {monthsUpTo(props.lastMonth)
              .reverse()
              .map((m) => {
                const s = byMonth.get(m);
                return (
                  <Table.Tr key={m}>
                    <Table.Th scope="row" fw={400}>
                      {formatMonth(m)}
                    </Table.Th>
                    <Table.Td>
                      {s?.predikat ? (
                        <PredikatChip
                          predikat={s.predikat}
                          {...(s.provisional ? { detail: K.capaian.provisional } : {})}
                        />
                      ) : (
                        <Text size="sm" c="dimmed">
                          {s?.evaluated ? D.ratedNotComputed : D.notRatedState}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td ta="right">
                      {s?.tppFactorPercent == null ? '—' : formatPct(s.tppFactorPercent)}
                    </Table.Td>
                    <Table.Td>
                      <Anchor component={Link} to={pathTo('lembarPenilaian', { nip, month: m })}>
                        {D.rateOf(formatMonth(m))}
                      </Anchor>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
          </Table.Tbody>
        </Table>
      </ScrollArea>
    </Stack>
  );
}
