import { Badge, Loader, type MantineColor } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconLock, IconPencil } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { RUN_STATE_LABELS, type RunUiState } from '../i18n/labels';

/**
 * A state as icon + word (colour is decoration only). Text uses shade 9 on the light fill and the
 * outline shade 7, so the word clears 4.5:1 and the outline 3:1 on white.
 */
export function Chip(props: { color: MantineColor; icon: ReactNode; label: string; detail?: string }) {
  const { color } = props;
  return (
    <Badge
      variant="light"
      color={color}
      tt="none"
      size="lg"
      radius="sm"
      leftSection={props.icon}
      styles={{
        root: {
          // Shade 9 of green/teal is under 4.5:1 on their light fill (axe): the word is near-black.
          color: 'var(--mantine-color-gray-9)',
          border: `1px solid var(--mantine-color-${color}-7)`,
          fontWeight: 600,
        },
      }}
    >
      {props.label}
      {props.detail ? ` · ${props.detail}` : ''}
    </Badge>
  );
}

const RUN_CHIPS: Record<RunUiState, { color: MantineColor; icon: ReactNode }> = {
  DRAFT: { color: 'gray', icon: <IconPencil size={14} aria-hidden /> },
  COMPUTING: { color: 'blue', icon: <Loader size={12} color="blue.9" aria-hidden /> },
  FAILED: { color: 'red', icon: <IconAlertTriangle size={14} aria-hidden /> },
  APPROVED: { color: 'teal', icon: <IconCircleCheck size={14} aria-hidden /> },
  LOCKING: { color: 'green', icon: <Loader size={12} color="green.9" aria-hidden /> },
  LOCKED: { color: 'green', icon: <IconLock size={14} aria-hidden /> },
};

/** Run state chip: "Draf", "Sedang dihitung · 37 dari 120 bagian", "Dikunci"… */
export function RunStatusChip(props: { state: RunUiState; detail?: string }) {
  const chip = RUN_CHIPS[props.state];
  return (
    <Chip
      color={chip.color}
      icon={chip.icon}
      label={RUN_STATE_LABELS[props.state]}
      {...(props.detail ? { detail: props.detail } : {})}
    />
  );
}
