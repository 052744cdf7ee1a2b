import { Stack, Text } from '@mantine/core';
import { formatNip } from '../../format';

/** A list's employee cell: the name, then the grouped NIP and the OPD on one unbroken line. */
export function PegawaiCell({ nama, nip, opd }: { nama: string; nip: string; opd: string }) {
  return (
    <Stack gap={0}>
      <Text size="sm" fw={600}>
        {nama}
      </Text>
      <Text size="xs" style={{ whiteSpace: 'nowrap' }}>
        {formatNip(nip)} · {opd}
      </Text>
    </Stack>
  );
}
