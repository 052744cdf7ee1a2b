import { Anchor, Code, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { api, ok, type Schema } from '../../api/client';
import { ApiErrorAlert } from '../../components/ErrorDisplay';
import { type Column, PagedTable } from '../../components/PagedTable';
import { PageHeader } from '../../components/PageHeader';
import { formatDate } from '../../format';
import { pathTo } from '../../routes';
import { A, ChangeStatusChip, confidenceLabel, DiffList, parameterFromSlug, sourceText } from './shared';

type Entry = Schema<'RuleHistory'>['entries'][number];
const H = A.history;

const columns: Column<Entry>[] = [
  { key: 'from', header: H.from, rowHeader: true, cell: (e) => formatDate(e.from) },
  {
    key: 'status',
    header: H.status,
    cell: (e) => (
      <Stack gap={4}>
        <ChangeStatusChip status={e.status} />
        <Text size="xs">
          {A.origin[e.origin]}
          {e.changeId ? (
            <>
              {' · '}
              <Anchor component={Link} to={pathTo('detailUsulanAturan', { changeId: e.changeId })} size="xs">
                {e.title ?? e.changeId}
              </Anchor>
            </>
          ) : null}
        </Text>
        {e.superseded ? <Text size="xs">{H.superseded}</Text> : null}
      </Stack>
    ),
  },
  {
    key: 'source',
    header: H.source,
    cell: (e) => (
      <Stack gap={2}>
        <Text size="sm">{sourceText(e.source)}</Text>
        {e.source.document ? <Code>{e.source.document}</Code> : null}
        <Text size="xs">{confidenceLabel(e.confidence)}</Text>
      </Stack>
    ),
  },
  {
    key: 'who',
    header: H.who,
    cell: (e) => (e.proposedBy ? `${e.proposedBy}${e.decidedBy ? ` / ${e.decidedBy}` : ''}` : A.origin.SEED),
  },
  {
    key: 'diff',
    header: H.diff,
    cell: (e) => (
      <Stack gap={4}>
        <DiffList diff={e.diff} empty={H.noDiff} />
        <details>
          <summary>{H.value}</summary>
          <Code block>{JSON.stringify(e.value, null, 2)}</Code>
        </details>
      </Stack>
    ),
  },
];

/** Every dated version of one tenant parameter with its source, who proposed and approved it, and what changed. */
export default function RiwayatAturanPage() {
  const parameterId = parameterFromSlug(useParams().parameterId ?? '');
  const history = useQuery({
    queryKey: ['ruleHistory', parameterId],
    queryFn: () =>
      ok(api.GET('/rule-parameters/{parameterId}/history', { params: { path: { parameterId } } })),
  });
  const label = history.data?.label ?? parameterId;
  return (
    <Stack gap="md">
      <PageHeader
        title={`${A.titles.riwayat}: ${label}`}
        actions={
          <Anchor component={Link} to={pathTo('aturan')}>
            {H.back}
          </Anchor>
        }
      />
      {history.error ? <ApiErrorAlert error={history.error} /> : null}
      <PagedTable
        caption={H.caption(label)}
        columns={columns}
        rows={history.data?.entries}
        rowKey={(e) => `${e.from}#${e.changeId ?? 'seed'}`}
        noun={H.noun}
        loading={history.isFetching}
        error={history.error}
        onRetry={() => void history.refetch()}
      />
    </Stack>
  );
}
