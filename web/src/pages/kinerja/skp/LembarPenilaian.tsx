import {
  Anchor,
  Button,
  Card,
  Checkbox,
  Group,
  List,
  Radio,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { IconArrowLeft } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, ok } from '../../../api/client';
import { ApiError, fieldErrors } from '../../../api/errors';
import { useMe, useReadOnly, useRoles } from '../../../auth/useAuth';
import { EmptyState } from '../../../components/EmptyState';
import { ApiErrorAlert, ErrorSummary, fieldId } from '../../../components/ErrorDisplay';
import { call, isNotFound } from '../../../components/kinerja/api';
import { formatPct, useTenantToday } from '../../../components/kinerja/kinerja';
import { ProgressTable } from '../../../components/kinerja/ProgressTable';
import { PredikatChip } from '../../../components/kinerja/SkpStatusChip';
import {
  BERAKHLAK_KEYS,
  type BerakhlakKey,
  type EvaluationView,
  RATINGS,
  type Rating,
  type SkpOfYear,
  type SkpProgressView,
} from '../../../components/kinerja/types';
import { PageHeader } from '../../../components/PageHeader';
import { notifyOk } from '../../../components/run/hooks';
import { formatDateTime, formatMonth, formatNip } from '../../../format';
import { L } from '../../../i18n/labels';
import { pathTo } from '../../../routes';

const K = L.kinerja;
const F = K.lembar;

interface Values {
  hasilKerja: Rating | null;
  perilaku: Rating | null;
  perilakuDetail: Record<BerakhlakKey, Rating | null>;
  hasInnovation: boolean;
  feedback: string;
  correction: string;
}

function bodyOf(v: Values, mode: 'MATRIX' | 'NUMERIC') {
  const detail = Object.fromEntries(
    Object.entries(v.perilakuDetail).filter((e): e is [string, Rating] => e[1] !== null),
  );
  return {
    ...(mode === 'MATRIX' && v.hasilKerja ? { hasilKerja: v.hasilKerja } : {}),
    ...(v.perilaku ? { perilaku: v.perilaku } : {}),
    ...(mode === 'MATRIX' && Object.keys(detail).length > 0 ? { perilakuDetail: detail } : {}),
    ...(mode === 'NUMERIC' ? { hasInnovation: v.hasInnovation } : {}),
    ...(v.feedback.trim() ? { feedback: v.feedback.trim() } : {}),
  };
}

/**
 * Lembar penilaian (journey 2): the atasan rates a bawahan's month — hasil kerja and perilaku (overall
 * and per BerAKHLAK value) in MATRIX tenants (PermenPANRB 6/2022), perilaku and innovation where the
 * hasil kerja is computed (PP 30/2019) — with feedback, and sees the predikat and the TPP factor it
 * gives from the server's preview before saving. Others read it without the form's buttons.
 */
export default function LembarPenilaianPage() {
  const { nip = '', month = '' } = useParams();
  const year = Number(month.slice(0, 4));
  const roles = useRoles();
  const readOnly = useReadOnly();
  const me = useMe();
  const timeZone = me.data?.timeZone ?? 'Asia/Jakarta';
  const today = useTenantToday();
  const canRate = roles.includes('atasan') && !readOnly;
  const employee = useQuery({
    queryKey: ['employee', nip],
    queryFn: () => ok(api.GET('/employees/{nip}', { params: { path: { nip } } })),
  });
  const evaluation = useQuery({
    queryKey: ['evaluation', month, nip],
    queryFn: () =>
      call<EvaluationView>('GET', '/evaluations/{month}/{nip}', { params: { path: { month, nip } } }),
  });
  const skp = useQuery({
    queryKey: ['skp', nip, year],
    queryFn: async () => {
      try {
        return await call<SkpOfYear>('GET', '/skp/{nip}/{year}', { params: { path: { nip, year } } });
      } catch (err) {
        if (isNotFound(err)) return null;
        throw err;
      }
    },
  });
  const progress = useQuery({
    queryKey: ['skp-progress', nip, year, month],
    enabled: !!skp.data,
    queryFn: () =>
      call<SkpProgressView>('GET', '/skp/{nip}/{year}/progress', {
        params: { path: { nip, year }, query: { month } },
      }),
  });
  const nama = employee.data?.nama ?? formatNip(nip);
  const s =
    skp.data?.revisions.find((r) => r.revision === skp.data?.inForceRevision) ?? skp.data?.revisions[0];
  const title = `${K.titles.lembarPenilaian} ${formatMonth(month)}`;

  return (
    <>
      <PageHeader
        title={title}
        description={F.intro(nama, formatMonth(month))}
        actions={
          <Anchor component={Link} to={pathTo('detailBawahan', { nip })}>
            <Group gap={4}>
              <IconArrowLeft size={16} aria-hidden />
              {`${K.titles.detailBawahan}: ${nama}`}
            </Group>
          </Anchor>
        }
      />
      {evaluation.error ? (
        <EmptyState
          kind="loadFailed"
          body={<ApiErrorAlert error={evaluation.error} />}
          onRetry={() => evaluation.refetch()}
        />
      ) : !evaluation.data || skp.isLoading ? (
        <Text role="status">{L.app.loading}</Text>
      ) : (
        <Stack gap="lg">
          <Card withBorder padding="md" component="section" aria-labelledby="identitas">
            <Title order={2} size="h4" id="identitas" mb="xs">
              {F.identity}
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 5 }} spacing="sm">
              <Field label={F.nama} value={nama} />
              <Field label={F.nip} value={formatNip(nip)} />
              <Field label={F.jabatan} value={s?.jabatan.nama ?? '—'} />
              <Field label={F.unit} value={s ? (s.unit ?? s.opd) : '—'} />
              <Field label={F.penilai} value={s?.pejabatPenilai.nama ?? s?.pejabatPenilai.nip ?? '—'} />
            </SimpleGrid>
          </Card>
          {progress.data ? (
            <section aria-labelledby="capaian-indikator">
              <Title order={2} size="h4" id="capaian-indikator" mb="xs">
                {F.indicatorsTitle}
              </Title>
              <ProgressTable
                caption={K.progress.caption(formatMonth(month))}
                progress={progress.data.month}
              />
            </section>
          ) : null}
          {month > today.month && today.ready ? (
            <Text c="dimmed">{F.monthFuture}</Text>
          ) : (
            <RatingForm
              key={evaluation.data.evaluation?.version ?? 0}
              nip={nip}
              month={month}
              view={evaluation.data}
              canRate={canRate}
              timeZone={timeZone}
            />
          )}
        </Stack>
      )}
    </>
  );
}

function Field(props: { label: string; value: string }) {
  return (
    <Stack gap={0}>
      <Text size="sm" c="dimmed">
        {props.label}
      </Text>
      <Text fw={600} style={{ whiteSpace: 'nowrap' }}>
        {props.value}
      </Text>
    </Stack>
  );
}

function RatingGroup(props: {
  name: string;
  label: string;
  value: Rating | null;
  onChange: (r: Rating) => void;
  error?: string | undefined;
  disabled: boolean;
  required?: boolean;
}) {
  return (
    <Radio.Group
      id={fieldId(props.name)}
      label={props.label}
      value={props.value}
      onChange={(v) => props.onChange(v as Rating)}
      error={props.error}
      withAsterisk={props.required}
      data-rating={props.name}
    >
      <Group gap="lg" mt={6}>
        {RATINGS.map((r) => (
          <Radio key={r} value={r} label={K.rating[r]} disabled={props.disabled} />
        ))}
      </Group>
    </Radio.Group>
  );
}

function RatingForm(props: {
  nip: string;
  month: string;
  view: EvaluationView;
  canRate: boolean;
  timeZone: string;
}) {
  const { nip, month, view } = props;
  const mode = view.mode;
  const stored = view.evaluation;
  const qc = useQueryClient();
  const [needsCorrection, setNeedsCorrection] = useState(false);
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: {
      hasilKerja: stored?.assessment.hasilKerja ?? null,
      perilaku: stored?.assessment.perilaku ?? null,
      perilakuDetail: Object.fromEntries(
        BERAKHLAK_KEYS.map((k) => [k, stored?.assessment.perilakuDetail?.[k] ?? null]),
      ) as Record<BerakhlakKey, Rating | null>,
      hasInnovation: stored?.assessment.hasInnovation ?? false,
      feedback: stored?.feedback ?? '',
      correction: '',
    },
  });
  const v = form.values;
  // The preview of what is stored reads "Hasil penilaian"; any change makes it "(belum disimpan)".
  const dirty =
    !stored || JSON.stringify(bodyOf(v, mode)) !== JSON.stringify(bodyOf(form.getInitialValues(), mode));
  const complete = mode === 'NUMERIC' || (v.hasilKerja !== null && v.perilaku !== null);
  const [body] = useDebouncedValue(JSON.stringify(bodyOf(v, mode)), 250);
  const preview = useQuery({
    queryKey: ['evaluation-preview', month, nip, body],
    enabled: complete && props.canRate,
    placeholderData: (previous) => previous,
    queryFn: () =>
      ok(
        api.POST('/evaluations/{month}/{nip}/preview', {
          params: { path: { month, nip } },
          body: JSON.parse(body) as ReturnType<typeof bodyOf>,
        }),
      ),
  });
  const save = useMutation({
    mutationFn: (values: Values) =>
      call('PUT', '/evaluations/{month}/{nip}', {
        params: { path: { month, nip } },
        body: {
          expectedVersion: stored?.version ?? 0,
          ...bodyOf(values, mode),
          ...(needsCorrection && values.correction.trim()
            ? { correction: { reason: values.correction.trim() } }
            : {}),
        },
      }),
    onSuccess: () => {
      notifyOk(F.saved);
      void qc.invalidateQueries({ queryKey: ['evaluation', month, nip] });
      void qc.invalidateQueries({ queryKey: ['skp-months', nip] });
    },
    onError: (err) => {
      const errors = fieldErrors(err, 'body');
      if (errors['correction.reason'] === undefined && errors.correction !== undefined)
        errors['correction.reason'] = errors.correction;
      form.setErrors(errors);
      if (
        err instanceof ApiError &&
        (/LOCK|CORRECTION/.test(err.code) || err.issues.some((i) => i.path.startsWith('body.correction')))
      )
        setNeedsCorrection(true);
    },
  });
  const labels: Record<string, string> = {
    hasilKerja: F.hasilKerja,
    perilaku: F.perilakuOverall,
    hasInnovation: F.innovation,
    feedback: F.feedback,
    'correction.reason': F.correction,
    expectedVersion: F.save,
  };
  for (const k of BERAKHLAK_KEYS) labels[`perilakuDetail.${k}`] = K.berakhlak[k];
  const disabled = !props.canRate;
  const p = preview.data;
  // Declared loosely by the route: the preview's steps in Indonesian.
  const explanation = Array.isArray(p?.explanation) ? (p.explanation as string[]) : [];

  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) => {
        form.clearErrors();
        const missing: Record<string, string> = {};
        if (mode === 'MATRIX' && !values.hasilKerja) missing.hasilKerja = 'wajib diisi';
        if (mode === 'MATRIX' && !values.perilaku) missing.perilaku = 'wajib diisi';
        if (Object.keys(missing).length > 0) {
          form.setErrors(missing);
          return;
        }
        save.mutate(values);
      })}
    >
      <Stack gap="md">
        <ErrorSummary errors={form.errors as Record<string, string>} labels={labels} error={save.error} />
        <Card withBorder padding="md" component="section" aria-labelledby="rating-hasil">
          <Title order={2} size="h4" id="rating-hasil" mb="xs">
            {F.hasilKerja}
          </Title>
          {mode === 'MATRIX' ? (
            <RatingGroup
              name="hasilKerja"
              label={F.hasilKerja}
              value={v.hasilKerja}
              onChange={(r) => form.setFieldValue('hasilKerja', r)}
              error={form.errors.hasilKerja as string | undefined}
              disabled={disabled}
              required
            />
          ) : (
            <Stack gap="xs">
              <Text size="sm">{F.hasilKerjaNumeric}</Text>
              <Checkbox
                label={F.innovation}
                id={fieldId('hasInnovation')}
                disabled={disabled}
                {...form.getInputProps('hasInnovation', { type: 'checkbox' })}
              />
            </Stack>
          )}
        </Card>
        <Card withBorder padding="md" component="section" aria-labelledby="rating-perilaku">
          <Title order={2} size="h4" id="rating-perilaku" mb="xs">
            {F.perilaku}
          </Title>
          {mode === 'MATRIX' ? (
            <Table verticalSpacing={6} mb="sm">
              <Table.Caption>{F.perilakuDetail}</Table.Caption>
              <Table.Tbody>
                {BERAKHLAK_KEYS.map((k) => (
                  <Table.Tr key={k}>
                    <Table.Td>
                      <RatingGroup
                        name={`perilakuDetail.${k}`}
                        label={K.berakhlak[k]}
                        value={v.perilakuDetail[k]}
                        onChange={(r) => form.setFieldValue(`perilakuDetail.${k}`, r)}
                        error={form.errors[`perilakuDetail.${k}`] as string | undefined}
                        disabled={disabled}
                      />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          ) : null}
          <RatingGroup
            name="perilaku"
            label={F.perilakuOverall}
            value={v.perilaku}
            onChange={(r) => form.setFieldValue('perilaku', r)}
            error={form.errors.perilaku as string | undefined}
            disabled={disabled}
            required={mode === 'MATRIX'}
          />
        </Card>
        <Textarea
          label={F.feedback}
          description={F.feedbackHint}
          autosize
          minRows={3}
          disabled={disabled}
          id={fieldId('feedback')}
          {...form.getInputProps('feedback')}
        />
        {view.peerFeedback.enabled ? (
          <Text size="sm">{`${F.peerTitle}: ${F.peerCount(view.peerFeedback.asked, view.peerFeedback.submitted)}`}</Text>
        ) : null}
        {needsCorrection ? (
          <TextInput
            label={F.correction}
            description={F.correctionHint}
            withAsterisk
            id={fieldId('correction.reason')}
            {...form.getInputProps('correction')}
            error={form.errors['correction.reason'] as string | undefined}
          />
        ) : null}
        <Card
          withBorder
          padding="md"
          component="section"
          aria-labelledby="hasil-penilaian"
          bg="gray.0"
          data-preview
        >
          <Title order={2} size="h4" id="hasil-penilaian" mb="xs">
            {props.canRate && dirty ? F.preview : F.previewSaved}
          </Title>
          <div aria-live="polite" aria-atomic="true">
            {!props.canRate ? (
              stored ? (
                <Stack gap={2}>
                  {stored.assessment.hasilKerja ? (
                    <Text size="sm">{`${F.hasilKerja}: ${K.rating[stored.assessment.hasilKerja]}`}</Text>
                  ) : null}
                  {stored.assessment.perilaku ? (
                    <Text size="sm">{`${F.perilakuOverall}: ${K.rating[stored.assessment.perilaku]}`}</Text>
                  ) : null}
                  <Text size="sm">{F.savedAt(formatDateTime(stored.updatedAt, props.timeZone))}</Text>
                </Stack>
              ) : (
                <Text size="sm" c="dimmed">
                  {L.kinerja.detail.notRatedState}
                </Text>
              )
            ) : !complete ? (
              <Text size="sm" c="dimmed">
                {F.previewWaiting}
              </Text>
            ) : preview.error ? (
              <ApiErrorAlert error={preview.error} />
            ) : !p ? (
              <Text size="sm">{F.previewLoading}</Text>
            ) : (
              <Stack gap="xs">
                <Group gap="xl">
                  <Stack gap={2}>
                    <Text size="sm" c="dimmed">
                      {F.predikat}
                    </Text>
                    <div data-preview-predikat={p.predikat ?? ''}>
                      {p.predikat ? <PredikatChip predikat={p.predikat} /> : <Text>—</Text>}
                    </div>
                  </Stack>
                  <Stack gap={2}>
                    <Text size="sm" c="dimmed">
                      {F.tppFactor}
                    </Text>
                    <Text fw={700} size="lg" data-preview-tpp>
                      {p.tpp?.factorPercent == null ? '—' : formatPct(p.tpp.factorPercent)}
                    </Text>
                  </Stack>
                  {p.nilai !== null ? (
                    <Stack gap={2}>
                      <Text size="sm" c="dimmed">
                        {F.nilai}
                      </Text>
                      <Text fw={700} size="lg">
                        {String(p.nilai).replace('.', ',')}
                      </Text>
                    </Stack>
                  ) : null}
                </Group>
                {p.tpp?.payMonth ? <Text size="sm">{F.tppPayMonth(formatMonth(p.tpp.payMonth))}</Text> : null}
                {explanation.length > 0 ? (
                  <List size="sm" spacing={2}>
                    {explanation.map((line) => (
                      <List.Item key={line}>{line}</List.Item>
                    ))}
                  </List>
                ) : null}
              </Stack>
            )}
          </div>
        </Card>
        {props.canRate ? (
          <Group justify="space-between">
            <Text size="sm" c="dimmed">
              {stored ? F.savedAt(formatDateTime(stored.updatedAt, props.timeZone)) : ''}
            </Text>
            <Button type="submit" loading={save.isPending} data-action="simpan-penilaian">
              {F.save}
            </Button>
          </Group>
        ) : (
          <Text size="sm" c="dimmed">
            {F.readOnly}
          </Text>
        )}
      </Stack>
    </form>
  );
}
