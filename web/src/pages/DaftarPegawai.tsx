import { Anchor, Badge, Button, CloseButton, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, ok, type Schema } from '../api/client';
import { useReadOnly } from '../auth/useAuth';
import { EmployeeCreateModal } from '../components/employee/EmployeeCreateModal';
import { useOpdOptions } from '../components/employee/opds';
import { type Column, PagedTable, useCursorPages } from '../components/PagedTable';
import { PageHeader } from '../components/PageHeader';
import { formatNip, normalizeNip } from '../format';
import { L } from '../i18n/labels';
import { pathTo } from '../routes';

const T = L.gaji.employee;
const PAGE = 25;
type Row = Schema<'Employee'> & {
  pangkat?: { golongan: string };
  jabatan?: { nama: string };
  penempatan?: { opd: string; unit: string };
  bankAccount?: { bank: string };
};

/**
 * "Data pegawai": search by name or NIP and filter by OPD, both done by the API (GET /employees?q=&opd=),
 * one page of 25 at a time, so a tenant of 10.000 pegawai loads as fast as one of 100.
 */
export default function DaftarPegawaiPage() {
  const readOnly = useReadOnly();
  const [q, setQ] = useState('');
  const [opd, setOpd] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [debounced] = useDebouncedValue(q.trim(), 300);
  const search = /^[\d\s]+$/.test(debounced) ? normalizeNip(debounced) : debounced;
  const active = search.length >= 2 ? search : undefined;
  const pages = useCursorPages(PAGE);
  const opds = useOpdOptions();
  const list = useQuery({
    queryKey: ['employees', active, opd, pages.token],
    queryFn: () =>
      ok(
        api.GET('/employees', {
          params: {
            query: {
              limit: PAGE,
              ...(active ? { q: active } : {}),
              ...(opd ? { opd } : {}),
              ...(pages.token ? { nextToken: pages.token } : {}),
            },
          },
        }),
      ),
    placeholderData: (prev) => prev,
  });
  const filtered = !!active || !!opd;
  const clear = () => {
    setQ('');
    setOpd(null);
    pages.reset();
  };
  const columns: Column<Row>[] = [
    {
      key: 'nama',
      header: T.nama,
      rowHeader: true,
      cell: (e) => (
        <Anchor component={Link} to={pathTo('detailPegawai', { nip: e.nip })}>
          {e.nama}
        </Anchor>
      ),
    },
    { key: 'nip', header: T.nip, cell: (e) => formatNip(e.nip) },
    { key: 'golongan', header: T.golongan, cell: (e) => e.pangkat?.golongan ?? '—' },
    { key: 'jabatan', header: T.jabatan, cell: (e) => e.jabatan?.nama ?? '—' },
    { key: 'opd', header: T.opd, cell: (e) => e.penempatan?.opd ?? '—' },
    { key: 'unit', header: T.unit, cell: (e) => e.penempatan?.unit ?? '—' },
    {
      key: 'rekening',
      header: T.rekening,
      cell: (e) =>
        e.bankAccount ? (
          e.bankAccount.bank
        ) : (
          <Badge
            color="red"
            variant="light"
            tt="none"
            styles={{ root: { color: 'var(--mantine-color-red-9)' } }}
          >
            {T.noBank}
          </Badge>
        ),
    },
  ];
  return (
    <Stack gap="md">
      <PageHeader
        title={L.page.titles.pegawai}
        actions={
          readOnly ? undefined : (
            <Button onClick={() => setCreating(true)} data-action="tambah-pegawai">
              {T.add}
            </Button>
          )
        }
      />
      <Group align="flex-end" gap="sm" role="search">
        <TextInput
          label={T.search}
          description={T.searchHint}
          value={q}
          onChange={(e) => {
            setQ(e.currentTarget.value);
            pages.reset();
          }}
          leftSection={<IconSearch size={16} aria-hidden />}
          rightSection={q ? <CloseButton aria-label={L.empty.clearFilter} onClick={() => setQ('')} /> : null}
          w={320}
          data-employee-search
        />
        <Select
          label={T.opd}
          placeholder={T.allOpds}
          data={opds}
          value={opd}
          onChange={(v) => {
            setOpd(v);
            pages.reset();
          }}
          clearable
          searchable
          w={220}
          data-employee-opd
        />
      </Group>
      {filtered ? (
        <Group gap="xs" aria-label={T.activeFilters} role="group">
          <Text size="sm">{T.activeFilters}:</Text>
          {active ? (
            <Badge
              variant="outline"
              tt="none"
              styles={{ root: { color: 'var(--mantine-color-blue-9)' } }}
            >{`"${active}"`}</Badge>
          ) : null}
          {opd ? (
            <Badge variant="outline" tt="none" styles={{ root: { color: 'var(--mantine-color-blue-9)' } }}>
              {opd}
            </Badge>
          ) : null}
          <Button size="xs" variant="subtle" onClick={clear}>
            {L.empty.clearFilter}
          </Button>
        </Group>
      ) : null}
      <PagedTable
        caption={T.listCaption}
        columns={columns}
        rows={list.data?.items as Row[] | undefined}
        rowKey={(e) => e.nip}
        noun={T.noun}
        loading={list.isFetching}
        error={list.error}
        onRetry={() => void list.refetch()}
        filtered={filtered}
        onClearFilter={clear}
        paging={pages.paging(list.data?.nextToken)}
      />
      {readOnly ? null : (
        <EmployeeCreateModal opened={creating} onClose={() => setCreating(false)} opds={opds} />
      )}
    </Stack>
  );
}
