import { Alert, Button, Card, Group, Select, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconSend } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, ok } from '../../../api/client';
import { useMe, useReadOnly } from '../../../auth/useAuth';
import { EmptyState } from '../../../components/EmptyState';
import { ApiErrorAlert } from '../../../components/ErrorDisplay';
import { call, isNotFound } from '../../../components/kinerja/api';
import { useTenantToday } from '../../../components/kinerja/kinerja';
import { SkpEditor } from '../../../components/kinerja/SkpEditor';
import { SkpReadView } from '../../../components/kinerja/SkpReadView';
import { SkpStatusChip } from '../../../components/kinerja/SkpStatusChip';
import type { SkpOfYear, SkpRevision } from '../../../components/kinerja/types';
import { PageHeader } from '../../../components/PageHeader';
import { notifyOk } from '../../../components/run/hooks';
import { formatDate } from '../../../format';
import { L } from '../../../i18n/labels';

const K = L.kinerja;
const S = K.skp;

interface LibraryEntry {
  key: string;
  sector?: string;
  nama?: string;
}

/**
 * SKP saya (journey 1): the pegawai drafts the year's plan from the indicator library of their jabatan,
 * cascades each hasil kerja to one of the atasan's, sets targets and weights (adding up to 100, shown
 * live) and submits it. A returned plan shows the atasan's note and is editable again; a submitted or
 * approved one is read-only here.
 */
export default function SkpSayaPage() {
  const me = useMe();
  const nip = me.data?.sub ?? '';
  const today = useTenantToday();
  const year = today.year;
  const readOnly = useReadOnly();
  const qc = useQueryClient();
  const skp = useQuery({
    queryKey: ['skp', nip, year],
    enabled: !!nip && today.ready,
    queryFn: async () => {
      try {
        return await call<SkpOfYear>('GET', '/skp/{nip}/{year}', { params: { path: { nip, year } } });
      } catch (err) {
        if (isNotFound(err)) return null;
        throw err;
      }
    },
  });
  const options = useQuery({
    queryKey: ['skp-plan-options', nip, year],
    enabled: !!nip && today.ready,
    queryFn: () => ok(api.GET('/skp/{nip}/{year}/plan-options', { params: { path: { nip, year } } })),
  });
  const latest: SkpRevision | undefined = skp.data?.revisions[0];

  return (
    <>
      <PageHeader
        title={K.titles.skpSaya}
        description={S.intro}
        actions={latest ? <SkpStatusChip status={latest.status} /> : null}
      />
      {skp.error ? (
        <EmptyState
          kind="loadFailed"
          body={<ApiErrorAlert error={skp.error} />}
          onRetry={() => skp.refetch()}
        />
      ) : skp.isLoading || !today.ready ? (
        <Text role="status">{L.app.loading}</Text>
      ) : !latest ? (
        <DraftStart
          year={year}
          readOnly={readOnly}
          onDrafted={() => {
            void qc.invalidateQueries({ queryKey: ['skp', nip, year] });
            void qc.invalidateQueries({ queryKey: ['skp-plan-options', nip, year] });
          }}
        />
      ) : latest.status === 'DRAFT' || latest.status === 'DITOLAK' ? (
        <Stack>
          {latest.status === 'DITOLAK' && latest.rejectionReason ? (
            <Alert
              color="orange"
              variant="light"
              icon={<IconAlertTriangle aria-hidden />}
              title={S.rejected}
              data-rejection
            >
              {S.rejectedNote(latest.rejectionReason)}
            </Alert>
          ) : null}
          <SkpHeaderCard skp={latest} />
          {readOnly ? (
            <SkpReadView skp={latest} />
          ) : (
            <SkpEditor
              key={`${latest.revision}-${latest.version}`}
              skp={latest}
              options={options.data}
              optionsError={options.error}
              onChanged={(next) => {
                qc.setQueryData<SkpOfYear | null>(['skp', nip, year], (old) =>
                  old ? { ...old, revisions: [next, ...old.revisions.slice(1)] } : old,
                );
              }}
              onCascadeRefused={() => void options.refetch()}
            />
          )}
        </Stack>
      ) : (
        <Stack>
          <Alert
            color={latest.status === 'DISETUJUI' ? 'green' : 'blue'}
            variant="light"
            icon={<IconSend aria-hidden />}
          >
            {latest.status === 'DISETUJUI'
              ? S.approvedNote(formatDate(latest.approvedAt ?? latest.updatedAt))
              : S.submittedNote}
          </Alert>
          <SkpHeaderCard skp={latest} />
          <SkpReadView skp={latest} />
        </Stack>
      )}
    </>
  );
}

function SkpHeaderCard(props: { skp: SkpRevision }) {
  const s = props.skp;
  return (
    <Card withBorder padding="md">
      <Group gap="xl" wrap="wrap">
        <Stack gap={0}>
          <Text size="sm" c="dimmed">
            {K.year}
          </Text>
          <Text fw={600}>{`${s.year} · ${S.revision(s.revision)}`}</Text>
        </Stack>
        <Stack gap={0}>
          <Text size="sm" c="dimmed">
            {S.jabatan}
          </Text>
          <Text fw={600}>{s.jabatan.nama}</Text>
        </Stack>
        <Stack gap={0}>
          <Text size="sm" c="dimmed">
            {S.penilai}
          </Text>
          <Text fw={600}>{s.pejabatPenilai.nama ?? s.pejabatPenilai.nip}</Text>
        </Stack>
      </Group>
    </Card>
  );
}

/** No SKP yet: draft it from the library (the jabatan's template by default, or one chosen). */
function DraftStart(props: { year: number; readOnly: boolean; onDrafted: () => void }) {
  const [templateKey, setTemplateKey] = useState<string | null>(null);
  const library = useQuery({
    queryKey: ['indicator-library'],
    queryFn: () =>
      call<{ items: LibraryEntry[] }>('GET', '/indicator-library', { params: { query: { limit: 100 } } }),
  });
  const draft = useMutation({
    mutationFn: () =>
      call<SkpRevision>('POST', '/skp', {
        body: { year: props.year, ...(templateKey ? { templateKey } : {}) },
      }),
    onSuccess: () => {
      notifyOk(S.drafted);
      props.onDrafted();
    },
  });
  return (
    <EmptyState
      kind="noData"
      title={S.none(props.year)}
      body={S.noneBody}
      action={
        props.readOnly ? null : (
          <Stack align="center" gap="sm">
            {draft.error ? <ApiErrorAlert error={draft.error} /> : null}
            <Select
              label={S.template}
              w={360}
              data={[
                { value: '', label: S.templateAuto },
                ...(library.data?.items ?? []).map((t) => ({
                  value: t.key,
                  label: t.sector ? `${t.sector} (${t.key})` : t.key,
                })),
              ]}
              value={templateKey ?? ''}
              onChange={(v) => setTemplateKey(v || null)}
              allowDeselect={false}
            />
            <Button onClick={() => draft.mutate()} loading={draft.isPending} data-action="susun-skp">
              {S.draft}
            </Button>
          </Stack>
        )
      }
    />
  );
}
