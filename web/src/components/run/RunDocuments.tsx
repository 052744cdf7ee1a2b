import { Alert, Button, Group, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { downloadFile, type Schema } from '../../api/client';
import { formatNip } from '../../format';
import { L } from '../../i18n/labels';
import { ApiErrorAlert } from '../ErrorDisplay';
import { notifyOk } from './hooks';

const T = L.gaji.docs;
// SIPD lists are in the Ekspor menu below (complete NIK, kode bank and alamat, or refused with the cause).
type Doc = 'daftar-gaji' | 'rekap-tpp' | 'bank';
const DOCS: { doc: Doc; label: string; ext: string }[] = [
  { doc: 'daftar-gaji', label: T.daftarGaji, ext: 'xlsx' },
  { doc: 'rekap-tpp', label: T.rekapTpp, ext: 'xlsx' },
  { doc: 'bank', label: T.bank, ext: 'csv' },
];

/**
 * "Dokumen": the run's files per OPD, made by the API from the stored slips. A draft's files are
 * previews (`preview=true`) that the API watermarks "DRAFT — BUKAN UNTUK PEMBAYARAN"; the console says
 * so before anyone downloads one.
 */
export function RunDocuments(props: {
  run: Schema<'Run'>;
  opds: string[];
  slips: readonly Schema<'RunSlipRow'>[] | undefined;
}) {
  const { run } = props;
  const [opd, setOpd] = useState(props.opds[0] ?? '');
  const [nip, setNip] = useState<string | null>(props.slips?.[0]?.nip ?? null);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState<string>();
  const draft = run.state === 'DRAFT';
  const get = async (key: string, path: string, name: string, label: string) => {
    setBusy(key);
    setError(undefined);
    try {
      await downloadFile(path, name);
      notifyOk(T.downloaded(label));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(undefined);
    }
  };
  const preview = draft ? '&preview=true' : '';
  const slipNip = nip ?? props.slips?.[0]?.nip;
  return (
    <Stack gap="md">
      <Text size="sm">{T.intro}</Text>
      {draft ? (
        <Alert
          color="yellow"
          variant="light"
          icon={<IconAlertTriangle aria-hidden />}
          title={T.draftNote}
          styles={{ title: { color: 'var(--mantine-color-black)' } }}
        >
          {T.draftBody}
        </Alert>
      ) : null}
      {error ? <ApiErrorAlert error={error} /> : null}
      <Select
        label={T.opdFilter}
        data={props.opds}
        value={opd}
        onChange={(v) => v && setOpd(v)}
        allowDeselect={false}
        w={260}
      />
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
        {DOCS.map((d) => ({
          ...d,
          label: (d.doc === 'daftar-gaji' && L.pembayaran.daftar[run.kind]) || d.label,
        })).map((d) => (
          <Button
            key={d.doc}
            variant="default"
            leftSection={<IconDownload size={16} aria-hidden />}
            loading={busy === d.doc}
            disabled={!opd}
            data-document={d.doc}
            onClick={() =>
              get(
                d.doc,
                `/runs/${encodeURIComponent(run.id)}/documents/${d.doc}?opd=${encodeURIComponent(opd)}${preview}`,
                `${draft ? 'DRAF-' : ''}${d.doc}-${run.id}-${opd}.${d.ext}`,
                d.label,
              )
            }
          >
            {d.label}
          </Button>
        ))}
      </SimpleGrid>
      <Group align="flex-end" gap="sm">
        <Select
          label={T.slipOf}
          data={(props.slips ?? []).map((s) => ({ value: s.nip, label: `${s.nama} · ${formatNip(s.nip)}` }))}
          value={slipNip ?? null}
          onChange={setNip}
          searchable
          w={420}
        />
        <Button
          variant="default"
          leftSection={<IconDownload size={16} aria-hidden />}
          loading={busy === 'slip'}
          disabled={!slipNip}
          data-document="slip-pdf"
          onClick={() =>
            slipNip &&
            get(
              'slip',
              `/runs/${encodeURIComponent(run.id)}/slips/${slipNip}/pdf`,
              `${draft ? 'DRAF-' : ''}slip-${run.id}-${slipNip}.pdf`,
              T.slipPdf,
            )
          }
        >
          {T.slipPdf}
        </Button>
      </Group>
    </Stack>
  );
}
