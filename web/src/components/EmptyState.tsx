import { Button, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconAlertCircle, IconFilterOff, IconInbox } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { L } from '../i18n/labels';

/**
 * The empty states of the UX reference, which say why and what next:
 * - noData: nothing exists yet; pass the action that creates it (`action`) and a sentence (`body`).
 * - noResults: a filter hides everything; `onClearFilter` shows "Hapus filter".
 * - loadFailed: the call failed; `onRetry` shows "Coba lagi" (put the ApiErrorAlert in `body`).
 */
export function EmptyState(props: {
  kind: 'noData' | 'noResults' | 'loadFailed';
  title?: string;
  body?: ReactNode;
  action?: ReactNode;
  onClearFilter?: () => void;
  onRetry?: () => void;
}) {
  const icon =
    props.kind === 'loadFailed' ? (
      <IconAlertCircle aria-hidden />
    ) : props.kind === 'noResults' ? (
      <IconFilterOff aria-hidden />
    ) : (
      <IconInbox aria-hidden />
    );
  const title = props.title ?? L.empty[props.kind];
  return (
    <Stack
      align="center"
      gap="xs"
      py="xl"
      role={props.kind === 'loadFailed' ? 'alert' : 'status'}
      data-empty-state={props.kind}
    >
      <ThemeIcon variant="light" color={props.kind === 'loadFailed' ? 'red' : 'gray'} size="xl" radius="xl">
        {icon}
      </ThemeIcon>
      <Title order={2} size="h4">
        {title}
      </Title>
      {props.body ? (
        <Text c="dimmed" ta="center">
          {props.body}
        </Text>
      ) : null}
      {props.onClearFilter ? (
        <Button variant="default" onClick={props.onClearFilter}>
          {L.empty.clearFilter}
        </Button>
      ) : null}
      {props.onRetry ? (
        <Button variant="default" onClick={props.onRetry}>
          {L.empty.retry}
        </Button>
      ) : null}
      {props.action}
    </Stack>
  );
}
