import { Button, Group, SimpleGrid, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ok } from '../../api/client';
import { ApiError } from '../../api/errors';
import { ApiErrorAlert, ErrorSummary, fieldId } from '../../components/ErrorDisplay';
import { notifyOk } from '../../components/run/hooks';
import { formatMonth, normalizeNip } from '../../format';
import { L } from '../../i18n/labels';
import { awardErrors } from './shared';

const T = L.prestasi;

interface Values {
  nip: string;
  skNumber: string;
  skDate: string;
  reason: string;
}

/** Field labels by error key; `month` is the page's month picker (params.month). */
export const AWARD_LABELS: Record<string, string> = {
  month: T.month,
  nip: T.nip,
  skNumber: T.skNumber,
  skDate: T.skDate,
  reason: T.reason,
};

/**
 * BKPSDM records the decree (SK) awarding an employee for the month: POST /prestasi-awards/{month}.
 * On success the month's list is refreshed and the form emptied; on a refusal each message goes to its
 * field and the summary at the top (which takes focus). `onMonthError` lets the page show a month refusal
 * at its month picker.
 */
export function AwardForm(props: {
  month: string;
  monthError: string | undefined;
  onMonthError: (message: string | undefined) => void;
}) {
  const qc = useQueryClient();
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: { nip: '', skNumber: '', skDate: '', reason: '' },
  });
  const save = useMutation({
    mutationFn: (v: Values) =>
      ok(
        api.POST('/prestasi-awards/{month}', {
          params: { path: { month: props.month } },
          body: {
            nip: normalizeNip(v.nip),
            skNumber: v.skNumber.trim(),
            skDate: v.skDate,
            reason: v.reason.trim(),
          },
        }),
      ),
    onSuccess: (saved) => {
      void qc.invalidateQueries({ queryKey: ['prestasi-awards', props.month] });
      const nama = (saved as { nama?: string }).nama ?? normalizeNip(form.values.nip);
      notifyOk(T.saved(nama, formatMonth(props.month)));
      form.reset();
      props.onMonthError(undefined);
    },
    onError: (err) => {
      const errors = awardErrors(err);
      props.onMonthError(errors.month);
      const { month: _month, ...fields } = errors;
      form.setErrors(fields);
    },
  });
  const summaryErrors: Record<string, string> = {
    ...(props.monthError ? { month: props.monthError } : {}),
    ...(form.errors as Record<string, string>),
  };
  // A 404 is said on the NIP field; other refusals keep their request id in the summary.
  const apiError = save.error instanceof ApiError && save.error.status === 404 ? undefined : save.error;
  // A refusal naming no field (a locked month, a lost connection) is shown whole.
  const unmapped = save.isError && Object.keys(awardErrors(save.error)).length === 0;
  return (
    <section aria-labelledby="catat-penghargaan">
      <Title order={2} size="h4" id="catat-penghargaan" mb="sm">
        {T.formTitle(formatMonth(props.month))}
      </Title>
      <form
        noValidate
        data-prestasi-form
        onSubmit={form.onSubmit((values) => {
          form.clearErrors();
          save.mutate(values);
        })}
      >
        <Stack gap="sm">
          {/* prefix '' : every issue with a path is a field of this form or the month picker. */}
          <ErrorSummary errors={summaryErrors} labels={AWARD_LABELS} error={apiError} prefix="" />
          {unmapped ? <ApiErrorAlert error={save.error} /> : null}
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput
              id={fieldId('nip')}
              label={T.nip}
              description={T.nipHint}
              inputMode="numeric"
              autoComplete="off"
              required
              {...form.getInputProps('nip')}
            />
            <TextInput
              id={fieldId('skNumber')}
              label={T.skNumber}
              description={T.skNumberHint}
              required
              {...form.getInputProps('skNumber')}
            />
            <TextInput
              id={fieldId('skDate')}
              type="date"
              label={T.skDate}
              description={T.skDateHint}
              required
              {...form.getInputProps('skDate')}
            />
          </SimpleGrid>
          <Textarea
            id={fieldId('reason')}
            label={T.reason}
            description={T.reasonHint}
            required
            autosize
            minRows={2}
            maxLength={300}
            {...form.getInputProps('reason')}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending} data-action="catat-penghargaan">
              {T.save}
            </Button>
          </Group>
        </Stack>
      </form>
    </section>
  );
}
