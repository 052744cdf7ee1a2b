import {
  ActionIcon,
  Alert,
  Autocomplete,
  Button,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, ok, type paths } from '../../../api/client';
import { fieldErrors } from '../../../api/errors';
import { useReadOnly } from '../../../auth/useAuth';
import { ApiErrorAlert, ErrorSummary, fieldId } from '../../../components/ErrorDisplay';
import { PageHeader } from '../../../components/PageHeader';
import { useTenantClock } from '../../../components/run/hooks';
import { formatDateTime, formatMonth, formatNumber, formatPercent } from '../../../format';
import { L } from '../../../i18n/labels';
import { isMonth, predikatLabel, useReportMonth } from './shared';

const C = L.kinerjaBkpsdm.capaianUnit;

/**
 * The unit id the API keys unit scores by: "OPD/UNIT-SLUG", as functions/appraisal/settings.ts
 * unitIdOf builds it from the placement (accents dropped, anything else a hyphen).
 */
export function unitIdOf(opd: string, unit: string): string {
  const slug = unit
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `${opd}/${slug}`;
}

/** The units that have results in the month, as unit ids to pick from. */
function useUnitIds(month: string) {
  return useQuery({
    queryKey: ['unit-ids', month],
    enabled: isMonth(month),
    queryFn: async () => {
      const ids = new Set<string>();
      let nextToken: string | undefined;
      do {
        const page = await ok(
          api.GET('/results/{month}', {
            params: { path: { month }, query: { limit: 100, ...(nextToken ? { nextToken } : {}) } },
          }),
        );
        for (const r of page.items as unknown as { opd: string; unit?: string }[])
          if (r.unit) ids.add(unitIdOf(r.opd, r.unit));
        nextToken = page.nextToken;
      } while (nextToken);
      return [...ids].sort();
    },
  });
}

/** Row keys for the editable lists (stable across removals, unlike an index). */
let rowSeq = 0;
const rowKey = () => `baris-${++rowSeq}`;

interface TeamRow {
  key: string;
  unitId: string;
  achievementPercent: number | string;
}
interface IkmRow {
  key: string;
  unitId: string;
  service: string;
  score: number | string;
  respondents: number | string;
}
interface StoredScore {
  kind: 'IKM' | 'TEAM' | string;
  unitId: string;
  service?: string;
  score?: number;
  respondents?: number;
  achievementPercent?: number;
  at: string;
}

const FIELD_LABELS = (n: number) => ({
  [`teamResults.${n}.unitId`]: `${C.teamTitle} ${n + 1}: ${C.unitId}`,
  [`teamResults.${n}.achievementPercent`]: `${C.teamTitle} ${n + 1}: ${C.achievement}`,
  [`publicSatisfaction.${n}.unitId`]: `${C.ikmTitle} ${n + 1}: ${C.unitId}`,
  [`publicSatisfaction.${n}.service`]: `${C.ikmTitle} ${n + 1}: ${C.service}`,
  [`publicSatisfaction.${n}.score`]: `${C.ikmTitle} ${n + 1}: ${C.score}`,
  [`publicSatisfaction.${n}.respondents`]: `${C.ikmTitle} ${n + 1}: ${C.respondents}`,
});

/**
 * Capaian unit (BKPSDM; auditor reads): the month's team results per unit and IKM per unit and
 * service, for the tenants whose appraisal uses them (the API refuses the ones a tenant does not use,
 * naming the field), and what is stored for the month.
 */
export default function CapaianUnitPage() {
  const readOnly = useReadOnly();
  const { timeZone } = useTenantClock();
  const [month, setMonth] = useReportMonth();
  const unitIds = useUnitIds(month);
  const stored = useQuery({
    queryKey: ['unit-scores', month],
    enabled: isMonth(month),
    queryFn: () =>
      ok(api.GET('/unit-scores/{month}', { params: { path: { month }, query: { limit: 100 } } })),
  });
  const ratings = useQuery({
    queryKey: ['unit-ratings', month],
    enabled: isMonth(month),
    queryFn: () => ok(api.GET('/unit-ratings/{month}', { params: { path: { month } } })),
  });
  const uses = ratings.data?.uses;
  const [team, setTeam] = useState<TeamRow[]>(() => [{ key: rowKey(), unitId: '', achievementPercent: '' }]);
  const [ikm, setIkm] = useState<IkmRow[]>(() => [
    { key: rowKey(), unitId: '', service: 'UMUM', score: '', respondents: '' },
  ]);
  const save = useMutation({
    mutationFn: () =>
      ok(
        api.POST('/unit-scores/{month}', {
          params: { path: { month } },
          body: {
            teamResults: team
              .filter(() => uses?.teamResult !== false)
              .filter((t) => t.unitId.trim() !== '')
              .map((t) => ({ unitId: t.unitId.trim(), achievementPercent: Number(t.achievementPercent) })),
            publicSatisfaction: ikm
              .filter(() => uses?.publicSatisfaction !== false)
              .filter((r) => r.unitId.trim() !== '')
              .map((r) => ({
                unitId: r.unitId.trim(),
                service: r.service.trim() || 'UMUM',
                score: Number(r.score),
                respondents: Number(r.respondents),
              })),
          },
        }),
      ),
    onSuccess: () => void stored.refetch(),
  });
  const errors = fieldErrors(save.error);
  const labels = Object.assign(
    {},
    ...Array.from({ length: Math.max(team.length, ikm.length) }, (_, i) => FIELD_LABELS(i)),
    {
      teamResults: C.teamTitle,
      publicSatisfaction: C.ikmTitle,
    },
  );
  const saved = save.data as { teamResults: number; publicSatisfaction: number } | undefined;
  const items = (stored.data?.items ?? []) as unknown as StoredScore[];

  return (
    <Stack gap="md">
      <PageHeader title={L.kinerjaBkpsdm.titles.capaianUnit} description={C.intro} />
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
        <TextInput
          id="capaian-bulan"
          type="month"
          label={L.kinerjaBkpsdm.month}
          value={month}
          onChange={(e) => {
            setMonth(e.currentTarget.value);
            save.reset();
          }}
        />
      </SimpleGrid>
      {ratings.error ? <ApiErrorAlert error={ratings.error} /> : null}
      {uses && !uses.teamResult && !uses.publicSatisfaction ? (
        <Alert color="gray" variant="light" data-unit-scores-unused>
          {C.notUsed}
        </Alert>
      ) : null}
      {readOnly || !uses || (!uses.teamResult && !uses.publicSatisfaction) ? null : (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate();
          }}
          data-unit-scores-form
        >
          <ErrorSummary errors={errors} labels={labels} error={save.error} />
          {uses.teamResult ? (
            <section aria-labelledby="capaian-tim">
              <Title order={2} size="h4" id="capaian-tim" mb="xs">
                {C.teamTitle}
              </Title>
              <Stack gap="xs">
                {team.map((row, i) => (
                  <Group key={row.key} align="flex-end" gap="sm" wrap="nowrap">
                    <Autocomplete
                      id={fieldId(`teamResults.${i}.unitId`)}
                      label={`${C.unitId} ${i + 1}`}
                      description={i === 0 ? C.unitHint : undefined}
                      data={unitIds.data ?? []}
                      value={row.unitId}
                      onChange={(v) =>
                        setTeam(team.map((t, j) => (j === i ? { ...t, unitId: v.toUpperCase() } : t)))
                      }
                      error={errors[`teamResults.${i}.unitId`]}
                      w={360}
                    />
                    <NumberInput
                      id={fieldId(`teamResults.${i}.achievementPercent`)}
                      label={C.achievement}
                      value={row.achievementPercent}
                      onChange={(v) =>
                        setTeam(team.map((t, j) => (j === i ? { ...t, achievementPercent: v } : t)))
                      }
                      min={0}
                      max={200}
                      decimalSeparator=","
                      error={errors[`teamResults.${i}.achievementPercent`]}
                      w={140}
                    />
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      size="lg"
                      aria-label={C.remove(i + 1)}
                      onClick={() => setTeam(team.filter((_, j) => j !== i))}
                    >
                      <IconTrash size={16} aria-hidden />
                    </ActionIcon>
                  </Group>
                ))}
                <Group>
                  <Button
                    variant="default"
                    size="xs"
                    leftSection={<IconPlus size={14} aria-hidden />}
                    onClick={() => setTeam([...team, { key: rowKey(), unitId: '', achievementPercent: '' }])}
                  >
                    {C.add} ({C.teamTitle.toLowerCase()})
                  </Button>
                </Group>
              </Stack>
            </section>
          ) : null}
          {uses.publicSatisfaction ? (
            <section aria-labelledby="ikm" style={{ marginTop: 'var(--mantine-spacing-lg)' }}>
              <Title order={2} size="h4" id="ikm" mb="xs">
                {C.ikmTitle}
              </Title>
              <Stack gap="xs">
                {ikm.map((row, i) => (
                  <Group key={row.key} align="flex-end" gap="sm" wrap="nowrap">
                    <Autocomplete
                      id={fieldId(`publicSatisfaction.${i}.unitId`)}
                      label={`${C.unitId} ${i + 1}`}
                      data={unitIds.data ?? []}
                      value={row.unitId}
                      onChange={(v) =>
                        setIkm(ikm.map((t, j) => (j === i ? { ...t, unitId: v.toUpperCase() } : t)))
                      }
                      error={errors[`publicSatisfaction.${i}.unitId`]}
                      w={300}
                    />
                    <TextInput
                      id={fieldId(`publicSatisfaction.${i}.service`)}
                      label={C.service}
                      value={row.service}
                      onChange={(e) => {
                        const v = e.currentTarget.value;
                        setIkm(ikm.map((t, j) => (j === i ? { ...t, service: v } : t)));
                      }}
                      error={errors[`publicSatisfaction.${i}.service`]}
                      w={160}
                    />
                    <NumberInput
                      id={fieldId(`publicSatisfaction.${i}.score`)}
                      label={C.score}
                      value={row.score}
                      onChange={(v) => setIkm(ikm.map((t, j) => (j === i ? { ...t, score: v } : t)))}
                      min={0}
                      max={100}
                      decimalSeparator=","
                      error={errors[`publicSatisfaction.${i}.score`]}
                      w={110}
                    />
                    <NumberInput
                      id={fieldId(`publicSatisfaction.${i}.respondents`)}
                      label={C.respondents}
                      value={row.respondents}
                      onChange={(v) => setIkm(ikm.map((t, j) => (j === i ? { ...t, respondents: v } : t)))}
                      min={1}
                      thousandSeparator="."
                      decimalSeparator=","
                      error={errors[`publicSatisfaction.${i}.respondents`]}
                      w={120}
                    />
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      size="lg"
                      aria-label={`${C.remove(i + 1)} (${C.ikmTitle})`}
                      onClick={() => setIkm(ikm.filter((_, j) => j !== i))}
                    >
                      <IconTrash size={16} aria-hidden />
                    </ActionIcon>
                  </Group>
                ))}
                <Group>
                  <Button
                    variant="default"
                    size="xs"
                    leftSection={<IconPlus size={14} aria-hidden />}
                    onClick={() =>
                      setIkm([
                        ...ikm,
                        { key: rowKey(), unitId: '', service: 'UMUM', score: '', respondents: '' },
                      ])
                    }
                  >
                    {C.add} (IKM)
                  </Button>
                </Group>
              </Stack>
            </section>
          ) : null}
          <Group mt="md">
            <Button type="submit" loading={save.isPending}>
              {C.save}
            </Button>
          </Group>
          <div aria-live="polite">
            {saved ? (
              <Alert color="teal" mt="sm" data-unit-scores-saved>
                {C.saved(saved.teamResults + saved.publicSatisfaction)}
              </Alert>
            ) : null}
          </div>
        </form>
      )}
      {uses?.unitRating && ratings.data ? (
        <UnitRatings
          month={month}
          data={ratings.data}
          unitIds={unitIds.data ?? []}
          readOnly={readOnly}
          onSaved={() => void ratings.refetch()}
        />
      ) : null}
      <section aria-labelledby="capaian-tersimpan">
        <Title order={2} size="h4" id="capaian-tersimpan" mb="xs">
          {C.stored(formatMonth(month))}
        </Title>
        {stored.error ? <ApiErrorAlert error={stored.error} /> : null}
        {items.length === 0 && !stored.isLoading ? (
          <Text size="sm">
            {C.none}. {readOnly ? '' : C.noneBody}
          </Text>
        ) : (
          <Table fz="sm" withTableBorder verticalSpacing={4} data-unit-scores>
            <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }}>
              {C.storedCaption(formatMonth(month))}
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{C.unitId}</Table.Th>
                <Table.Th scope="col">{C.kind}</Table.Th>
                <Table.Th scope="col">{C.service}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {C.value}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {C.respondents}
                </Table.Th>
                <Table.Th scope="col">{C.at}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((s) => (
                <Table.Tr key={`${s.kind}:${s.unitId}:${s.service ?? ''}`}>
                  <Table.Th scope="row" fw={500}>
                    {s.unitId}
                  </Table.Th>
                  <Table.Td>{C.kinds[s.kind] ?? s.kind}</Table.Td>
                  <Table.Td>{s.service ?? '—'}</Table.Td>
                  <Table.Td ta="right">
                    {s.kind === 'TEAM'
                      ? formatPercent(s.achievementPercent ?? 0, 2)
                      : formatNumber(s.score ?? 0)}
                  </Table.Td>
                  <Table.Td ta="right">
                    {s.respondents !== undefined ? formatNumber(s.respondents) : '—'}
                  </Table.Td>
                  <Table.Td>{formatDateTime(s.at, timeZone)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </section>
    </Stack>
  );
}

type UnitRatingList = paths['/unit-ratings/{month}']['get']['responses'][200]['content']['application/json'];
const RATING_PREDIKAT = ['SANGAT_BAIK', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG'] as const;

interface RatingRow {
  key: string;
  unitId: string;
  predikat: string | null;
}

/**
 * Predikat per unit (journey 6: tenants that scale the calibration curve by the unit's own result,
 * Binjai): BKPSDM rates each unit for the month; the calibration report then scales that unit's limits
 * by the multiplier the table shows.
 */
function UnitRatings(props: {
  month: string;
  data: UnitRatingList;
  unitIds: string[];
  readOnly: boolean;
  onSaved: () => void;
}) {
  const { data } = props;
  const [rows, setRows] = useState<RatingRow[]>(() => [{ key: rowKey(), unitId: '', predikat: null }]);
  const save = useMutation({
    mutationFn: () =>
      ok(
        api.PUT('/unit-ratings/{month}', {
          params: { path: { month: props.month } },
          body: {
            ratings: rows
              .filter((r) => r.unitId.trim() !== '')
              .map((r) => ({
                unitId: r.unitId.trim(),
                predikat: (r.predikat ?? '') as (typeof RATING_PREDIKAT)[number],
              })),
          },
        }),
      ),
    onSuccess: () => {
      setRows([{ key: rowKey(), unitId: '', predikat: null }]);
      props.onSaved();
    },
  });
  const errors = prefixKeys(fieldErrors(save.error), 'nilaiUnit');
  const labels = Object.fromEntries(
    rows.flatMap((_, i) => [
      [`nilaiUnit.ratings.${i}.unitId`, `${C.ratingTitle} ${i + 1}: ${C.unitId}`],
      [`nilaiUnit.ratings.${i}.predikat`, `${C.ratingTitle} ${i + 1}: ${C.rating}`],
    ]),
  );
  const predikatData = RATING_PREDIKAT.map((p) => ({ value: p, label: predikatLabel(p) }));
  return (
    <section aria-labelledby="predikat-unit" data-unit-ratings>
      <Title order={2} size="h4" id="predikat-unit" mb={4}>
        {C.ratingTitle}
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        {C.ratingIntro(
          RATING_PREDIKAT.filter((p) => data.multipliers?.[p] !== undefined)
            .map((p) => `${predikatLabel(p)} × ${formatNumber(data.multipliers?.[p] ?? 100)}%`)
            .join(', '),
        )}
      </Text>
      {props.readOnly ? null : (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate();
          }}
          data-unit-ratings-form
        >
          <ErrorSummary errors={errors} labels={labels} error={save.error} />
          <Stack gap="xs">
            {rows.map((row, i) => (
              <Group key={row.key} align="flex-end" gap="sm" wrap="nowrap">
                <Autocomplete
                  id={fieldId(`nilaiUnit.ratings.${i}.unitId`)}
                  label={`${C.unitId} ${i + 1}`}
                  data={props.unitIds}
                  value={row.unitId}
                  onChange={(v) =>
                    setRows(rows.map((r, j) => (j === i ? { ...r, unitId: v.toUpperCase() } : r)))
                  }
                  error={errors[`nilaiUnit.ratings.${i}.unitId`]}
                  w={360}
                />
                <Select
                  id={fieldId(`nilaiUnit.ratings.${i}.predikat`)}
                  label={C.rating}
                  data={predikatData}
                  value={row.predikat}
                  onChange={(v) => setRows(rows.map((r, j) => (j === i ? { ...r, predikat: v } : r)))}
                  error={errors[`nilaiUnit.ratings.${i}.predikat`]}
                  w={200}
                />
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  size="lg"
                  aria-label={`${C.remove(i + 1)} (${C.ratingTitle})`}
                  onClick={() => setRows(rows.filter((_, j) => j !== i))}
                >
                  <IconTrash size={16} aria-hidden />
                </ActionIcon>
              </Group>
            ))}
            <Group>
              <Button
                variant="default"
                size="xs"
                leftSection={<IconPlus size={14} aria-hidden />}
                onClick={() => setRows([...rows, { key: rowKey(), unitId: '', predikat: null }])}
              >
                {C.add} ({C.ratingTitle.toLowerCase()})
              </Button>
              <Button type="submit" size="xs" loading={save.isPending}>
                {C.saveRatings}
              </Button>
            </Group>
          </Stack>
          <div aria-live="polite">
            {save.data ? (
              <Alert color="teal" mt="sm" data-unit-ratings-saved>
                {C.ratingsSaved(save.data.ratings)}
              </Alert>
            ) : null}
          </div>
        </form>
      )}
      {data.items.length > 0 ? (
        <Table fz="sm" withTableBorder verticalSpacing={4} mt="sm" data-unit-ratings-table>
          <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }}>
            {C.ratingsCaption(formatMonth(props.month))}
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{C.unitId}</Table.Th>
              <Table.Th scope="col">{C.rating}</Table.Th>
              <Table.Th scope="col" ta="right">
                {C.multiplier}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.items.map((r) => (
              <Table.Tr key={r.unitId}>
                <Table.Th scope="row" fw={500}>
                  {r.unitId}
                </Table.Th>
                <Table.Td>{predikatLabel(r.predikat)}</Table.Td>
                <Table.Td ta="right">{formatNumber(r.multiplierPercent)}%</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : (
        <Text size="sm" mt="sm">
          {C.noRatings}
        </Text>
      )}
    </section>
  );
}

/** A form's field errors under its own prefix, so two forms on one page never share an input id. */
function prefixKeys(errors: Record<string, string>, prefix: string): Record<string, string> {
  return Object.fromEntries(Object.entries(errors).map(([k, v]) => [`${prefix}.${k}`, v]));
}
