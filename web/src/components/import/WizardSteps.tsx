import { Group, Text, ThemeIcon } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { L } from '../../i18n/labels';

/**
 * Where the wizard stands: a numbered list, done steps with a check (and the word "selesai" for screen
 * readers), the current one marked aria-current="step". Not buttons: steps follow from what was done.
 */
export function WizardSteps(props: { steps: readonly string[]; active: number }) {
  return (
    <Group component="ol" gap="lg" mb="lg" p={0} style={{ listStyle: 'none' }} aria-label={L.imports.steps}>
      {props.steps.map((label, i) => {
        const done = i < props.active;
        const current = i === props.active;
        return (
          <Group
            component="li"
            key={label}
            gap={6}
            wrap="nowrap"
            {...(current ? { 'aria-current': 'step' } : {})}
          >
            <ThemeIcon
              size={26}
              radius="xl"
              variant={done || current ? 'filled' : 'outline'}
              color={done ? 'teal.9' : 'blue.8'}
              aria-hidden
            >
              {done ? (
                <IconCheck size={14} />
              ) : (
                <Text size="xs" fw={700}>
                  {i + 1}
                </Text>
              )}
            </ThemeIcon>
            <Text size="sm" fw={current ? 700 : 400}>
              {label}
              {done ? ` (${L.imports.stepDone})` : null}
            </Text>
          </Group>
        );
      })}
    </Group>
  );
}
