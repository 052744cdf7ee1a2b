import {
  Button,
  Group,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { api, ok, type Schema } from '../../api/client';
import { fieldErrors } from '../../api/errors';
import { normalizeNip } from '../../format';
import { L } from '../../i18n/labels';
import { pathTo } from '../../routes';
import { ErrorSummary, fieldId } from '../ErrorDisplay';
import { notifyOk } from '../run/hooks';

const T = L.gaji.employee;
const F = L.gaji.employeeForm;
type Body = Schema<'EmployeeCreate'>;
const PTKP: Body['ptkpStatus'][] = ['TK/0', 'TK/1', 'TK/2', 'TK/3', 'K/0', 'K/1', 'K/2', 'K/3'];

const initial = {
  nip: '',
  nama: '',
  ptkpStatus: 'TK/0' as Body['ptkpStatus'],
  tmtStart: '',
  pangkat: { golongan: '', tmt: '' },
  masaKerja: { years: 0 as number | string, months: 0 as number | string, tmt: '' },
  jabatan: { nama: '', kelasJabatan: 1 as number | string },
  penempatan: { opd: '', unit: '' },
  keluarga: { statusKawin: 'BELUM_KAWIN', spouse: { nama: '' } },
  kepegawaian: { jenisAsn: 'PNS' },
  bankAccount: { bank: '', accountNumber: '', accountName: '' },
};
type Values = typeof initial;

/** Field labels by error key (the API's issue paths without "body."), for the error summary. */
const LABELS: Record<string, string> = {
  nip: T.nip,
  nama: T.nama,
  ptkpStatus: T.identity.ptkpStatus,
  tmtStart: T.identity.tmtStart,
  'pangkat.golongan': T.golongan,
  'pangkat.tmt': F.pangkatTmt,
  'masaKerja.years': F.mkYears,
  'masaKerja.months': F.mkMonths,
  'masaKerja.tmt': F.mkTmt,
  'jabatan.nama': T.jabatan,
  'jabatan.kelasJabatan': F.kelasJabatan,
  'penempatan.opd': T.opd,
  'penempatan.unit': T.unit,
  'keluarga.statusKawin': F.statusKawin,
  'keluarga.spouse': F.spouse,
  'keluarga.spouse.nama': F.spouse,
  'kepegawaian.jenisAsn': T.jenis,
  bankAccount: T.bankSection,
  'bankAccount.bank': T.bank,
  'bankAccount.accountNumber': T.accountNumber,
  'bankAccount.accountName': T.accountName,
};

function toBody(v: Values): Body {
  const b = v.bankAccount;
  const kawin = v.keluarga.statusKawin as Body['keluarga']['statusKawin'];
  return {
    nip: normalizeNip(v.nip),
    nama: v.nama,
    ptkpStatus: v.ptkpStatus,
    tmtStart: v.tmtStart,
    pangkat: v.pangkat,
    masaKerja: { years: Number(v.masaKerja.years), months: Number(v.masaKerja.months), tmt: v.masaKerja.tmt },
    jabatan: { type: 'PELAKSANA', nama: v.jabatan.nama, kelasJabatan: Number(v.jabatan.kelasJabatan) },
    penempatan: v.penempatan,
    keluarga: {
      statusKawin: kawin,
      ...(kawin === 'KAWIN'
        ? { spouse: { nama: v.keluarga.spouse.nama, isAsn: false, receivesAllowanceHere: true } }
        : {}),
      children: [],
    },
    kepegawaian: { jenisAsn: v.kepegawaian.jenisAsn as Body['kepegawaian']['jenisAsn'], status: 'AKTIF' },
    ...(b.bank || b.accountNumber || b.accountName ? { bankAccount: b } : {}),
  } as Body;
}

/**
 * "Tambah pegawai": the fields a payroll needs (a pelaksana; other jabatan types and children are
 * added on the record afterwards). Validated by the API on submit: the error summary on top takes
 * focus and links to each field, and each field shows its own message. Nothing typed is cleared.
 */
export function EmployeeCreateModal(props: { opened: boolean; onClose: () => void; opds: string[] }) {
  const form = useForm<Values>({ mode: 'controlled', initialValues: initial });
  const navigate = useNavigate();
  const qc = useQueryClient();
  const create = useMutation({
    mutationFn: (v: Values) => ok(api.POST('/employees', { body: toBody(v) })),
    onSuccess: (e) => {
      void qc.invalidateQueries({ queryKey: ['employees'] });
      notifyOk(T.created);
      props.onClose();
      navigate(pathTo('detailPegawai', { nip: e.nip }));
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
      title={T.add}
      size="xl"
    >
      <form
        noValidate
        onSubmit={form.onSubmit((v) => {
          form.clearErrors();
          create.mutate(v);
        })}
      >
        <Stack gap="sm">
          <ErrorSummary errors={form.errors as Record<string, string>} labels={LABELS} error={create.error} />
          <Title order={3} size="h5">
            {T.dataPribadi}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput label={T.nip} required {...input('nip')} />
            <TextInput label={T.nama} required {...input('nama')} />
            <Select
              label={T.identity.ptkpStatus}
              data={PTKP}
              allowDeselect={false}
              {...input('ptkpStatus')}
            />
            <TextInput label={T.identity.tmtStart} type="date" required {...input('tmtStart')} />
            <Select
              label={T.jenis}
              data={['PNS', 'CPNS', 'PPPK']}
              allowDeselect={false}
              {...input('kepegawaian.jenisAsn')}
            />
            <TextInput label={T.golongan} placeholder="III/b" required {...input('pangkat.golongan')} />
            <TextInput label={F.pangkatTmt} type="date" required {...input('pangkat.tmt')} />
            <NumberInput label={F.mkYears} min={0} max={45} {...input('masaKerja.years')} />
            <NumberInput label={F.mkMonths} min={0} max={11} {...input('masaKerja.months')} />
            <TextInput label={F.mkTmt} type="date" required {...input('masaKerja.tmt')} />
            <TextInput label={T.jabatan} required {...input('jabatan.nama')} />
            <NumberInput label={F.kelasJabatan} min={1} max={17} {...input('jabatan.kelasJabatan')} />
            <Select label={T.opd} data={props.opds} searchable {...input('penempatan.opd')} />
            <TextInput label={T.unit} required {...input('penempatan.unit')} />
            <Select
              label={F.statusKawin}
              data={[
                { value: 'BELUM_KAWIN', label: F.kawin.BELUM_KAWIN },
                { value: 'KAWIN', label: F.kawin.KAWIN },
                { value: 'CERAI_HIDUP', label: F.kawin.CERAI_HIDUP },
                { value: 'CERAI_MATI', label: F.kawin.CERAI_MATI },
              ]}
              allowDeselect={false}
              {...input('keluarga.statusKawin')}
            />
            {form.values.keluarga.statusKawin === 'KAWIN' ? (
              <TextInput label={F.spouse} {...input('keluarga.spouse.nama')} />
            ) : null}
          </SimpleGrid>
          <Title order={3} size="h5">
            {T.bankSection}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <TextInput label={T.bank} {...input('bankAccount.bank')} />
            <TextInput label={T.accountNumber} inputMode="numeric" {...input('bankAccount.accountNumber')} />
            <TextInput label={T.accountName} {...input('bankAccount.accountName')} />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              {L.common.cancel}
            </Button>
            <Button type="submit" loading={create.isPending} data-action="simpan-pegawai">
              {L.common.save}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
