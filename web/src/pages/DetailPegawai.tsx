import {
  Alert,
  Anchor,
  Button,
  Code,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Tabs,
  Text,
  Title,
} from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { api, ok } from '../api/client';
import { useReadOnly, useRoles } from '../auth/useAuth';
import { ApiErrorAlert } from '../components/ErrorDisplay';
import { EmployeeEditModal } from '../components/employee/EmployeeEditModal';
import { PageHeader } from '../components/PageHeader';
import { useTenantClock } from '../components/run/hooks';
import { formatDate, formatDateTime, formatNip } from '../format';
import { L } from '../i18n/labels';
import { pathTo } from '../routes';

const T = L.gaji.employee;

type EmployeeView = {
  nip: string;
  nama: string;
  version: number;
  gelarDepan?: string;
  gelarBelakang?: string;
  ptkpStatus?: string;
  tmtStart?: string;
  npwp?: string;
  bankAccount?: { bank: string; accountNumber: string; accountName: string };
  pangkat?: { golongan: string; tmt: string };
  masaKerja?: { years: number; months: number };
  jabatan?: { nama: string; type: string; kelasJabatan: number };
  penempatan?: { opd: string; unit: string; atasanNip?: string };
  keluarga?: { statusKawin: string; spouse?: { nama: string }; children?: { nama: string }[] };
  kepegawaian?: { jenisAsn: string; status: string };
};

/** A timeline value in words: the fields users know, not JSON. */
function describe(aspect: string, value: unknown): string {
  const v = value as Record<string, unknown>;
  if (!v || typeof v !== 'object') return String(value);
  switch (aspect) {
    case 'pangkat':
      return `${v.golongan}`;
    case 'masaKerja':
      return `${v.years} tahun ${v.months} bulan`;
    case 'jabatan':
      return `${v.nama} (${v.type}, kelas ${v.kelasJabatan})`;
    case 'penempatan':
      return `${v.opd} · ${v.unit}${v.atasanNip ? ` · atasan ${formatNip(String(v.atasanNip))}` : ''}`;
    case 'keluarga': {
      const spouse = v.spouse as { nama?: string } | undefined;
      const children = (v.children as unknown[] | undefined)?.length ?? 0;
      return `${v.statusKawin}${spouse?.nama ? ` · ${spouse.nama}` : ''} · ${children} anak`;
    }
    case 'kepegawaian':
      return `${v.jenisAsn} · ${v.status}`;
    default:
      return Object.entries(v)
        .map(([k, x]) => `${k}: ${typeof x === 'object' ? JSON.stringify(x) : String(x)}`)
        .join(', ');
  }
}

/**
 * "Detail pegawai": the record as of today, its dated history (golongan, jabatan, OPD, keluarga…) and
 * the audit of the record (BKPSDM, auditor). "Ubah" for identity and bank account. Opened from a run's
 * error entry (?proses=<runId>), it offers the way back to that run.
 */
export default function DetailPegawaiPage() {
  const { nip = '' } = useParams();
  const [search] = useSearchParams();
  const fromRun = search.get('proses');
  const roles = useRoles();
  const readOnly = useReadOnly();
  const clock = useTenantClock();
  const [editing, setEditing] = useState(false);
  const canWrite = !readOnly && (roles.includes('operator') || roles.includes('bkpsdm'));
  const canAudit = roles.includes('bkpsdm') || roles.includes('auditor');
  const employee = useQuery({
    queryKey: ['employee', nip],
    queryFn: () => ok(api.GET('/employees/{nip}', { params: { path: { nip } } })),
  });
  const history = useQuery({
    queryKey: ['employee-history', nip],
    queryFn: () => ok(api.GET('/employees/{nip}/history', { params: { path: { nip } } })),
  });
  const audit = useQuery({
    queryKey: ['employee-audit', nip],
    queryFn: () => ok(api.GET('/audit', { params: { query: { entity: `employee:${nip}`, limit: 50 } } })),
    enabled: canAudit,
  });
  const e = employee.data as EmployeeView | undefined;
  const back = fromRun ? (
    <Button
      component={Link}
      to={`${pathTo('detailProses', { runId: fromRun })}?tab=kesalahan`}
      variant="default"
      leftSection={<IconArrowLeft size={16} aria-hidden />}
      data-action="kembali-ke-proses"
    >
      {T.backToRun}
    </Button>
  ) : null;
  if (employee.error) {
    return (
      <Stack>
        <PageHeader title={L.page.titles.detailPegawai} actions={back} />
        <ApiErrorAlert error={employee.error} />
      </Stack>
    );
  }
  if (!e) return <PageHeader title={L.page.titles.detailPegawai} description={L.app.loading} />;
  const fullName =
    [e.gelarDepan, e.nama].filter(Boolean).join(' ') + (e.gelarBelakang ? `, ${e.gelarBelakang}` : '');
  const facts: [string, string][] = [
    [T.nip, formatNip(e.nip)],
    [T.golongan, e.pangkat ? `${e.pangkat.golongan} (TMT ${formatDate(e.pangkat.tmt)})` : '—'],
    [T.jabatan, e.jabatan ? `${e.jabatan.nama} · kelas ${e.jabatan.kelasJabatan}` : '—'],
    [T.opd, e.penempatan ? `${e.penempatan.opd} · ${e.penempatan.unit}` : '—'],
    [T.jenis, e.kepegawaian ? `${e.kepegawaian.jenisAsn} · ${e.kepegawaian.status}` : '—'],
    [T.identity.ptkpStatus, e.ptkpStatus ?? '—'],
    [T.identity.tmtStart, e.tmtStart ? formatDate(e.tmtStart) : '—'],
    [L.gaji.employeeForm.statusKawin, e.keluarga ? describe('keluarga', e.keluarga) : '—'],
  ];
  return (
    <Stack gap="md">
      <PageHeader
        title={fullName}
        description={formatNip(e.nip)}
        actions={
          <>
            {back}
            {canWrite ? (
              <Button onClick={() => setEditing(true)} data-action="ubah-pegawai">
                {T.edit}
              </Button>
            ) : null}
          </>
        }
      />
      <Tabs defaultValue="data" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="data">{T.tabs.data}</Tabs.Tab>
          <Tabs.Tab value="riwayat">{T.tabs.history}</Tabs.Tab>
          <Tabs.Tab value="audit">{T.tabs.audit}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="data" pt="md">
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            <Paper withBorder p="md" component="section" aria-labelledby="data-pribadi">
              <Title order={2} size="h4" id="data-pribadi" mb="sm">
                {T.dataPribadi}
              </Title>
              <Table fz="sm" verticalSpacing={4}>
                <Table.Tbody>
                  {facts.map(([k, v]) => (
                    <Table.Tr key={k}>
                      <Table.Th scope="row" w="40%">
                        {k}
                      </Table.Th>
                      <Table.Td>{v}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Paper>
            <Paper withBorder p="md" component="section" aria-labelledby="rekening" data-bank-account>
              <Title order={2} size="h4" id="rekening" mb="sm">
                {T.bankSection}
              </Title>
              {e.bankAccount ? (
                <Stack gap={2}>
                  <Text size="sm">
                    {T.bank}: {e.bankAccount.bank}
                  </Text>
                  <Text size="sm">
                    {T.accountNumber}: {e.bankAccount.accountNumber}
                  </Text>
                  <Text size="sm">
                    {T.accountName}: {e.bankAccount.accountName}
                  </Text>
                </Stack>
              ) : (
                <Alert color="red" variant="light" title={T.noBank}>
                  {L.gaji.errors.fixFor('MISSING_BANK_ACCOUNT', 'bankAccount').fix}
                </Alert>
              )}
            </Paper>
          </SimpleGrid>
        </Tabs.Panel>
        <Tabs.Panel value="riwayat" pt="md">
          {history.error ? <ApiErrorAlert error={history.error} /> : null}
          <Stack gap="md">
            {Object.entries(history.data?.timelines ?? {}).map(([aspect, entries]) => (
              <Table key={aspect} fz="sm" striped>
                <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }}>
                  {T.historyCaption(T.aspects[aspect] ?? aspect)}
                </Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col" w={200}>
                      {T.from}
                    </Table.Th>
                    <Table.Th scope="col">{T.value}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {[...entries].reverse().map((x) => (
                    <Table.Tr key={`${aspect}-${x.from}`}>
                      <Table.Td>{formatDate(x.from)}</Table.Td>
                      <Table.Td>{describe(aspect, x.value)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            ))}
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="audit" pt="md">
          {!canAudit ? (
            <Text size="sm">{T.auditNotForRole}</Text>
          ) : audit.error ? (
            <ApiErrorAlert error={audit.error} />
          ) : (
            <Table fz="sm" striped data-employee-audit>
              <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }}>
                {T.auditCaption}
              </Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{T.auditWhen}</Table.Th>
                  <Table.Th scope="col">{T.auditWho}</Table.Th>
                  <Table.Th scope="col">{T.auditAction}</Table.Th>
                  <Table.Th scope="col">{T.auditReason}</Table.Th>
                  <Table.Th scope="col">{T.auditChange}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {(audit.data?.items ?? []).map((a) => (
                  <Table.Tr key={`${a.at}-${a.requestId}`}>
                    <Table.Td>{formatDateTime(a.at, clock.timeZone)}</Table.Td>
                    <Table.Td>{a.actor.sub}</Table.Td>
                    <Table.Td>{a.action}</Table.Td>
                    <Table.Td>{a.reason ?? '—'}</Table.Td>
                    <Table.Td>
                      <Code block fz="xs">
                        {changedKeys(a.before, a.after)}
                      </Code>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Tabs.Panel>
      </Tabs>
      {canWrite && editing ? (
        <EmployeeEditModal employee={employee.data!} opened={editing} onClose={() => setEditing(false)} />
      ) : null}
      {fromRun ? null : (
        <Anchor component={Link} to={pathTo('pegawai')} size="sm">
          {L.page.titles.pegawai}
        </Anchor>
      )}
    </Stack>
  );
}

/** The fields an audit record changed, "field: before → after", one per line. */
function changedKeys(before: unknown, after: unknown): string {
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter(
    (k) => JSON.stringify(b[k]) !== JSON.stringify(a[k]),
  );
  if (keys.length === 0) return '—';
  const show = (v: unknown) =>
    v === undefined ? '(kosong)' : typeof v === 'object' ? JSON.stringify(v) : String(v);
  return keys.map((k) => `${k}: ${show(b[k])} → ${show(a[k])}`).join('\n');
}
