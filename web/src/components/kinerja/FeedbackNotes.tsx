import { Button, Card, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ok } from '../../api/client';
import { fieldErrors } from '../../api/errors';
import { useMe } from '../../auth/useAuth';
import { formatDateTime } from '../../format';
import { L } from '../../i18n/labels';
import { ApiErrorAlert, ErrorSummary, fieldId } from '../ErrorDisplay';
import { notifyOk } from '../run/hooks';

const K = L.kinerja;
const D = K.detail;

/** Continuous feedback through the year: notes the pegawai reads at once, newest first. */
export function FeedbackNotes(props: { nip: string; year: number; canWrite: boolean }) {
  const { nip, year } = props;
  const qc = useQueryClient();
  const notes = useQuery({
    queryKey: ['feedback-notes', nip, year],
    queryFn: () =>
      ok(
        api.GET('/skp/{nip}/{year}/feedback-notes', {
          params: { path: { nip, year }, query: { limit: 50 } },
        }),
      ),
  });
  const timeZone = useMe().data?.timeZone ?? 'Asia/Jakarta';
  const form = useForm({ mode: 'controlled', initialValues: { text: '' } });
  const add = useMutation({
    mutationFn: (text: string) =>
      ok(api.POST('/skp/{nip}/{year}/feedback-notes', { params: { path: { nip, year } }, body: { text } })),
    onSuccess: () => {
      form.reset();
      notifyOk(D.noteSaved);
      void qc.invalidateQueries({ queryKey: ['feedback-notes', nip, year] });
    },
    onError: (err) => form.setErrors(fieldErrors(err, 'body')),
  });
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="umpan-balik-berkelanjutan">
      <Title order={2} size="h3" id="umpan-balik-berkelanjutan">
        {D.feedbackTitle}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {D.feedbackIntro}
      </Text>
      {props.canWrite ? (
        <form
          noValidate
          onSubmit={form.onSubmit((v) => {
            form.clearErrors();
            if (!v.text.trim()) {
              form.setErrors({ text: 'wajib diisi' });
              return;
            }
            add.mutate(v.text.trim());
          })}
        >
          <ErrorSummary
            errors={form.errors as Record<string, string>}
            labels={{ text: D.feedbackTitle }}
            error={add.error}
          />
          <Textarea
            label={K.lembar.feedback}
            autosize
            minRows={2}
            id={fieldId('text')}
            {...form.getInputProps('text')}
          />
          <Group justify="flex-end" mt="xs">
            <Button type="submit" loading={add.isPending} variant="default">
              {L.common.save}
            </Button>
          </Group>
        </form>
      ) : null}
      {notes.error ? (
        <ApiErrorAlert error={notes.error} />
      ) : (
        <Stack gap="xs" mt="sm">
          {(notes.data?.items ?? []).map((n) => (
            <Card key={n.id} withBorder padding="xs">
              <Text size="xs" c="dimmed">
                {`${n.byNama ?? n.by} · ${formatDateTime(n.at, timeZone)}`}
              </Text>
              <Text size="sm">{n.text}</Text>
            </Card>
          ))}
        </Stack>
      )}
    </Card>
  );
}
