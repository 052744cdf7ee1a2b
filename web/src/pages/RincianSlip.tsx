import { Button, Group, SimpleGrid, Stack, Tabs, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { api, downloadFile, ok } from '../api/client';
import { ApiError } from '../api/errors';
import { useReadOnly, useRoles } from '../auth/useAuth';
import { EmptyState } from '../components/EmptyState';
import { ApiErrorAlert } from '../components/ErrorDisplay';
import { PageHeader } from '../components/PageHeader';
import { RunStatusChip } from '../components/StatusChip';
import { CorrectionsNote, RapelSectionView } from '../components/slip/RapelSectionView';
import { SlipLines } from '../components/slip/SlipLines';
import { SpecialPaymentNote } from '../components/slip/SpecialPaymentNote';
import { fullName } from '../components/slip/slip-sections';
import { TppSimulator } from '../components/slip/TppSimulator';
import { TppWhy } from '../components/slip/TppWhy';
import { tppWalk } from '../components/slip/tpp-walk';
import type { SlipView } from '../components/slip/types';
import { formatMonth, formatNip } from '../format';
import { L, RUN_KIND_LABELS } from '../i18n/labels';

/** Roles POST /simulations/payslip accepts; the auditor reads only. */
const SIMULATORS = ['pegawai', 'operator', 'bkpsdm'];

/**
 * Rincian Slip: one employee's slip grouped as on paper, every line with its explanation and the
 * regulation it cites; "Mengapa TPP saya segini?" and the what-if simulator in their own tabs.
 * A slip outside the caller's reach answers 404 and reads "Tidak ditemukan" — the same for a NIP that
 * does not exist, so a URL reveals nothing.
 */
export default function RincianSlipPage() {
  const { runId = '', nip = '' } = useParams();
  const roles = useRoles();
  const readOnly = useReadOnly();
  const slip = useQuery({
    queryKey: ['slip', runId, nip],
    queryFn: () =>
      ok(
        api.GET('/runs/{runId}/slips/{nip}', { params: { path: { runId, nip } } }),
      ) as Promise<unknown> as Promise<SlipView>,
  });
  const pdf = useMutation({
    mutationFn: () =>
      downloadFile(
        `/runs/${encodeURIComponent(runId)}/slips/${encodeURIComponent(nip)}/pdf`,
        `slip-${runId}-${nip}.pdf`,
      ),
    onError: (err) =>
      notifications.show({
        color: 'red',
        title: L.error.title,
        message: err instanceof Error ? err.message : String(err),
      }),
  });

  if (slip.error instanceof ApiError && (slip.error.status === 404 || slip.error.status === 400)) {
    return (
      <>
        <PageHeader title={L.page.titles.rincianSlip} />
        <EmptyState kind="noData" title={L.slip.notFound} body={L.slip.notFoundBody} />
      </>
    );
  }
  if (slip.error) {
    return (
      <>
        <PageHeader title={L.page.titles.rincianSlip} />
        <EmptyState
          kind="loadFailed"
          body={<ApiErrorAlert error={slip.error} />}
          onRetry={() => slip.refetch()}
        />
      </>
    );
  }
  const view = slip.data;
  if (!view) {
    return (
      <>
        <PageHeader title={L.page.titles.rincianSlip} />
        <Text role="status">{L.app.loading}</Text>
      </>
    );
  }
  const walk = tppWalk(view);
  const canSimulate = !readOnly && roles.some((r) => SIMULATORS.includes(r)) && walk !== undefined;
  const h = view.header;
  const rapel = view.rapel ?? view.slip.meta.rapel;
  return (
    <>
      <PageHeader
        title={L.slip.title(RUN_KIND_LABELS[view.kind], formatMonth(view.month))}
        description={`${fullName(h)} · ${formatNip(h.nip)}`}
        actions={
          <Button
            variant="default"
            leftSection={<IconDownload size={16} aria-hidden />}
            onClick={() => pdf.mutate()}
            loading={pdf.isPending}
          >
            {L.slip.downloadPdf}
          </Button>
        }
      />
      <SimpleGrid
        cols={{ base: 1, sm: 2, lg: 4 }}
        spacing="sm"
        mb="md"
        component="dl"
        className="slip-identity"
      >
        <Identity term={L.slip.golongan} value={`${h.golongan} · ${h.jenisAsn}`} />
        <Identity term={L.slip.jabatan} value={`${h.jabatan} (${L.slip.kelas} ${h.kelasJabatan})`} />
        <Identity term={L.slip.opd} value={h.unit ? `${h.opd} · ${h.unit}` : h.opd} />
        <Stack gap={2}>
          <Text component="dt" size="xs" c="dimmed">
            {L.slip.state}
          </Text>
          <Text component="dd" m={0}>
            <RunStatusChip state={view.runState} />
          </Text>
        </Stack>
      </SimpleGrid>
      {view.slip.meta.special ? (
        <SpecialPaymentNote special={view.slip.meta.special} month={view.month} />
      ) : null}
      <Tabs defaultValue="rincian" keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="rincian">{L.slip.tabLines}</Tabs.Tab>
          {walk ? <Tabs.Tab value="mengapa">{L.slip.tabWhy}</Tabs.Tab> : null}
          {canSimulate ? <Tabs.Tab value="simulasi">{L.slip.tabSim}</Tabs.Tab> : null}
        </Tabs.List>
        <Tabs.Panel value="rincian">
          <SlipLines view={view} />
          {rapel ? <RapelSectionView section={rapel} /> : null}
          {view.corrections ? <CorrectionsNote corrections={view.corrections} /> : null}
        </Tabs.Panel>
        {walk ? (
          <Tabs.Panel value="mengapa">
            <TppWhy walk={walk} />
          </Tabs.Panel>
        ) : null}
        {canSimulate && walk ? (
          <Tabs.Panel value="simulasi">
            <TppSimulator view={view} real={walk} />
          </Tabs.Panel>
        ) : null}
      </Tabs>
      <Group mt="md">
        <Text size="xs" c="dimmed">
          {L.slip.computedAt(view.slip.meta.rulesetVersion)}
        </Text>
      </Group>
    </>
  );
}

function Identity(props: { term: string; value: string }) {
  return (
    <Stack gap={2}>
      <Text component="dt" size="xs" c="dimmed">
        {props.term}
      </Text>
      <Text component="dd" m={0} fw={500}>
        {props.value}
      </Text>
    </Stack>
  );
}
