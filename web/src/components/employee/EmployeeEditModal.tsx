import { Button, Group, Modal, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ok, type Schema } from '../../api/client';
import { fieldErrors } from '../../api/errors';
import { L } from '../../i18n/labels';
import { ErrorSummary, fieldId } from '../ErrorDisplay';
import { notifyOk } from '../run/hooks';

const T = L.gaji.employee;
type Employee = Schema<'Employee'> & {
  gelarDepan?: string;
  gelarBelakang?: string;
  bankAccount?: { bank: string; bankCode?: string; accountNumber: string; accountName: string };
};

const LABELS: Record<string, string> = {
  nama: T.nama,
  gelarDepan: T.identity.gelarDepan,
  gelarBelakang: T.identity.gelarBelakang,
  bankAccount: T.bankSection,
  'bankAccount.bank': T.bank,
  'bankAccount.accountNumber': T.accountNumber,
  'bankAccount.accountName': T.accountName,
  reason: T.reason,
  expectedVersion: L.gaji.employee.edit,
};

/**
 * "Ubah": identity and bank account, which apply at once (timeline changes — golongan, jabatan,
 * penempatan — need a TMT and are made by SK). Only changed fields are sent, with the record's version
 * (a concurrent change is a clear 409). The account number is entered whole: lists show it masked.
 */
export function EmployeeEditModal(props: { employee: Employee; opened: boolean; onClose: () => void }) {
  const e = props.employee;
  const initial = {
    nama: e.nama,
    gelarDepan: e.gelarDepan ?? '',
    gelarBelakang: e.gelarBelakang ?? '',
    bankAccount: {
      bank: e.bankAccount?.bank ?? '',
      accountNumber: '',
      accountName: e.bankAccount?.accountName ?? '',
    },
    reason: '',
  };
  const form = useForm({ mode: 'controlled', initialValues: initial });
  const qc = useQueryClient();
  const save = useMutation({
    mutationFn: (v: typeof initial) => {
      const bankTouched =
        v.bankAccount.accountNumber !== '' ||
        v.bankAccount.bank !== initial.bankAccount.bank ||
        v.bankAccount.accountName !== initial.bankAccount.accountName;
      const body: Schema<'EmployeeUpdate'> = {
        expectedVersion: e.version,
        ...(v.nama !== initial.nama ? { nama: v.nama } : {}),
        ...(v.gelarDepan !== initial.gelarDepan ? { gelarDepan: v.gelarDepan } : {}),
        ...(v.gelarBelakang !== initial.gelarBelakang ? { gelarBelakang: v.gelarBelakang } : {}),
        ...(bankTouched
          ? {
              bankAccount: v.bankAccount,
            }
          : {}),
        ...(v.reason ? { reason: v.reason } : {}),
      } as Schema<'EmployeeUpdate'>;
      return ok(api.PATCH('/employees/{nip}', { params: { path: { nip: e.nip } }, body }));
    },
    onSuccess: (updated) => {
      qc.setQueryData(['employee', e.nip], updated);
      void qc.invalidateQueries({ queryKey: ['employee', e.nip] });
      void qc.invalidateQueries({ queryKey: ['employee-history', e.nip] });
      void qc.invalidateQueries({ queryKey: ['employee-audit', e.nip] });
      void qc.invalidateQueries({ queryKey: ['employees'] });
      notifyOk(T.saved);
      props.onClose();
    },
    onError: (err) => form.setErrors(fieldErrors(err, 'body')),
  });
  // Keys are the API's issue paths without "body." (nested values: Mantine reads the dots as paths).
  const input = (key: string) => ({ id: fieldId(key), ...form.getInputProps(key) });
  return (
    <Modal
      closeButtonProps={{ 'aria-label': L.common.close }}
      opened={props.opened}
      onClose={props.onClose}
      title={`${T.edit}: ${e.nama}`}
      size="lg"
    >
      <form
        noValidate
        onSubmit={form.onSubmit((v) => {
          form.clearErrors();
          save.mutate(v);
        })}
      >
        <Stack gap="sm">
          <ErrorSummary errors={form.errors as Record<string, string>} labels={LABELS} error={save.error} />
          <Title order={3} size="h5">
            {T.dataPribadi}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <TextInput label={T.identity.gelarDepan} {...input('gelarDepan')} />
            <TextInput label={T.nama} {...input('nama')} />
            <TextInput label={T.identity.gelarBelakang} {...input('gelarBelakang')} />
          </SimpleGrid>
          <Title order={3} size="h5">
            {T.bankSection}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <TextInput label={T.bank} {...input('bankAccount.bank')} />
            <TextInput label={T.accountNumber} inputMode="numeric" {...input('bankAccount.accountNumber')} />
            <TextInput label={T.accountName} {...input('bankAccount.accountName')} />
          </SimpleGrid>
          <TextInput label={T.reason} {...input('reason')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              {L.common.cancel}
            </Button>
            <Button type="submit" loading={save.isPending} data-action="simpan-perubahan">
              {L.common.save}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
