import { Anchor, Box, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { call } from '../../../components/kinerja/api';
import { formatPct, useTenantToday } from '../../../components/kinerja/kinerja';
import { MonthSelect } from '../../../components/kinerja/MonthSelect';
import { SkpStatusChip } from '../../../components/kinerja/SkpStatusChip';
import type { BawahanProgress, SkpToAssess } from '../../../components/kinerja/types';
import { type Column, PagedTable, useCursorPages } from '../../../components/PagedTable';
import { PageHeader } from '../../../components/PageHeader';
import { formatMonth, formatNip } from '../../../format';
import { L } from '../../../i18n/labels';
import { pathTo } from '../../../routes';

const K = L.kinerja;
const B = K.bawahan;

/**
 * Kinerja bawahan (journey 2): the plans waiting for the atasan's decision, then every bawahan's live
 * progress against target for a month, each one click from their SKP and the month's lembar penilaian.
 */
export default function KinerjaBawahanPage() {
  const today = useTenantToday();
  const [month, setMonth] = useState<string | null>(null);
  const selected = month ?? today.month;
  const year = Number(selected.slice(0, 4));
  const paging = useCursorPages(50);
  const progress = useQuery({
    queryKey: ['progress-bawahan', selected, paging.token],
    enabled: today.ready,
    queryFn: () =>
      call<{ month: string; items: BawahanProgress[]; nextToken?: string }>('GET', '/progress/bawahan', {
        params: {
          query: { month: selected, limit: 50, ...(paging.token ? { nextToken: paging.token } : {}) },
        },
      }),
  });
  const toAssess = useQuery({
    queryKey: ['skp-to-assess', year],
    enabled: today.ready,
    queryFn: () => call<{ items: SkpToAssess[] }>('GET', '/skp', { params: { query: { year, limit: 100 } } }),
  });
  const names = new Map((progress.data?.items ?? []).map((b) => [b.nip, b.nama]));
  const waiting = (toAssess.data?.items ?? []).filter((s) => s.status === 'DIAJUKAN');
  const waitingColumns: Column<SkpToAssess>[] = [
    {
      key: 'nama',
      header: B.name,
      rowHeader: true,
      cell: (s) => (
        <Anchor component={Link} to={pathTo('detailBawahan', { nip: s.nip })}>
          {names.get(s.nip) ?? formatNip(s.nip)}
        </Anchor>
      ),
    },
    { key: 'jabatan', header: B.jabatan, cell: (s) => s.jabatan },
    { key: 'revisi', header: B.revision, align: 'right', cell: (s) => s.revision },
    { key: 'status', header: B.skp, cell: (s) => <SkpStatusChip status={s.status} /> },
    {
      key: 'aksi',
      header: B.review,
      cell: (s) => (
        <Button
          component={Link}
          size="xs"
          to={pathTo('detailBawahan', { nip: s.nip })}
          aria-label={`${B.review} SKP ${names.get(s.nip) ?? formatNip(s.nip)}`}
        >
          {B.review}
        </Button>
      ),
    },
  ];
  const columns: Column<BawahanProgress>[] = [
    {
      key: 'nama',
      header: B.name,
      rowHeader: true,
      cell: (b) => (
        <Stack gap={0}>
          <Anchor component={Link} to={pathTo('detailBawahan', { nip: b.nip })}>
            {b.nama}
          </Anchor>
          <Text size="xs" c="dimmed">
            {formatNip(b.nip)}
          </Text>
        </Stack>
      ),
    },
    { key: 'jabatan', header: B.jabatan, cell: (b) => b.jabatan },
    {
      key: 'skp',
      header: B.skp,
      cell: (b) => (
        <Box miw={130}>
          <SkpStatusChip status={b.skp?.status} />
        </Box>
      ),
    },
    {
      key: 'bulan',
      header: B.monthPercent,
      align: 'right',
      cell: (b) => (b.monthPercent === undefined ? '—' : formatPct(b.monthPercent)),
    },
    {
      key: 'ytd',
      header: B.ytdPercent,
      align: 'right',
      cell: (b) => (b.yearToDatePercent === undefined ? '—' : formatPct(b.yearToDatePercent)),
    },
    {
      key: 'tanpa',
      header: B.withoutData,
      align: 'right',
      cell: (b) => b.indicatorsWithoutData?.length ?? '—',
    },
    {
      key: 'nilai',
      header: K.detail.rateMonth,
      cell: (b) =>
        b.skp ? (
          <Anchor
            component={Link}
            to={pathTo('lembarPenilaian', { nip: b.nip, month: selected })}
            aria-label={`${K.detail.rateOf(formatMonth(selected))}: ${b.nama}`}
          >
            {K.detail.rateOf(formatMonth(selected))}
          </Anchor>
        ) : (
          '—'
        ),
    },
  ];
  return (
    <>
      <PageHeader title={K.titles.bawahan} description={B.intro} />
      <Stack gap="lg">
        <Stack gap="xs" component="section" aria-labelledby="skp-menunggu">
          <Title order={2} size="h3" id="skp-menunggu">
            {B.waitingTitle}
          </Title>
          <PagedTable
            caption={B.waitingCaption(year)}
            columns={waitingColumns}
            rows={toAssess.isLoading ? undefined : waiting}
            rowKey={(s) => s.nip}
            noun={B.nounSkp}
            loading={toAssess.isLoading}
            error={toAssess.error}
            onRetry={() => toAssess.refetch()}
            emptyBody={B.waitingNone}
          />
        </Stack>
        <Stack gap="xs" component="section" aria-labelledby="capaian-bawahan">
          <Group justify="space-between" align="flex-end">
            <Title order={2} size="h3" id="capaian-bawahan">
              {B.progressTitle}
            </Title>
            <MonthSelect
              last={today.month}
              value={selected}
              onChange={(m) => {
                paging.reset();
                setMonth(m);
              }}
            />
          </Group>
          <PagedTable
            caption={B.progressCaption(formatMonth(selected))}
            columns={columns}
            rows={progress.data?.items}
            rowKey={(b) => b.nip}
            noun={B.noun}
            loading={progress.isLoading}
            error={progress.error}
            onRetry={() => progress.refetch()}
            emptyBody={B.none}
            paging={paging.paging(progress.data?.nextToken)}
          />
        </Stack>
      </Stack>
    </>
  );
}
