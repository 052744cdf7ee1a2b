import { Button, Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api, ok } from '../../api/client';
import { fieldErrors } from '../../api/errors';
import { formatMonth } from '../../format';
import { L, RUN_KIND_LABELS } from '../../i18n/labels';
import { pathTo } from '../../routes';
import { ApiErrorAlert, fieldId } from '../ErrorDisplay';
import { useInvalidateRun, useTenantClock } from './hooks';

const T = L.gaji.run;

function lastMonths(current: string, n: number): string[] {
  const [y, m] = current.split('-').map(Number) as [number, number];
  return Array.from({ length: n }, (_, i) => {
    const d = new Date(Date.UTC(y, m - 1 - i, 1));
    return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
  });
}

/**
 * "Mulai proses": month (the tenant's current month first; later months are refused by the API) and
 * jenis. POST /runs answers at once with the run in computing state; the run page shows the progress.
 */
export function StartRunForm() {
  const clock = useTenantClock();
  const [month, setMonth] = useState(clock.month);
  const [kind, setKind] = useState<keyof typeof RUN_KIND_LABELS>('GAJI_TPP');
  const navigate = useNavigate();
  const invalidate = useInvalidateRun();
  const start = useMutation({
    mutationFn: () => ok(api.POST('/runs', { body: { month, kind } })),
    onSuccess: (run) => {
      invalidate(run.id, run);
      navigate(pathTo('detailProses', { runId: run.id }));
    },
  });
  const errors = start.error ? fieldErrors(start.error, 'body') : {};
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="mulai-proses">
      <Stack gap="sm">
        <Title order={2} size="h4" id="mulai-proses">
          {T.startTitle}
        </Title>
        <Text size="sm">{T.startBody(formatMonth(month))}</Text>
        {start.error && Object.keys(errors).length === 0 ? <ApiErrorAlert error={start.error} /> : null}
        <Group align="flex-end" gap="sm">
          <Select
            id={fieldId('month')}
            label={T.month}
            data={lastMonths(clock.month, 12).map((m) => ({ value: m, label: formatMonth(m) }))}
            value={month}
            onChange={(v) => v && setMonth(v)}
            allowDeselect={false}
            error={errors.month}
            description={T.startHint}
            w={220}
          />
          <Select
            id={fieldId('kind')}
            label={T.kind}
            data={Object.entries(RUN_KIND_LABELS).map(([value, label]) => ({ value, label }))}
            value={kind}
            onChange={(v) => v && setKind(v as keyof typeof RUN_KIND_LABELS)}
            allowDeselect={false}
            error={errors.kind}
            w={260}
          />
          <Button onClick={() => start.mutate()} loading={start.isPending} data-action="mulai-proses">
            {T.start}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
