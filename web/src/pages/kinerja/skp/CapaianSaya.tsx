import {
  Anchor,
  Button,
  Card,
  Group,
  Modal,
  NumberInput,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Tabs,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, ok, type paths } from '../../../api/client';
import { fieldErrors } from '../../../api/errors';
import { useMe, useReadOnly } from '../../../auth/useAuth';
import { EmptyState } from '../../../components/EmptyState';
import { ApiErrorAlert, ErrorSummary, fieldId } from '../../../components/ErrorDisplay';
import { call, isNotFound } from '../../../components/kinerja/api';
import { FeedbackNotes } from '../../../components/kinerja/FeedbackNotes';
import { formatPct, useTenantToday } from '../../../components/kinerja/kinerja';
import { MonthSelect } from '../../../components/kinerja/MonthSelect';
import { ProgressTable } from '../../../components/kinerja/ProgressTable';
import { RealizationList } from '../../../components/kinerja/RealizationList';
import { PredikatChip } from '../../../components/kinerja/SkpStatusChip';
import {
  type EvaluationView,
  type Indicator,
  type PeerAsk,
  RATINGS,
  type Rating,
  type SkpOfYear,
  type SkpProgressView,
} from '../../../components/kinerja/types';
import { type Column, PagedTable } from '../../../components/PagedTable';
import { PageHeader } from '../../../components/PageHeader';
import { notifyOk } from '../../../components/run/hooks';
import { formatMonth, formatNip } from '../../../format';
import { L } from '../../../i18n/labels';
import { pathTo } from '../../../routes';

const K = L.kinerja;
const C = K.capaian;
const R = K.realization;

type MonthSummary =
  paths['/skp/{nip}/{year}/months']['get']['responses'][200]['content']['application/json']['items'][number];

/**
 * Capaian saya (journey 3): log a realisasi any day with its evidence, see progress against the SKP's
 * targets (the month and January to date), read the atasan's feedback and the monthly predikat with how
 * it feeds TPP, and answer the peer questionnaires assigned (tenants with peer feedback).
 */
export default function CapaianSayaPage() {
  const me = useMe();
  const nip = me.data?.sub ?? '';
  const today = useTenantToday();
  const year = today.year;
  const [month, setMonth] = useState<string | null>(null);
  const selected = month ?? today.month;
  const skp = useQuery({
    queryKey: ['skp', nip, year],
    enabled: !!nip && today.ready,
    queryFn: async () => {
      try {
        return await call<SkpOfYear>('GET', '/skp/{nip}/{year}', { params: { path: { nip, year } } });
      } catch (err) {
        if (isNotFound(err)) return null;
        throw err;
      }
    },
  });
  const evaluation = useQuery({
    queryKey: ['evaluation', selected, nip],
    enabled: !!nip && today.ready,
    queryFn: () =>
      call<EvaluationView>('GET', '/evaluations/{month}/{nip}', {
        params: { path: { month: selected, nip } },
      }),
  });
  const revisions = skp.data?.revisions ?? [];
  const inForce =
    revisions.find((r) => r.revision === skp.data?.inForceRevision) ?? revisions[0] ?? undefined;
  const indicators: Indicator[] = inForce?.results.flatMap((r) => r.indicators) ?? [];

  return (
    <>
      <PageHeader title={K.titles.capaianSaya} description={C.intro} />
      {skp.error ? (
        <EmptyState
          kind="loadFailed"
          body={<ApiErrorAlert error={skp.error} />}
          onRetry={() => skp.refetch()}
        />
      ) : skp.isLoading || !today.ready ? (
        <Text role="status">{L.app.loading}</Text>
      ) : !inForce ? (
        <EmptyState
          kind="noData"
          body={R.noSkp}
          action={
            <Button component={Link} to={pathTo('skpSaya')}>
              {R.toSkp}
            </Button>
          }
        />
      ) : (
        <Stack>
          <Group>
            <MonthSelect last={today.month} value={selected} onChange={setMonth} />
          </Group>
          <Tabs defaultValue="capaian" keepMounted={false}>
            <Tabs.List mb="md">
              <Tabs.Tab value="capaian">{C.tabProgress}</Tabs.Tab>
              <Tabs.Tab value="umpan-balik">{C.tabFeedback}</Tabs.Tab>
              {evaluation.data?.peerFeedback.enabled ? <Tabs.Tab value="rekan">{C.tabPeer}</Tabs.Tab> : null}
            </Tabs.List>
            <Tabs.Panel value="capaian">
              <Stack>
                <RealizationForm
                  nip={nip}
                  year={year}
                  today={today.date}
                  indicators={indicators}
                  onLogged={(date) => setMonth(date.slice(0, 7))}
                />
                <MyProgress nip={nip} year={year} month={selected} />
                <Title order={2} size="h3">
                  {R.list}
                </Title>
                <RealizationList nip={nip} year={year} month={selected} indicators={indicators} />
              </Stack>
            </Tabs.Panel>
            <Tabs.Panel value="umpan-balik">
              <FeedbackAndPredikat nip={nip} year={year} month={selected} evaluation={evaluation} />
            </Tabs.Panel>
            {evaluation.data?.peerFeedback.enabled ? (
              <Tabs.Panel value="rekan">
                <PeerQuestionnaires month={selected} />
              </Tabs.Panel>
            ) : null}
          </Tabs>
        </Stack>
      )}
    </>
  );
}

function MyProgress(props: { nip: string; year: number; month: string }) {
  const { nip, year, month } = props;
  const progress = useQuery({
    queryKey: ['skp-progress', nip, year, month],
    queryFn: () =>
      call<SkpProgressView>('GET', '/skp/{nip}/{year}/progress', {
        params: { path: { nip, year }, query: { month } },
      }),
  });
  if (progress.error) return <ApiErrorAlert error={progress.error} />;
  if (!progress.data) return <Text role="status">{L.app.loading}</Text>;
  const p = progress.data;
  return (
    <SimpleGrid cols={{ base: 1, xl: 2 }} spacing="lg">
      <ProgressTable
        caption={`${L.kinerja.progress.caption(formatMonth(month))} — ${L.kinerja.progress.month}`}
        progress={p.month}
      />
      <ProgressTable
        caption={`${L.kinerja.progress.caption(`Januari–${formatMonth(month)}`)} — ${L.kinerja.progress.yearToDate}`}
        progress={p.yearToDate}
      />
    </SimpleGrid>
  );
}

interface RealizationValues {
  indicatorId: string;
  date: string;
  value: number | string;
  note: string;
  evidenceUrl: string;
}

/** A realisasi: indicator, day (not after today in the tenant's zone), value, note, evidence link. */
function RealizationForm(props: {
  nip: string;
  year: number;
  today: string;
  indicators: readonly Indicator[];
  onLogged: (date: string) => void;
}) {
  const readOnly = useReadOnly();
  const qc = useQueryClient();
  const form = useForm<RealizationValues>({
    mode: 'controlled',
    initialValues: {
      indicatorId: props.indicators[0]?.id ?? '',
      date: props.today,
      value: '',
      note: '',
      evidenceUrl: '',
    },
  });
  const save = useMutation({
    mutationFn: (v: RealizationValues) =>
      call('POST', '/skp/{nip}/{year}/realizations', {
        params: { path: { nip: props.nip, year: props.year } },
        body: {
          indicatorId: v.indicatorId,
          date: v.date,
          value: typeof v.value === 'number' ? v.value : Number(v.value.replace(',', '.')),
          ...(v.note.trim() ? { note: v.note.trim() } : {}),
          ...(v.evidenceUrl.trim() ? { evidenceUrl: v.evidenceUrl.trim() } : {}),
        },
      }),
    onSuccess: (_, v) => {
      notifyOk(R.saved);
      form.setValues({ value: '', note: '', evidenceUrl: '' });
      void qc.invalidateQueries({ queryKey: ['skp-progress', props.nip] });
      void qc.invalidateQueries({ queryKey: ['realizations', props.nip] });
      props.onLogged(v.date);
    },
    onError: (err) => form.setErrors(fieldErrors(err, 'body')),
  });
  if (readOnly) return null;
  const labels = {
    indicatorId: R.indicator,
    date: R.date,
    value: R.value,
    note: R.note,
    evidenceUrl: R.evidence,
  };
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="catat-realisasi">
      <Title order={2} size="h3" id="catat-realisasi">
        {R.title}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {R.intro}
      </Text>
      <form
        noValidate
        onSubmit={form.onSubmit((v) => {
          form.clearErrors();
          if (v.value === '') {
            form.setErrors({ value: 'wajib diisi' });
            return;
          }
          save.mutate(v);
        })}
      >
        <ErrorSummary errors={form.errors as Record<string, string>} labels={labels} error={save.error} />
        <SimpleGrid cols={{ base: 1, md: 3 }} spacing="sm">
          <Select
            label={R.indicator}
            data={props.indicators.map((i) => ({ value: i.id, label: i.description }))}
            allowDeselect={false}
            id={fieldId('indicatorId')}
            {...form.getInputProps('indicatorId')}
          />
          <TextInput
            type="date"
            label={R.date}
            max={props.today}
            min={`${props.year}-01-01`}
            id={fieldId('date')}
            {...form.getInputProps('date')}
          />
          <NumberInput
            label={R.value}
            decimalSeparator=","
            thousandSeparator="."
            min={0}
            hideControls
            id={fieldId('value')}
            {...form.getInputProps('value')}
          />
          <Textarea
            label={R.note}
            autosize
            minRows={1}
            id={fieldId('note')}
            {...form.getInputProps('note')}
          />
          <TextInput
            type="url"
            label={R.evidence}
            description={R.evidenceHint}
            placeholder="https://"
            id={fieldId('evidenceUrl')}
            {...form.getInputProps('evidenceUrl')}
          />
        </SimpleGrid>
        <Group justify="flex-end" mt="sm">
          <Button type="submit" loading={save.isPending} data-action="simpan-realisasi">
            {R.save}
          </Button>
        </Group>
      </form>
    </Card>
  );
}

function FeedbackAndPredikat(props: {
  nip: string;
  year: number;
  month: string;
  evaluation: { data?: EvaluationView | undefined; error: unknown };
}) {
  const { nip, year } = props;
  const months = useQuery({
    queryKey: ['skp-months', nip, year],
    queryFn: () => ok(api.GET('/skp/{nip}/{year}/months', { params: { path: { nip, year } } })),
  });
  const latestSlip = useQuery({
    queryKey: ['my-latest-slip-kinerja', nip, year],
    queryFn: async () => {
      for (const y of [year, year - 1]) {
        const page = await ok(api.GET('/me/slips', { params: { query: { year: String(y) } } }));
        if (page.items.length > 0) return page.items[0]!;
      }
      return null;
    },
  });
  const ev = props.evaluation.data?.evaluation;
  const columns: Column<MonthSummary>[] = [
    { key: 'month', header: C.month, rowHeader: true, cell: (m) => formatMonth(m.month) },
    {
      key: 'predikat',
      header: L.kinerja.lembar.predikat,
      cell: (m) =>
        m.predikat ? (
          <PredikatChip predikat={m.predikat} {...(m.provisional ? { detail: C.provisional } : {})} />
        ) : (
          <Text size="sm" c="dimmed">
            {m.evaluated ? K.detail.ratedNotComputed : K.detail.notRatedState}
          </Text>
        ),
    },
    {
      key: 'tpp',
      header: L.kinerja.lembar.tppFactor,
      align: 'right',
      cell: (m) => (m.tppFactorPercent === null ? '—' : formatPct(m.tppFactorPercent)),
    },
    {
      key: 'pay',
      header: L.mySlips.month,
      cell: (m) => (m.payMonth ? formatMonth(m.payMonth) : '—'),
    },
    { key: 'feedback', header: C.feedbackTitle, cell: (m) => m.feedback ?? '' },
  ];
  return (
    <Stack>
      <Card withBorder padding="md" component="section" aria-labelledby="umpan-balik-atasan">
        <Title order={2} size="h3" id="umpan-balik-atasan" mb="xs">
          {`${C.feedbackTitle} — ${formatMonth(props.month)}`}
        </Title>
        {props.evaluation.error ? (
          <ApiErrorAlert error={props.evaluation.error} />
        ) : ev ? (
          <Stack gap={4} data-feedback>
            {ev.assessment.hasilKerja ? (
              <Text size="sm">{`${L.kinerja.lembar.hasilKerja}: ${K.rating[ev.assessment.hasilKerja]}`}</Text>
            ) : null}
            {ev.assessment.perilaku ? (
              <Text size="sm">{`${L.kinerja.lembar.perilaku}: ${K.rating[ev.assessment.perilaku]}`}</Text>
            ) : null}
            <Text>{ev.feedback ?? C.noFeedback}</Text>
          </Stack>
        ) : (
          <Text c="dimmed">{C.notRated}</Text>
        )}
      </Card>
      <FeedbackNotes nip={nip} year={year} canWrite={false} />
      <Title order={2} size="h3">
        {C.predikatTitle}
      </Title>
      <PagedTable
        caption={C.predikatCaption(year)}
        columns={columns}
        rows={months.data?.items}
        rowKey={(m) => m.month}
        noun={C.month.toLowerCase()}
        loading={months.isLoading}
        error={months.error}
        onRetry={() => months.refetch()}
      />
      <Card withBorder padding="md" component="section" aria-labelledby="predikat-tpp">
        <Title order={2} size="h4" id="predikat-tpp" mb="xs">
          {C.tppLink}
        </Title>
        <Text size="sm" mb="sm">
          {C.tppBody}
        </Text>
        <Group>
          {latestSlip.data ? (
            <Button component={Link} to={pathTo('rincianSlip', { runId: latestSlip.data.runId, nip })}>
              {C.openLatestWhy}
            </Button>
          ) : null}
          <Anchor component={Link} to={pathTo('slipSaya')}>
            {C.openSlips}
          </Anchor>
        </Group>
      </Card>
    </Stack>
  );
}

/** Peer questionnaires assigned to the caller: answered once each, never shown to the rated person. */
function PeerQuestionnaires(props: { month: string }) {
  const P = K.peer;
  const qc = useQueryClient();
  const readOnly = useReadOnly();
  const [open, setOpen] = useState<PeerAsk | null>(null);
  const [rating, setRating] = useState<Rating | null>(null);
  const asks = useQuery({
    queryKey: ['peer-assigned', props.month],
    queryFn: () =>
      call<{ items: PeerAsk[] }>('GET', '/peer-feedback/{month}/assigned', {
        params: { path: { month: props.month }, query: { limit: 100 } },
      }),
  });
  const send = useMutation({
    mutationFn: (a: { ask: PeerAsk; rating: Rating }) =>
      call('POST', '/evaluations/{month}/{nip}/peer-feedback', {
        params: { path: { month: props.month, nip: a.ask.nip } },
        body: { rating: a.rating },
      }),
    onSuccess: () => {
      notifyOk(P.sent);
      setOpen(null);
      setRating(null);
      void qc.invalidateQueries({ queryKey: ['peer-assigned', props.month] });
    },
  });
  const columns: Column<PeerAsk>[] = [
    {
      key: 'person',
      header: P.person,
      rowHeader: true,
      cell: (a) => (a.nama ? `${a.nama} (${formatNip(a.nip)})` : formatNip(a.nip)),
    },
    { key: 'state', header: P.state, cell: (a) => (a.submitted ? P.done : P.pending) },
    {
      key: 'answer',
      header: P.answer,
      cell: (a) =>
        readOnly ? null : (
          <Button size="xs" variant="default" onClick={() => setOpen(a)}>
            {`${P.answer}${a.nama ? `: ${a.nama}` : ''}`}
          </Button>
        ),
    },
  ];
  return (
    <Stack>
      <Text>{P.intro}</Text>
      <PagedTable
        caption={P.caption(formatMonth(props.month))}
        columns={columns}
        rows={asks.data?.items}
        rowKey={(a) => a.nip}
        noun={P.noun}
        loading={asks.isLoading}
        error={asks.error}
        onRetry={() => asks.refetch()}
        emptyBody={P.none}
      />
      <Modal
        opened={open !== null}
        onClose={() => setOpen(null)}
        title={open ? P.answerOf(open.nama ?? formatNip(open.nip)) : ''}
        closeButtonProps={{ 'aria-label': L.common.close }}
      >
        <Stack>
          {send.error ? <ApiErrorAlert error={send.error} /> : null}
          <Radio.Group label={P.rating} value={rating} onChange={(v) => setRating(v as Rating)}>
            <Stack gap="xs" mt="xs">
              {RATINGS.map((r) => (
                <Radio key={r} value={r} label={K.rating[r]} />
              ))}
            </Stack>
          </Radio.Group>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpen(null)}>
              {L.common.cancel}
            </Button>
            <Button
              disabled={!rating}
              loading={send.isPending}
              onClick={() => open && rating && send.mutate({ ask: open, rating })}
            >
              {P.send}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
