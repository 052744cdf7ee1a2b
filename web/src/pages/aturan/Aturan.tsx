import { Anchor, Button, Code, Select, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { useReadOnly, useRoles } from '../../auth/useAuth';
import { type Column, PagedTable } from '../../components/PagedTable';
import { PageHeader } from '../../components/PageHeader';
import { useTenantClock } from '../../components/run/hooks';
import { formatDate, formatMonth } from '../../format';
import { pathTo } from '../../routes';
import {
  A,
  ChangeStatusChip,
  confidenceLabel,
  monthOptions,
  parameterSlug,
  type RuleChange,
  type RuleRow,
  sourceText,
  useRuleChanges,
  useRules,
  valueSummary,
} from './shared';

const C = A.columns;

/** A scalar as text; a table or list as its summary that opens to the whole value (keyboard-reachable). */
function ValueCell(props: { value: unknown }) {
  const summary = valueSummary(props.value);
  if (props.value === null || typeof props.value !== 'object') return summary;
  return (
    <details>
      <summary>{summary}</summary>
      <Code block>{JSON.stringify(props.value, null, 2)}</Code>
    </details>
  );
}

function ruleColumns(withHistory: boolean): Column<RuleRow>[] {
  return [
    {
      key: 'parameter',
      header: C.parameter,
      rowHeader: true,
      cell: (r) =>
        withHistory ? (
          <Anchor
            component={Link}
            to={pathTo('riwayatAturan', { parameterId: parameterSlug(r.id) })}
            aria-label={A.historyLink(r.label)}
          >
            {r.label}
          </Anchor>
        ) : (
          r.label
        ),
    },
    { key: 'value', header: C.value, cell: (r) => <ValueCell value={r.value} /> },
    { key: 'from', header: C.from, cell: (r) => formatDate(r.from) },
    { key: 'source', header: C.source, cell: (r) => sourceText(r.source) },
    { key: 'confidence', header: C.confidence, cell: (r) => confidenceLabel(r.confidence) },
  ];
}

const changeColumns: Column<RuleChange>[] = [
  {
    key: 'title',
    header: A.changeColumns.title,
    rowHeader: true,
    cell: (c) => (
      <Anchor component={Link} to={pathTo('detailUsulanAturan', { changeId: c.id })}>
        {c.title}
      </Anchor>
    ),
  },
  { key: 'effective', header: A.changeColumns.effectiveFrom, cell: (c) => formatDate(c.effectiveFrom) },
  {
    key: 'parameters',
    header: A.changeColumns.parameters,
    cell: (c) => c.changes.map((x) => x.label).join(', '),
  },
  { key: 'status', header: A.changeColumns.status, cell: (c) => <ChangeStatusChip status={c.status} /> },
  { key: 'by', header: A.changeColumns.proposedBy, cell: (c) => c.proposedBy },
];

/**
 * "Aturan": the tenant's rules in force for a month beside the national ones (read-only), and the
 * tenant's proposals. BKPSDM proposes from here; every row leads to its history.
 */
export default function AturanPage() {
  const clock = useTenantClock();
  const [month, setMonth] = useState(clock.month);
  const readOnly = useReadOnly();
  const canPropose = useRoles().includes('bkpsdm') && !readOnly;
  const tenant = useRules('tenant', month);
  const national = useRules('national', month);
  const changes = useRuleChanges();
  return (
    <Stack gap="lg">
      <PageHeader
        title={A.titles.aturan}
        description={A.description}
        actions={
          canPropose ? (
            <Button component={Link} to={pathTo('usulanAturan')} data-action="usulkan-perubahan">
              {A.propose}
            </Button>
          ) : undefined
        }
      />
      <section aria-labelledby="usulan-heading">
        <Title order={2} size="h3" id="usulan-heading" mb="sm">
          {A.changesTitle}
        </Title>
        <PagedTable
          caption={A.changesCaption}
          columns={changeColumns}
          rows={changes.data?.items}
          rowKey={(c) => c.id}
          noun={A.changesNoun}
          loading={changes.isFetching}
          error={changes.error}
          onRetry={() => void changes.refetch()}
          emptyBody={A.changesEmpty}
        />
      </section>
      <Select
        label={A.month}
        data={monthOptions(clock.month)}
        value={month}
        onChange={(v) => v && setMonth(v)}
        allowDeselect={false}
        w={220}
      />
      <section aria-labelledby="tenant-heading">
        <Title order={2} size="h3" id="tenant-heading" mb="sm">
          {A.tenantTitle}
        </Title>
        <PagedTable
          caption={A.tenantCaption(formatMonth(month))}
          columns={ruleColumns(true)}
          rows={tenant.data?.rules}
          rowKey={(r) => r.id}
          noun={A.noun}
          loading={tenant.isFetching}
          error={tenant.error}
          onRetry={() => void tenant.refetch()}
        />
      </section>
      <section aria-labelledby="national-heading">
        <Title order={2} size="h3" id="national-heading" mb="sm">
          {A.nationalTitle}
        </Title>
        <Text size="sm" c="dimmed" mb="xs">
          {A.nationalCaption(formatMonth(month))}
        </Text>
        <PagedTable
          caption={A.nationalCaption(formatMonth(month))}
          columns={ruleColumns(false)}
          rows={national.data?.rules}
          rowKey={(r) => r.id}
          noun={A.noun}
          loading={national.isFetching}
          error={national.error}
          onRetry={() => void national.refetch()}
        />
      </section>
    </Stack>
  );
}
