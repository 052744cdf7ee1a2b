import { Box, Button, Center, Group, Loader, ScrollArea, Table, Text, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowsSort, IconArrowUp } from '@tabler/icons-react';
import { type ReactNode, useCallback, useState } from 'react';
import { formatNumber } from '../format';
import { L } from '../i18n/labels';
import { EmptyState } from './EmptyState';
import { ApiErrorAlert } from './ErrorDisplay';

export interface Column<Row> {
  key: string;
  header: string;
  /** The cell's content (wrapped in a <td>); amounts: `formatRupiah(row.x)` with align 'right'. */
  cell: (row: Row) => ReactNode;
  /** 'right' for numbers and amounts: right-aligned in tabular figures. */
  align?: 'left' | 'right';
  sortable?: boolean;
  /** The row header (NIP/nama): rendered as <th scope="row">. */
  rowHeader?: boolean;
}

export type SortDir = 'ascending' | 'descending';
export interface SortState {
  key: string;
  dir: SortDir;
}

/**
 * The console's server-side table: native semantics (caption, th scope, aria-sort on the sorted
 * column only), compact density, sticky header, and a footer "1–50 dari 1.284 pegawai" with
 * previous/next. The server pages, sorts and filters; this component only shows one page. Loading,
 * failure, no data and no results are built in, so every list behaves alike.
 */
export function PagedTable<Row>(props: {
  caption: string;
  columns: Column<Row>[];
  rows: readonly Row[] | undefined;
  rowKey: (row: Row) => string;
  /** Noun for the counter: "pegawai", "proses", "entri". */
  noun: string;
  loading?: boolean;
  error?: unknown;
  onRetry?: () => void;
  /** True when a filter is active: an empty page then says "Tidak ada hasil untuk filter ini". */
  filtered?: boolean;
  onClearFilter?: () => void;
  /** What "Belum ada data" should offer (e.g. a "Mulai proses" button) and say. */
  emptyBody?: ReactNode;
  emptyAction?: ReactNode;
  sort?: SortState;
  onSortChange?: (sort: SortState) => void;
  paging?: PagingState;
  footer?: ReactNode;
}) {
  const { columns, rows, paging } = props;
  if (props.error) {
    return (
      <EmptyState
        kind="loadFailed"
        body={<ApiErrorAlert error={props.error} />}
        {...(props.onRetry ? { onRetry: props.onRetry } : {})}
      />
    );
  }
  if (props.loading && !rows) {
    return (
      <Center py="xl" role="status">
        <Loader size="sm" aria-hidden />
        <Text ml="sm">{L.app.loading}</Text>
      </Center>
    );
  }
  if (!rows || rows.length === 0) {
    return props.filtered ? (
      <EmptyState kind="noResults" {...(props.onClearFilter ? { onClearFilter: props.onClearFilter } : {})} />
    ) : (
      <EmptyState kind="noData" body={props.emptyBody} action={props.emptyAction} />
    );
  }
  return (
    <Box>
      <ScrollArea.Autosize mah="70vh" type="auto" offsetScrollbars>
        <Table striped highlightOnHover stickyHeader verticalSpacing={6} horizontalSpacing="sm" fz="sm">
          <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }}>{props.caption}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              {columns.map((c) => (
                <HeaderCell key={c.key} column={c} sort={props.sort} onSortChange={props.onSortChange} />
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={props.rowKey(row)}>
                {columns.map((c) => {
                  const content = c.cell(row);
                  if (c.rowHeader) {
                    return (
                      <Table.Th key={c.key} scope="row" fw={500}>
                        {content}
                      </Table.Th>
                    );
                  }
                  return (
                    <Table.Td
                      key={c.key}
                      ta={c.align ?? 'left'}
                      style={c.align === 'right' ? NUMERIC : undefined}
                    >
                      {content}
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            ))}
          </Table.Tbody>
          {props.footer}
        </Table>
      </ScrollArea.Autosize>
      {paging ? (
        <Pager paging={paging} shown={rows.length} noun={props.noun} loading={!!props.loading} />
      ) : null}
    </Box>
  );
}

const NUMERIC = { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;

function HeaderCell<Row>(props: {
  column: Column<Row>;
  sort: SortState | undefined;
  onSortChange: ((sort: SortState) => void) | undefined;
}) {
  const { column, sort, onSortChange } = props;
  const active = sort?.key === column.key;
  const ta = column.align ?? 'left';
  if (!column.sortable || !onSortChange) {
    return (
      <Table.Th scope="col" ta={ta}>
        {column.header}
      </Table.Th>
    );
  }
  const Icon = !active ? IconArrowsSort : sort.dir === 'ascending' ? IconArrowUp : IconArrowDown;
  return (
    <Table.Th scope="col" ta={ta} {...(active ? { 'aria-sort': sort.dir } : {})}>
      <UnstyledButton
        onClick={() =>
          onSortChange({
            key: column.key,
            dir: active && sort.dir === 'ascending' ? 'descending' : 'ascending',
          })
        }
        fw={700}
        fz="sm"
      >
        <Group gap={4} wrap="nowrap" justify={ta === 'right' ? 'flex-end' : 'flex-start'}>
          {column.header}
          <Icon size={14} aria-hidden />
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}

export interface PagingState {
  /** 0-based index of the first row of this page in the whole result. */
  offset: number;
  /** Total rows matching, when the API says; otherwise the counter shows "1–25 pegawai". */
  total?: number;
  hasPrevious: boolean;
  hasNext: boolean;
  onPrevious: () => void;
  onNext: () => void;
}

function Pager(props: { paging: PagingState; shown: number; noun: string; loading: boolean }) {
  const { paging } = props;
  const from = formatNumber(paging.offset + 1);
  const to = formatNumber(paging.offset + props.shown);
  const text =
    paging.total === undefined
      ? L.table.rangeOpen(from, to, props.noun)
      : L.table.range(from, to, formatNumber(paging.total), props.noun);
  return (
    <Group justify="space-between" mt="sm" component="nav" aria-label={L.table.pagination}>
      <Text size="sm" aria-live="polite" data-table-range>
        {text}
      </Text>
      <Group gap="xs">
        <Button
          variant="default"
          size="xs"
          disabled={!paging.hasPrevious || props.loading}
          onClick={paging.onPrevious}
        >
          {L.table.previous}
        </Button>
        <Button
          variant="default"
          size="xs"
          disabled={!paging.hasNext || props.loading}
          onClick={paging.onNext}
        >
          {L.table.next}
        </Button>
      </Group>
    </Group>
  );
}

/**
 * Cursor paging over the API's `nextToken`: keeps the tokens of the pages seen so "Sebelumnya" works.
 *
 *   const pages = useCursorPages(25);
 *   const q = useQuery({ queryKey: ['employees', filter, pages.token], queryFn: … { limit: 25, nextToken: pages.token } });
 *   <PagedTable paging={pages.paging(q.data?.nextToken, q.data?.items.length)} … />
 *   // reset when a filter changes: pages.reset()
 */
export function useCursorPages(pageSize: number) {
  const [tokens, setTokens] = useState<(string | undefined)[]>([undefined]);
  const index = tokens.length - 1;
  const reset = useCallback(() => setTokens([undefined]), []);
  return {
    token: tokens[index],
    reset,
    paging(nextToken: string | undefined, total?: number): PagingState {
      return {
        offset: index * pageSize,
        ...(total !== undefined ? { total } : {}),
        hasPrevious: index > 0,
        hasNext: !!nextToken,
        onPrevious: () => setTokens((t) => (t.length > 1 ? t.slice(0, -1) : t)),
        onNext: () => nextToken && setTokens((t) => [...t, nextToken]),
      };
    },
  };
}
