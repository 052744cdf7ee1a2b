import { ActionIcon, Alert, Anchor, Code, CopyButton, Group, List, Text, Tooltip } from '@mantine/core';
import { IconAlertCircle, IconCheck, IconCopy } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import { ApiError, otherIssues } from '../api/errors';
import { L } from '../i18n/labels';

/** The DOM id of a form field by its error key: use `id={fieldId('rekening.nomor')}` on the input. */
export function fieldId(key: string): string {
  return `isian-${key.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

/** The request id with a copy button, for support ("Kode permintaan"). */
export function RequestId(props: { id: string }) {
  return (
    <Group gap={4} wrap="nowrap">
      <Text size="sm">{L.error.requestId}:</Text>
      <Code>{props.id}</Code>
      <CopyButton value={props.id}>
        {({ copied, copy }) => (
          <Tooltip label={copied ? L.error.copied : L.error.copy} withArrow>
            <ActionIcon
              variant="subtle"
              color="gray"
              onClick={copy}
              aria-label={`${L.error.copy} ${L.error.requestId.toLowerCase()}`}
            >
              {copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />}
            </ActionIcon>
          </Tooltip>
        )}
      </CopyButton>
    </Group>
  );
}

/**
 * Any failed call, shown the same way everywhere: the API's Indonesian message, the issues that belong
 * to no form field, and the request id to quote to support. Errors are announced (role="alert").
 */
export function ApiErrorAlert(props: { error: unknown; title?: string; prefix?: string }) {
  const error =
    props.error instanceof ApiError
      ? props.error
      : new ApiError(
          0,
          'CLIENT',
          props.error instanceof Error ? props.error.message : String(props.error),
          undefined,
        );
  const loose = props.prefix === undefined ? error.issues : otherIssues(error, props.prefix);
  return (
    <Alert
      color="red"
      variant="light"
      role="alert"
      icon={<IconAlertCircle aria-hidden />}
      title={props.title ?? L.error.title}
      data-error-code={error.code}
    >
      <Text size="sm">{error.message}</Text>
      {loose.length > 0 ? (
        <List size="sm" mt={4}>
          {loose.map((i) => (
            <List.Item key={`${i.path}:${i.message}`}>
              {i.path ? <Code>{i.path}</Code> : null} {i.message}
            </List.Item>
          ))}
        </List>
      ) : null}
      {error.requestId ? (
        <>
          <RequestId id={error.requestId} />
          <Text size="xs" c="dimmed">
            {L.error.copyHint}
          </Text>
        </>
      ) : null}
    </Alert>
  );
}

/**
 * The summary at the top of a form after a failed submit: "Ada 3 isian yang perlu diperbaiki", one
 * link per field (to `#fieldId(key)`), the request id when the API refused it. Takes focus when it
 * appears, so keyboard and screen-reader users land on it. The same messages also go next to the
 * fields (`form.setErrors(fieldErrors(error))`).
 */
export function ErrorSummary(props: {
  errors: Record<string, string | undefined>;
  /** Field labels by key, e.g. { 'rekening.nomor': 'Nomor rekening' }. */
  labels?: Record<string, string>;
  /** The failed API call, for the request id and issues outside the form. */
  error?: unknown;
  prefix?: string;
}) {
  const entries = Object.entries(props.errors).filter((e): e is [string, string] => !!e[1]);
  const loose = otherIssues(props.error, props.prefix ?? 'body');
  const count = entries.length + loose.length;
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (count > 0) ref.current?.focus();
  }, [count]);
  if (count === 0) return null;
  const requestId = props.error instanceof ApiError ? props.error.requestId : undefined;
  return (
    <Alert
      ref={ref}
      tabIndex={-1}
      color="red"
      variant="light"
      role="alert"
      mb="md"
      icon={<IconAlertCircle aria-hidden />}
      title={L.error.summary(count)}
      data-error-summary
    >
      <List size="sm">
        {entries.map(([key, message]) => (
          <List.Item key={key}>
            <Anchor
              href={`#${fieldId(key)}`}
              onClick={(e) => {
                const el = document.getElementById(fieldId(key));
                if (el) {
                  e.preventDefault();
                  el.focus();
                }
              }}
            >
              {props.labels?.[key] ?? key}
            </Anchor>
            : {message}
          </List.Item>
        ))}
        {loose.map((i) => (
          <List.Item key={`${i.path}:${i.message}`}>{i.message}</List.Item>
        ))}
      </List>
      {requestId ? <RequestId id={requestId} /> : null}
    </Alert>
  );
}
