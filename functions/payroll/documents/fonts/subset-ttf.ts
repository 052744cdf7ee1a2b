/**
 * A minimal TrueType subsetter, used once by `generate.ts` (never at run time): keeps the glyphs of the
 * requested code points (and the components of composite glyphs), renumbers them densely, writes one
 * Windows Unicode BMP cmap (format 4) and drops the tables that reference the old glyph ids and only
 * serve layout (GSUB, GPOS, GDEF, kern, hdmx, …). The result is a valid TTF that fontkit (and so pdfkit)
 * loads; pdfkit subsets it once more when it embeds the glyphs a document uses.
 */

/** Tables copied as they are: they do not reference glyph ids. */
const KEPT_AS_IS = ['OS/2', 'cvt ', 'fpgm', 'gasp', 'prep'] as const;

const ARG_1_AND_2_ARE_WORDS = 0x0001;
const WE_HAVE_A_SCALE = 0x0008;
const MORE_COMPONENTS = 0x0020;
const WE_HAVE_AN_X_AND_Y_SCALE = 0x0040;
const WE_HAVE_A_TWO_BY_TWO = 0x0080;

interface TableRecord {
  readonly offset: number;
  readonly length: number;
}

export interface SubsetResult {
  readonly ttf: Buffer;
  /** The requested code points the font has a glyph for, ascending. */
  readonly codePoints: readonly number[];
  readonly glyphs: number;
}

export function subsetTtf(font: Buffer, wanted: Iterable<number>): SubsetResult {
  const tables = readTableDirectory(font);
  const table = (tag: string): Buffer => {
    const record = tables.get(tag);
    if (!record) throw new Error(`font has no '${tag}' table`);
    return font.subarray(record.offset, record.offset + record.length);
  };
  const head = table('head');
  const numGlyphs = table('maxp').readUInt16BE(4);
  const glyphData = glyphReader(table('glyf'), table('loca'), head.readInt16BE(50), numGlyphs);

  const cmap = readBmpCmap(table('cmap'));
  const codePoints = [...new Set(wanted)].filter((cp) => (cmap.get(cp) ?? 0) !== 0).sort((a, b) => a - b);
  const keep = new Set<number>();
  const visit = (gid: number): void => {
    if (keep.has(gid)) return;
    keep.add(gid);
    for (const component of compositeComponents(glyphData(gid))) visit(component);
  };
  visit(0);
  for (const cp of codePoints) visit(cmap.get(cp) as number);
  const order = [...keep].sort((a, b) => a - b);
  const newId = new Map(order.map((old, i) => [old, i]));

  const glyf = buildGlyf(order, glyphData, newId);
  const out = new Map<string, Buffer>();
  for (const tag of KEPT_AS_IS) {
    if (tables.has(tag)) out.set(tag, Buffer.from(table(tag)));
  }
  out.set('glyf', glyf.data);
  out.set('loca', glyf.loca);
  out.set('hmtx', buildHmtx(table('hmtx'), table('hhea').readUInt16BE(34), order));
  out.set('cmap', buildCmap4(codePoints.map((cp) => [cp, newId.get(cmap.get(cp) as number) as number])));
  out.set('name', windowsNames(table('name')));

  const newHead = Buffer.from(head);
  newHead.writeUInt32BE(0, 8); // checkSumAdjustment, set below
  newHead.writeInt16BE(1, 50); // long loca offsets
  out.set('head', newHead);
  const hhea = Buffer.from(table('hhea'));
  hhea.writeUInt16BE(order.length, 34);
  out.set('hhea', hhea);
  const maxp = Buffer.from(table('maxp'));
  maxp.writeUInt16BE(order.length, 4);
  out.set('maxp', maxp);
  // post 3.0: the same header without glyph names.
  const post = Buffer.from(table('post').subarray(0, 32));
  post.writeUInt32BE(0x00030000, 0);
  out.set('post', post);

  return { ttf: writeFont(font.readUInt32BE(0), out), codePoints, glyphs: order.length };
}

function readTableDirectory(font: Buffer): Map<string, TableRecord> {
  const count = font.readUInt16BE(4);
  const tables = new Map<string, TableRecord>();
  for (let i = 0; i < count; i++) {
    const at = 12 + 16 * i;
    tables.set(font.toString('latin1', at, at + 4), {
      offset: font.readUInt32BE(at + 8),
      length: font.readUInt32BE(at + 12),
    });
  }
  return tables;
}

function glyphReader(glyf: Buffer, loca: Buffer, locaFormat: number, numGlyphs: number) {
  const offset = (i: number) => (locaFormat === 0 ? loca.readUInt16BE(2 * i) * 2 : loca.readUInt32BE(4 * i));
  return (gid: number): Buffer => {
    if (gid < 0 || gid >= numGlyphs) throw new Error(`glyph ${gid} out of range`);
    return glyf.subarray(offset(gid), offset(gid + 1));
  };
}

/** Byte offsets (within the glyph) of every component glyph index of a composite glyph. */
function componentOffsets(glyph: Buffer): number[] {
  if (glyph.length === 0 || glyph.readInt16BE(0) >= 0) return [];
  const offsets: number[] = [];
  let at = 10;
  let flags: number;
  do {
    flags = glyph.readUInt16BE(at);
    offsets.push(at + 2);
    at += 4 + (flags & ARG_1_AND_2_ARE_WORDS ? 4 : 2);
    if (flags & WE_HAVE_A_SCALE) at += 2;
    else if (flags & WE_HAVE_AN_X_AND_Y_SCALE) at += 4;
    else if (flags & WE_HAVE_A_TWO_BY_TWO) at += 8;
  } while (flags & MORE_COMPONENTS);
  return offsets;
}

function compositeComponents(glyph: Buffer): number[] {
  return componentOffsets(glyph).map((at) => glyph.readUInt16BE(at));
}

function buildGlyf(
  order: readonly number[],
  glyphData: (gid: number) => Buffer,
  newId: ReadonlyMap<number, number>,
) {
  const parts: Buffer[] = [];
  const loca = Buffer.alloc(4 * (order.length + 1));
  let size = 0;
  order.forEach((old, i) => {
    loca.writeUInt32BE(size, 4 * i);
    const glyph = Buffer.from(glyphData(old));
    for (const at of componentOffsets(glyph))
      glyph.writeUInt16BE(newId.get(glyph.readUInt16BE(at)) as number, at);
    const padded = Buffer.concat([glyph, Buffer.alloc((4 - (glyph.length % 4)) % 4)]);
    parts.push(padded);
    size += padded.length;
  });
  loca.writeUInt32BE(size, 4 * order.length);
  return { data: Buffer.concat(parts), loca };
}

function buildHmtx(hmtx: Buffer, numberOfHMetrics: number, order: readonly number[]): Buffer {
  const out = Buffer.alloc(4 * order.length);
  const lastAdvance = hmtx.readUInt16BE(4 * (numberOfHMetrics - 1));
  order.forEach((old, i) => {
    const full = old < numberOfHMetrics;
    out.writeUInt16BE(full ? hmtx.readUInt16BE(4 * old) : lastAdvance, 4 * i);
    const lsbAt = full ? 4 * old + 2 : 4 * numberOfHMetrics + 2 * (old - numberOfHMetrics);
    out.writeInt16BE(hmtx.readInt16BE(lsbAt), 4 * i + 2);
  });
  return out;
}

/** code point → glyph id from the Windows Unicode BMP subtable (3,1) format 4. */
function readBmpCmap(cmap: Buffer): Map<number, number> {
  const count = cmap.readUInt16BE(2);
  for (let i = 0; i < count; i++) {
    const rec = 4 + 8 * i;
    const sub = cmap.readUInt32BE(rec + 4);
    if (cmap.readUInt16BE(rec) === 3 && cmap.readUInt16BE(rec + 2) === 1 && cmap.readUInt16BE(sub) === 4) {
      return readFormat4(cmap.subarray(sub));
    }
  }
  throw new Error('font has no Windows Unicode BMP cmap (3,1,4)');
}

function readFormat4(t: Buffer): Map<number, number> {
  const segCount = t.readUInt16BE(6) / 2;
  const ends = 14;
  const starts = ends + 2 * segCount + 2;
  const deltas = starts + 2 * segCount;
  const rangeOffsets = deltas + 2 * segCount;
  const map = new Map<number, number>();
  for (let s = 0; s < segCount; s++) {
    const end = t.readUInt16BE(ends + 2 * s);
    const start = t.readUInt16BE(starts + 2 * s);
    const delta = t.readUInt16BE(deltas + 2 * s);
    const rangeAt = rangeOffsets + 2 * s;
    const rangeOffset = t.readUInt16BE(rangeAt);
    for (let c = start; c <= end && c !== 0xffff; c++) {
      let gid = 0;
      if (rangeOffset === 0) gid = (c + delta) & 0xffff;
      else {
        const raw = t.readUInt16BE(rangeAt + rangeOffset + 2 * (c - start));
        gid = raw === 0 ? 0 : (raw + delta) & 0xffff;
      }
      if (gid !== 0) map.set(c, gid);
    }
  }
  return map;
}

/** A cmap with one (3,1) format 4 subtable; runs of consecutive code points and glyphs share a segment. */
function buildCmap4(pairs: readonly (readonly [number, number])[]): Buffer {
  const segments: { start: number; end: number; delta: number }[] = [];
  for (const [cp, gid] of pairs) {
    const last = segments.at(-1);
    const delta = (gid - cp) & 0xffff;
    if (last && last.end === cp - 1 && last.delta === delta) last.end = cp;
    else segments.push({ start: cp, end: cp, delta });
  }
  segments.push({ start: 0xffff, end: 0xffff, delta: 1 });
  const segCount = segments.length;
  const entrySelector = Math.floor(Math.log2(segCount));
  const searchRange = 2 * 2 ** entrySelector;
  const length = 16 + 8 * segCount;
  const sub = Buffer.alloc(length);
  sub.writeUInt16BE(4, 0);
  sub.writeUInt16BE(length, 2);
  sub.writeUInt16BE(0, 4);
  sub.writeUInt16BE(2 * segCount, 6);
  sub.writeUInt16BE(searchRange, 8);
  sub.writeUInt16BE(entrySelector, 10);
  sub.writeUInt16BE(2 * segCount - searchRange, 12);
  segments.forEach((seg, i) => {
    sub.writeUInt16BE(seg.end, 14 + 2 * i);
    sub.writeUInt16BE(seg.start, 16 + 2 * segCount + 2 * i);
    sub.writeUInt16BE(seg.delta, 16 + 4 * segCount + 2 * i);
    sub.writeUInt16BE(0, 16 + 6 * segCount + 2 * i);
  });
  const header = Buffer.alloc(12);
  header.writeUInt16BE(0, 0);
  header.writeUInt16BE(1, 2);
  header.writeUInt16BE(3, 4);
  header.writeUInt16BE(1, 6);
  header.writeUInt32BE(12, 8);
  return Buffer.concat([header, sub]);
}

/** The name table with its Windows records only (the Macintosh ones repeat them); keeps the licence. */
function windowsNames(name: Buffer): Buffer {
  const count = name.readUInt16BE(2);
  const storage = name.readUInt16BE(4);
  const records: { head: Buffer; text: Buffer }[] = [];
  for (let i = 0; i < count; i++) {
    const rec = 6 + 12 * i;
    if (name.readUInt16BE(rec) !== 3) continue;
    const length = name.readUInt16BE(rec + 8);
    const at = storage + name.readUInt16BE(rec + 10);
    records.push({
      head: Buffer.from(name.subarray(rec, rec + 8)),
      text: Buffer.from(name.subarray(at, at + length)),
    });
  }
  const header = Buffer.alloc(6 + 12 * records.length);
  header.writeUInt16BE(0, 0);
  header.writeUInt16BE(records.length, 2);
  header.writeUInt16BE(header.length, 4);
  let offset = 0;
  records.forEach((r, i) => {
    const rec = 6 + 12 * i;
    r.head.copy(header, rec);
    header.writeUInt16BE(r.text.length, rec + 8);
    header.writeUInt16BE(offset, rec + 10);
    offset += r.text.length;
  });
  return Buffer.concat([header, ...records.map((r) => r.text)]);
}

function checksum(data: Buffer): number {
  const padded = data.length % 4 === 0 ? data : Buffer.concat([data, Buffer.alloc(4 - (data.length % 4))]);
  let sum = 0;
  for (let i = 0; i < padded.length; i += 4) sum = (sum + padded.readUInt32BE(i)) >>> 0;
  return sum;
}

function writeFont(sfntVersion: number, tables: ReadonlyMap<string, Buffer>): Buffer {
  const tags = [...tables.keys()].sort();
  const entrySelector = Math.floor(Math.log2(tags.length));
  const searchRange = 16 * 2 ** entrySelector;
  const header = Buffer.alloc(12 + 16 * tags.length);
  header.writeUInt32BE(sfntVersion, 0);
  header.writeUInt16BE(tags.length, 4);
  header.writeUInt16BE(searchRange, 6);
  header.writeUInt16BE(entrySelector, 8);
  header.writeUInt16BE(16 * tags.length - searchRange, 10);
  const bodies: Buffer[] = [];
  let offset = header.length;
  let headOffset = 0;
  tags.forEach((tag, i) => {
    const data = tables.get(tag) as Buffer;
    const rec = 12 + 16 * i;
    header.write(tag, rec, 'latin1');
    header.writeUInt32BE(checksum(data), rec + 4);
    header.writeUInt32BE(offset, rec + 8);
    header.writeUInt32BE(data.length, rec + 12);
    if (tag === 'head') headOffset = offset;
    const padded = Buffer.concat([data, Buffer.alloc((4 - (data.length % 4)) % 4)]);
    bodies.push(padded);
    offset += padded.length;
  });
  const font = Buffer.concat([header, ...bodies]);
  font.writeUInt32BE((0xb1b0afba - checksum(font)) >>> 0, headOffset + 8);
  return font;
}
