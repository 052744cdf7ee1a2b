import { inflateSync } from 'node:zlib';

/**
 * Just enough of a PDF reader to find the text pdfkit wrote: objects by number, FlateDecode streams,
 * the ToUnicode CMaps of the embedded (Identity-H) fonts, and the Tf/Tj/TJ operators of each page.
 */
interface PdfObject {
  readonly dict: string;
  readonly stream?: Buffer;
}

function readObjects(pdf: Buffer): Map<number, PdfObject> {
  const text = pdf.toString('latin1');
  const objects = new Map<number, PdfObject>();
  const header = /(\d+) 0 obj\s*/g;
  for (let m = header.exec(text); m; m = header.exec(text)) {
    const start = m.index + m[0].length;
    const streamAt = text.indexOf('stream', start);
    const endAt = text.indexOf('endobj', start);
    if (streamAt === -1 || streamAt > endAt) {
      objects.set(Number(m[1]), { dict: text.slice(start, endAt) });
      continue;
    }
    const dict = text.slice(start, streamAt);
    const length = Number(/\/Length (\d+)/.exec(dict)?.[1] ?? 0);
    const dataStart = streamAt + 'stream'.length + (text[streamAt + 6] === '\r' ? 2 : 1);
    let data = pdf.subarray(dataStart, dataStart + length);
    if (/\/Filter \/FlateDecode/.test(dict)) data = inflateSync(data);
    objects.set(Number(m[1]), { dict, stream: data });
    header.lastIndex = dataStart + length;
  }
  return objects;
}

function readCmap(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  const utf16 = (hex: string) =>
    String.fromCharCode(...(hex.match(/.{4}/g) ?? []).map((h) => Number.parseInt(h, 16)));
  for (const m of cmap.matchAll(/<([0-9a-fA-F]+)> <([0-9a-fA-F]+)> \[([^\]]*)\]/g)) {
    const start = Number.parseInt(m[1] as string, 16);
    [...(m[3] as string).matchAll(/<([0-9a-fA-F ]+)>/g)].forEach((entry, i) => {
      map.set(start + i, utf16((entry[1] as string).replace(/ /g, '')));
    });
  }
  return map;
}

export interface PdfText {
  readonly pages: readonly string[];
  readonly text: string;
}

export function extractPdfText(pdf: Buffer): PdfText {
  const objects = readObjects(pdf);
  const ref = (dict: string, key: string) => Number(new RegExp(`/${key} (\\d+) 0 R`).exec(dict)?.[1]);
  const pages: string[] = [];
  for (const [, obj] of [...objects].sort(([a], [b]) => a - b)) {
    if (!/\/Type \/Page\b/.test(obj.dict)) continue;
    const resources = objects.get(ref(obj.dict, 'Resources'))?.dict ?? obj.dict;
    const fonts = new Map<string, Map<number, string>>();
    for (const m of resources.matchAll(/\/(F\d+) (\d+) 0 R/g)) {
      const font = objects.get(Number(m[2]));
      const cmap = font ? objects.get(ref(font.dict, 'ToUnicode'))?.stream : undefined;
      if (cmap) fonts.set(m[1] as string, readCmap(cmap.toString('latin1')));
    }
    const content = objects.get(ref(obj.dict, 'Contents'))?.stream?.toString('latin1') ?? '';
    let cmap = new Map<number, string>();
    let out = '';
    const decode = (hex: string) =>
      (hex.match(/.{4}/g) ?? []).map((code) => cmap.get(Number.parseInt(code, 16)) ?? '').join('');
    for (const m of content.matchAll(/\/(F\d+) [\d.]+ Tf|\[((?:[^\]])*)\] TJ|<([0-9a-fA-F]*)> Tj|\bET\b/g)) {
      if (m[1]) cmap = fonts.get(m[1]) ?? new Map();
      else if (m[2] !== undefined)
        out += [...m[2].matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => decode(h[1] as string)).join('');
      else if (m[3] !== undefined) out += decode(m[3]);
      else out += '\n';
    }
    pages.push(out);
  }
  return { pages, text: pages.join('\n') };
}
