import { Anchor } from '@mantine/core';
import { IconExternalLink } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { formatDate, formatMonth, formatNumber } from '../../format';
import { L } from '../../i18n/labels';
import { type Column, PagedTable } from '../PagedTable';
import { call } from './api';
import type { Indicator, RealizationView } from './types';

const R = L.kinerja.realization;

/** The realisasi of one month (newest last, as the API lists them by date), with their evidence links. */
export function RealizationList(props: {
  nip: string;
  year: number;
  month: string;
  indicators: readonly Indicator[];
}) {
  const { nip, year, month } = props;
  const list = useQuery({
    queryKey: ['realizations', nip, year, month],
    queryFn: () =>
      call<{ items: RealizationView[] }>('GET', '/skp/{nip}/{year}/realizations', {
        params: { path: { nip, year }, query: { month, limit: 100 } },
      }),
  });
  const name = (id: string) => props.indicators.find((i) => i.id === id)?.description ?? id;
  const columns: Column<RealizationView>[] = [
    { key: 'date', header: R.date, rowHeader: true, cell: (r) => formatDate(r.date) },
    { key: 'indicator', header: R.indicator, cell: (r) => name(r.indicatorId) },
    { key: 'value', header: R.value, align: 'right', cell: (r) => formatNumber(r.value) },
    { key: 'note', header: R.note, cell: (r) => r.note ?? '' },
    {
      key: 'evidence',
      header: R.evidence,
      cell: (r) =>
        r.evidenceUrl ? (
          <Anchor href={r.evidenceUrl} target="_blank" rel="noopener noreferrer">
            {R.openEvidence} <IconExternalLink size={12} aria-hidden />
          </Anchor>
        ) : (
          ''
        ),
    },
  ];
  return (
    <PagedTable
      caption={R.listCaption(formatMonth(month))}
      columns={columns}
      rows={list.data?.items}
      rowKey={(r) => r.id}
      noun={R.noun}
      loading={list.isLoading}
      error={list.error}
      onRetry={() => list.refetch()}
      emptyBody={R.empty}
    />
  );
}
