import { CompositeChart } from '@mantine/charts';
import {
  Alert,
  Button,
  Group,
  List,
  Loader,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconFileTypePdf, IconInfoCircle } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { api, downloadFile, ok, type paths } from '../../../api/client';
import { EmptyState } from '../../../components/EmptyState';
import { ApiErrorAlert } from '../../../components/ErrorDisplay';
import { PageHeader } from '../../../components/PageHeader';
import { formatMonth, formatNip, formatNumber, formatPercent } from '../../../format';
import { L } from '../../../i18n/labels';
import {
  isMonth,
  lembarFileName,
  PREDIKAT_ORDER,
  type Predikat,
  predikatLabel,
  useReportMonth,
} from './shared';

const K = L.kinerjaBkpsdm.kalibrasi;

/** GET /calibration/{month} as the console reads it (the route answers a loose object). */
interface CalibrationGroup {
  key: string;
  opd: string;
  unit?: string;
  unitId?: string;
  unitName?: string;
  unitPredikat?: string | null;
  multiplierPercent?: number;
  total: number;
  counts: Partial<Record<Predikat, number>>;
  sharePercent: Partial<Record<Predikat, number>>;
  limitPercent: Partial<Record<Predikat, number>>;
  belowMinimumSize: boolean;
}
interface CalibrationReport {
  month: string;
  groups: CalibrationGroup[];
  warnings: { groupKey: string; predikat: Predikat; message: string }[];
  curve: {
    groupBy: 'OPD' | 'UNIT';
    minGroupSize: number;
    maxSharePercent: Partial<Record<Predikat, number>>;
    unitRatingMultiplierPercent: Partial<Record<Predikat, number>> | null;
  };
  results: number;
}

/** The predikat shown for a report: those the tenant's vocabulary uses (Butuh perbaikan or Cukup, not both). */
function predikatOf(report: CalibrationReport): Predikat[] {
  const seen = new Set<string>(Object.keys(report.curve.maxSharePercent));
  for (const g of report.groups) for (const p of Object.keys(g.counts)) seen.add(p);
  const middle: Predikat = seen.has('CUKUP') && !seen.has('BUTUH_PERBAIKAN') ? 'CUKUP' : 'BUTUH_PERBAIKAN';
  return PREDIKAT_ORDER.filter((p) => p === middle || (p !== 'CUKUP' && p !== 'BUTUH_PERBAIKAN'));
}

/** "DISDIK", or "DISDIK — Bidang Pembinaan SD" where the tenant groups by unit (unit names repeat across OPDs). */
const groupName = (g: CalibrationGroup) => {
  const unit = g.unitName ?? g.unit;
  if (!unit) return g.key;
  return g.opd ? `${g.opd} — ${unit}` : unit;
};

/** A state as icon + word in the table (a badge would truncate in a narrow column). */
function LimitState(props: { icon: ReactNode; color: string; label: string }) {
  return (
    <Group gap={4} wrap="nowrap">
      <Text span c={props.color} lh={0}>
        {props.icon}
      </Text>
      <Text span size="sm">
        {props.label}
      </Text>
    </Group>
  );
}

function share(g: CalibrationGroup, p: Predikat): number {
  const given = g.sharePercent[p];
  if (given !== undefined) return given;
  const n = g.counts[p] ?? 0;
  return g.total === 0 ? 0 : Math.round((n / g.total) * 10_000) / 100;
}

const ALL = '__SEMUA__';

/** The whole tenant as one group against the unscaled curve: the chart's overview. */
function tenantGroup(report: CalibrationReport): CalibrationGroup {
  const counts: Partial<Record<Predikat, number>> = {};
  let total = 0;
  for (const g of report.groups) {
    total += g.total;
    for (const [p, n] of Object.entries(g.counts) as [Predikat, number][]) counts[p] = (counts[p] ?? 0) + n;
  }
  return {
    key: ALL,
    opd: '',
    unitName: K.allGroups,
    total,
    counts,
    sharePercent: {},
    limitPercent: report.curve.maxSharePercent,
    belowMinimumSize: false,
  };
}

function overLimit(g: CalibrationGroup): boolean {
  if (g.belowMinimumSize) return false;
  return Object.entries(g.limitPercent).some(([p, limit]) => share(g, p as Predikat) > (limit ?? 100));
}

/**
 * Kalibrasi kinerja (BKPSDM, auditor): the month's predikat distribution per OPD/unit against the
 * tenant's curve — one group as a chart (bars per predikat, the curve's limits as a line), every group
 * in a table (the chart's text alternative), the warnings, and a drill-down to the names with each
 * one's lembar penilaian as PDF.
 */
export default function KalibrasiPage() {
  const [month, setMonth] = useReportMonth();
  const [chosen, setChosen] = useState<string | null>(null);
  const [drill, setDrill] = useState<string | null>(null);
  const report = useQuery({
    queryKey: ['calibration', month],
    enabled: isMonth(month),
    queryFn: async () =>
      (await ok(
        api.GET('/calibration/{month}', { params: { path: { month } } }),
      )) as unknown as CalibrationReport,
  });
  const data = report.data;
  const groups = data?.groups ?? [];
  const predikat = data ? predikatOf(data) : [];
  const whole = data && data.groups.length > 0 ? tenantGroup(data) : undefined;
  const choices = whole ? [whole, ...groups] : groups;
  // The chart's group: the user's, else the first one over the curve, else the whole tenant.
  const group = choices.find((g) => g.key === chosen) ?? groups.find((g) => overLimit(g)) ?? whole;
  const drillGroup = groups.find((g) => g.key === drill);

  return (
    <Stack gap="md">
      <PageHeader title={L.kinerjaBkpsdm.titles.kalibrasi} description={K.intro} />
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
        <TextInput
          id="kalibrasi-bulan"
          type="month"
          label={L.kinerjaBkpsdm.month}
          value={month}
          onChange={(e) => {
            setMonth(e.currentTarget.value);
            setDrill(null);
          }}
        />
        {groups.length > 0 ? (
          <Select
            id="kalibrasi-kelompok"
            label={K.groupSelect}
            data={choices.map((g) => ({ value: g.key, label: groupName(g) }))}
            value={group?.key ?? null}
            onChange={(v) => setChosen(v)}
            allowDeselect={false}
          />
        ) : null}
      </SimpleGrid>
      {report.error ? <ApiErrorAlert error={report.error} /> : null}
      {report.isLoading ? <Loader size="sm" aria-label={L.app.loading} /> : null}
      {data && data.results === 0 ? (
        <EmptyState kind="noData" title={K.noResults} body={K.noResultsBody} />
      ) : null}
      {data && group && data.results > 0 ? (
        <>
          <Text size="sm" c="dimmed">
            {K.curve(data.curve.groupBy, data.curve.minGroupSize)}{' '}
            {data.curve.unitRatingMultiplierPercent ? K.unitScaled : ''}
          </Text>
          <DistributionChart group={group} predikat={predikat} month={month} />
          <Warnings report={data} />
          <GroupTable
            report={data}
            predikat={predikat}
            month={month}
            onDrill={(key) => {
              setDrill(key);
              setChosen(key);
            }}
          />
        </>
      ) : null}
      {drillGroup ? <Members month={month} group={drillGroup} predikat={predikat} /> : null}
    </Stack>
  );
}

function DistributionChart(props: { group: CalibrationGroup; predikat: Predikat[]; month: string }) {
  const { group } = props;
  const rows = props.predikat.map((p) => ({
    predikat: predikatLabel(p),
    share: share(group, p),
    // No limit for this predikat: a gap in the line, not a 100% that reads as a rule.
    limit: group.limitPercent[p] ?? null,
  }));
  const title = K.chartTitle(groupName(group), formatMonth(props.month));
  return (
    <figure
      aria-labelledby="grafik-judul"
      aria-describedby="grafik-keterangan"
      style={{ margin: 0 }}
      data-chart
    >
      <Title order={2} size="h4" id="grafik-judul" mb={4}>
        {title}
      </Title>
      <Text size="sm" c="dimmed" id="grafik-keterangan" mb="xs">
        {K.chartDescription}
      </Text>
      <CompositeChart
        h={300}
        data={rows}
        dataKey="predikat"
        unit="%"
        yAxisProps={{ domain: [0, 100] }}
        valueFormatter={(v) => formatPercent(v, 2)}
        withLegend
        connectNulls={false}
        series={[
          { name: 'share', label: K.share, color: 'blue.7', type: 'bar' },
          { name: 'limit', label: K.limit, color: 'red.8', type: 'line', strokeDasharray: '6 4' },
        ]}
        maxBarWidth={56}
        withBarValueLabel
        role="img"
        aria-label={`${title}. ${rows
          .map(
            (r) =>
              `${r.predikat} ${formatPercent(r.share, 2)}${r.limit === null ? '' : `, batas ${formatPercent(r.limit, 2)}`}`,
          )
          .join('; ')}`}
      />
    </figure>
  );
}

function Warnings(props: { report: CalibrationReport }) {
  const { warnings } = props.report;
  return (
    <section aria-labelledby="peringatan-kalibrasi">
      <Title order={2} size="h4" id="peringatan-kalibrasi" mb="xs">
        {K.warnings}
      </Title>
      {warnings.length === 0 ? (
        <Text size="sm">{K.noWarnings}</Text>
      ) : (
        <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />}>
          <List size="sm">
            {warnings.map((w) => (
              <List.Item key={`${w.groupKey}:${w.predikat}`}>{w.message}</List.Item>
            ))}
          </List>
        </Alert>
      )}
    </section>
  );
}

function GroupTable(props: {
  report: CalibrationReport;
  predikat: Predikat[];
  month: string;
  onDrill: (key: string) => void;
}) {
  const { report, predikat } = props;
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table fz="sm" withTableBorder verticalSpacing={4} data-calibration-table>
        <Table.Caption style={{ captionSide: 'top', textAlign: 'left', fontWeight: 600 }}>
          {K.tableCaption(formatMonth(props.month))}
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{L.kinerjaBkpsdm.group}</Table.Th>
            <Table.Th scope="col" ta="right">
              {K.total}
            </Table.Th>
            {predikat.map((p) => (
              <Table.Th scope="col" ta="right" key={p}>
                {predikatLabel(p)}
              </Table.Th>
            ))}
            <Table.Th scope="col">{K.limit}</Table.Th>
            <Table.Th scope="col">
              <VisuallyHidden>{K.drillColumn}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {report.groups.map((g) => {
            const over = overLimit(g);
            return (
              <Table.Tr key={g.key}>
                <Table.Th scope="row">
                  {groupName(g)}
                  {g.unitPredikat ? (
                    <Text size="xs" c="dimmed">
                      {L.kinerjaBkpsdm.capaianUnit.rating}: {predikatLabel(g.unitPredikat)}
                      {g.multiplierPercent && g.multiplierPercent !== 100
                        ? ` (× ${formatNumber(g.multiplierPercent)}%)`
                        : ''}
                    </Text>
                  ) : null}
                </Table.Th>
                <Table.Td ta="right">{formatNumber(g.total)}</Table.Td>
                {predikat.map((p) => {
                  const limit = g.limitPercent[p];
                  return (
                    <Table.Td ta="right" key={p} style={{ fontVariantNumeric: 'tabular-nums' }}>
                      {formatNumber(g.counts[p] ?? 0)} ({formatPercent(share(g, p), 2)})
                      {limit !== undefined ? (
                        <Text size="xs" c="dimmed" span display="block">
                          {K.limit.toLowerCase()} {formatPercent(limit, 2)}
                        </Text>
                      ) : null}
                    </Table.Td>
                  );
                })}
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {g.belowMinimumSize ? (
                    <LimitState
                      color="gray.7"
                      icon={<IconInfoCircle size={16} aria-hidden />}
                      label={K.belowMinimum(report.curve.minGroupSize)}
                    />
                  ) : over ? (
                    <LimitState
                      color="orange.9"
                      icon={<IconAlertTriangle size={16} aria-hidden />}
                      label={K.overLimit}
                    />
                  ) : (
                    <LimitState
                      color="teal.9"
                      icon={<IconCircleCheck size={16} aria-hidden />}
                      label={K.withinLimit}
                    />
                  )}
                </Table.Td>
                <Table.Td>
                  <Button size="compact-sm" variant="default" onClick={() => props.onDrill(g.key)}>
                    {K.drillShort}
                    <VisuallyHidden> {groupName(g)}</VisuallyHidden>
                  </Button>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The names behind a group's bars, filterable by predikat, each with its lembar penilaian. */
type Member =
  paths['/calibration/{month}/members']['get']['responses'][200]['content']['application/json']['items'][number];

function Members(props: { month: string; group: CalibrationGroup; predikat: Predikat[] }) {
  const { month, group } = props;
  const [only, setOnly] = useState<string | null>(null);
  const [downloadError, setDownloadError] = useState<unknown>();
  const [busy, setBusy] = useState<string>();
  const results = useQuery({
    queryKey: ['calibration-members', month, group.key, only],
    queryFn: async () => {
      const items: Member[] = [];
      let nextToken: string | undefined;
      do {
        const page = await ok(
          api.GET('/calibration/{month}/members', {
            params: {
              path: { month },
              query: {
                ...(group.key === ALL ? {} : { group: group.key }),
                ...(only ? { predikat: only as Predikat } : {}),
                limit: 100,
                ...(nextToken ? { nextToken } : {}),
              },
            },
          }),
        );
        items.push(...page.items);
        nextToken = page.nextToken;
      } while (nextToken);
      return items;
    },
    placeholderData: (prev) => prev,
  });
  const rows = results.data ?? [];
  const name = groupName(group);
  // The drill-down opens below the table: move focus to its heading so keyboard users land on it.
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (group.key) heading.current?.focus();
  }, [group.key]);
  const download = async (r: Member) => {
    setDownloadError(undefined);
    setBusy(r.nip);
    try {
      await downloadFile(`/evaluations/${month}/${r.nip}/pdf`, lembarFileName(month, r.nip));
    } catch (err) {
      setDownloadError(err);
    } finally {
      setBusy(undefined);
    }
  };
  return (
    <section aria-labelledby="rincian-pegawai" data-members>
      <Group justify="space-between" align="flex-end" mb="xs">
        <Title order={2} size="h4" id="rincian-pegawai" tabIndex={-1} ref={heading}>
          {K.drill(name)}
        </Title>
        <Select
          id="rincian-predikat"
          label={K.drillPredikat}
          data={[
            { value: '', label: K.drillAll },
            ...props.predikat.map((p) => ({ value: p, label: predikatLabel(p) })),
          ]}
          value={only ?? ''}
          onChange={(v) => setOnly(v || null)}
          allowDeselect={false}
          w={220}
        />
      </Group>
      <div aria-live="assertive">{downloadError ? <ApiErrorAlert error={downloadError} /> : null}</div>
      {results.error ? <ApiErrorAlert error={results.error} /> : null}
      {results.isLoading ? <Loader size="sm" aria-label={L.app.loading} /> : null}
      {results.data ? (
        <Table fz="sm" withTableBorder verticalSpacing={4}>
          <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }}>
            {K.drillCaption(name, formatMonth(month))}
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{K.nama}</Table.Th>
              <Table.Th scope="col">{K.nip}</Table.Th>
              <Table.Th scope="col">{K.unit}</Table.Th>
              <Table.Th scope="col">{K.result}</Table.Th>
              <Table.Th scope="col">{K.lembar}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.nip} data-nip={r.nip}>
                <Table.Th scope="row" fw={500}>
                  {r.nama}
                </Table.Th>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatNip(r.nip)}</Table.Td>
                <Table.Td>{r.unit ?? '—'}</Table.Td>
                <Table.Td>
                  {r.predikat ? predikatLabel(r.predikat) : (L.kinerjaBkpsdm.status[r.status] ?? r.status)}
                </Table.Td>
                <Table.Td>
                  <Button
                    size="compact-sm"
                    variant="default"
                    leftSection={<IconFileTypePdf size={14} aria-hidden />}
                    loading={busy === r.nip}
                    onClick={() => void download(r)}
                  >
                    <VisuallyHidden>{K.downloadLembar(r.nama)} </VisuallyHidden>
                    {K.lembarShort}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
    </section>
  );
}
