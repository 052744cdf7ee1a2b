import { Button, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, downloadFile, ok } from '../../../api/client';
import { ApiErrorAlert } from '../../../components/ErrorDisplay';
import { type Column, PagedTable, useCursorPages } from '../../../components/PagedTable';
import { PageHeader } from '../../../components/PageHeader';
import { formatMonth, formatNip, formatNumber } from '../../../format';
import { L } from '../../../i18n/labels';
import { isMonth, predikatLabel, useReportMonth } from './shared';

const T = L.kinerjaBkpsdm.tindakLanjut;
const PAGE = 25;

interface FollowUpRow {
  list: string;
  opd: string;
  nip: string;
  nama: string;
  months: number;
  since: string;
  latestPredikat: string;
  /** "PENGHARGAAN, PELATIHAN" (the API joins them) or a list. */
  programmes: string | string[];
}

function programmeText(value: FollowUpRow['programmes']): string {
  const codes = Array.isArray(value) ? value : value.split(',').map((s) => s.trim());
  return codes
    .filter(Boolean)
    .map((c) => T.programme[c] ?? c)
    .join(', ');
}

/** The OPDs with results in the month (from the calibration report): the ones a list can name anybody in. */
export function useResultOpds(month: string) {
  return useQuery({
    queryKey: ['calibration', month],
    enabled: isMonth(month),
    queryFn: async () =>
      (await ok(api.GET('/calibration/{month}', { params: { path: { month } } }))) as unknown as {
        groups: { opd: string }[];
      },
    select: (r) => [...new Set(r.groups.map((g) => g.opd))].sort(),
  });
}

/**
 * Tindak lanjut kinerja (BKPSDM, auditor): per OPD, who needs pembinaan and who is a candidate for
 * penghargaan, pelatihan or promotion after consecutive months, with the list as XLSX for the
 * tim penilai kinerja.
 */
export default function TindakLanjutPage() {
  const [month, setMonth] = useReportMonth();
  const [picked, setPicked] = useState<string | null>(null);
  const [exportError, setExportError] = useState<unknown>();
  const [exporting, setExporting] = useState(false);
  const opds = useResultOpds(month);
  const opd = picked ?? opds.data?.[0] ?? null;
  const pages = useCursorPages(PAGE);
  const list = useQuery({
    queryKey: ['follow-up', month, opd, pages.token],
    enabled: !!opd && isMonth(month),
    queryFn: () =>
      ok(
        api.GET('/follow-up/{month}', {
          params: {
            path: { month },
            query: { opd: opd!, limit: PAGE, ...(pages.token ? { nextToken: pages.token } : {}) },
          },
        }),
      ),
    placeholderData: (prev) => prev,
  });
  const rows = list.data?.items as unknown as FollowUpRow[] | undefined;
  const exportXlsx = async () => {
    if (!opd) return;
    setExportError(undefined);
    setExporting(true);
    try {
      await downloadFile(
        `/follow-up/${month}?opd=${encodeURIComponent(opd)}&format=xlsx`,
        `tindak-lanjut-${opd.toLowerCase()}-${month}.xlsx`,
      );
    } catch (err) {
      setExportError(err);
    } finally {
      setExporting(false);
    }
  };
  const columns: Column<FollowUpRow>[] = [
    { key: 'nama', header: L.kinerjaBkpsdm.kalibrasi.nama, rowHeader: true, cell: (r) => r.nama || '—' },
    { key: 'nip', header: L.kinerjaBkpsdm.kalibrasi.nip, cell: (r) => formatNip(r.nip) },
    { key: 'list', header: T.list, cell: (r) => T.lists[r.list] ?? r.list },
    { key: 'months', header: T.months, align: 'right', cell: (r) => formatNumber(r.months) },
    { key: 'since', header: T.since, cell: (r) => formatMonth(r.since) },
    { key: 'latest', header: T.latest, cell: (r) => predikatLabel(r.latestPredikat) },
    { key: 'programmes', header: T.programmes, cell: (r) => programmeText(r.programmes) || '—' },
  ];
  return (
    <Stack gap="md">
      <PageHeader
        title={L.kinerjaBkpsdm.titles.tindakLanjut}
        description={T.intro}
        actions={
          <Button
            leftSection={<IconFileSpreadsheet size={16} aria-hidden />}
            onClick={() => void exportXlsx()}
            loading={exporting}
            disabled={!opd}
            data-export-xlsx
          >
            {T.export}
          </Button>
        }
      />
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
        <TextInput
          id="tindak-lanjut-bulan"
          type="month"
          label={L.kinerjaBkpsdm.month}
          value={month}
          onChange={(e) => {
            setMonth(e.currentTarget.value);
            pages.reset();
          }}
        />
        <Select
          id="tindak-lanjut-opd"
          label={L.kinerjaBkpsdm.opd}
          data={opds.data ?? []}
          value={opd}
          onChange={(v) => {
            setPicked(v);
            pages.reset();
          }}
          allowDeselect={false}
          placeholder={T.chooseOpd}
        />
      </SimpleGrid>
      <div aria-live="assertive">{exportError ? <ApiErrorAlert error={exportError} /> : null}</div>
      {opds.error ? <ApiErrorAlert error={opds.error} /> : null}
      {opd ? (
        <PagedTable
          caption={T.caption(opd, formatMonth(month))}
          columns={columns}
          rows={rows}
          rowKey={(r) => `${r.list}:${r.nip}`}
          noun={T.noun}
          loading={list.isFetching}
          error={list.error}
          onRetry={() => void list.refetch()}
          emptyBody={T.emptyBody}
          paging={pages.paging(list.data?.nextToken)}
        />
      ) : (
        <Text size="sm">{T.chooseOpd}</Text>
      )}
    </Stack>
  );
}
