/**
 * Parse throughput on one core.
 *
 *   node --import tsx bench/parse.bench.ts [--docs N] [--pdf-docs N] [--pdf-pages N] [--runs N] [--seed N] [--check]
 *
 * Generates a deterministic synthetic corpus (bench/synthetic-corpus.ts) and measures, in this one process
 * (JavaScript runs on one thread; pdfjs runs without a worker here):
 * - a baseline: UTF-8 decode + split into lines + a handful of anchored regexes per line, i.e. about the
 *   least any line-oriented parser must do;
 * - `understandText` over the corpus' texts, and `parseDocument` over its bytes (the end-to-end figure);
 * - `parseDocument` over a set of multi-page PDFs made with pdf-lib.
 * Each measurement is a warm-up run, then the best of `--runs` (3). Human-readable lines first; the last
 * line is one JSON object. `--check` exits 1 when a target is missed (≥ 20 MB/s text, ≥ 50 PDF pages/s).
 */
import { PDFDocument, StandardFonts, type PDFFont } from 'pdf-lib';
import { parseDocument } from '../src/parse/parse-document.js';
import { understandText } from '../src/parse/understand/understand.js';
import { generateCorpus, generateDocument, mixSeed } from './synthetic-corpus.js';

const TARGET_TEXT_MB_PER_S = 20;
const TARGET_PDF_PAGES_PER_S = 50;

interface Options {
  docs: number;
  pdfDocs: number;
  pdfPages: number;
  runs: number;
  seed: number;
  check: boolean;
}

function parseArgs(argv: readonly string[]): Options {
  const options: Options = { docs: 2000, pdfDocs: 20, pdfPages: 10, runs: 3, seed: 20170428, check: false };
  const numeric: Record<string, keyof Options> = {
    '--docs': 'docs',
    '--pdf-docs': 'pdfDocs',
    '--pdf-pages': 'pdfPages',
    '--runs': 'runs',
    '--seed': 'seed',
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const [flag, inline] = arg.includes('=') ? (arg.split('=', 2) as [string, string]) : [arg, undefined];
    if (flag === '--check') {
      options.check = true;
      continue;
    }
    const key = numeric[flag];
    if (!key) throw new Error(`unknown argument ${arg}`);
    const value = Number(inline ?? argv[++i]);
    if (!Number.isInteger(value) || value < 0) throw new Error(`${flag} needs a non-negative integer`);
    (options as unknown as Record<string, number>)[key] = value;
  }
  options.runs = Math.max(1, options.runs);
  return options;
}

/** Runs `fn` once to warm up, then `runs` times; returns the best wall time in seconds. */
async function bestOf(runs: number, fn: () => unknown | Promise<unknown>): Promise<number> {
  await fn();
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    await fn();
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    if (seconds < best) best = seconds;
  }
  return best;
}

// ---------------------------------------------------------------------------------------------------------
// Baseline

const BASELINE_PATTERNS: readonly RegExp[] = [
  /^§\s*\d+/,
  /^\d{1,3}\s*(?:\.|§)\s+\S/,
  /^(?:Aika|Paikka|Tid|Plats|Kokousaika|Kokouspaikka)\b/,
  /^(?:\*\*)?(?:Päätös|Beslut|Päätösehdotus|Förslag|Esitys)\b/,
  /^\((?:x|-| )\)/,
  /^(?:Liite|Bilaga)\s+\d+/,
  /^(?:Läsnä|Poissa|Närvarande|Frånvarande|Kutsuttuina)\b/,
];

const decoder = new TextDecoder('utf-8');

function baseline(corpus: readonly Uint8Array[]): number {
  let hits = 0;
  for (const bytes of corpus) {
    const lines = decoder.decode(bytes).split('\n');
    for (const line of lines) {
      for (const re of BASELINE_PATTERNS) if (re.test(line)) hits++;
    }
  }
  return hits;
}

// ---------------------------------------------------------------------------------------------------------
// PDFs

/** The characters pdf-lib's standard fonts can encode (WinAnsi). */
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

function winAnsiSafe(text: string): string {
  let out = '';
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    if ((c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xff) || WIN_ANSI_EXTRA.has(ch)) out += ch;
    else if (ch === '\t') out += '    ';
    else if (ch === '➤') out += '>';
    else out += '?';
  }
  return out;
}

function wrapToWidth(text: string, font: PDFFont, size: number, width: number): string[] {
  const words = text.split(' ');
  const space = font.widthOfTextAtSize(' ', size);
  const lines: string[] = [];
  let line = '';
  let lineWidth = 0;
  for (const word of words) {
    const w = font.widthOfTextAtSize(word, size);
    if (line.length > 0 && lineWidth + space + w > width) {
      lines.push(line);
      line = word;
      lineWidth = w;
    } else {
      line = line.length > 0 ? `${line} ${word}` : word;
      lineWidth += (line.length > word.length ? space : 0) + w;
    }
  }
  lines.push(line);
  return lines;
}

/** A deterministic PDF of exactly `pages` A4 pages of minutes text in Helvetica, with page headers. */
async function makeMinutesPdf(seed: number, pages: number): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const fixed = new Date(Date.UTC(2020, 0, 1));
  pdf.setCreationDate(fixed);
  pdf.setModificationDate(fixed);
  pdf.setProducer('pykala bench');
  pdf.setCreator('pykala bench');
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const size = 10;
  const leading = 13;
  const margin = 56;
  const [pageWidth, pageHeight] = [595.28, 841.89];
  const linesPerPage = Math.floor((pageHeight - 2 * margin - 2 * leading) / leading);

  // Enough lines of realistic text, from as many synthetic documents as needed.
  const lines: { text: string; bold: boolean }[] = [];
  let title = '';
  for (let k = 0; lines.length < pages * linesPerPage; k++) {
    const doc = generateDocument(mixSeed(seed, k), { targetBytes: 30_000 });
    if (k === 0) title = winAnsiSafe(doc.meta.title).slice(0, 80);
    for (const raw of doc.text.split('\n')) {
      const isBold = /^\*\*.*\*\*$/.test(raw) || raw.startsWith('**');
      const text = winAnsiSafe(raw.replace(/\*\*/g, ''));
      if (text === '') lines.push({ text: '', bold: false });
      else for (const l of wrapToWidth(text, isBold ? bold : regular, size, pageWidth - 2 * margin)) lines.push({ text: l, bold: isBold }); // prettier-ignore
    }
  }

  for (let p = 0; p < pages; p++) {
    const page = pdf.addPage([pageWidth, pageHeight]);
    page.drawText(title, { x: margin, y: pageHeight - margin + leading, size: 8, font: regular });
    page.drawText(`${p + 1} (${pages})`, { x: pageWidth - margin - 30, y: pageHeight - margin + leading, size: 8, font: regular }); // prettier-ignore
    for (let i = 0; i < linesPerPage; i++) {
      const line = lines[p * linesPerPage + i];
      if (!line || line.text === '') continue;
      page.drawText(line.text, {
        x: margin,
        y: pageHeight - margin - (i + 1) * leading,
        size,
        font: line.bold ? bold : regular,
      });
    }
  }
  return pdf.save();
}

// ---------------------------------------------------------------------------------------------------------

function round(n: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const encoder = new TextEncoder();

  const tGen = performance.now();
  const docs = generateCorpus(options.docs, options.seed);
  const texts = docs.map((d) => d.text);
  const bytes = texts.map((t) => encoder.encode(t));
  const totalBytes = bytes.reduce((sum, b) => sum + b.length, 0);
  const mb = totalBytes / 1e6;
  console.log(
    `corpus: ${docs.length} documents, ${round(mb)} MB (seed ${options.seed}), generated in ${round((performance.now() - tGen) / 1000)} s`, // prettier-ignore
  );

  // Baseline
  let hits = 0;
  const baselineSeconds = await bestOf(options.runs, () => {
    hits = baseline(bytes);
  });
  const baselineMbPerS = mb / baselineSeconds;
  console.log(`baseline (decode + split + ${BASELINE_PATTERNS.length} anchored regexes/line): ${round(baselineMbPerS)} MB/s (${hits} hits)`); // prettier-ignore

  // understandText
  let understandErrors = 0;
  const understandSeconds = await bestOf(options.runs, () => {
    understandErrors = 0;
    for (const text of texts) {
      try {
        understandText(text);
      } catch {
        understandErrors++;
      }
    }
  });
  const understandMbPerS = mb / understandSeconds;
  console.log(`understandText: ${round(understandMbPerS)} MB/s, ${round(docs.length / understandSeconds, 1)} docs/s${understandErrors ? `, ${understandErrors} threw` : ''}`); // prettier-ignore

  // parseDocument, text
  let parseErrors = 0;
  const parseSeconds = await bestOf(options.runs, async () => {
    parseErrors = 0;
    for (let i = 0; i < bytes.length; i++) {
      try {
        await parseDocument(bytes[i] as Uint8Array, docs[i]?.fileName ?? 'doc.txt');
      } catch {
        parseErrors++;
      }
    }
  });
  const textMbPerS = mb / parseSeconds;
  const docsPerS = docs.length / parseSeconds;
  console.log(`parseDocument (text): ${round(textMbPerS)} MB/s, ${round(docsPerS, 1)} docs/s${parseErrors ? `, ${parseErrors} threw` : ''}`); // prettier-ignore

  // parseDocument, PDF
  const tPdf = performance.now();
  const pdfs: Uint8Array[] = [];
  for (let i = 0; i < options.pdfDocs; i++) pdfs.push(await makeMinutesPdf(mixSeed(options.seed ^ 0x5eed, i), options.pdfPages)); // prettier-ignore
  const pdfPages = options.pdfDocs * options.pdfPages;
  const pdfMb = pdfs.reduce((sum, b) => sum + b.length, 0) / 1e6;
  console.log(`pdf: ${pdfs.length} documents × ${options.pdfPages} pages, ${round(pdfMb)} MB, generated in ${round((performance.now() - tPdf) / 1000)} s`); // prettier-ignore
  let pdfErrors = 0;
  let pdfReaders = new Set<string>();
  let pdfTextChars = 0;
  let firstPdfError = '';
  let pdfSeconds = Infinity;
  if (pdfs.length > 0) {
    // pdfjs may take ownership of (detach) the buffer it is given: each run gets fresh copies, made untimed.
    const runPdfs = async (): Promise<number> => {
      const copies = pdfs.map((b) => b.slice());
      pdfErrors = 0;
      pdfReaders = new Set();
      pdfTextChars = 0;
      const t0 = process.hrtime.bigint();
      for (let i = 0; i < copies.length; i++) {
        try {
          const result = await parseDocument(copies[i] as Uint8Array, `minutes_${i}.pdf`);
          pdfReaders.add(result.reader);
          pdfTextChars += result.text.length;
        } catch (error) {
          pdfErrors++;
          if (!firstPdfError)
            firstPdfError = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
        }
      }
      return Number(process.hrtime.bigint() - t0) / 1e9;
    };
    await runPdfs();
    for (let r = 0; r < options.runs; r++) pdfSeconds = Math.min(pdfSeconds, await runPdfs());
  }
  const pdfPagesPerS = pdfs.length > 0 ? pdfPages / pdfSeconds : 0;
  console.log(`parseDocument (pdf): ${round(pdfPagesPerS, 1)} pages/s, reader ${[...pdfReaders].join(',') || '-'}, ${pdfTextChars} chars of text${pdfErrors ? `, ${pdfErrors} threw (${firstPdfError})` : ''}`); // prettier-ignore
  if (pdfs.length > 0 && !pdfReaders.has('pdf')) {
    console.log(
      'note: the PDFs were not read by the pdf reader, so the PDF figure does not measure PDF reading',
    );
  }

  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  console.log(`peak RSS: ${round(peakRssMb, 1)} MB`);
  const ratio = textMbPerS / baselineMbPerS;
  console.log(`parseDocument runs at ${round(ratio * 100, 1)} % of the baseline's speed (${round(1 / ratio, 1)}× slower)`); // prettier-ignore

  const textOk = textMbPerS >= TARGET_TEXT_MB_PER_S && parseErrors === 0;
  const pdfOk = pdfPagesPerS >= TARGET_PDF_PAGES_PER_S && pdfErrors === 0 && pdfReaders.has('pdf');
  console.log(`targets: text ≥ ${TARGET_TEXT_MB_PER_S} MB/s ${textOk ? 'met' : 'MISSED'}; pdf ≥ ${TARGET_PDF_PAGES_PER_S} pages/s ${pdfOk ? 'met' : 'MISSED'}`); // prettier-ignore

  const summary = {
    text_mb_per_s: round(textMbPerS),
    docs_per_s: round(docsPerS, 1),
    pdf_pages_per_s: round(pdfPagesPerS, 1),
    peak_rss_mb: round(peakRssMb, 1),
    baseline_mb_per_s: round(baselineMbPerS),
    understand_mb_per_s: round(understandMbPerS),
    ratio_to_baseline: round(ratio, 4),
    docs: docs.length,
    text_mb: round(mb, 3),
    pdf_pages: pdfPages,
    pdf_mb: round(pdfMb, 3),
    pdf_reader: [...pdfReaders].join(',') || null,
    errors: { understand: understandErrors, text: parseErrors, pdf: pdfErrors },
    runs: options.runs,
    seed: options.seed,
    node: process.version,
    targets_met: textOk && pdfOk,
  };
  console.log(JSON.stringify(summary));
  if (options.check && !(textOk && pdfOk)) process.exitCode = 1;
}

await main();
