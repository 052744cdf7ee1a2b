import { Anchor, Group, List, Text, ThemeIcon } from '@mantine/core';
import { IconCircleCheck, IconCircleDashed } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { Schema } from '../../api/client';
import { L } from '../../i18n/labels';
import { pathTo } from '../../routes';
import { isComputing } from './run-state';

const T = L.gaji.home;

/** The month's steps in the order of the paper procedure, each done or not, with the link that clears it. */
export function MonthChecklist(props: { run: Schema<'Run'> | undefined; openErrors: number | undefined }) {
  const { run } = props;
  const computed = !!run && !isComputing(run);
  const noErrors = computed && props.openErrors === 0;
  const approved = !!run && (run.state === 'APPROVED' || run.state === 'LOCKING' || run.state === 'LOCKED');
  const locked = run?.state === 'LOCKED';
  const link = (tab?: string) =>
    run ? `${pathTo('detailProses', { runId: run.id })}${tab ? `?tab=${tab}` : ''}` : pathTo('proses');
  const steps = [
    { key: 'run', label: T.steps.run, done: computed, to: link() },
    {
      key: 'errors',
      label: `${T.steps.errors}${computed && props.openErrors ? ` (${props.openErrors})` : ''}`,
      done: noErrors,
      to: link('kesalahan'),
    },
    { key: 'ready', label: T.steps.ready, done: noErrors || approved, to: link('kesalahan') },
    { key: 'approved', label: T.steps.approved, done: approved, to: link('riwayat') },
    { key: 'locked', label: T.steps.locked, done: locked, to: link('riwayat') },
  ];
  return (
    <List spacing="xs" aria-label={T.checklist} listStyleType="none" data-checklist>
      {steps.map((s) => (
        <List.Item
          key={s.key}
          data-step={s.key}
          data-done={s.done}
          icon={
            <ThemeIcon color={s.done ? 'teal' : 'gray'} variant="light" size={22} radius="xl">
              {s.done ? (
                <IconCircleCheck size={16} aria-hidden />
              ) : (
                <IconCircleDashed size={16} aria-hidden />
              )}
            </ThemeIcon>
          }
        >
          <Group gap="xs">
            <Anchor component={Link} to={s.to}>
              {s.label}
            </Anchor>
            <Text size="sm" c="dimmed">
              · {s.done ? T.done : T.notDone}
            </Text>
          </Group>
        </List.Item>
      ))}
    </List>
  );
}
