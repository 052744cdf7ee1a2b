import {
  Button,
  Group,
  Modal,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ok } from '../../api/client';
import { ApiError, fieldErrors } from '../../api/errors';
import { ErrorSummary, fieldId } from '../../components/ErrorDisplay';
import { notifyOk } from '../../components/run/hooks';
import { normalizeNip } from '../../format';
import { L } from '../../i18n/labels';
import { REFERENCE_KIND_LABELS } from '../../i18n/labels-potongan';

const T = L.potongan;
const F = T.form;

/** An entry as the register lists it (only what the form reads). */
export interface RegisterEntry {
  id: string;
  typeCode: string;
  kind: 'FIXED' | 'PERCENT' | 'INSTALMENT';
  amount?: number;
  percent?: number;
  base?: string;
  instalment?: { total: number; tenor: number; monthly?: number };
  startMonth: string;
  endMonth?: string;
  reference: { kind: string; number: string; date?: string };
  accountRef?: string;
  status: string;
  stopReason?: string;
  note?: string;
}

export type EntryTarget =
  | { mode: 'new' }
  | { mode: 'edit' | 'end'; nip: string; nama: string; typeName: string; entry: RegisterEntry };

interface Values {
  nip: string;
  typeCode: string;
  kind: RegisterEntry['kind'];
  amount: number | string;
  percent: number | string;
  base: string | null;
  total: number | string;
  tenor: number | string;
  startMonth: string;
  endMonth: string;
  referenceKind: string;
  referenceNumber: string;
  referenceDate: string;
  accountRef: string;
  note: string;
  stopReason: string;
}

/** The API's issue keys under `body.entry` (and the path's NIP) → this form's fields. */
const KEY_MAP: Record<string, string> = {
  'instalment.total': 'total',
  'instalment.tenor': 'tenor',
  instalment: 'total',
  'reference.kind': 'referenceKind',
  'reference.number': 'referenceNumber',
  'reference.date': 'referenceDate',
  reference: 'referenceNumber',
};

export function formErrors(err: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  const put = (k: string, m: string) => {
    out[k] = out[k] ? `${out[k]}; ${m}` : m;
  };
  for (const [k, m] of Object.entries(fieldErrors(err, 'body.entry'))) put(KEY_MAP[k] ?? k, m);
  for (const m of Object.values(fieldErrors(err, 'path'))) put('nip', m);
  // An unknown NIP is a 404 of the employee's register: said on the NIP field.
  if (err instanceof ApiError && err.status === 404) put('nip', err.message);
  return out;
}

const LABELS: Record<string, string> = {
  nip: F.nip,
  typeCode: F.typeCode,
  kind: F.kind,
  amount: F.amount,
  percent: F.percent,
  base: F.base,
  total: F.total,
  tenor: F.tenor,
  startMonth: F.startMonth,
  endMonth: F.endMonth,
  referenceKind: F.referenceKind,
  referenceNumber: F.referenceNumber,
  referenceDate: F.referenceDate,
  accountRef: F.accountRef,
  note: F.note,
  stopReason: F.stopReason,
  status: T.columns.status,
};

const num = (v: number | string): number | undefined => (v === '' ? undefined : Number(v));
const text = (v: string): string | undefined => (v.trim() === '' ? undefined : v.trim());

function toEntry(v: Values, status: 'AKTIF' | 'NONAKTIF') {
  return {
    typeCode: v.typeCode,
    kind: v.kind,
    ...(v.kind === 'FIXED' && num(v.amount) !== undefined ? { amount: num(v.amount)! } : {}),
    ...(v.kind === 'PERCENT' && num(v.percent) !== undefined ? { percent: num(v.percent)! } : {}),
    ...(v.kind === 'PERCENT' && v.base ? { base: v.base } : {}),
    ...(v.kind === 'INSTALMENT'
      ? { instalment: { total: num(v.total) ?? 0, tenor: num(v.tenor) ?? 0 } }
      : {}),
    startMonth: v.startMonth,
    ...(v.kind !== 'INSTALMENT' && text(v.endMonth) ? { endMonth: v.endMonth } : {}),
    reference: {
      kind: v.referenceKind,
      number: v.referenceNumber,
      ...(text(v.referenceDate) ? { date: v.referenceDate } : {}),
    },
    ...(text(v.accountRef) ? { accountRef: text(v.accountRef)! } : {}),
    ...(text(v.note) ? { note: text(v.note)! } : {}),
    status,
    ...(status === 'NONAKTIF' ? { stopReason: v.stopReason.trim() } : {}),
  };
}

/**
 * Tambah / Ubah / Akhiri one entry of an employee's register. The employee's register is read first for
 * its version (a concurrent change is a clear 409); the API's issues go to their fields and the summary.
 * Ending an entry keeps it (status NONAKTIF with a reason and the last month), so the slips that took it
 * stay explained.
 */
export function EntryModal(props: {
  target: EntryTarget;
  types: { code: string; name: string; layer: string }[];
  month: string;
  onClose: () => void;
}) {
  const t = props.target;
  const e = t.mode === 'new' ? undefined : t.entry;
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: {
      nip: t.mode === 'new' ? '' : t.nip,
      typeCode: e?.typeCode ?? '',
      kind: e?.kind ?? 'FIXED',
      amount: e?.amount ?? '',
      percent: e?.percent ?? '',
      base: e?.base ?? null,
      total: e?.instalment?.total ?? '',
      tenor: e?.instalment?.tenor ?? '',
      startMonth: e?.startMonth ?? props.month,
      endMonth: e?.endMonth ?? (t.mode === 'end' ? props.month : ''),
      referenceKind: e?.reference.kind ?? 'SURAT_KUASA_POTONG_GAJI',
      referenceNumber: e?.reference.number ?? '',
      referenceDate: e?.reference.date ?? '',
      accountRef: e?.accountRef ?? '',
      note: e?.note ?? '',
      stopReason: e?.stopReason ?? '',
    },
  });
  const qc = useQueryClient();
  const save = useMutation({
    mutationFn: async (v: Values) => {
      const nip = normalizeNip(v.nip);
      if (!/^\d{18}$/.test(nip)) throw Object.assign(new Error('nip'), { local: true });
      const current = await ok(api.GET('/employees/{nip}/deductions', { params: { path: { nip } } }));
      if (t.mode === 'new') {
        return ok(
          api.POST('/employees/{nip}/deductions', {
            params: { path: { nip } },
            body: { expectedVersion: current.version, entry: toEntry(v, 'AKTIF') },
          }),
        );
      }
      return ok(
        api.PUT('/employees/{nip}/deductions/{entryId}', {
          params: { path: { nip, entryId: t.entry.id } },
          body: {
            expectedVersion: current.version,
            entry: toEntry(v, t.mode === 'end' ? 'NONAKTIF' : (t.entry.status as 'AKTIF' | 'NONAKTIF')),
          },
        }),
      );
    },
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['deductions'] });
      notifyOk(t.mode === 'end' ? F.ended : F.saved);
      props.onClose();
    },
    onError: (err) => {
      if ((err as { local?: boolean }).local) form.setErrors({ nip: F.nipRequired });
      else form.setErrors(formErrors(err));
    },
  });
  const localError = (save.error as { local?: boolean } | null)?.local;
  const apiError =
    localError || (save.error instanceof ApiError && save.error.status === 404) ? undefined : save.error;
  const title =
    t.mode === 'new'
      ? F.titleNew
      : t.mode === 'edit'
        ? F.titleEdit(t.typeName, t.nama)
        : F.titleEnd(t.typeName, t.nama);
  const ending = t.mode === 'end';
  const v = form.values;
  return (
    <Modal
      opened
      onClose={props.onClose}
      title={title}
      size="lg"
      closeButtonProps={{ 'aria-label': L.common.close }}
    >
      <form
        noValidate
        onSubmit={form.onSubmit((values) => {
          form.clearErrors();
          save.mutate(values);
        })}
      >
        <Stack gap="sm">
          <ErrorSummary
            errors={form.errors as Record<string, string>}
            labels={LABELS}
            error={apiError}
            prefix="body.entry"
          />
          {ending ? (
            <>
              {/* An instalment ends with its status: its last month follows from start and tenor. */}
              {v.kind === 'INSTALMENT' ? null : (
                <TextInput
                  id={fieldId('endMonth')}
                  type="month"
                  label={F.endMonthStop}
                  required
                  {...form.getInputProps('endMonth')}
                />
              )}
              <Textarea
                id={fieldId('stopReason')}
                label={F.stopReason}
                required
                autosize
                minRows={2}
                {...form.getInputProps('stopReason')}
              />
            </>
          ) : (
            <>
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput
                  id={fieldId('nip')}
                  label={F.nip}
                  inputMode="numeric"
                  required
                  disabled={t.mode !== 'new'}
                  {...form.getInputProps('nip')}
                />
                <Select
                  id={fieldId('typeCode')}
                  label={F.typeCode}
                  data={props.types.map((ty) => ({
                    value: ty.code,
                    label: `${ty.name} (${T.layers[ty.layer] ?? ty.layer})`,
                  }))}
                  searchable
                  required
                  {...form.getInputProps('typeCode')}
                />
              </SimpleGrid>
              <Stack gap={4}>
                <Text size="sm" fw={500} id="bentuk-potongan">
                  {F.kind}
                </Text>
                <SegmentedControl
                  id={fieldId('kind')}
                  aria-labelledby="bentuk-potongan"
                  data={(['FIXED', 'PERCENT', 'INSTALMENT'] as const).map((k) => ({
                    value: k,
                    label: T.kinds[k] ?? k,
                  }))}
                  {...form.getInputProps('kind')}
                />
                {form.errors.kind ? (
                  <Text c="red.8" size="sm">
                    {form.errors.kind}
                  </Text>
                ) : null}
              </Stack>
              {v.kind === 'FIXED' ? (
                <NumberInput
                  id={fieldId('amount')}
                  label={F.amount}
                  prefix="Rp"
                  thousandSeparator="."
                  decimalSeparator=","
                  allowDecimal={false}
                  min={0}
                  required
                  {...form.getInputProps('amount')}
                />
              ) : null}
              {v.kind === 'PERCENT' ? (
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  <NumberInput
                    id={fieldId('percent')}
                    label={F.percent}
                    suffix="%"
                    decimalSeparator=","
                    decimalScale={2}
                    min={0}
                    max={100}
                    {...form.getInputProps('percent')}
                  />
                  <Select
                    id={fieldId('base')}
                    label={F.base}
                    placeholder={F.baseDefault}
                    data={Object.entries(T.bases).map(([value, label]) => ({ value, label }))}
                    clearable
                    {...form.getInputProps('base')}
                  />
                </SimpleGrid>
              ) : null}
              {v.kind === 'INSTALMENT' ? (
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  <NumberInput
                    id={fieldId('total')}
                    label={F.total}
                    prefix="Rp"
                    thousandSeparator="."
                    decimalSeparator=","
                    allowDecimal={false}
                    min={0}
                    required
                    {...form.getInputProps('total')}
                  />
                  <NumberInput
                    id={fieldId('tenor')}
                    label={F.tenor}
                    allowDecimal={false}
                    min={1}
                    max={360}
                    required
                    {...form.getInputProps('tenor')}
                  />
                </SimpleGrid>
              ) : null}
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput
                  id={fieldId('startMonth')}
                  type="month"
                  label={F.startMonth}
                  required
                  {...form.getInputProps('startMonth')}
                />
                {v.kind === 'INSTALMENT' ? (
                  <Text size="sm" c="dimmed" mt={28}>
                    {F.endMonthInstalment}
                  </Text>
                ) : (
                  <TextInput
                    id={fieldId('endMonth')}
                    type="month"
                    label={F.endMonth}
                    {...form.getInputProps('endMonth')}
                  />
                )}
              </SimpleGrid>
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                <Select
                  id={fieldId('referenceKind')}
                  label={F.referenceKind}
                  data={Object.entries(REFERENCE_KIND_LABELS).map(([value, label]) => ({ value, label }))}
                  allowDeselect={false}
                  required
                  {...form.getInputProps('referenceKind')}
                />
                <TextInput
                  id={fieldId('referenceNumber')}
                  label={F.referenceNumber}
                  required
                  {...form.getInputProps('referenceNumber')}
                />
                <TextInput
                  id={fieldId('referenceDate')}
                  type="date"
                  label={F.referenceDate}
                  {...form.getInputProps('referenceDate')}
                />
              </SimpleGrid>
              <TextInput
                id={fieldId('accountRef')}
                label={F.accountRef}
                {...form.getInputProps('accountRef')}
              />
              <TextInput id={fieldId('note')} label={F.note} {...form.getInputProps('note')} />
            </>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              {L.common.cancel}
            </Button>
            <Button type="submit" loading={save.isPending} data-action="simpan-potongan">
              {ending ? F.saveEnd : F.save}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
