import { Anchor, Badge, Button, Group, Modal, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconAlertOctagon, IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, ok, type Schema } from '../../api/client';
import { fieldErrors } from '../../api/errors';
import { formatDateTime, formatNip, formatRupiah } from '../../format';
import { L } from '../../i18n/labels';
import { pathTo } from '../../routes';
import { ApiErrorAlert, fieldId } from '../ErrorDisplay';
import { notifyOk, useInvalidateRun, useRecompute } from './hooks';

const T = L.gaji.errors;

/** Link to an employee's record that leads back to this run (the record page offers "Kembali ke proses"). */
export function employeeLink(nip: string, runId?: string): string {
  return `${pathTo('detailPegawai', { nip })}${runId ? `?proses=${encodeURIComponent(runId)}` : ''}`;
}

/**
 * "Kesalahan": penghalang (employees the run could not compute: they block approval) then peringatan
 * (pagu exceeded or missing, employees added since the start, exclusions). Each names the pegawai, the
 * cause, the fix and who must act, and links to the record; a draft offers "Hitung ulang pegawai ini"
 * and "Kecualikan dari proses" (reason required).
 */
export function RunErrors(props: {
  run: Schema<'Run'>;
  errors: readonly Schema<'RunError'>[];
  canWrite: boolean;
  timeZone: string;
}) {
  const { run } = props;
  const open = props.errors.filter((e) => !e.excluded);
  const excluded = props.errors.filter((e) => e.excluded);
  const draft = run.state === 'DRAFT';
  const budget = run.budget ?? [];
  const warnings = [
    ...budget
      .filter((b) => b.melebihi)
      .map((b) => ({ key: `over-${b.opd}`, text: T.budgetOver(b.opd, formatRupiah(-(b.sisa ?? 0))) })),
    ...budget
      .filter((b) => b.pagu === null)
      .map((b) => ({ key: `nopagu-${b.opd}`, text: T.budgetMissing(b.opd) })),
    ...(run.addedEmployees ?? []).map((a) => ({
      key: `added-${a.nip}`,
      text: T.added(formatNip(a.nip), a.opd),
    })),
  ];
  return (
    <Stack gap="lg">
      <section aria-labelledby="penghalang">
        <Group gap="xs" mb={4}>
          <IconAlertOctagon size={20} aria-hidden color="var(--mantine-color-red-8)" />
          <Title order={2} size="h4" id="penghalang">
            {T.blockers} ({open.length})
          </Title>
        </Group>
        <Text size="sm" c="dimmed" mb="sm">
          {T.blockersIntro}
        </Text>
        {open.length === 0 ? (
          <Group gap="xs">
            <IconCircleCheck size={18} aria-hidden color="var(--mantine-color-teal-8)" />
            <Text size="sm">{T.none}</Text>
          </Group>
        ) : (
          <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {open.map((e) => (
              <ErrorEntry key={e.nip} run={run} error={e} canWrite={props.canWrite && draft} />
            ))}
          </Stack>
        )}
      </section>
      <section aria-labelledby="peringatan">
        <Group gap="xs" mb={4}>
          <IconAlertTriangle size={20} aria-hidden color="var(--mantine-color-yellow-9)" />
          <Title order={2} size="h4" id="peringatan">
            {T.warnings} ({warnings.length + excluded.length})
          </Title>
        </Group>
        <Text size="sm" c="dimmed" mb="sm">
          {T.warningsIntro}
        </Text>
        {warnings.length === 0 && excluded.length === 0 ? <Text size="sm">{T.noWarnings}</Text> : null}
        <Stack gap={4} component="ul" style={{ paddingLeft: 20, margin: 0 }}>
          {warnings.map((w) => (
            <Text component="li" size="sm" key={w.key}>
              {w.text} {w.key.startsWith('over') ? T.budgetFix : null}
            </Text>
          ))}
        </Stack>
        {excluded.length > 0 ? (
          <ExcludedList
            run={run}
            excluded={excluded}
            canWrite={props.canWrite && draft}
            timeZone={props.timeZone}
          />
        ) : null}
      </section>
    </Stack>
  );
}

function ErrorEntry(props: { run: Schema<'Run'>; error: Schema<'RunError'>; canWrite: boolean }) {
  const { run, error: e } = props;
  const fix = T.fixFor(e.code, e.field);
  const recompute = useRecompute(run.id, () => notifyOk(L.gaji.run.recomputed));
  const [excluding, setExcluding] = useState(false);
  const name = e.nama ?? formatNip(e.nip);
  return (
    <Paper component="li" withBorder p="sm" radius="sm" data-error-entry={e.nip}>
      <Stack gap={4}>
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Group gap="xs">
            <Badge
              color="red"
              variant="light"
              tt="none"
              styles={{ root: { color: 'var(--mantine-color-red-9)' } }}
            >
              {T.blockers}
            </Badge>
            <Anchor component={Link} to={employeeLink(e.nip, run.id)} fw={600}>
              {name}
            </Anchor>
            <Text size="sm" c="dimmed">
              {formatNip(e.nip)}
              {e.opd ? ` · ${e.opd}` : ''}
            </Text>
          </Group>
        </Group>
        <Text size="sm">
          <strong>{T.cause}:</strong> {e.message} ({T.field}: <code>{e.field}</code>)
        </Text>
        <Text size="sm">
          <strong>{T.fix}:</strong> {fix.fix}
        </Text>
        <Text size="sm">
          <strong>{T.actor}:</strong> {fix.actor}
        </Text>
        {recompute.error ? <ApiErrorAlert error={recompute.error} /> : null}
        {props.canWrite ? (
          <Group gap="xs" mt={4}>
            <Button size="xs" variant="default" component={Link} to={employeeLink(e.nip, run.id)}>
              {T.goToRecord}
            </Button>
            <Button
              size="xs"
              onClick={() => recompute.mutate([e.nip])}
              loading={recompute.isPending}
              data-action="hitung-ulang-pegawai"
            >
              {L.gaji.run.recomputeOne}
            </Button>
            <Button size="xs" variant="subtle" color="red" onClick={() => setExcluding(true)}>
              {T.exclude}
            </Button>
          </Group>
        ) : null}
      </Stack>
      <ExcludeModal
        runId={run.id}
        nip={e.nip}
        name={name}
        opened={excluding}
        onClose={() => setExcluding(false)}
      />
    </Paper>
  );
}

function ExcludeModal(props: {
  runId: string;
  nip: string;
  name: string;
  opened: boolean;
  onClose: () => void;
}) {
  const [reason, setReason] = useState('');
  const invalidate = useInvalidateRun();
  const exclude = useMutation({
    mutationFn: () =>
      ok(
        api.POST('/runs/{runId}/exclusions', {
          params: { path: { runId: props.runId } },
          body: { nip: props.nip, reason },
        }),
      ),
    onSuccess: () => {
      invalidate(props.runId);
      props.onClose();
    },
  });
  const errors = exclude.error ? fieldErrors(exclude.error, 'body') : {};
  return (
    <Modal
      closeButtonProps={{ 'aria-label': L.common.close }}
      opened={props.opened}
      onClose={props.onClose}
      title={`${T.exclude}: ${props.name}`}
    >
      <Stack gap="sm">
        {exclude.error && !errors.reason ? <ApiErrorAlert error={exclude.error} /> : null}
        <Textarea
          id={fieldId('reason')}
          label={T.excludeReason}
          description={T.excludeHint}
          value={reason}
          onChange={(ev) => setReason(ev.currentTarget.value)}
          error={errors.reason}
          required
          minRows={3}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            {L.common.cancel}
          </Button>
          <Button color="red" onClick={() => exclude.mutate()} loading={exclude.isPending}>
            {T.exclude}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function ExcludedList(props: {
  run: Schema<'Run'>;
  excluded: readonly Schema<'RunError'>[];
  canWrite: boolean;
  timeZone: string;
}) {
  const invalidate = useInvalidateRun();
  const withdraw = useMutation({
    mutationFn: (nip: string) =>
      ok(api.DELETE('/runs/{runId}/exclusions/{nip}', { params: { path: { runId: props.run.id, nip } } })),
    onSuccess: () => invalidate(props.run.id),
  });
  return (
    <Stack gap="xs" mt="sm">
      <Title order={3} size="h5">
        {T.excludedList}
      </Title>
      {withdraw.error ? <ApiErrorAlert error={withdraw.error} /> : null}
      <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {props.excluded.map((e) => (
          <Paper component="li" withBorder p="sm" key={e.nip} data-excluded-entry={e.nip}>
            <Group justify="space-between" wrap="wrap">
              <Stack gap={2}>
                <Text size="sm" fw={600}>
                  {e.nama ?? formatNip(e.nip)} · {formatNip(e.nip)}
                  {e.opd ? ` · ${e.opd}` : ''}
                </Text>
                <Text size="sm">
                  {T.excluded}: {e.excluded?.reason}{' '}
                  <Text span size="xs" c="dimmed">
                    (
                    {T.excludedBy(
                      e.excluded?.by ?? '',
                      e.excluded ? formatDateTime(e.excluded.at, props.timeZone) : '',
                    )}
                    )
                  </Text>
                </Text>
                <Text size="xs" c="dimmed">
                  {T.cause}: {e.message}
                </Text>
              </Stack>
              {props.canWrite ? (
                <Button
                  size="xs"
                  variant="default"
                  onClick={() => withdraw.mutate(e.nip)}
                  loading={withdraw.isPending}
                >
                  {T.withdraw}
                </Button>
              ) : null}
            </Group>
          </Paper>
        ))}
      </Stack>
    </Stack>
  );
}
