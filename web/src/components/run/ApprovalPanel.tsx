import {
  Alert,
  Button,
  Checkbox,
  Group,
  List,
  Modal,
  Paper,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconInfoCircle, IconLock } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { api, ok, type Schema } from '../../api/client';
import { ApiError, fieldErrors } from '../../api/errors';
import { useMe } from '../../auth/useAuth';
import { formatNip, formatRupiah } from '../../format';
import { L } from '../../i18n/labels';
import { ApiErrorAlert, fieldId } from '../ErrorDisplay';
import { notifyOk, useInvalidateRun } from './hooks';
import { isComputing } from './run-state';
import { verifyWholeRun } from './verify-all';

const T = L.gaji.approval;

/**
 * BKPSDM's review: who computed the run (four eyes), approve (disabled with the reason when the viewer
 * computed or changed it, or while penghalang remain), lock after payment with a confirmation naming
 * the consequences, "Kembalikan ke draf" with a reason, and the verification result.
 */
export function ApprovalPanel(props: { run: Schema<'Run'>; errors: readonly Schema<'RunError'>[] }) {
  const { run } = props;
  const me = useMe();
  const invalidate = useInvalidateRun();
  const [ack, setAck] = useState(false);
  const [locking, setLocking] = useState(false);
  const [returning, setReturning] = useState(false);
  const open = props.errors.filter((e) => !e.excluded).length;
  const over = (run.budget ?? []).filter((b) => b.melebihi);
  const computedBy = run.computedBy ?? [run.startedBy];
  const fourEyes = !!me.data && computedBy.includes(me.data.sub);

  const approve = useMutation({
    mutationFn: () =>
      ok(
        api.POST('/runs/{runId}/approve', {
          params: { path: { runId: run.id } },
          body: { acknowledgeBudget: ack },
        }),
      ),
    onSuccess: () => {
      invalidate(run.id);
      notifyOk(T.approved);
    },
  });
  const lock = useMutation({
    mutationFn: () => ok(api.POST('/runs/{runId}/lock', { params: { path: { runId: run.id } }, body: {} })),
    onSuccess: (r) => {
      invalidate(run.id, r);
      setLocking(false);
      // The API answers LOCKING while the paid ledger is still being written; the page polls until LOCKED.
      notifyOk(r.state === 'LOCKED' ? T.locked : T.lockStarted);
    },
  });
  const refusedFourEyes = approve.error instanceof ApiError && approve.error.code === 'FOUR_EYES';

  return (
    <Stack gap="md">
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="persetujuan">
        <Stack gap="sm">
          <Title order={2} size="h4" id="persetujuan">
            {T.title}
          </Title>
          <Text size="sm">
            <strong>{T.computedBy}:</strong> {computedBy.map(formatNip).join(', ')}
          </Text>
          {run.approvedBy ? (
            <Text size="sm">
              <strong>{T.approvedBy}:</strong> {formatNip(run.approvedBy)}
            </Text>
          ) : null}
          {run.lockedBy ? (
            <Text size="sm">
              <strong>{T.lockedBy}:</strong> {formatNip(run.lockedBy)}
            </Text>
          ) : null}
          {run.state === 'DRAFT' ? (
            <>
              {fourEyes || refusedFourEyes ? (
                <Alert
                  color="blue"
                  variant="light"
                  icon={<IconInfoCircle aria-hidden />}
                  title={T.fourEyesTitle}
                  data-four-eyes
                >
                  {T.fourEyes}
                </Alert>
              ) : null}
              {open > 0 ? (
                <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />}>
                  {T.blockedByErrors(open)}
                </Alert>
              ) : null}
              {over.length > 0 ? (
                <Checkbox
                  label={T.acknowledgeBudget}
                  checked={ack}
                  onChange={(e) => setAck(e.currentTarget.checked)}
                />
              ) : null}
              {approve.error && !refusedFourEyes ? <ApiErrorAlert error={approve.error} /> : null}
              <Group>
                <Button
                  leftSection={<IconCircleCheck size={16} aria-hidden />}
                  onClick={() => approve.mutate()}
                  loading={approve.isPending}
                  disabled={fourEyes || open > 0 || isComputing(run) || (over.length > 0 && !ack)}
                  data-action="setujui"
                  {...(fourEyes ? { 'aria-describedby': 'alasan-empat-mata' } : {})}
                >
                  {T.approve}
                </Button>
                {fourEyes ? (
                  <Text size="sm" id="alasan-empat-mata">
                    {T.fourEyes}
                  </Text>
                ) : null}
              </Group>
            </>
          ) : null}
          {run.state === 'APPROVED' ? (
            <Group>
              <Button
                leftSection={<IconLock size={16} aria-hidden />}
                onClick={() => setLocking(true)}
                data-action="kunci"
              >
                {T.lock}
              </Button>
              <Button variant="default" onClick={() => setReturning(true)} data-action="kembalikan">
                {T.returnToDraft}
              </Button>
              <Text size="sm" c="dimmed">
                {T.lockPaidHint}
              </Text>
            </Group>
          ) : null}
          {run.state === 'LOCKING' ? (
            <>
              <Alert
                color="blue"
                variant="light"
                icon={<IconLock aria-hidden />}
                title={T.lockingTitle}
                data-locking
              >
                {T.lockingBody}
              </Alert>
              {lock.error ? <ApiErrorAlert error={lock.error} /> : null}
              <Group>
                {/* A lock that stopped (a chunk given up after its retries) resumes by asking again. */}
                <Button
                  variant="default"
                  leftSection={<IconLock size={16} aria-hidden />}
                  onClick={() => lock.mutate()}
                  loading={lock.isPending}
                  aria-describedby="lanjutkan-kunci"
                  data-action="lanjutkan-kunci"
                >
                  {T.lockResume}
                </Button>
                <Text size="sm" c="dimmed" id="lanjutkan-kunci">
                  {T.lockingResumeHint}
                </Text>
              </Group>
            </>
          ) : null}
        </Stack>
      </Paper>
      <VerifyPanel runId={run.id} />
      <Modal
        closeButtonProps={{ 'aria-label': L.common.close }}
        opened={locking}
        onClose={() => setLocking(false)}
        title={T.lockTitle}
      >
        <Stack gap="sm">
          <List size="sm" spacing={4}>
            {T.lockConsequences.map((c) => (
              <List.Item key={c}>{c}</List.Item>
            ))}
          </List>
          {lock.error ? <ApiErrorAlert error={lock.error} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setLocking(false)}>
              {L.common.cancel}
            </Button>
            <Button onClick={() => lock.mutate()} loading={lock.isPending} data-action="kunci-konfirmasi">
              {T.lockConfirm}
            </Button>
          </Group>
        </Stack>
      </Modal>
      <ReturnModal runId={run.id} opened={returning} onClose={() => setReturning(false)} />
    </Stack>
  );
}

function ReturnModal(props: { runId: string; opened: boolean; onClose: () => void }) {
  const [reason, setReason] = useState('');
  const invalidate = useInvalidateRun();
  const back = useMutation({
    mutationFn: () =>
      ok(
        api.POST('/runs/{runId}/return-to-draft', {
          params: { path: { runId: props.runId } },
          body: { reason },
        }),
      ),
    onSuccess: (r) => {
      invalidate(props.runId, r);
      notifyOk(T.returned);
      props.onClose();
    },
  });
  const errors = back.error ? fieldErrors(back.error, 'body') : {};
  return (
    <Modal
      closeButtonProps={{ 'aria-label': L.common.close }}
      opened={props.opened}
      onClose={props.onClose}
      title={T.returnTitle}
    >
      <Stack gap="sm">
        {back.error && !errors.reason ? <ApiErrorAlert error={back.error} /> : null}
        <Textarea
          id={fieldId('reason')}
          label={T.returnReason}
          description={T.returnHint}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={errors.reason}
          required
          minRows={3}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            {L.common.cancel}
          </Button>
          <Button onClick={() => back.mutate()} loading={back.isPending}>
            {T.returnToDraft}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** "Periksa ulang perhitungan": read-only (a GET), so the auditor has it too. */
export function VerifyPanel(props: { runId: string }) {
  const [checked, setChecked] = useState<number>();
  const verify = useMutation({
    mutationFn: () => {
      setChecked(undefined);
      return verifyWholeRun(
        (fromChunk) =>
          ok(
            api.GET('/runs/{runId}/verify', {
              params: { path: { runId: props.runId }, query: fromChunk === undefined ? {} : { fromChunk } },
            }),
          ),
        setChecked,
      );
    },
  });
  const r = verify.data;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="periksa-ulang">
      <Stack gap="sm">
        <Title order={2} size="h4" id="periksa-ulang">
          {T.verify}
        </Title>
        <Text size="sm">{T.verifyIntro}</Text>
        <Group>
          <Button
            variant="default"
            onClick={() => verify.mutate()}
            loading={verify.isPending}
            data-action="periksa-ulang"
          >
            {T.verify}
          </Button>
        </Group>
        {verify.error ? <ApiErrorAlert error={verify.error} /> : null}
        <div role="status" aria-live="polite" data-verify-result={r ? (r.ok ? 'ok' : 'diff') : undefined}>
          {verify.isPending && checked !== undefined ? (
            <Text size="sm">{T.verifyProgress(checked)}</Text>
          ) : null}
          {r ? (
            <Stack gap="xs">
              <Alert
                color={r.ok ? 'teal' : 'red'}
                variant="light"
                icon={r.ok ? <IconCircleCheck aria-hidden /> : <IconAlertTriangle aria-hidden />}
              >
                {r.ok ? T.verifyOk(r.slips) : T.verifyDiff(r.differences.length, r.slips)}
                {r.rulesetChangedSince > 0 ? ` ${T.verifyRuleset(r.rulesetChangedSince)}` : ''}
              </Alert>
              {r.differences.length > 0 ? (
                <Table fz="sm">
                  <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }}>
                    {T.verifyCaption}
                  </Table.Caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">NIP</Table.Th>
                      <Table.Th scope="col">{T.code}</Table.Th>
                      <Table.Th scope="col" ta="right">
                        {T.stored}
                      </Table.Th>
                      <Table.Th scope="col" ta="right">
                        {T.recomputed}
                      </Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {r.differences.slice(0, 100).map((d) => (
                      <Table.Tr key={`${d.nip}-${d.field}`}>
                        <Table.Td>{formatNip(d.nip)}</Table.Td>
                        <Table.Td>{d.field}</Table.Td>
                        <Table.Td ta="right">{formatRupiah(d.stored)}</Table.Td>
                        <Table.Td ta="right">{formatRupiah(d.recomputed)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              ) : null}
            </Stack>
          ) : null}
        </div>
      </Stack>
    </Paper>
  );
}
