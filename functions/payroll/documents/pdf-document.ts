import PDFDocument from 'pdfkit';
import { COVERED_RANGES, DEJAVU_SANS_BASE64, DEJAVU_SANS_BOLD_BASE64 } from './fonts/dejavu-sans';

/**
 * A pdfkit document that never touches pdfkit's standard fonts. Those (Helvetica & co.) are AFM metrics
 * that pdfkit loads from its own package folder at run time (`require('#standard-fonts/…')`), which does
 * not exist once esbuild has bundled the Lambda into one index.mjs. So the constructor gets `font: null`
 * (pdfkit 0.20's `initFonts(null)` skips its Helvetica default) and every text is set in DejaVu Sans,
 * embedded in the code as base64 (fonts/dejavu-sans.ts, made by fonts/generate.ts).
 */

export const BODY_FONT = 'body';
export const BOLD_FONT = 'bold';

/** pdfkit's typings say `font?: string`; at run time null is what turns the default font off. */
const NO_STANDARD_FONT = null as unknown as string;

let fontBuffers: { readonly regular: Buffer; readonly bold: Buffer } | undefined;
function fonts() {
  fontBuffers ??= {
    regular: Buffer.from(DEJAVU_SANS_BASE64, 'base64'),
    bold: Buffer.from(DEJAVU_SANS_BOLD_BASE64, 'base64'),
  };
  return fontBuffers;
}

export interface PdfOptions {
  readonly title: string;
  readonly author: string;
  readonly subject: string;
  readonly createdAt: Date;
  /** false writes readable content streams (tests); production compresses. */
  readonly compress?: boolean;
}

export const PAGE = { width: 595.28, height: 841.89, left: 40, right: 40, top: 40, bottom: 56 } as const;
export const CONTENT_WIDTH = PAGE.width - PAGE.left - PAGE.right;

export function createPdf(options: PdfOptions): PDFKit.PDFDocument {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right },
    font: NO_STANDARD_FONT,
    autoFirstPage: false,
    bufferPages: true,
    compress: options.compress ?? true,
    lang: 'id-ID',
    displayTitle: true,
    info: {
      Title: safeText(options.title),
      Author: safeText(options.author),
      Subject: safeText(options.subject),
      Creator: 'SIGAP',
      Producer: 'SIGAP (pdfkit)',
      CreationDate: options.createdAt,
    },
  });
  const { regular, bold } = fonts();
  doc.registerFont(BODY_FONT, regular);
  doc.registerFont(BOLD_FONT, bold);
  doc.font(BODY_FONT);
  doc.addPage();
  return doc;
}

function covered(codePoint: number): boolean {
  for (const [from, to] of COVERED_RANGES) {
    if (codePoint < from) return false;
    if (codePoint <= to) return true;
  }
  return false;
}

/** Text the embedded fonts can draw: other characters become '?' instead of an empty box. */
export function safeText(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    const cp = ch.codePointAt(0) as number;
    out += cp === 0x0a || covered(cp) ? ch : '?';
  }
  return out;
}

/** Starts a new page when `height` more points would run into the footer. */
export function ensureSpace(doc: PDFKit.PDFDocument, height: number): void {
  if (doc.y + height > PAGE.height - PAGE.bottom) {
    doc.addPage();
    doc.y = PAGE.top;
  }
}

export function pdfToBuffer(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

/**
 * Footer (and the DRAFT watermark) on every buffered page, drawn once the page count is known: `footer`
 * on the left, `right` and the page number on the right.
 */
export function finishPages(
  doc: PDFKit.PDFDocument,
  footer: string,
  right: string,
  watermark?: string,
): void {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    // Text below the bottom margin would make pdfkit open a new page.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = PAGE.height - PAGE.bottom + 18;
    doc
      .moveTo(PAGE.left, y - 6)
      .lineTo(PAGE.width - PAGE.right, y - 6)
      .lineWidth(0.5)
      .strokeColor('#999999')
      .stroke();
    doc.font(BODY_FONT).fontSize(7).fillColor('#555555');
    doc.text(safeText(footer), PAGE.left, y, { width: CONTENT_WIDTH - 170, lineBreak: false });
    doc.text(`${safeText(right)} · Halaman ${i - start + 1} dari ${count}`, PAGE.left, y, {
      width: CONTENT_WIDTH,
      align: 'right',
      lineBreak: false,
    });
    if (watermark) drawWatermark(doc, watermark);
    doc.page.margins.bottom = bottom;
  }
  doc.fillColor('black');
}

function drawWatermark(doc: PDFKit.PDFDocument, text: string): void {
  const cx = PAGE.width / 2;
  const cy = PAGE.height / 2;
  doc.save();
  doc.rotate(-40, { origin: [cx, cy] });
  doc.font(BOLD_FONT).fontSize(28).fillColor('#cc0000').fillOpacity(0.18);
  const safe = safeText(text);
  doc.text(safe, cx - doc.widthOfString(safe) / 2, cy - 14, { lineBreak: false });
  doc.restore();
  doc.fillOpacity(1);
}
