import {
  Alert,
  Button,
  Checkbox,
  Divider,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  TagsInput,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertTriangle, IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ok, type paths, type Schema } from '../../api/client';
import { ApiError, fieldErrors } from '../../api/errors';
import { useMe, useRoles } from '../../auth/useAuth';
import { EmptyState } from '../../components/EmptyState';
import { ApiErrorAlert, ErrorSummary, fieldId } from '../../components/ErrorDisplay';
import { useOpdOptions } from '../../components/employee/opds';
import { PageHeader } from '../../components/PageHeader';
import { notifyOk } from '../../components/run/hooks';
import { formatDateTime } from '../../format';
import { L } from '../../i18n/labels';
import { BerkasPajak } from './BerkasPajak';

const T = L.pajak;
const F = T.fields;
type Settings = Schema<'TaxSettings'>;
type Body = paths['/tax/settings']['put']['requestBody']['content']['application/json'];
type ListName = Settings['withholders'][number]['lists'][number];

interface WithholderValues {
  id: string;
  name: string;
  npwp: string;
  nitku: string;
  bendahara: { nama: string; nip: string };
  opds: string[];
  lists: ListName[];
}
interface Values {
  withholders: WithholderValues[];
  pnsDtpCertificate: Settings['pnsDtpCertificate'];
  pppkAnnualForm: Settings['pppkAnnualForm'];
  source: string;
}

export const taxSettingsKey = ['tax-settings'] as const;

/** GET /tax/settings; "not set yet" (404) is its own answer (null), not an error. */
export function useTaxSettings() {
  return useQuery({
    queryKey: taxSettingsKey,
    queryFn: async () => {
      try {
        return await ok(api.GET('/tax/settings'));
      } catch (err) {
        if (err instanceof ApiError && err.status === 404) return null;
        throw err;
      }
    },
  });
}

const emptyWithholder = (): WithholderValues => ({
  id: '',
  name: '',
  npwp: '',
  nitku: '',
  bendahara: { nama: '', nip: '' },
  opds: [],
  lists: ['GAJI', 'TPP'],
});

/**
 * "Pengaturan pajak": the tenant's withholders (pemotong PPh 21: NPWP, NITKU, bendahara, the OPDs and
 * lists each reports) and two reporting decisions, saved whole with the version read (a concurrent
 * change is a 409); BKPSDM edits, operators and auditors read. Below it, the tax files per masa and per
 * year, so an operator finds the 1721-A2 and BPA1 without knowing the API.
 */
export default function PengaturanPajakPage() {
  const roles = useRoles();
  const canEdit = roles.includes('bkpsdm');
  const settings = useTaxSettings();
  return (
    <Stack gap="lg">
      <PageHeader title={T.title} description={T.intro} />
      {settings.isPending ? (
        <Skeleton height={240} />
      ) : settings.error ? (
        <EmptyState
          kind="loadFailed"
          body={<ApiErrorAlert error={settings.error} />}
          onRetry={() => void settings.refetch()}
        />
      ) : canEdit ? (
        <SettingsForm key={settings.data?.version ?? 0} settings={settings.data ?? null} />
      ) : settings.data ? (
        <SettingsView settings={settings.data} />
      ) : (
        <EmptyState kind="noData" title={T.notSet} body={T.notSetReadOnly} />
      )}
      <BerkasPajak settings={settings.data ?? null} />
    </Stack>
  );
}

function VersionLine(props: { settings: Settings }) {
  const me = useMe();
  const zone = me.data?.timeZone ?? 'Asia/Jakarta';
  const s = props.settings;
  return (
    <Text size="sm" c="dimmed" data-settings-version={s.version}>
      {T.version(s.version, formatDateTime(s.updatedAt, zone), s.updatedBy)}
    </Text>
  );
}

/** Per-element issues (`withholders.0.opds.2`) shown on their input (`withholders.0.opds`). */
function collapse(errors: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, message] of Object.entries(errors)) {
    const k = key.replace(/^(withholders\.\d+\.(?:opds|lists))\.\d+$/, '$1');
    out[k] = out[k] ? `${out[k]}; ${message}` : message;
  }
  return out;
}

function labelsFor(count: number): Record<string, string> {
  const labels: Record<string, string> = {
    withholders: T.withholdersTitle,
    pnsDtpCertificate: F.pnsDtpCertificate,
    pppkAnnualForm: F.pppkAnnualForm,
    source: F.source,
    expectedVersion: T.title,
  };
  for (let i = 0; i < count; i++) {
    const n = T.withholderN(i + 1);
    const at = `withholders.${i}`;
    labels[at] = n;
    labels[`${at}.id`] = `${n}: ${F.id}`;
    labels[`${at}.name`] = `${n}: ${F.name}`;
    labels[`${at}.npwp`] = `${n}: ${F.npwp}`;
    labels[`${at}.nitku`] = `${n}: ${F.nitku}`;
    labels[`${at}.bendahara.nama`] = `${n}: ${F.bendaharaNama}`;
    labels[`${at}.bendahara.nip`] = `${n}: ${F.bendaharaNip}`;
    labels[`${at}.opds`] = `${n}: ${F.opds}`;
    labels[`${at}.lists`] = `${n}: ${F.lists}`;
  }
  return labels;
}

function SettingsForm(props: { settings: Settings | null }) {
  const s = props.settings;
  const opdOptions = useOpdOptions();
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: {
      withholders: s
        ? s.withholders.map((w) => ({
            ...w,
            bendahara: { ...w.bendahara },
            opds: [...w.opds],
            lists: [...w.lists],
          }))
        : [emptyWithholder()],
      pnsDtpCertificate: s?.pnsDtpCertificate ?? 'N/A',
      pppkAnnualForm: s?.pppkAnnualForm ?? 'A2',
      source: s?.source ?? '',
    },
  });
  const qc = useQueryClient();
  const save = useMutation({
    mutationFn: (v: Values) =>
      ok(api.PUT('/tax/settings', { body: { expectedVersion: s?.version ?? 0, ...v } as Body })),
    onSuccess: (saved) => {
      qc.setQueryData(taxSettingsKey, saved);
      notifyOk(T.saved);
    },
    onError: (err) => form.setErrors(collapse(fieldErrors(err, 'body'))),
  });
  const conflict = save.error instanceof ApiError && save.error.status === 409;
  const errors = form.errors as Record<string, string>;
  return (
    <form
      noValidate
      aria-labelledby="pemotong-title"
      onSubmit={form.onSubmit((v) => {
        form.clearErrors();
        save.mutate(v);
      })}
    >
      <Stack gap="md">
        <ErrorSummary errors={errors} labels={labelsFor(form.values.withholders.length)} error={save.error} />
        {conflict ? (
          <Alert color="yellow" variant="light" icon={<IconAlertTriangle aria-hidden />}>
            {T.conflict}
          </Alert>
        ) : null}
        {s ? (
          <VersionLine settings={s} />
        ) : (
          <Alert color="blue" variant="light" title={T.notSet}>
            {T.notSetBody}
          </Alert>
        )}
        <Title order={2} size="h3" id="pemotong-title">
          {T.withholdersTitle}
        </Title>
        {errors.withholders ? (
          <Text c="red.8" size="sm" id={fieldId('withholders')} tabIndex={-1}>
            {errors.withholders}
          </Text>
        ) : null}
        {form.values.withholders.map((_, i) => {
          const at = `withholders.${i}`;
          const n = i + 1;
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no id until typed; the index is the key the API's issues use.
            <Paper key={i} withBorder p="md" radius="md" component="fieldset" data-withholder={i}>
              <Stack gap="sm">
                <Group justify="space-between">
                  <Title order={3} size="h5" component="legend">
                    {T.withholderN(n)}
                  </Title>
                  {form.values.withholders.length > 1 ? (
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red"
                      leftSection={<IconTrash size={14} aria-hidden />}
                      aria-label={T.removeN(n)}
                      onClick={() => form.removeListItem('withholders', i)}
                    >
                      {T.remove}
                    </Button>
                  ) : null}
                </Group>
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  <TextInput
                    id={fieldId(`${at}.id`)}
                    label={F.id}
                    description={F.idHint}
                    required
                    {...form.getInputProps(`${at}.id`)}
                  />
                  <TextInput
                    id={fieldId(`${at}.name`)}
                    label={F.name}
                    required
                    {...form.getInputProps(`${at}.name`)}
                  />
                  <TextInput
                    id={fieldId(`${at}.npwp`)}
                    label={F.npwp}
                    description={F.npwpHint}
                    inputMode="numeric"
                    required
                    {...form.getInputProps(`${at}.npwp`)}
                  />
                  <TextInput
                    id={fieldId(`${at}.nitku`)}
                    label={F.nitku}
                    description={F.nitkuHint}
                    inputMode="numeric"
                    required
                    {...form.getInputProps(`${at}.nitku`)}
                  />
                  <TextInput
                    id={fieldId(`${at}.bendahara.nama`)}
                    label={F.bendaharaNama}
                    required
                    {...form.getInputProps(`${at}.bendahara.nama`)}
                  />
                  <TextInput
                    id={fieldId(`${at}.bendahara.nip`)}
                    label={F.bendaharaNip}
                    inputMode="numeric"
                    required
                    {...form.getInputProps(`${at}.bendahara.nip`)}
                  />
                </SimpleGrid>
                <TagsInput
                  id={fieldId(`${at}.opds`)}
                  label={F.opds}
                  description={F.opdsHint}
                  data={opdOptions}
                  clearable
                  {...form.getInputProps(`${at}.opds`)}
                />
                <Checkbox.Group
                  id={fieldId(`${at}.lists`)}
                  label={F.lists}
                  required
                  {...form.getInputProps(`${at}.lists`)}
                >
                  <Group gap="lg" mt={4}>
                    <Checkbox value="GAJI" label={F.listGaji} />
                    <Checkbox value="TPP" label={F.listTpp} />
                  </Group>
                </Checkbox.Group>
              </Stack>
            </Paper>
          );
        })}
        <Group>
          <Button
            variant="default"
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={() => form.insertListItem('withholders', emptyWithholder())}
          >
            {T.add}
          </Button>
        </Group>
        <Divider />
        <Title order={2} size="h3">
          {F.decisionsTitle}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            id={fieldId('pnsDtpCertificate')}
            label={F.pnsDtpCertificate}
            data={(['N/A', 'DTP'] as const).map((v) => ({ value: v, label: F.dtp[v] }))}
            allowDeselect={false}
            required
            {...form.getInputProps('pnsDtpCertificate')}
          />
          <Select
            id={fieldId('pppkAnnualForm')}
            label={F.pppkAnnualForm}
            data={(['A2', 'A1'] as const).map((v) => ({ value: v, label: F.annualForm[v] }))}
            allowDeselect={false}
            required
            {...form.getInputProps('pppkAnnualForm')}
          />
        </SimpleGrid>
        <Textarea
          id={fieldId('source')}
          label={F.source}
          description={F.sourceHint}
          autosize
          minRows={2}
          required
          {...form.getInputProps('source')}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending} data-action="simpan-pajak">
            {T.save}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Operators and auditors: the same facts, read-only (no write controls rendered). */
function SettingsView(props: { settings: Settings }) {
  const s = props.settings;
  return (
    <Stack gap="md">
      <VersionLine settings={s} />
      <Title order={2} size="h3">
        {T.withholdersTitle}
      </Title>
      {s.withholders.map((w, i) => (
        <Paper key={w.id} withBorder p="md" radius="md" component="section" aria-label={T.withholderN(i + 1)}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
            <Fact label={F.id} value={w.id} />
            <Fact label={F.name} value={w.name} />
            <Fact label={F.npwp} value={w.npwp} />
            <Fact label={F.nitku} value={w.nitku} />
            <Fact label={F.bendaharaNama} value={w.bendahara.nama} />
            <Fact label={F.bendaharaNip} value={w.bendahara.nip} />
            <Fact label={F.opds} value={w.opds.length > 0 ? w.opds.join(', ') : T.files.allOpds} />
            <Fact label={F.lists} value={w.lists.join(', ')} />
          </SimpleGrid>
        </Paper>
      ))}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
        <Fact label={F.pnsDtpCertificate} value={F.dtp[s.pnsDtpCertificate]} />
        <Fact label={F.pppkAnnualForm} value={F.annualForm[s.pppkAnnualForm]} />
      </SimpleGrid>
      <Fact label={F.source} value={s.source} />
    </Stack>
  );
}

function Fact(props: { label: string; value: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {props.label}
      </Text>
      <Text size="sm">{props.value}</Text>
    </div>
  );
}
