import {
  Alert,
  Button,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { api, ok } from '../../api/client';
import { formatRupiah, formatRupiahDelta } from '../../format';
import { L } from '../../i18n/labels';
import { ApiErrorAlert } from '../ErrorDisplay';
import { type TppWalk, tppWalk } from './tpp-walk';
import type { PerformanceStatus, Predikat, SanctionEntry, SimulatedSlip, SlipView } from './types';

const NUMERIC = { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;
const PREDIKAT: Predikat[] = ['SANGAT_BAIK', 'BAIK', 'BUTUH_PERBAIKAN', 'CUKUP', 'KURANG', 'SANGAT_KURANG'];
const STATUSES: Exclude<PerformanceStatus, 'FINAL'>[] = [
  'BELUM_DINILAI',
  'TIDAK_ADA_SKP',
  'SKP_BELUM_DISETUJUI',
];
type Level = SanctionEntry['level'] | 'NONE';

interface AttendanceCode {
  code: string;
  label: string;
}

/**
 * "Bagaimana jika…": the same month recomputed by POST /simulations/payslip with another predikat,
 * more or fewer days late and a hukuman disiplin, beside the TPP actually paid. It starts from the
 * facts the slip was computed with (its input snapshot) and stores nothing.
 */
export function TppSimulator(props: { view: SlipView; real: TppWalk }) {
  const { view, real } = props;
  const S = L.slip.sim;
  const facts = view.input.tppPeriods?.find((p) => p.month === real.period);
  const rules = useQuery({
    queryKey: ['ruleset', 'tenant', view.month],
    queryFn: () =>
      ok(api.GET('/rulesets/{id}', { params: { path: { id: 'tenant' }, query: { month: view.month } } })),
    staleTime: Number.POSITIVE_INFINITY,
  });
  const codes: AttendanceCode[] = useMemo(() => {
    const rule = (rules.data?.rules as { id: string; value: unknown }[] | undefined)?.find(
      (r) => r.id === 'tpp.attendance',
    );
    return Array.isArray(rule?.value)
      ? (rule.value as AttendanceCode[]).filter((c) => typeof c.code === 'string')
      : [];
  }, [rules.data]);

  const startPerformance =
    facts?.performance.status === 'FINAL' && facts.performance.predikat
      ? facts.performance.predikat
      : (facts?.performance.status ?? 'BAIK');
  const [performance, setPerformance] = useState<string>(startPerformance);
  const [code, setCode] = useState<string | null>(null);
  const chosen = code ?? codes.find((c) => c.code.startsWith('TL'))?.code ?? codes[0]?.code ?? null;
  const [days, setDays] = useState<number | string>('');
  const startLevel: Level = facts?.discipline.sanctions[0]?.level ?? 'NONE';
  const [level, setLevel] = useState<Level>(startLevel);

  const simulate = useMutation({
    mutationFn: () => {
      const counts = { ...(facts?.discipline.counts ?? {}) };
      if (chosen) {
        const n = typeof days === 'number' ? days : Number(days || (counts[chosen] ?? 0));
        counts[chosen] = n;
      }
      const sanctions =
        level === 'NONE'
          ? []
          : level === startLevel && facts?.discipline.sanctions.length
            ? facts.discipline.sanctions
            : [{ level, skNumber: S.simulatedSk }];
      const isPredikat = (PREDIKAT as string[]).includes(performance);
      return ok(
        api.POST('/simulations/payslip', {
          body: {
            nip: view.header.nip,
            month: view.month,
            performance: isPredikat
              ? { status: 'FINAL', predikat: performance as Predikat }
              : { status: performance as PerformanceStatus },
            discipline: {
              counts,
              leave: (facts?.discipline.leave ?? []) as never,
              sanctions,
            },
          },
        }),
      ) as Promise<unknown> as Promise<SimulatedSlip>;
    },
  });
  const simWalk = simulate.data ? tppWalk({ slip: simulate.data, input: { tppPeriods: [] } }) : undefined;
  const currentDays = chosen ? (facts?.discipline.counts[chosen] ?? 0) : 0;

  return (
    <Stack gap="md">
      <Text>{S.intro}</Text>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          simulate.mutate();
        }}
        aria-labelledby="sim-controls"
      >
        <Title order={2} size="h4" id="sim-controls" mb="xs">
          {S.controls}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="md">
          <Select
            id="sim-predikat"
            label={S.predikat}
            data={[
              ...PREDIKAT.map((p) => ({ value: p, label: L.slip.predikat[p] })),
              ...STATUSES.map((s) => ({ value: s, label: L.slip.performanceStatus[s] })),
            ]}
            value={performance}
            onChange={(v) => v && setPerformance(v)}
            allowDeselect={false}
            data-sim-control
          />
          <Select
            id="sim-kode"
            label={S.code}
            data={codes.map((c) => ({ value: c.code, label: c.label }))}
            value={chosen}
            onChange={(v) => {
              setCode(v);
              setDays('');
            }}
            allowDeselect={false}
            disabled={codes.length === 0}
            data-sim-control
          />
          <NumberInput
            id="sim-hari"
            label={S.days}
            description={S.daysNow(currentDays)}
            min={0}
            max={31}
            allowDecimal={false}
            value={days}
            placeholder={String(currentDays)}
            onChange={setDays}
            data-sim-control
          />
          <Select
            id="sim-hukdis"
            label={S.sanction}
            data={(['NONE', 'RINGAN', 'SEDANG', 'BERAT'] as Level[]).map((l) => ({
              value: l,
              label: S.levels[l],
            }))}
            value={level}
            onChange={(v) => v && setLevel(v as Level)}
            allowDeselect={false}
            data-sim-control
          />
        </SimpleGrid>
        <Group mt="md">
          <Button type="submit" loading={simulate.isPending} data-sim-control>
            {S.run}
          </Button>
        </Group>
      </form>
      {rules.error ? <ApiErrorAlert error={rules.error} /> : null}
      {simulate.error ? <ApiErrorAlert error={simulate.error} /> : null}
      <div aria-live="polite">
        {simulate.data && simWalk ? (
          <SimulationResult
            real={real}
            sim={simWalk}
            realNet={view.slip.totals.bersih}
            simNet={simulate.data.totals.bersih}
          />
        ) : null}
      </div>
      <Alert variant="light" color="gray" c="gray.9">
        {S.note}
      </Alert>
    </Stack>
  );
}

function SimulationResult(props: { real: TppWalk; sim: TppWalk; realNet: number; simNet: number }) {
  const S = L.slip.sim;
  const rows: [string, number, number][] = [
    [S.rowTpp, props.real.amount, props.sim.amount],
    [S.rowTppNet, props.real.net, props.sim.net],
    [S.rowSlipNet, props.realNet, props.simNet],
  ];
  return (
    <section aria-labelledby="sim-result" data-sim-result>
      <Title order={2} size="h4" id="sim-result" mb="xs">
        {S.result}
      </Title>
      <Table fz="sm" maw={720} verticalSpacing={6}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{S.what}</Table.Th>
            <Table.Th scope="col" ta="right">
              {S.real}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {S.simulated}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {S.difference}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map(([label, a, b]) => (
            <Table.Tr key={label}>
              <Table.Th scope="row" fw={500}>
                {label}
              </Table.Th>
              <Table.Td ta="right" style={NUMERIC}>
                {formatRupiah(a)}
              </Table.Td>
              <Table.Td ta="right" style={NUMERIC} data-sim-value={label}>
                {formatRupiah(b)}
              </Table.Td>
              <Table.Td ta="right" style={NUMERIC}>
                {formatRupiahDelta(b - a)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {props.sim.factors ? (
        <Text size="sm" mt="xs">
          {S.formula}: {props.sim.factors}
        </Text>
      ) : null}
      {props.sim.cuts.length + props.sim.sanctions.length > 0 ? (
        <Stack gap={2} mt={4} component="ul" pl="md">
          {[...props.sim.cuts.map((c) => c.detail), ...props.sim.sanctions.map((s) => s.detail)].map((d) => (
            <Text component="li" size="sm" key={d}>
              {d}
            </Text>
          ))}
        </Stack>
      ) : null}
    </section>
  );
}
