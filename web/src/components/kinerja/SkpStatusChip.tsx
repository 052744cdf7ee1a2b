import type { MantineColor } from '@mantine/core';
import {
  IconAlertTriangle,
  IconCircleCheck,
  IconCircleDashed,
  IconHourglass,
  IconPencil,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { L } from '../../i18n/labels';
import { Chip } from '../StatusChip';
import type { Predikat, SkpStatus } from './types';

const CHIPS: Record<SkpStatus | 'NONE', { color: MantineColor; icon: ReactNode }> = {
  NONE: { color: 'gray', icon: <IconCircleDashed size={14} aria-hidden /> },
  DRAFT: { color: 'gray', icon: <IconPencil size={14} aria-hidden /> },
  DIAJUKAN: { color: 'blue', icon: <IconHourglass size={14} aria-hidden /> },
  DISETUJUI: { color: 'green', icon: <IconCircleCheck size={14} aria-hidden /> },
  DITOLAK: { color: 'orange', icon: <IconAlertTriangle size={14} aria-hidden /> },
};

/** SKP state as icon + word: "Draf", "Diajukan", "Disetujui", "Dikembalikan", "Belum disusun". */
export function SkpStatusChip(props: { status: SkpStatus | null | undefined }) {
  const status = props.status ?? 'NONE';
  const chip = CHIPS[status];
  return <Chip color={chip.color} icon={chip.icon} label={L.kinerja.status[status]} />;
}

const PREDIKAT_COLOR: Record<Predikat, MantineColor> = {
  SANGAT_BAIK: 'green',
  BAIK: 'teal',
  BUTUH_PERBAIKAN: 'yellow',
  CUKUP: 'yellow',
  KURANG: 'orange',
  SANGAT_KURANG: 'red',
};

/** A predikat as a chip ("Baik"); `detail` adds e.g. "sementara". */
export function PredikatChip(props: { predikat: Predikat; detail?: string }) {
  const good = props.predikat === 'SANGAT_BAIK' || props.predikat === 'BAIK';
  return (
    <Chip
      color={PREDIKAT_COLOR[props.predikat]}
      icon={good ? <IconCircleCheck size={14} aria-hidden /> : <IconAlertTriangle size={14} aria-hidden />}
      label={L.kinerja.predikat[props.predikat]}
      {...(props.detail ? { detail: props.detail } : {})}
    />
  );
}
