// parseDocument on inputs that are not ordinary documents: empty, binary, broken, encrypted, blank or huge.
// Each either yields a best-effort result that satisfies the contract, or throws a ReadError with the
// code the contract names — never any other exception, and always in bounded time.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import JSZip from 'jszip';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { createRng, generateCorpus } from '../../bench/synthetic-corpus.js';
import { minutesSchema } from '../domain/minutes.schema.js';
import type { Span } from '../domain/minutes.js';
import { toContractJson } from './contract-json.js';
import { parseDocument, type ParseResult } from './parse-document.js';
import { ReadError, type ReadErrorCode } from './readers/text-layer.js';

const ajv = new Ajv2020.default({ allErrors: true, strict: false });
addFormats.default(ajv);
const validate = ajv.compile(minutesSchema);

function assertSpan(span: Span | undefined, length: number, what: string): void {
  assert.ok(Array.isArray(span) && span.length === 2, `${what}: not a [start, end] pair`);
  const [start, end] = span;
  assert.ok(Number.isInteger(start) && Number.isInteger(end), `${what}: [${start}, ${end}] not integral`);
  assert.ok(
    0 <= start && start <= end && end <= length,
    `${what}: [${start}, ${end}] outside [0, ${length}]`,
  );
}

function assertValidResult(result: ParseResult): void {
  const json = toContractJson(result);
  if (!validate(json)) assert.fail(`record violates the schema: ${ajv.errorsText(validate.errors)}`);
  for (const [pointer, span] of Object.entries(result.provenance)) {
    assertSpan(span, result.text.length, `provenance ${pointer}`);
  }
  for (const d of result.diagnostics)
    if (d.span) assertSpan(d.span, result.text.length, `diagnostic ${d.code}`);
}

type Outcome = { result: ParseResult } | { error: ReadError };

/** Parses, failing the test on anything thrown that is not a ReadError with a message. */
async function parse(bytes: Uint8Array, fileName: string): Promise<Outcome> {
  try {
    return { result: await parseDocument(bytes, fileName) };
  } catch (error) {
    assert.ok(
      error instanceof ReadError,
      `expected a ReadError, got ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    assert.ok(error.message.trim().length > 0, 'a ReadError must say why');
    return { error };
  }
}

async function assertReadError(
  bytes: Uint8Array,
  fileName: string,
  codes: readonly ReadErrorCode[],
): Promise<void> {
  const outcome = await parse(bytes, fileName);
  if ('result' in outcome) assert.fail(`expected ReadError ${codes.join('|')}, got a result (reader ${outcome.result.reader})`); // prettier-ignore
  assert.ok(codes.includes(outcome.error.code), `expected ${codes.join('|')}, got ${outcome.error.code}: ${outcome.error.message}`); // prettier-ignore
}

/** Either a valid best-effort result, or a ReadError with one of `codes`. */
async function assertResultOrReadError(
  bytes: Uint8Array,
  fileName: string,
  codes: readonly ReadErrorCode[],
): Promise<Outcome> {
  const outcome = await parse(bytes, fileName);
  if ('result' in outcome) assertValidResult(outcome.result);
  else assert.ok(codes.includes(outcome.error.code), `expected ${codes.join('|')}, got ${outcome.error.code}: ${outcome.error.message}`); // prettier-ignore
  return outcome;
}

function randomBytes(seed: number, length: number): Uint8Array {
  const rng = createRng(seed);
  const bytes = new Uint8Array(length);
  for (let i = 0; i < length; i += 4) {
    const x = Math.floor(rng.next() * 4294967296);
    bytes[i] = x & 255;
    if (i + 1 < length) bytes[i + 1] = (x >>> 8) & 255;
    if (i + 2 < length) bytes[i + 2] = (x >>> 16) & 255;
    if (i + 3 < length) bytes[i + 3] = (x >>> 24) & 255;
  }
  return bytes;
}

function latin1(text: string): Uint8Array {
  return Uint8Array.from(text, (c) => c.charCodeAt(0) & 255);
}

async function textPdf(pages: number, lines: readonly string[]): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (let p = 0; p < pages; p++) {
    const page = pdf.addPage([595, 842]);
    lines.forEach((line, i) => page.drawText(line, { x: 56, y: 780 - i * 14, size: 10, font }));
  }
  return pdf.save();
}

const MINUTES_LINES = [
  'Sote-johtajakokous Muistio 8/2017',
  'Aika: ti 28.4.2017 klo 9.00-11.30',
  'Paikka: Vaasan kaupungintalo',
  'Läsnä',
  '(x) Vaasan kaupunki Sosiaalijohtaja Matti Virtanen, pj.',
  '(x) Mustasaaren kunta Perusturvajohtaja Anna Mäkinen',
  '1. Kokouksen avaus',
  'Puheenjohtaja avasi kokouksen klo 9.05.',
  '2. Valinnanvapauspilotin valmistelutilanne',
  'Päätös: Merkittiin tiedoksi.',
  'Muistion laati: Anna Mäkinen',
];

/**
 * A minimal PDF whose trailer names a standard security handler (RC4, 40-bit) whose /U entry does not
 * match the empty user password, so a reader has to ask for a password. pdf-lib cannot encrypt, so the
 * bytes are written by hand, with a correct cross-reference table.
 */
function encryptedPdf(): Uint8Array {
  const hex = (n: number, seed: number): string =>
    Array.from(randomBytes(seed, n), (b) => b.toString(16).padStart(2, '0')).join('');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << >> >>',
    `<< /Length 16 >>\nstream\n${'x'.repeat(16)}\nendstream`,
    `<< /Filter /Standard /V 1 /R 2 /O <${hex(32, 1)}> /U <${hex(32, 2)}> /P -44 >>`,
  ];
  let out = '%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) out += `${String(offset).padStart(10, '0')} 00000 n \n`;
  const id = hex(16, 3);
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Encrypt 5 0 R /ID [<${id}> <${id}>] >>\n`;
  out += `startxref\n${xref}\n%%EOF\n`;
  return latin1(out);
}

describe('parseDocument edge cases', () => {
  test('empty bytes → ReadError EMPTY', async () => {
    await assertReadError(new Uint8Array(0), 'empty.txt', ['EMPTY']);
    await assertReadError(new Uint8Array(0), 'empty.pdf', ['EMPTY']);
    await assertReadError(new Uint8Array(0), 'empty.docx', ['EMPTY']);
  });

  test('random binary → ReadError BINARY (or the format its name claims is corrupt), or a best-effort result', async () => {
    for (const [seed, size] of [
      [1, 64],
      [2, 4096],
      [3, 65536],
      [4, 1_000_000],
    ] as const) {
      // prettier-ignore
      const bytes = randomBytes(seed, size);
      await assertResultOrReadError(bytes, 'random.txt', ['BINARY']);
      await assertResultOrReadError(bytes, 'random.bin', ['BINARY', 'UNSUPPORTED_FORMAT']);
      await assertResultOrReadError(bytes, 'random', ['BINARY', 'UNSUPPORTED_FORMAT']);
      await assertResultOrReadError(bytes, 'random.html', ['BINARY']);
      await assertResultOrReadError(bytes, 'random.pdf', ['CORRUPT_PDF', 'BINARY', 'UNSUPPORTED_FORMAT']);
      await assertResultOrReadError(bytes, 'random.docx', ['CORRUPT_DOCX', 'BINARY', 'UNSUPPORTED_FORMAT']);
    }
  });

  test('binary with NUL bytes and control characters in otherwise ASCII text', async () => {
    const text = 'Muistio 1/2020\n\u0000\u0001\u0002Aika: 1.2.2020\n'.repeat(200);
    await assertResultOrReadError(new TextEncoder().encode(text), 'nul.txt', ['BINARY']);
  });

  test('a PDF magic number followed by garbage → ReadError CORRUPT_PDF', async () => {
    const garbage = randomBytes(5, 20_000);
    const bytes = new Uint8Array([...latin1('%PDF-1.7\n'), ...garbage]);
    await assertReadError(bytes, 'garbage.pdf', ['CORRUPT_PDF']);
    await assertReadError(latin1('%PDF-1.4\n'), 'header-only.pdf', ['CORRUPT_PDF']);
  });

  test('a truncated PDF → ReadError CORRUPT_PDF', async () => {
    const full = await textPdf(5, MINUTES_LINES);
    const whole = await parse(full.slice(), 'whole.pdf');
    if ('result' in whole) assertValidResult(whole.result);
    for (const fraction of [0.1, 0.5, 0.9]) {
      const cut = full.slice(0, Math.floor(full.length * fraction));
      await assertReadError(cut, `truncated-${fraction}.pdf`, ['CORRUPT_PDF']);
    }
  });

  test('a truncated PDF is still recognised as PDF without a .pdf name', async () => {
    const full = await textPdf(2, MINUTES_LINES);
    await assertReadError(full.slice(0, Math.floor(full.length / 2)), 'download', ['CORRUPT_PDF', 'BINARY']);
  });

  test('an encrypted PDF → ReadError ENCRYPTED_PDF', async () => {
    // pdfjs answers this file with a PasswordException (checked with pdfjs-dist 5.6).
    await assertReadError(encryptedPdf(), 'salattu.pdf', ['ENCRYPTED_PDF']);
  });

  test('a PDF whose pages have no text layer → ReadError NO_TEXT', async () => {
    const pdf = await PDFDocument.create();
    for (let i = 0; i < 3; i++) {
      const page = pdf.addPage([595, 842]);
      page.drawRectangle({ x: 50, y: 50, width: 400, height: 600, borderWidth: 1 }); // a scan would be an image
    }
    await assertReadError(await pdf.save(), 'skannattu.pdf', ['NO_TEXT']);
  });

  test('a zip that is not a Word document, named .docx → ReadError CORRUPT_DOCX', async () => {
    const zip = new JSZip();
    zip.file('hello.txt', 'not a document');
    const bytes = await zip.generateAsync({ type: 'uint8array' });
    await assertReadError(bytes, 'muistio.docx', ['CORRUPT_DOCX']);
  });

  test('a truncated .docx → ReadError CORRUPT_DOCX', async () => {
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'); // prettier-ignore
    zip.file('word/document.xml', `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${MINUTES_LINES.map((l) => `<w:p><w:r><w:t>${l}</w:t></w:r></w:p>`).join('')}</w:body></w:document>`); // prettier-ignore
    const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    await assertReadError(bytes.slice(0, Math.floor(bytes.length / 2)), 'muistio.docx', ['CORRUPT_DOCX']);
  });

  test('over the size limit → ReadError TOO_LARGE, without reading it', async () => {
    const bytes = new Uint8Array(64 * 1024 * 1024 + 1).fill(0x61);
    const t0 = performance.now();
    await assertReadError(bytes, 'huge.txt', ['TOO_LARGE']);
    assert.ok(performance.now() - t0 < 5000, 'refusing an oversized file must be quick');
  });

  test(
    'a 50 MB text → a best-effort result or a clear ReadError, in bounded time',
    { timeout: 300_000 },
    async () => {
      const docs = generateCorpus(120, 50);
      const unit = docs.map((d) => d.text).join('\n');
      const target = 50 * 1024 * 1024;
      const encoder = new TextEncoder();
      const unitBytes = encoder.encode(unit);
      const bytes = new Uint8Array(target);
      for (let at = 0; at < target; at += unitBytes.length) bytes.set(unitBytes.subarray(0, Math.min(unitBytes.length, target - at)), at); // prettier-ignore
      // The cut may split a multi-byte character at the very end; readers must cope with that too.
      const t0 = performance.now();
      const outcome = await assertResultOrReadError(bytes, 'koko-vuosi.txt', ['TOO_LARGE']);
      const seconds = (performance.now() - t0) / 1000;
      const what = 'result' in outcome ? `a result (${outcome.result.record.items.length} items)` : `ReadError ${outcome.error.code}`; // prettier-ignore
      console.log(`50 MB text: ${what} in ${seconds.toFixed(1)} s`);
      assert.ok(seconds < 120, `50 MB took ${seconds.toFixed(1)} s`);
    },
  );
});
