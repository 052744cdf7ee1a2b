import {
  Button,
  Group,
  MultiSelect,
  NumberInput,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { useNavigate } from 'react-router';
import { api, ok } from '../../api/client';
import { ApiError } from '../../api/errors';
import { ErrorSummary, fieldId } from '../../components/ErrorDisplay';
import { PageHeader } from '../../components/PageHeader';
import { notifyOk, useTenantClock } from '../../components/run/hooks';
import { pathTo } from '../../routes';
import { A, type RuleRow, useRules } from './shared';

const F = A.form;
const CRITERIA = ['BK', 'TB', 'KK', 'KP', 'PK', 'POL'] as const;
const KELAS = Array.from({ length: 17 }, (_, i) => String(i + 1));
const CEILINGS = 'tpp.ceilings';

type Ceilings = Record<string, Record<string, number | string>>;

interface Values {
  title: string;
  source: { regulation: string; article: string; date: string; document: string };
  effectiveFrom: string;
  confidence: string;
  retroactiveReason: string;
  params: string[];
  ceilings: Ceilings;
  /** JSON text per selected parameter (other than the ceilings), by `jsonKey(parameterId)`. */
  json: Record<string, string>;
}

/** `tpp.attendance` → `tpp_attendance`: form paths split at dots. */
const jsonKey = (parameterId: string) => parameterId.replace(/\./g, '_');

const BASE_LABELS: Record<string, string> = {
  title: F.title,
  'source.regulation': F.regulation,
  'source.article': F.article,
  'source.date': F.date,
  'source.document': F.document,
  effectiveFrom: F.effectiveFrom,
  confidence: F.confidence,
  retroactiveReason: F.retroactiveReason,
  params: F.parameters,
};

/** `body.changes[2].value.byKelas.7.BK` → `changes.2.value.byKelas.7.BK` (then mapped onto the form's own keys). */
function issueKey(path: string): string {
  return path.replace(/^body\./, '').replace(/\[(\d+)\]/g, '.$1');
}

/**
 * The API's issues on the form's fields: a ceiling goes to its own input, any other parameter's value
 * issue to that parameter's JSON box (with the field named), the rest to the field of the same name.
 */
function formErrors(err: unknown, params: readonly string[]) {
  const out: Record<string, string> = {};
  if (!(err instanceof ApiError)) return out;
  const add = (key: string, message: string) => {
    out[key] = out[key] ? `${out[key]}; ${message}` : message;
  };
  for (const issue of err.issues) {
    if (!issue.path.startsWith('body.')) continue;
    const key = issueKey(issue.path);
    const m = key.match(/^changes\.(\d+)\.(parameterId|value)\.?(.*)$/);
    if (!m) {
      add(key, issue.message);
      continue;
    }
    const index = Number(m[1]);
    const parameterId = params[index];
    if (m[2] === 'parameterId' || !parameterId) {
      add('params', issue.message);
      continue;
    }
    const rest = m[3] ?? '';
    const cell = rest.match(/^byKelas\.(\d+)\.([A-Z]+)$/);
    if (parameterId === CEILINGS && cell && KELAS.includes(cell[1]!))
      add(`ceilings.${cell[1]}.${cell[2]}`, issue.message);
    else if (parameterId === CEILINGS) add('ceilings', `${rest || '(nilai)'}: ${issue.message}`);
    else add(`json.${jsonKey(parameterId)}`, `${rest || '(nilai)'}: ${issue.message}`);
  }
  return out;
}

function ceilingsFrom(value: unknown): Ceilings {
  const byKelas = (value as { byKelas?: Record<string, Record<string, number>> } | undefined)?.byKelas ?? {};
  return Object.fromEntries(
    KELAS.map((k) => [k, Object.fromEntries(CRITERIA.map((c) => [c, byKelas[k]?.[c] ?? '']))]),
  );
}

function ceilingsValue(c: Ceilings) {
  return {
    byKelas: Object.fromEntries(
      KELAS.map((k) => [
        k,
        Object.fromEntries(
          CRITERIA.filter((x) => c[k]?.[x] !== '' && c[k]?.[x] !== undefined).map((x) => [
            x,
            Number(c[k]![x]),
          ]),
        ),
      ]),
    ),
  };
}

/** "Usulan perubahan aturan": a BKPSDM user proposes new values of one or more tenant parameters. */
export default function UsulanBaruPage() {
  const clock = useTenantClock();
  const rules = useRules('tenant', clock.month);
  const byId = useMemo(() => new Map((rules.data?.rules ?? []).map((r: RuleRow) => [r.id, r])), [rules.data]);
  const labels = useMemo(() => new Map([...byId.values()].map((r) => [r.id, r.label])), [byId]);
  const navigate = useNavigate();
  const qc = useQueryClient();
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: {
      title: '',
      source: { regulation: '', article: '', date: '', document: '' },
      effectiveFrom: '',
      confidence: 'VERIFIED',
      retroactiveReason: '',
      params: [],
      ceilings: {},
      json: {},
    },
  });
  const { params } = form.values;

  // A parameter chosen starts from the value in force, so a change is an edit of what applies today.
  useEffect(() => {
    for (const id of params) {
      if (id === CEILINGS) {
        if (Object.keys(form.values.ceilings).length === 0)
          form.setFieldValue('ceilings', ceilingsFrom(byId.get(id)?.value));
      } else if (form.values.json[jsonKey(id)] === undefined) {
        form.setFieldValue(`json.${jsonKey(id)}`, JSON.stringify(byId.get(id)?.value ?? null, null, 2));
      }
    }
  }, [params, byId, form]);

  const submit = useMutation({
    mutationFn: (v: Values) => {
      const local: Record<string, string> = {};
      if (v.params.length === 0) local.params = F.noParameter;
      const changes = v.params.map((parameterId) => {
        if (parameterId === CEILINGS) return { parameterId, value: ceilingsValue(v.ceilings) };
        try {
          return { parameterId, value: JSON.parse(v.json[jsonKey(parameterId)] ?? 'null') as unknown };
        } catch {
          local[`json.${jsonKey(parameterId)}`] = F.jsonInvalid;
          return { parameterId, value: null };
        }
      });
      if (Object.keys(local).length > 0) throw Object.assign(new Error('local'), { local });
      const opt = (s: string) => (s.trim() ? s.trim() : undefined);
      return ok(
        api.POST('/rule-changes', {
          body: {
            title: v.title,
            source: {
              regulation: v.source.regulation,
              article: opt(v.source.article),
              date: v.source.date,
              document: opt(v.source.document),
            },
            effectiveFrom: v.effectiveFrom,
            confidence: v.confidence as 'VERIFIED',
            retroactiveReason: opt(v.retroactiveReason),
            changes,
          },
        }),
      );
    },
    onSuccess: (change) => {
      void qc.invalidateQueries({ queryKey: ['ruleChanges'] });
      notifyOk(F.submitted);
      void navigate(pathTo('detailUsulanAturan', { changeId: change.id }));
    },
    onError: (err) => {
      const local = (err as { local?: Record<string, string> }).local;
      form.setErrors(local ?? formErrors(err, form.values.params));
    },
  });

  const summaryLabels: Record<string, string> = {
    ...BASE_LABELS,
    ceilings: labels.get(CEILINGS) ?? CEILINGS,
  };
  for (const id of params) summaryLabels[`json.${jsonKey(id)}`] = F.jsonValue(labels.get(id) ?? id);
  for (const k of KELAS) for (const c of CRITERIA) summaryLabels[`ceilings.${k}.${c}`] = F.ceilingLabel(k, c);

  return (
    <Stack gap="md">
      <PageHeader title={A.titles.usulanBaru} description={A.description} />
      <form
        noValidate
        onSubmit={form.onSubmit((v) => {
          form.clearErrors();
          submit.mutate(v);
        })}
      >
        <Stack gap="sm" maw={960}>
          <ErrorSummary
            errors={form.errors as Record<string, string>}
            labels={summaryLabels}
            error={(submit.error as { local?: unknown } | null)?.local ? undefined : submit.error}
          />
          <TextInput id={fieldId('title')} label={F.title} required {...form.getInputProps('title')} />
          <TextInput
            id={fieldId('source.regulation')}
            label={F.regulation}
            description={F.regulationHint}
            required
            {...form.getInputProps('source.regulation')}
          />
          <Group grow align="flex-start">
            <TextInput
              id={fieldId('source.article')}
              label={F.article}
              {...form.getInputProps('source.article')}
            />
            <TextInput
              id={fieldId('source.date')}
              type="date"
              label={F.date}
              required
              {...form.getInputProps('source.date')}
            />
          </Group>
          <TextInput
            id={fieldId('source.document')}
            label={F.document}
            {...form.getInputProps('source.document')}
          />
          <Group grow align="flex-start">
            <TextInput
              id={fieldId('effectiveFrom')}
              type="date"
              label={F.effectiveFrom}
              description={F.effectiveHint}
              required
              {...form.getInputProps('effectiveFrom')}
            />
            <Select
              id={fieldId('confidence')}
              label={F.confidence}
              data={Object.entries(A.confidence).map(([value, label]) => ({ value, label }))}
              allowDeselect={false}
              {...form.getInputProps('confidence')}
            />
          </Group>
          <Textarea
            id={fieldId('retroactiveReason')}
            label={F.retroactiveReason}
            description={F.retroactiveHint}
            autosize
            minRows={2}
            {...form.getInputProps('retroactiveReason')}
          />
          <MultiSelect
            id={fieldId('params')}
            label={F.parameters}
            description={F.parametersHint}
            data={[...byId.values()].map((r) => ({ value: r.id, label: `${r.label} (${r.id})` }))}
            searchable
            required
            {...form.getInputProps('params')}
          />
          {params.map((id) =>
            id === CEILINGS ? (
              <CeilingsEditor key={id} form={form} />
            ) : (
              <Textarea
                key={id}
                id={fieldId(`json.${jsonKey(id)}`)}
                label={F.jsonValue(labels.get(id) ?? id)}
                description={F.jsonHint}
                autosize
                minRows={6}
                maxRows={24}
                styles={{ input: { fontFamily: 'monospace' } }}
                {...form.getInputProps(`json.${jsonKey(id)}`)}
              />
            ),
          )}
          <Group justify="flex-end">
            <Button type="submit" loading={submit.isPending} data-action="kirim-usulan">
              {F.submit}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}

function CeilingsEditor(props: { form: ReturnType<typeof useForm<Values>> }) {
  const { form } = props;
  const error = form.errors.ceilings;
  return (
    <Stack gap="xs">
      <Title order={2} size="h4" id={fieldId('ceilings')} tabIndex={-1}>
        {F.ceilingsCaption}
      </Title>
      {error ? (
        <Text c="red.9" size="sm" role="alert">
          {error}
        </Text>
      ) : null}
      <Table.ScrollContainer minWidth={720}>
        <Table striped withTableBorder>
          <Table.Caption>{F.ceilingsCaption}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{F.kelas}</Table.Th>
              {CRITERIA.map((c) => (
                <Table.Th key={c} scope="col">
                  {c}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {KELAS.map((k) => (
              <Table.Tr key={k}>
                <Table.Th scope="row">{k}</Table.Th>
                {CRITERIA.map((c) => (
                  <Table.Td key={c}>
                    <NumberInput
                      id={fieldId(`ceilings.${k}.${c}`)}
                      aria-label={F.ceilingLabel(k, c)}
                      thousandSeparator="."
                      decimalSeparator=","
                      allowDecimal={false}
                      min={0}
                      hideControls
                      size="xs"
                      {...form.getInputProps(`ceilings.${k}.${c}`)}
                    />
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
