import { Alert, Button, Group, Select, Stack, Tabs, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, ok } from '../../api/client';
import { useMe, useReadOnly, useRoles } from '../../auth/useAuth';
import { useOpdOptions } from '../../components/employee/opds';
import { PegawaiCell } from '../../components/employee/PegawaiCell';
import { type Column, PagedTable, useCursorPages } from '../../components/PagedTable';
import { PageHeader } from '../../components/PageHeader';
import { useTenantClock } from '../../components/run/hooks';
import { L } from '../../i18n/labels';
import { REFERENCE_KIND_LABELS } from '../../i18n/labels-potongan';
import { EntryModal, type EntryTarget, type RegisterEntry } from './EntryModal';
import { ImporPotongan } from './ImporPotongan';
import { amountText, monthShort, useDeductionTypes } from './shared';

const T = L.potongan;
const PAGE = 50;

interface Row {
  nip: string;
  nama: string;
  opd: string;
  /** lastMonth: an instalment's end, derived by the API from its start and tenor. */
  entry: RegisterEntry & { lastMonth?: string };
}

/**
 * "Potongan lain": the register of deductions for third parties, per employee — filtered by OPD and
 * creditor (type), with Tambah / Ubah / Akhiri per entry, and the creditor's spreadsheet import with its
 * dry run. Operators see and change their own OPDs (the API checks it on every row); BKPSDM all; the
 * auditor reads.
 */
export default function PotonganPage() {
  const readOnly = useReadOnly();
  const roles = useRoles();
  const me = useMe();
  const clock = useTenantClock();
  const opds = useOpdOptions();
  const operatorOnly = roles.length > 0 && roles.every((r) => r === 'operator');
  const [opd, setOpd] = useState<string | null>(null);
  const [type, setType] = useState<string | null>(null);
  const [target, setTarget] = useState<EntryTarget>();
  const pages = useCursorPages(PAGE);
  // An operator lists one of their OPDs at a time (the API refuses an unscoped list for them).
  const chosenOpd = opd ?? (operatorOnly ? (me.data?.opds[0] ?? null) : null);
  const types = useDeductionTypes();
  const typeList = types.data?.types ?? [];
  const typeName = (code: string) => typeList.find((t) => t.code === code)?.name ?? code;
  const list = useQuery({
    queryKey: ['deductions', chosenOpd, type, pages.token],
    enabled: !operatorOnly || !!chosenOpd,
    queryFn: () =>
      ok(
        api.GET('/deductions', {
          params: {
            query: {
              limit: PAGE,
              ...(chosenOpd ? { opd: chosenOpd } : {}),
              ...(type ? { type } : {}),
              ...(pages.token ? { nextToken: pages.token } : {}),
            },
          },
        }),
      ),
  });
  const rows = list.data?.items as Row[] | undefined;
  const filtered = (!!opd && !operatorOnly) || !!type;
  const columns: Column<Row>[] = [
    {
      key: 'pegawai',
      header: T.columns.pegawai,
      rowHeader: true,
      cell: (r) => <PegawaiCell nama={r.nama} nip={r.nip} opd={r.opd} />,
    },
    { key: 'type', header: T.columns.type, cell: (r) => typeName(r.entry.typeCode) },
    {
      key: 'amount',
      header: T.columns.amount,
      align: 'right',
      cell: (r) =>
        amountText(
          r.entry,
          typeList.find((t) => t.code === r.entry.typeCode),
        ),
    },
    {
      key: 'period',
      header: T.columns.period,
      cell: (r) =>
        T.period(
          monthShort(r.entry.startMonth),
          (r.entry.lastMonth ?? r.entry.endMonth)
            ? monthShort((r.entry.lastMonth ?? r.entry.endMonth)!)
            : undefined,
        ),
    },
    {
      key: 'reference',
      header: T.columns.reference,
      cell: (r) =>
        `${REFERENCE_KIND_LABELS[r.entry.reference.kind] ?? r.entry.reference.kind} ${r.entry.reference.number}`,
    },
    {
      key: 'status',
      header: T.columns.status,
      cell: (r) => (
        <Text size="sm" fw={r.entry.status === 'AKTIF' ? 600 : 400} data-entry-status={r.entry.status}>
          {T.status[r.entry.status] ?? r.entry.status}
        </Text>
      ),
    },
    ...(readOnly
      ? []
      : [
          {
            key: 'actions',
            header: T.columns.actions,
            cell: (r: Row) => {
              const name = typeName(r.entry.typeCode);
              const base = { nip: r.nip, nama: r.nama, typeName: name, entry: r.entry };
              return (
                <Group gap={4} wrap="nowrap">
                  <Button
                    size="xs"
                    variant="default"
                    aria-label={T.editOf(name, r.nama)}
                    onClick={() => setTarget({ mode: 'edit', ...base })}
                  >
                    {T.edit}
                  </Button>
                  {r.entry.status === 'AKTIF' ? (
                    <Button
                      size="xs"
                      variant="default"
                      aria-label={T.endOf(name, r.nama)}
                      onClick={() => setTarget({ mode: 'end', ...base })}
                    >
                      {T.end}
                    </Button>
                  ) : null}
                </Group>
              );
            },
          },
        ]),
  ];
  const typeOptions = typeList.map((t) => ({ value: t.code, label: t.name }));
  const listPanel = (
    <Stack gap="md">
      <Group align="flex-end" gap="sm">
        <Select
          label={T.opd}
          placeholder={T.allOpds}
          data={opds}
          value={chosenOpd}
          onChange={(v) => {
            setOpd(v);
            pages.reset();
          }}
          clearable={!operatorOnly}
          searchable
          w={220}
        />
        <Select
          label={T.type}
          placeholder={T.allTypes}
          data={typeOptions}
          value={type}
          onChange={(v) => {
            setType(v);
            pages.reset();
          }}
          clearable
          searchable
          w={300}
        />
      </Group>
      <PagedTable
        caption={T.caption([chosenOpd, type ? typeName(type) : null].filter(Boolean).join(' · '))}
        columns={columns}
        rows={rows}
        rowKey={(r) => `${r.nip}:${r.entry.id}`}
        noun={T.noun}
        loading={list.isFetching}
        error={list.error}
        onRetry={() => void list.refetch()}
        filtered={filtered}
        onClearFilter={() => {
          if (!operatorOnly) setOpd(null);
          setType(null);
          pages.reset();
        }}
        emptyBody={T.empty}
        paging={pages.paging(list.data?.nextToken)}
      />
    </Stack>
  );
  return (
    <Stack gap="md">
      <PageHeader
        title={T.title}
        description={T.intro}
        actions={
          readOnly ? undefined : (
            <Button
              leftSection={<IconPlus size={16} aria-hidden />}
              onClick={() => setTarget({ mode: 'new' })}
              disabled={typeList.length === 0}
              data-action="tambah-potongan"
            >
              {T.add}
            </Button>
          )
        }
      />
      {types.data && typeList.length === 0 ? (
        <Alert color="yellow" variant="light">
          {T.noTypes}
        </Alert>
      ) : null}
      {readOnly ? (
        listPanel
      ) : (
        <Tabs defaultValue="daftar" keepMounted={false}>
          <Tabs.List mb="md">
            <Tabs.Tab value="daftar">{T.tabList}</Tabs.Tab>
            <Tabs.Tab value="impor">{T.tabImport}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="daftar">{listPanel}</Tabs.Panel>
          <Tabs.Panel value="impor">
            <ImporPotongan types={typeOptions} />
          </Tabs.Panel>
        </Tabs>
      )}
      {target ? (
        <EntryModal
          target={target}
          types={typeList}
          month={clock.month}
          onClose={() => setTarget(undefined)}
        />
      ) : null}
    </Stack>
  );
}
