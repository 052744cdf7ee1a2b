import { Progress, Stack, Text } from '@mantine/core';
import type { Schema } from '../../api/client';
import { L } from '../../i18n/labels';
import { isComputing } from './run-state';

const T = L.gaji.run;

/**
 * The live progress of a computing run: chunks done and employees computed, as a bar and as text in a
 * polite live region (screen readers hear each step without losing their place). When the chunks are
 * all done the same region says so, so the end is announced too.
 */
export function RunProgress(props: { run: Schema<'Run'> }) {
  const { counts } = props.run;
  const computing = isComputing(props.run);
  const value = counts.chunks > 0 ? Math.round((counts.chunksDone / counts.chunks) * 100) : 0;
  const text = !computing
    ? T.progressDone(counts.computed, counts.errors)
    : counts.chunks === 0
      ? T.progressPlanning
      : T.progress(counts.chunksDone, counts.chunks, counts.computed, counts.employees);
  return (
    <Stack gap={6} data-run-progress={computing ? 'computing' : 'done'}>
      {computing ? (
        <Progress.Root size="lg">
          <Progress.Section
            value={value}
            striped
            animated
            aria-label={T.progressLabel}
            aria-valuetext={text}
          />
        </Progress.Root>
      ) : null}
      <Text size="sm" role="status" aria-live="polite" data-run-progress-text>
        {text}
      </Text>
      {computing ? (
        <Text size="xs" c="dimmed">
          {T.leaveHint}
        </Text>
      ) : null}
    </Stack>
  );
}
