import { Button, Group, Modal, NumberInput, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, ok, type Schema } from '../api/client';
import { fieldErrors } from '../api/errors';
import { useReadOnly } from '../auth/useAuth';
import { ErrorSummary, fieldId } from '../components/ErrorDisplay';
import { useOpdOptions } from '../components/employee/opds';
import { type Column, PagedTable } from '../components/PagedTable';
import { PageHeader } from '../components/PageHeader';
import { notifyOk, useBudgets, useTenantClock } from '../components/run/hooks';
import { formatDateTime, formatRupiah } from '../format';
import { L } from '../i18n/labels';

const T = L.gaji.budget;

/** "Pagu anggaran": the TPP pagu per OPD per year that the approval checks against; BKPSDM edits it. */
export default function PaguPage() {
  const clock = useTenantClock();
  const thisYear = clock.month.slice(0, 4);
  const [year, setYear] = useState(thisYear);
  const readOnly = useReadOnly();
  const budgets = useBudgets(year);
  const opds = useOpdOptions();
  const [editing, setEditing] = useState<{ opd: string; row?: Schema<'BudgetList'>['items'][number] }>();
  const columns: Column<Schema<'BudgetList'>['items'][number]>[] = [
    { key: 'opd', header: T.opd, rowHeader: true, cell: (b) => b.opd },
    { key: 'pagu', header: T.pagu, align: 'right', cell: (b) => formatRupiah(b.paguTpp) },
    { key: 'source', header: T.source, cell: (b) => b.source },
    {
      key: 'updated',
      header: T.updated,
      cell: (b) =>
        b.updatedAt
          ? `${formatDateTime(b.updatedAt, clock.timeZone)}${b.updatedBy ? ` · ${b.updatedBy}` : ''}`
          : '—',
    },
    ...(readOnly
      ? []
      : [
          {
            key: 'edit',
            header: L.gaji.run.actions,
            cell: (b: Schema<'BudgetList'>['items'][number]) => (
              <Button
                size="xs"
                variant="default"
                onClick={() => setEditing({ opd: b.opd, row: b })}
                aria-label={`${T.edit} ${b.opd}`}
              >
                {T.edit}
              </Button>
            ),
          },
        ]),
  ];
  const y = Number(thisYear);
  return (
    <Stack gap="md">
      <PageHeader
        title={L.page.titles.pagu}
        actions={
          readOnly ? undefined : (
            <Button onClick={() => setEditing({ opd: '' })} data-action="tambah-pagu">
              {T.add}
            </Button>
          )
        }
      />
      <Select
        label={T.year}
        data={[String(y - 1), String(y), String(y + 1)]}
        value={year}
        onChange={(v) => v && setYear(v)}
        allowDeselect={false}
        w={140}
      />
      <PagedTable
        caption={T.caption(year)}
        columns={columns}
        rows={budgets.data?.items}
        rowKey={(b) => b.opd}
        noun={T.noun}
        loading={budgets.isFetching}
        error={budgets.error}
        onRetry={() => void budgets.refetch()}
        emptyBody={T.empty(year)}
      />
      {editing ? (
        <BudgetModal
          year={year}
          opd={editing.opd}
          row={editing.row}
          opds={opds}
          onClose={() => setEditing(undefined)}
        />
      ) : null}
    </Stack>
  );
}

const LABELS: Record<string, string> = { paguTpp: T.pagu, source: T.source, opd: T.opdCode };

function BudgetModal(props: {
  year: string;
  opd: string;
  row: Schema<'BudgetList'>['items'][number] | undefined;
  opds: string[];
  onClose: () => void;
}) {
  const form = useForm({
    mode: 'controlled',
    initialValues: {
      opd: props.opd,
      paguTpp: (props.row?.paguTpp ?? '') as number | string,
      source: props.row?.source ?? '',
    },
  });
  const qc = useQueryClient();
  const save = useMutation({
    mutationFn: (v: typeof form.values) => {
      if (!v.opd) throw Object.assign(new Error('opd'), { local: true });
      return ok(
        api.PUT('/budgets/{year}/{opd}', {
          params: { path: { year: props.year, opd: v.opd } },
          body: { paguTpp: Number(v.paguTpp), source: v.source },
        }),
      );
    },
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['budgets', props.year] });
      void qc.invalidateQueries({ queryKey: ['run'] });
      notifyOk(T.saved);
      props.onClose();
    },
    onError: (err) => {
      if ((err as { local?: boolean }).local) form.setErrors({ opd: L.gaji.budget.opdRequired });
      else form.setErrors(fieldErrors(err, 'body'));
    },
  });
  return (
    <Modal
      closeButtonProps={{ 'aria-label': L.common.close }}
      opened
      onClose={props.onClose}
      title={props.opd ? T.editTitle(props.opd, props.year) : T.add}
    >
      <form
        noValidate
        onSubmit={form.onSubmit((v) => {
          form.clearErrors();
          save.mutate(v);
        })}
      >
        <Stack gap="sm">
          <ErrorSummary
            errors={form.errors as Record<string, string>}
            labels={LABELS}
            error={(save.error as { local?: boolean } | null)?.local ? undefined : save.error}
          />
          {props.opd ? null : props.opds.length === 0 ? (
            <TextInput id={fieldId('opd')} label={T.opdCode} required {...form.getInputProps('opd')} />
          ) : (
            <Select
              id={fieldId('opd')}
              label={T.opdCode}
              data={props.opds}
              searchable
              required
              {...form.getInputProps('opd')}
            />
          )}
          <NumberInput
            id={fieldId('paguTpp')}
            label={T.pagu}
            prefix="Rp"
            thousandSeparator="."
            decimalSeparator=","
            allowDecimal={false}
            min={0}
            required
            {...form.getInputProps('paguTpp')}
          />
          <TextInput id={fieldId('source')} label={T.source} required {...form.getInputProps('source')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              {L.common.cancel}
            </Button>
            <Button type="submit" loading={save.isPending} data-action="simpan-pagu">
              {L.common.save}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
