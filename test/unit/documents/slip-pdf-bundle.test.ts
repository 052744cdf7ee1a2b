import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatRupiah } from '../../../functions/payroll/documents/format';
import { aRun, aStoredSlip } from '../../fixtures/slips';
import { extractPdfText } from './pdf-text';

const run = promisify(execFile);
const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/** The banner infra/lib/app-function.ts gives every Lambda bundle. */
const ESM_REQUIRE_BANNER =
  "import { createRequire as __sigapCreateRequire } from 'node:module';" +
  'const require = __sigapCreateRequire(import.meta.url);';

/** Bundles `entry` (TypeScript, resolved from the repository root) the way the CDK does, into `dir`. */
async function bundle(dir: string, name: string, entry: string): Promise<string> {
  const outfile = join(dir, name, 'index.mjs');
  await build({
    stdin: { contents: entry, resolveDir: REPO_ROOT, sourcefile: `${name}.ts`, loader: 'ts' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    minify: true,
    mainFields: ['module', 'main'],
    banner: { js: ESM_REQUIRE_BANNER },
    outfile,
    logLevel: 'silent',
  });
  return outfile;
}

/** Runs a bundle from its own folder, with no NODE_PATH, so only what is inside the file exists. */
function runBundle(file: string, ...args: string[]) {
  return run(process.execPath, [file, ...args], {
    cwd: dirname(file),
    env: { PATH: process.env.PATH ?? '' },
    maxBuffer: 64 * 1024 * 1024,
    encoding: 'buffer',
  });
}

const RENDER_ENTRY = `
import { readFileSync } from 'node:fs';
import { renderSlipPdf } from './functions/payroll/documents/slip-pdf.ts';
const { slip, run } = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const pdf = await renderSlipPdf(slip, run, { compress: false, printedAt: new Date('2026-11-23T03:00:00Z') });
process.stdout.write(pdf);
`;

/** Control: pdfkit with its default Helvetica, which it reads from its package folder at run time. */
const HELVETICA_ENTRY = `
import PDFDocument from 'pdfkit';
const doc = new PDFDocument();
doc.text('Halo');
doc.end();
`;

describe('renderSlipPdf bundled by esbuild into one index.mjs', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'sigap-pdf-bundle-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('should run outside the repository, where pdfkit cannot be resolved', async () => {
    const file = await bundle(dir, 'slip', RENDER_ENTRY);
    const slip = aStoredSlip();
    const input = join(dir, 'input.json');
    writeFileSync(input, JSON.stringify({ slip, run: aRun() }));

    expect(() => createRequire(join(dir, 'slip', 'x.js')).resolve('pdfkit')).toThrow();
    expect(existsSync(join(dir, 'slip', 'node_modules'))).toBe(false);
    const { stdout } = await runBundle(file, input);

    expect(stdout.subarray(0, 5).toString()).toBe('%PDF-');
    const text = extractPdfText(stdout).text.replace(/\s+/g, '');
    expect(text).toContain('BudiSantoso,S.T.');
    expect(text).toContain(formatRupiah(slip.slip.totals.bersih).replace(/\s+/g, ''));
    // The renderer with pdfkit, fontkit and both fonts (~1.1 MB minified) stays a modest Lambda bundle.
    expect(statSync(file).size).toBeLessThan(1_500_000);
  });

  it("should fail with pdfkit's default font (why the renderer embeds its own)", async () => {
    const file = await bundle(dir, 'helvetica', HELVETICA_ENTRY);

    await expect(runBundle(file)).rejects.toThrow(/standard-fonts|Cannot find/);
  });
});
