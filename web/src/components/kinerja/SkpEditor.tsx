import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Card,
  Group,
  List,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconCircleCheck, IconInfoCircle, IconTrash } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { paths } from '../../api/client';
import { ApiError } from '../../api/errors';
import { formatNumber } from '../../format';
import { L } from '../../i18n/labels';
import { ErrorSummary, fieldId } from '../ErrorDisplay';
import { notifyOk } from '../run/hooks';
import { call, skpFieldErrors } from './api';
import { formatPct, weightBasisPoints } from './kinerja';
import { BERAKHLAK_KEYS, type Indicator, type RencanaHasilKerja, type SkpRevision } from './types';

const K = L.kinerja;
const S = K.skp;

interface TemplateIndicator extends Omit<Indicator, 'id'> {
  key: string;
}
interface TemplateResult {
  key: string;
  jenis: RencanaHasilKerja['jenis'];
  description: string;
  indicators: TemplateIndicator[];
}

/** GET /skp/{nip}/{year}/plan-options: the atasan's results to cascade from, the jabatan's template. */
export type PlanOptions =
  paths['/skp/{nip}/{year}/plan-options']['get']['responses'][200]['content']['application/json'];

interface Values {
  results: RencanaHasilKerja[];
}

/** A fresh id not yet used in the plan: `base`, else `base-2`, `base-3`… */
function freshId(base: string, used: ReadonlySet<string>): string {
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}-${n}`)) return `${base}-${n}`;
}

function idsOf(results: readonly RencanaHasilKerja[]): Set<string> {
  return new Set(results.flatMap((r) => [r.id, ...r.indicators.map((i) => i.id)]));
}

/** NumberInput answers '' while a field is empty: sent as 0 so the server names the field. */
const num = (v: unknown) => (typeof v === 'number' ? v : Number(v) || 0);

function normalized(results: readonly RencanaHasilKerja[]): RencanaHasilKerja[] {
  return results.map((r) => ({
    id: r.id,
    jenis: r.jenis,
    description: r.description,
    ...(r.cascadedFrom ? { cascadedFrom: r.cascadedFrom } : {}),
    indicators: r.indicators.map((i) => ({
      ...i,
      weightPercent: num(i.weightPercent),
      target:
        i.target.aspect === 'KUALITAS'
          ? { aspect: 'KUALITAS', percent: num(i.target.percent) }
          : i.target.aspect === 'WAKTU'
            ? { aspect: 'WAKTU', value: num(i.target.value), unit: i.target.unit }
            : { aspect: 'KUANTITAS', value: num(i.target.value), unit: i.target.unit },
    })),
  }));
}

/**
 * The pegawai's plan editor (DRAFT or returned SKP): hasil kerja cascaded to the atasan's results,
 * indikator from the jabatan's library template, targets and weights with the running total announced
 * (polite live region). "Ajukan" is refused in the form while the weights do not add up to 100; the
 * server checks again (weights, cascade) and its issues land on the same fields.
 */
export function SkpEditor(props: {
  skp: SkpRevision;
  options: PlanOptions | undefined;
  optionsError: unknown;
  onChanged: (skp: SkpRevision) => void;
  onCascadeRefused: () => void;
}) {
  const { skp, options } = props;
  const [version, setVersion] = useState(skp.version);
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: { results: structuredClone(skp.results) },
  });
  const results = form.values.results;
  const total = weightBasisPoints(results);
  // The library template's indicators carry the full indicator (target, direction, aggregation, weight);
  // the route declares them loosely beyond key and description.
  const template = (options?.suggestedTemplate ?? null) as { key: string; results: TemplateResult[] } | null;
  const atasan = options?.atasanSkp ?? null;
  const path = `/skp/${encodeURIComponent(skp.nip)}/${skp.year}`;

  const onError = (err: unknown) => {
    form.setErrors(skpFieldErrors(err));
    if (err instanceof ApiError && err.code === 'SKP_CASCADE_INVALID') props.onCascadeRefused();
  };
  const patch = async (v: Values) => {
    const next = await call<SkpRevision>('PATCH', '/skp/{nip}/{year}', {
      params: { path: { nip: skp.nip, year: skp.year } },
      body: { expectedVersion: version, results: normalized(v.results) },
    });
    setVersion(next.version);
    return next;
  };
  const save = useMutation({
    mutationFn: patch,
    onSuccess: (next) => {
      notifyOk(S.saved);
      props.onChanged(next);
    },
    onError,
  });
  const submit = useMutation({
    mutationFn: async (v: Values) => {
      const saved = await patch(v);
      return call<SkpRevision>('POST', `${path}/submit`, {
        body: { expectedVersion: saved.version },
      });
    },
    onSuccess: (next) => {
      notifyOk(S.submitted);
      props.onChanged(next);
    },
    onError,
  });
  const error = submit.error ?? save.error;

  const weightsOk = total === 10_000;
  // The form-side refusal of the weights goes away as soon as they add up again.
  const weightError = form.errors.results;
  useEffect(() => {
    if (weightsOk && weightError) form.clearFieldError('results');
  }, [weightsOk, weightError, form.clearFieldError]);
  const checkWeights = (): boolean => {
    if (weightsOk) return true;
    form.setErrors({ results: S.weightMustBe100(formatPct(total / 100)) });
    return false;
  };

  const labels: Record<string, string> = { results: S.weightTotal('').replace(/:\s*$/, '') };
  results.forEach((r, n) => {
    const head = S.result(n + 1);
    labels[`results.${n}.description`] = `${head}: ${S.resultDescription}`;
    labels[`results.${n}.cascadedFrom.resultId`] = `${head}: ${S.cascade}`;
    labels[`results.${n}.cascadedFrom.skpId`] = `${head}: ${S.cascade}`;
    labels[`results.${n}.indicators`] = `${head}: ${S.indicators}`;
    r.indicators.forEach((_, i) => {
      const ind = `${head}, ${S.indicator} ${i + 1}`;
      labels[`results.${n}.indicators.${i}.description`] = `${ind}: ${S.indicatorDescription}`;
      labels[`results.${n}.indicators.${i}.target`] = `${ind}: ${S.target}`;
      labels[`results.${n}.indicators.${i}.weightPercent`] = `${ind}: ${S.weight}`;
    });
  });

  const cascadeData = (current: string | undefined) => {
    const data = [
      { value: '', label: S.cascadeNone },
      ...(atasan?.results ?? []).map((a) => ({
        value: a.id,
        label: `${a.description} (${K.jenis[a.jenis]})`,
      })),
    ];
    if (current && !data.some((d) => d.value === current))
      data.push({ value: current, label: S.cascadeMissing(current) });
    return data;
  };

  const addIndicator = (n: number, choice: string | null) => {
    if (!choice || !template) return;
    const [rKey, iKey] = choice.split('/');
    const t = template.results.find((r) => r.key === rKey)?.indicators.find((i) => i.key === iKey);
    if (!t) return;
    const { key, ...rest } = t;
    const id = freshId(`${results[n]!.id}-${key}`, idsOf(results));
    form.insertListItem(`results.${n}.indicators`, { ...structuredClone(rest), id });
  };
  const addResult = (choice: string | null) => {
    if (!choice || !template) return;
    const t = template.results.find((r) => r.key === choice);
    if (!t) return;
    const used = idsOf(results);
    const id = freshId(`${skp.year}-${t.key}`, used);
    form.insertListItem('results', {
      id,
      jenis: t.jenis,
      description: t.description,
      indicators: t.indicators.map(({ key, ...rest }) => ({
        ...structuredClone(rest),
        id: freshId(`${id}-${key}`, used),
      })),
    });
  };
  const indicatorChoices = template
    ? template.results.map((r) => ({
        group: r.description,
        items: r.indicators.map((i) => ({ value: `${r.key}/${i.key}`, label: i.description })),
      }))
    : [];

  return (
    <form
      noValidate
      onSubmit={form.onSubmit((v) => {
        form.clearErrors();
        if (checkWeights()) submit.mutate(v);
      })}
    >
      <Stack gap="md">
        <ErrorSummary
          errors={form.errors as Record<string, string>}
          labels={labels}
          error={error}
          prefix=""
        />
        {props.optionsError ? (
          <Alert color="gray" variant="light" icon={<IconInfoCircle aria-hidden />}>
            {S.cascadeNoPlan}
          </Alert>
        ) : options && !atasan ? (
          <Alert color="gray" variant="light" icon={<IconInfoCircle aria-hidden />}>
            {S.cascadeNoPlan}
          </Alert>
        ) : null}
        <Title order={2} size="h3">
          {S.results}
        </Title>
        {results.map((r, n) => {
          const cascadeKey = `results.${n}.cascadedFrom.resultId`;
          const cascadeError =
            form.errors[cascadeKey] ?? form.errors[`results.${n}.cascadedFrom.skpId`] ?? undefined;
          return (
            <Card
              key={r.id}
              withBorder
              padding="md"
              component="fieldset"
              aria-labelledby={`rhk-${n}`}
              data-result={r.id}
            >
              <Stack gap="sm">
                <Group justify="space-between" wrap="nowrap">
                  <Title order={3} size="h5" id={`rhk-${n}`}>
                    {S.result(n + 1)}{' '}
                    <Badge variant="outline" color="gray" tt="none" c="gray.9">
                      {K.jenis[r.jenis]}
                    </Badge>
                  </Title>
                  {results.length > 1 ? (
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={S.removeResult(n + 1)}
                      onClick={() => form.removeListItem('results', n)}
                    >
                      <IconTrash size={16} aria-hidden />
                    </ActionIcon>
                  ) : null}
                </Group>
                <Textarea
                  label={S.resultDescription}
                  autosize
                  minRows={1}
                  id={fieldId(`results.${n}.description`)}
                  {...form.getInputProps(`results.${n}.description`)}
                />
                <Select
                  label={S.cascade}
                  description={
                    options?.pejabatPenilai && atasan
                      ? S.cascadeHint(options.pejabatPenilai.nama ?? options.pejabatPenilai.nip)
                      : undefined
                  }
                  id={fieldId(cascadeKey)}
                  data={cascadeData(r.cascadedFrom?.resultId)}
                  value={r.cascadedFrom?.resultId ?? ''}
                  allowDeselect={false}
                  error={cascadeError}
                  onChange={(value) => {
                    form.setFieldValue(
                      `results.${n}.cascadedFrom`,
                      value && atasan ? { skpId: atasan.skpId, resultId: value } : undefined,
                    );
                    form.clearFieldError(cascadeKey);
                  }}
                  data-cascade
                />
                <Text fw={600} size="sm" id={`ind-${n}`}>
                  {S.indicators}
                </Text>
                {form.errors[`results.${n}.indicators`] ? (
                  <Text c="red.8" size="sm" id={fieldId(`results.${n}.indicators`)} tabIndex={-1}>
                    {form.errors[`results.${n}.indicators`]}
                  </Text>
                ) : null}
                {r.indicators.map((ind, i) => {
                  const base = `results.${n}.indicators.${i}`;
                  const t = ind.target;
                  return (
                    <Card key={ind.id} withBorder padding="sm" bg="gray.0" data-indicator={ind.id}>
                      <Stack gap="xs">
                        <Group justify="space-between" wrap="nowrap" align="flex-start">
                          <TextInput
                            label={`${S.indicator} ${i + 1}`}
                            style={{ flex: 1 }}
                            id={fieldId(`${base}.description`)}
                            {...form.getInputProps(`${base}.description`)}
                          />
                          <ActionIcon
                            mt={26}
                            variant="subtle"
                            color="red"
                            aria-label={S.removeIndicator(ind.description || String(i + 1))}
                            onClick={() => form.removeListItem(`results.${n}.indicators`, i)}
                          >
                            <IconTrash size={16} aria-hidden />
                          </ActionIcon>
                        </Group>
                        <SimpleGrid cols={{ base: 1, sm: 4 }} spacing="sm">
                          <Stack gap={2}>
                            <Text size="sm" fw={500}>
                              {S.aspect}
                            </Text>
                            <Text size="sm">{K.aspect[t.aspect]}</Text>
                            <Text size="xs" c="dimmed">
                              {K.direction[ind.direction]}
                            </Text>
                          </Stack>
                          <NumberInput
                            label={t.aspect === 'KUALITAS' ? `${S.target} (%)` : S.target}
                            id={fieldId(`${base}.target`)}
                            decimalSeparator=","
                            thousandSeparator="."
                            min={0}
                            hideControls
                            error={form.errors[`${base}.target`]}
                            value={t.aspect === 'KUALITAS' ? t.percent : t.value}
                            onChange={(v) =>
                              form.setFieldValue(
                                `${base}.target.${t.aspect === 'KUALITAS' ? 'percent' : 'value'}`,
                                v,
                              )
                            }
                          />
                          {t.aspect === 'KUANTITAS' ? (
                            <TextInput
                              label={S.unit}
                              id={fieldId(`${base}.target.unit`)}
                              {...form.getInputProps(`${base}.target.unit`)}
                            />
                          ) : t.aspect === 'WAKTU' ? (
                            <Select
                              label={S.unit}
                              id={fieldId(`${base}.target.unit`)}
                              data={[
                                { value: 'BULAN', label: K.waktuUnit.BULAN },
                                { value: 'HARI', label: K.waktuUnit.HARI },
                              ]}
                              allowDeselect={false}
                              {...form.getInputProps(`${base}.target.unit`)}
                            />
                          ) : (
                            <div />
                          )}
                          <NumberInput
                            label={S.weight}
                            id={fieldId(`${base}.weightPercent`)}
                            decimalSeparator=","
                            min={0}
                            max={100}
                            hideControls
                            {...form.getInputProps(`${base}.weightPercent`)}
                            data-weight
                          />
                        </SimpleGrid>
                      </Stack>
                    </Card>
                  );
                })}
                {template ? (
                  <Select
                    label={S.addIndicator}
                    placeholder={S.addIndicatorPlaceholder}
                    data={indicatorChoices}
                    value={null}
                    searchable
                    onChange={(v) => addIndicator(n, v)}
                  />
                ) : null}
              </Stack>
            </Card>
          );
        })}
        {template ? (
          <Select
            label={S.addResult}
            placeholder={S.addIndicatorPlaceholder}
            data={template.results.map((r) => ({ value: r.key, label: r.description }))}
            value={null}
            onChange={addResult}
          />
        ) : null}
        <Card
          withBorder
          padding="sm"
          id={fieldId('results')}
          tabIndex={-1}
          bg={weightsOk ? 'green.0' : 'yellow.0'}
        >
          <Group gap="xs">
            {weightsOk ? (
              <IconCircleCheck size={18} aria-hidden color="var(--mantine-color-green-8)" />
            ) : null}
            <Text role="status" aria-live="polite" fw={600} data-weight-total>
              {`${S.weightTotal(formatPct(total / 100))} — ${
                weightsOk ? S.weightOk : S.weightNot(formatPct(Math.abs(10_000 - total) / 100))
              }`}
            </Text>
          </Group>
          {form.errors.results ? (
            <Text c="red.8" size="sm" mt={4}>
              {form.errors.results}
            </Text>
          ) : null}
        </Card>
        <Title order={2} size="h3">
          {S.perilaku}
        </Title>
        <Text size="sm" c="dimmed">
          {S.perilakuIntro}
        </Text>
        <List spacing={2} size="sm">
          {BERAKHLAK_KEYS.map((k) => (
            <List.Item key={k}>
              <Text span fw={600} size="sm">
                {K.berakhlak[k]}
              </Text>
              {`: ${skp.perilaku[k]?.ekspektasiKhusus ?? '—'}`}
            </List.Item>
          ))}
        </List>
        <Group justify="flex-end">
          <Text size="sm" c="dimmed">
            {`${formatNumber(results.flatMap((r) => r.indicators).length)} ${S.indicators.toLowerCase()}`}
          </Text>
          <Button
            variant="default"
            loading={save.isPending}
            onClick={() => {
              form.clearErrors();
              save.mutate(form.values);
            }}
            data-action="simpan-skp"
          >
            {S.save}
          </Button>
          <Button type="submit" loading={submit.isPending} data-action="ajukan-skp">
            {S.submit}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
