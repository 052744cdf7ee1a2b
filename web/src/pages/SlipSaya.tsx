import { Anchor, Button, Group, Select } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, downloadFile, ok, type paths } from '../api/client';
import { useMe, useSession } from '../auth/useAuth';
import { ApiErrorAlert } from '../components/ErrorDisplay';
import { type Column, PagedTable } from '../components/PagedTable';
import { PageHeader } from '../components/PageHeader';
import { formatMonth, formatRupiah } from '../format';
import { L, RUN_KIND_LABELS } from '../i18n/labels';
import { pathTo } from '../routes';

type MySlip = paths['/me/slips']['get']['responses'][200]['content']['application/json']['items'][number];

/** The years offered: this one and the four before (a slip older than that is in the archive). */
function yearsBack(now: Date, n = 5): string[] {
  const y = now.getFullYear();
  return Array.from({ length: n }, (_, i) => String(y - i));
}

/** Slip Saya: the caller's own slips of a year, month by month (only released runs: GET /me/slips). */
export default function SlipSayaPage() {
  const session = useSession();
  const me = useMe();
  const nip = me.data?.sub ?? '';
  const years = yearsBack(new Date());
  const [year, setYear] = useState(years[0]!);
  const slips = useQuery({
    queryKey: ['my-slips', session?.token, year],
    queryFn: () => ok(api.GET('/me/slips', { params: { query: { year } } })),
  });
  const pdf = useMutation({
    mutationFn: (s: MySlip) =>
      downloadFile(
        `/runs/${encodeURIComponent(s.runId)}/slips/${encodeURIComponent(nip)}/pdf`,
        `slip-${s.month}-${s.kind}.pdf`,
      ),
  });
  const columns: Column<MySlip>[] = [
    {
      key: 'month',
      header: L.mySlips.month,
      rowHeader: true,
      cell: (s) => (
        <Anchor component={Link} to={pathTo('rincianSlip', { runId: s.runId, nip })}>
          {L.mySlips.slipOf(RUN_KIND_LABELS[s.kind], formatMonth(s.month))}
        </Anchor>
      ),
    },
    { key: 'penghasilan', header: L.mySlips.gross, align: 'right', cell: (s) => formatRupiah(s.penghasilan) },
    { key: 'potongan', header: L.mySlips.deductions, align: 'right', cell: (s) => formatRupiah(s.potongan) },
    { key: 'bersih', header: L.mySlips.net, align: 'right', cell: (s) => formatRupiah(s.bersih) },
    {
      key: 'unduh',
      header: L.mySlips.download,
      cell: (s) => (
        <Button
          size="xs"
          variant="default"
          leftSection={<IconDownload size={14} aria-hidden />}
          onClick={() => pdf.mutate(s)}
          aria-label={L.mySlips.downloadOf(formatMonth(s.month), RUN_KIND_LABELS[s.kind])}
        >
          {L.mySlips.pdf}
        </Button>
      ),
    },
  ];
  return (
    <>
      <PageHeader title={L.page.titles.slipSaya} description={L.mySlips.intro} />
      <Group mb="md">
        <Select
          label={L.mySlips.year}
          data={years}
          value={year}
          onChange={(v) => v && setYear(v)}
          allowDeselect={false}
          w={160}
        />
      </Group>
      {pdf.error ? <ApiErrorAlert error={pdf.error} /> : null}
      <PagedTable
        caption={L.mySlips.caption(year)}
        columns={columns}
        rows={slips.data?.items}
        rowKey={(s) => s.runId}
        noun={L.mySlips.noun}
        loading={slips.isLoading}
        error={slips.error}
        onRetry={() => slips.refetch()}
        emptyBody={L.mySlips.empty(year)}
      />
    </>
  );
}
