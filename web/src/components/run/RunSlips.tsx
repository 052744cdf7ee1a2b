import { Anchor, Select, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, ok, type Schema } from '../../api/client';
import { formatNip, formatRupiah } from '../../format';
import { L } from '../../i18n/labels';
import { pathTo } from '../../routes';
import { type Column, PagedTable, useCursorPages } from '../PagedTable';

const T = L.gaji.slips;

/** The slips of one OPD of the run, paged by the API. */
export function useRunSlips(runId: string, opd: string, token?: string, limit = 50) {
  return useQuery({
    queryKey: ['run-slips', runId, opd, token, limit],
    queryFn: () =>
      ok(
        api.GET('/runs/{runId}/slips', {
          params: { path: { runId }, query: { opd, limit, ...(token ? { nextToken: token } : {}) } },
        }),
      ),
    enabled: !!opd,
  });
}

export function RunSlips(props: {
  runId: string;
  opds: string[];
  opd: string;
  onOpdChange: (opd: string) => void;
}) {
  const pages = useCursorPages(50);
  const slips = useRunSlips(props.runId, props.opd, pages.token);
  const columns: Column<Schema<'RunSlipRow'>>[] = [
    {
      key: 'nama',
      header: T.nama,
      rowHeader: true,
      cell: (s) => (
        <Anchor component={Link} to={pathTo('rincianSlip', { runId: props.runId, nip: s.nip })}>
          {s.nama}
        </Anchor>
      ),
    },
    { key: 'nip', header: T.nip, cell: (s) => formatNip(s.nip) },
    { key: 'golongan', header: T.golongan, cell: (s) => s.golongan ?? '—' },
    { key: 'penghasilan', header: T.penghasilan, align: 'right', cell: (s) => formatRupiah(s.penghasilan) },
    { key: 'potongan', header: T.potongan, align: 'right', cell: (s) => formatRupiah(s.potongan) },
    { key: 'tpp', header: T.tpp, align: 'right', cell: (s) => formatRupiah(s.tpp) },
    { key: 'bersih', header: T.bersih, align: 'right', cell: (s) => formatRupiah(s.bersih) },
  ];
  return (
    <Stack gap="sm">
      <Select
        label={T.chooseOpd}
        data={props.opds}
        value={props.opd}
        onChange={(v) => {
          if (v) {
            pages.reset();
            props.onOpdChange(v);
          }
        }}
        allowDeselect={false}
        w={260}
      />
      <PagedTable
        caption={`${T.caption} · ${props.opd}`}
        columns={columns}
        rows={slips.data?.items}
        rowKey={(s) => s.nip}
        noun={T.noun}
        loading={slips.isFetching}
        error={slips.error}
        onRetry={() => void slips.refetch()}
        paging={pages.paging(slips.data?.nextToken)}
      />
    </Stack>
  );
}
