import { Alert, Divider, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, ok, type Schema } from '../../api/client';
import { useReadOnly, useRoles } from '../../auth/useAuth';
import { fieldId } from '../../components/ErrorDisplay';
import { PegawaiCell } from '../../components/employee/PegawaiCell';
import { type Column, PagedTable, useCursorPages } from '../../components/PagedTable';
import { PageHeader } from '../../components/PageHeader';
import { useTenantClock } from '../../components/run/hooks';
import { formatDate, formatDateTime, formatMonth, formatNip, formatPercent } from '../../format';
import { L } from '../../i18n/labels';
import { AwardForm } from './AwardForm';
import { useAwardRule } from './rule';

const T = L.prestasi;
const PAGE = 50;

/** One award as GET /prestasi-awards/{month} lists it (functions/appraisal/use-cases/prestasi-awards.ts). */
type Award = Schema<'PrestasiAward'>;

const isMonth = (v: string) => /^\d{4}-(0[1-9]|1[0-2])$/.test(v);
/** Who recorded it: a NIP grouped like everywhere else, any other user id as it is. */
const whoText = (who: string) => (/^\d{18}$/.test(who) ? formatNip(who) : who);

/**
 * Penghargaan prestasi (issue #15): the month's decrees by which BKPSDM awarded employees for
 * achievement, and for BKPSDM the form to record one. Operators read those of their OPDs (the API
 * filters the rows), the auditor reads all. Whether the month's tenant rule tpp.prestasi pays an award
 * is said before the form: in a month whose rule gives none the API refuses the decree, naming the month.
 */
export default function PrestasiPage() {
  const readOnly = useReadOnly();
  const roles = useRoles();
  const clock = useTenantClock();
  const canWrite = !readOnly && roles.includes('bkpsdm');
  const operatorOnly = roles.length > 0 && !roles.includes('bkpsdm') && !roles.includes('auditor');
  const [picked, setPicked] = useState<string>();
  const month = picked ?? clock.month;
  const valid = isMonth(month);
  const [monthError, setMonthError] = useState<string>();
  const pages = useCursorPages(PAGE);
  const rule = useAwardRule(month, valid);
  const list = useQuery({
    queryKey: ['prestasi-awards', month, pages.token],
    enabled: valid,
    queryFn: () =>
      ok(
        api.GET('/prestasi-awards/{month}', {
          params: {
            path: { month },
            query: { limit: PAGE, ...(pages.token ? { nextToken: pages.token } : {}) },
          },
        }),
      ),
  });
  const rows: Award[] | undefined = list.data?.items;
  const columns: Column<Award>[] = [
    {
      key: 'pegawai',
      header: T.columns.pegawai,
      rowHeader: true,
      cell: (r) => <PegawaiCell nama={r.nama} nip={r.nip} opd={r.opd} />,
    },
    { key: 'sk', header: T.columns.sk, cell: (r) => T.skOf(r.skNumber, formatDate(r.skDate)) },
    { key: 'reason', header: T.columns.reason, cell: (r) => r.reason },
    {
      key: 'recorded',
      header: T.columns.recorded,
      cell: (r) => (
        <Text size="xs">
          {T.recordedBy(whoText(r.recordedBy), formatDateTime(r.recordedAt, clock.timeZone))}
        </Text>
      ),
    },
  ];
  const ruleOff = rule.data && !rule.data.pays;
  return (
    <Stack gap="md">
      <PageHeader title={T.title} description={T.intro} />
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
        <TextInput
          id={fieldId('month')}
          type="month"
          label={T.month}
          value={month}
          error={monthError}
          onChange={(e) => {
            setPicked(e.currentTarget.value);
            setMonthError(undefined);
            pages.reset();
          }}
        />
      </SimpleGrid>
      {ruleOff ? (
        <Alert
          color="yellow"
          variant="light"
          icon={<IconInfoCircle aria-hidden />}
          title={T.ruleOffTitle}
          data-prestasi-rule="off"
        >
          {T.ruleOff}
        </Alert>
      ) : null}
      {rule.data?.pays ? (
        <Text size="sm" data-prestasi-rule="on">
          {T.ruleOn(formatPercent(rule.data.percentOfBase, 2))}
        </Text>
      ) : null}
      {canWrite && valid && !ruleOff ? (
        <AwardForm key={month} month={month} monthError={monthError} onMonthError={setMonthError} />
      ) : null}
      {canWrite ? null : <Text size="sm">{operatorOnly ? T.operatorNote : T.readerNote}</Text>}
      {canWrite && valid && !ruleOff ? <Divider /> : null}
      <PagedTable
        caption={T.caption(valid ? formatMonth(month) : month)}
        columns={columns}
        rows={valid ? rows : []}
        rowKey={(r) => r.nip}
        noun={T.noun}
        loading={list.isFetching}
        error={list.error}
        onRetry={() => void list.refetch()}
        emptyBody={T.empty}
        paging={pages.paging(list.data?.nextToken)}
      />
    </Stack>
  );
}
