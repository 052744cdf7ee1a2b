import '@mantine/dropzone/styles.css';
import { Group, Stack, Text } from '@mantine/core';
import { Dropzone, type FileWithPath } from '@mantine/dropzone';
import { IconFileSpreadsheet, IconUpload, IconX } from '@tabler/icons-react';
import { L } from '../../i18n/labels';

/**
 * The file drop of the import wizards (Mantine Dropzone): drag a file or press Enter/Space on it to
 * choose one. One file at a time; a refused file (type, size) says why in an assertive region.
 */
export function FileDrop(props: {
  accept: Record<string, string[]>;
  maxSize: number;
  hint: string;
  onFile: (file: FileWithPath) => void;
  onReject: (reason: string) => void;
  loading?: boolean;
  id?: string;
}) {
  return (
    <Dropzone
      id={props.id}
      onDrop={(files) => files[0] && props.onFile(files[0])}
      onReject={(rejections) =>
        props.onReject(rejections[0]?.errors.map((e) => e.message).join('; ') ?? L.imports.rejected)
      }
      accept={props.accept}
      maxSize={props.maxSize}
      maxFiles={1}
      multiple={false}
      loading={props.loading ?? false}
      aria-label={L.imports.dropLabel}
      data-dropzone
    >
      <Group justify="center" gap="lg" mih={120} style={{ pointerEvents: 'none' }}>
        <Dropzone.Accept>
          <IconUpload size={40} aria-hidden />
        </Dropzone.Accept>
        <Dropzone.Reject>
          <IconX size={40} aria-hidden />
        </Dropzone.Reject>
        <Dropzone.Idle>
          <IconFileSpreadsheet size={40} aria-hidden />
        </Dropzone.Idle>
        <Stack gap={4}>
          <Text size="lg">{L.imports.dropTitle}</Text>
          <Text size="sm" c="dimmed">
            {props.hint}
          </Text>
        </Stack>
      </Group>
    </Dropzone>
  );
}

/** A File as base64 (without the data: prefix), for the JSON import bodies. */
export function fileToBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('FileReader'));
    reader.readAsDataURL(file);
  });
}

/** Offers text as a file download (templates, error lists built in the browser). */
export function saveText(text: string, fileName: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
