// Properties of the understanding step: for any text at all — random strings, lines of meeting vocabulary,
// mangled synthetic documents, adversarial repetitions — understandText never throws, emits a record that
// the contract schema accepts, keeps every provenance span inside the text, and runs in time proportional
// to the text's length.
//
// Deterministic by default (fixed fast-check seed); FC_SEED=<n> or FC_SEED=random and FC_NUM_RUNS=<n>
// explore further.
import { after, before, describe, test } from 'node:test';
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import {
  FINNISH_FIRST_NAMES,
  FINNISH_SURNAMES,
  LAYOUTS,
  SWEDISH_FIRST_NAMES,
  SWEDISH_SURNAMES,
  generateDocument,
} from '../../bench/synthetic-corpus.js';
import { minutesSchema } from '../domain/minutes.schema.js';
import type { Span } from '../domain/minutes.js';
import { toContractJson } from './contract-json.js';
import { parseDocument } from './parse-document.js';
import { ReadError } from './readers/text-layer.js';
import { understandText, type Understanding } from './understand/understand.js';

const ajv = new Ajv2020.default({ allErrors: true, strict: false });
addFormats.default(ajv);
const validate = ajv.compile(minutesSchema);

const seedEnv = process.env.FC_SEED;
const runsEnv = Number(process.env.FC_NUM_RUNS);
const FC_SEED = seedEnv === 'random' ? undefined : seedEnv ? Number(seedEnv) : 424242;
const runs = (n: number): number => (Number.isInteger(runsEnv) && runsEnv > 0 ? runsEnv : n);
const params = (numRuns: number): fc.Parameters<unknown> => ({
  numRuns: runs(numRuns),
  ...(FC_SEED === undefined ? {} : { seed: FC_SEED }),
  endOnFailure: true,
});

/** Generous per-call time bound: a fixed allowance plus time linear in the length. */
function timeBoundMs(length: number): number {
  return 750 + length / 100; // 10 µs per character: 200 KB → 2.75 s at most
}

function preview(text: string): string {
  return JSON.stringify(text.length > 240 ? `${text.slice(0, 240)}…(${text.length} chars)` : text);
}

function resolvePointer(root: unknown, pointer: string): boolean {
  if (pointer === '') return true;
  if (!pointer.startsWith('/')) return false;
  let node: unknown = root;
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (node === null || typeof node !== 'object' || !Object.prototype.hasOwnProperty.call(node, key))
      return false;
    node = (node as Record<string, unknown>)[key];
  }
  return true;
}

function assertSpan(span: Span | undefined, length: number, what: string): void {
  assert.ok(Array.isArray(span) && span.length === 2, `${what}: span is not a [start, end] pair`);
  const [start, end] = span;
  assert.ok(
    Number.isInteger(start) && Number.isInteger(end),
    `${what}: span [${start}, ${end}] is not integral`,
  );
  assert.ok(
    0 <= start && start <= end && end <= length,
    `${what}: span [${start}, ${end}] outside [0, ${length}]`,
  );
}

/** Everything that must hold for the understanding of `text`. */
function assertUnderstanding(text: string, u: Understanding): void {
  const json = toContractJson({
    record: u.record,
    provenance: u.provenance,
    text,
    reader: 'text',
    diagnostics: u.diagnostics,
  });
  if (!validate(json)) {
    assert.fail(`record violates the schema: ${ajv.errorsText(validate.errors)}\ninput: ${preview(text)}`);
  }
  for (const [pointer, span] of Object.entries(u.provenance)) {
    assertSpan(span, text.length, `provenance ${pointer} for ${preview(text)}`);
    assert.ok(
      resolvePointer(u.record, pointer),
      `provenance pointer ${pointer} names no field of the record`,
    );
  }
  for (const d of u.diagnostics) {
    assert.ok(['error', 'warning', 'info'].includes(d.severity), `diagnostic severity ${d.severity}`);
    if (d.span) assertSpan(d.span, text.length, `diagnostic ${d.code}`);
  }
}

/** understandText must not throw, must satisfy the contract, and must finish within the bound. */
function check(text: string): void {
  const t0 = performance.now();
  let u: Understanding;
  try {
    u = understandText(text);
  } catch (error) {
    assert.fail(
      `understandText threw ${error instanceof Error ? error.stack : String(error)}\ninput: ${preview(text)}`,
    );
  }
  const ms = performance.now() - t0;
  assert.ok(
    ms < timeBoundMs(text.length),
    `understandText took ${ms.toFixed(0)} ms for ${text.length} chars`,
  );
  assertUnderstanding(text, u);
}

// ---------------------------------------------------------------------------------------------------------
// Arbitraries

const NAMES = [...FINNISH_FIRST_NAMES.slice(0, 12), ...FINNISH_SURNAMES.slice(0, 12), ...SWEDISH_FIRST_NAMES.slice(0, 8), ...SWEDISH_SURNAMES.slice(0, 8)]; // prettier-ignore

const VOCABULARY: readonly string[] = [
  '§', '§ 25', '25 §', 'klo', 'kl.', '12.00', '12.18', '9-11', '9.00–11.30', '13:00', 'Päätös:', 'Päätös', 'Beslut:',
  'Päätösehdotus:', 'Förslag:', 'Esitys:', 'Valmistelija:', '(x)', '( )', '(-)', 'x', '+', '-', '–', 'Läsnä', 'Läsnä:',
  'Poissa', 'Kutsuttuina', 'Närvarande', 'Frånvarande', 'Liite 1', 'Liite 1:', 'Bilaga 2', 'Liitteet', '1', '2', '3',
  '10', '2017', '1.', '2.', '3.', '12.', 'a', 'b', '\t', '**', '➤', '•', 'Aika:', 'Paikka:', 'Tid:', 'Plats:',
  '28.4.2017', 'ti', 'tiistaina', '28. huhtikuuta 2017', '2017-04-28', 'MUISTIO', 'Muistio 8/2017', 'PÖYTÄKIRJA',
  'Protokoll', 'Esityslista', 'ESITYSLISTA', 'Föredragningslista', 'poistui', 'kokouksesta', 'saapui', 'oli poissa',
  'avlägsnade sig', 'Päätettiin, että', 'laatii', 'mennessä', 'Seuraava kokous', 'Nästa möte', 'Muistion laati:',
  'Vakuudeksi', 'Pöytäkirjantarkastajat', 'Samankaltaiset tiedostot', 'Julkaistu', 'asiat 1-5', '(asiat 1–5)',
  'puheenjohtaja', 'pj.', 'sihteeri', 'sosiaalijohtaja', 'Vaasan kaupunki', 'Korsholms kommun', 'Sote-johtajakokous',
  'kunnanhallitus', 'socialnämnden', 'Äänestys:', 'JAA 7', 'EI 4', 'esteellinen', 'eriävän mielipiteen', ',', '.', ':',
  ';', '(', ')', '/', 'Virtanen,', 'ä', 'ö', 'å', 'a\u0308', '\u00a0', '\u00ad', '\u200b', 'ﬁ', '😀', '\r', ' ',
  ...NAMES,
]; // prettier-ignore

const tokenLine = fc
  .tuple(
    fc.array(fc.constantFrom(...VOCABULARY), { maxLength: 14 }),
    fc.constantFrom(' ', ' ', '', '\t', '  '),
  )
  .map(([tokens, sep]) => tokens.join(sep));
const tokenText = fc
  .tuple(fc.array(tokenLine, { maxLength: 80 }), fc.constantFrom('\n', '\n', '\n\n', '\r\n', ' '))
  .map(([lines, sep]) => lines.join(sep));

const utf16Unit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)); // lone surrogates too
const anyText = fc.oneof(
  fc.string({ maxLength: 3000 }),
  fc.string({ unit: 'binary', maxLength: 1500 }),
  fc.string({ unit: utf16Unit, maxLength: 1500 }),
  fc.string({ unit: fc.constantFrom('\n', '\t', ' ', '§', '1', '.', '(', 'x', ')', '*', ':', 'a', 'ä', '-'), maxLength: 4000 }), // prettier-ignore
);

type Mutation =
  | { op: 'delete' | 'duplicate'; at: number; count: number }
  | { op: 'swap'; at: number; to: number }
  | { op: 'truncate'; fraction: number }
  | { op: 'junk'; at: number; junk: string }
  | { op: 'flatten' | 'strip-blank-lines' | 'crlf' | 'indent' };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constantFrom('delete' as const, 'duplicate' as const), at: fc.nat(), count: fc.integer({ min: 1, max: 12 }) }), // prettier-ignore
  fc.record({ op: fc.constant('swap' as const), at: fc.nat(), to: fc.nat() }),
  fc.record({ op: fc.constant('truncate' as const), fraction: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ op: fc.constant('junk' as const), at: fc.nat(), junk: fc.oneof(tokenLine, fc.string({ unit: 'binary', maxLength: 60 })) }), // prettier-ignore
  fc.record({ op: fc.constantFrom('flatten' as const, 'strip-blank-lines' as const, 'crlf' as const, 'indent' as const) }), // prettier-ignore
);

function mutate(text: string, mutations: readonly Mutation[]): string {
  let lines = text.split('\n');
  for (const m of mutations) {
    const n = Math.max(1, lines.length);
    switch (m.op) {
      case 'delete':
        lines.splice(m.at % n, m.count);
        break;
      case 'duplicate':
        lines.splice(m.at % n, 0, ...lines.slice(m.at % n, (m.at % n) + m.count));
        break;
      case 'swap': {
        const a = m.at % n;
        const b = m.to % n;
        const tmp = lines[a] ?? '';
        lines[a] = lines[b] ?? '';
        lines[b] = tmp;
        break;
      }
      case 'truncate': {
        const joined = lines.join('\n');
        lines = joined.slice(0, Math.floor(joined.length * m.fraction)).split('\n');
        break;
      }
      case 'junk':
        lines.splice(m.at % (lines.length + 1), 0, m.junk);
        break;
      case 'flatten':
        lines = [lines.join(' ').replace(/\s+/g, ' ')];
        break;
      case 'strip-blank-lines':
        lines = lines.filter((l) => l.trim() !== '');
        break;
      case 'crlf':
        lines = lines.map((l) => `${l}\r`);
        break;
      case 'indent':
        lines = lines.map((l, i) => (i % 3 === 0 ? `    ${l}` : l));
        break;
    }
  }
  return lines.join('\n');
}

const synthetic = fc.record({
  seed: fc.integer({ min: 0, max: 0x7fffffff }),
  layout: fc.constantFrom(...LAYOUTS),
  mutations: fc.array(mutation, { maxLength: 6 }),
});

// ---------------------------------------------------------------------------------------------------------

// ---------------------------------------------------------------------------------------------------------
// Adversarial inputs run in a child process, so that a catastrophic regex fails its test instead of
// hanging the whole run: the child is killed when it does not answer in time.

const ADVERSARIAL_CHILD = process.env.PYKALA_ADVERSARIAL_CHILD === '1';

interface ChildRequest {
  id: number;
  text: string;
  repeat: number;
}
type ChildReply = { id: number; ms: number; understanding: Understanding } | { id: number; error: string };

if (ADVERSARIAL_CHILD) {
  process.on('message', (request: ChildRequest) => {
    try {
      let t0 = performance.now();
      const understanding = understandText(request.text);
      let best = performance.now() - t0;
      for (let i = 1; i < request.repeat; i++) {
        t0 = performance.now();
        understandText(request.text);
        best = Math.min(best, performance.now() - t0);
      }
      process.send?.({ id: request.id, ms: best, understanding } satisfies ChildReply);
    } catch (error) {
      process.send?.({ id: request.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies ChildReply); // prettier-ignore
    }
  });
  process.send?.('ready');
  // Leave when the parent does.
  process.on('disconnect', () => process.exit(0));
}

class IsolatedUnderstander {
  private child: ChildProcess | null = null;
  private ready: Promise<void> | null = null;
  private nextId = 0;

  private start(): Promise<void> {
    const child = fork(fileURLToPath(import.meta.url), [], {
      execArgv: ['--import', 'tsx'],
      env: { ...process.env, PYKALA_ADVERSARIAL_CHILD: '1' },
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
      serialization: 'advanced',
    });
    this.child = child;
    this.ready = new Promise((resolve, reject) => {
      child.once('message', () => resolve());
      child.once('exit', (code) => reject(new Error(`child exited with ${code} before it was ready`)));
    });
    return this.ready;
  }

  /** Understands `text` in the child; 'timeout' when it has not answered after `limitMs` (then it is killed). */
  async run(text: string, limitMs: number, repeat = 1): Promise<ChildReply | 'timeout'> {
    if (!this.child) await this.start();
    else await this.ready;
    const child = this.child as ChildProcess;
    const id = this.nextId++;
    return new Promise((resolve) => {
      const onMessage = (reply: ChildReply): void => {
        if (typeof reply !== 'object' || reply.id !== id) return;
        clearTimeout(timer);
        child.off('message', onMessage);
        resolve(reply);
      };
      const timer = setTimeout(() => {
        child.off('message', onMessage);
        child.kill('SIGKILL');
        this.child = null;
        resolve('timeout');
      }, limitMs);
      child.on('message', onMessage);
      child.send({ id, text, repeat } satisfies ChildRequest);
    });
  }

  stop(): void {
    this.child?.kill('SIGKILL');
    this.child = null;
  }
}

if (!ADVERSARIAL_CHILD) {
  describe('no catastrophic backtracking on adversarial input', () => {
    const N = 200_000;
    const LIMIT_MS = 2000;
    const isolated = new IsolatedUnderstander();
    after(() => isolated.stop());

    const flat = (): string => {
      let s = '';
      for (let i = 0; s.length < N; i++)
        s += generateDocument(i, { layout: 'flattened' }).text.replace(/\n/g, ' ');
      return s.slice(0, N);
    };
    const repeat = (unit: string): string => unit.repeat(Math.ceil(N / unit.length)).slice(0, N);
    const cases: Record<string, () => string> = {
      "'a'×n + '!'": () => `${'a'.repeat(N)}!`,
      "'1. '×n": () => repeat('1. '),
      "'1. 1. 1.' lines": () => repeat('1. 1. 1. 1. 1.\n'),
      "'(x) '×n": () => repeat('(x) '),
      "'(x) ' lines": () => repeat('(x) (x) Vaasan kaupunki\n'),
      "'\\t'×n": () => repeat('\t'),
      "'\\t\\t\\t\\tx' + '+'": () => `${repeat('\t\t\t\tx')}\n+`,
      "' '×n + 'x'": () => `${' '.repeat(N)}x`,
      "'\\n'×n": () => repeat('\n'),
      "'a\\n'×n": () => repeat('a\n'),
      "'§ '×n": () => repeat('§ '),
      "'§ 1\\n'×n": () => repeat('§ 1\n'),
      "'klo 12.00 '×n": () => repeat('klo 12.00 '),
      "'12.12.2012'×n": () => repeat('12.12.2012'),
      "'1'×n": () => repeat('1'),
      "'1.'×n": () => repeat('1.'),
      "'Päätös: '×n": () => repeat('Päätös: '),
      "'**'×n": () => repeat('**'),
      "'**a'×n": () => repeat('**a'),
      "'➤ '×n": () => repeat('➤ '),
      "'Liite 1 '×n": () => repeat('Liite 1 '),
      "'Virtanen, Matti '×n": () => repeat('Virtanen, Matti '),
      "'Läsnä' + one line of 'Matti Virtanen, '": () => `Läsnä\n${repeat('Matti Virtanen, ')}`,
      "'Aika: ' + digits": () => `Aika: ${repeat('1')}`,
      "'('×n": () => repeat('('),
      "'- '×n": () => repeat('- '),
      "'a '×n": () => repeat('a '),
      "'Ä'×n": () => repeat('Ä'),
      "' (12 kt)' lines": () => repeat('Liite.pdf (12 kt)\n'),
      "an item naming 'a.pdf' and 'liite 1', then ' \\n'×n": () =>
        `§ 1 Asia\nLiite 1 a.pdf\nliite 1\n${repeat(' \n')}x`,
      'one 200 K aggregator line': flat,
    };
    for (const [name, make] of Object.entries(cases)) {
      test(`${name} within ${LIMIT_MS / 1000} s`, async () => {
        const text = make();
        const reply = await isolated.run(text, LIMIT_MS * 2.5);
        if (reply === 'timeout')
          assert.fail(`still running after ${(LIMIT_MS * 2.5) / 1000} s (${text.length} chars)`);
        if ('error' in reply) assert.fail(`understandText threw ${reply.error}`);
        assert.ok(reply.ms < LIMIT_MS, `took ${reply.ms.toFixed(0)} ms for ${text.length} chars`);
        assertUnderstanding(text, reply.understanding);
      });
    }

    test('time grows linearly: 4× the input takes well under 16× the time', async () => {
      for (const unit of ['(x) Vaasan kaupunki Matti Virtanen\n', '1. ', 'Päätös: klo 12.00 § 1 ', ' \t']) {
        const small = await isolated.run(unit.repeat(Math.ceil(50_000 / unit.length)), 10_000, 3);
        const large = await isolated.run(unit.repeat(Math.ceil(200_000 / unit.length)), 10_000, 3);
        const label = JSON.stringify(unit);
        if (small === 'timeout' || large === 'timeout') assert.fail(`${label}: still running after 10 s`);
        if ('error' in small || 'error' in large) assert.fail(`${label}: understandText threw`);
        assert.ok(large.ms < 8 * small.ms + 150, `${label}: 50 K ${small.ms.toFixed(1)} ms, 200 K ${large.ms.toFixed(1)} ms`); // prettier-ignore
      }
    });
  });
}

if (!ADVERSARIAL_CHILD) {
  before(() => {
    // Warm the JIT so the first timed call is not charged for compilation.
    for (let i = 0; i < 5; i++) understandText(generateDocument(i).text);
  });

  describe('understandText on arbitrary input', () => {
    test('arbitrary strings (ASCII, full Unicode, lone surrogates, punctuation soup)', () => {
      fc.assert(fc.property(anyText, check), params(250));
    });

    test('lines of meeting vocabulary', () => {
      fc.assert(fc.property(tokenText, check), params(300));
    });

    test('synthetic documents of every layout, mutated (deleted, duplicated, swapped lines, truncation, junk)', () => {
      fc.assert(
        fc.property(synthetic, ({ seed, layout, mutations }) => {
          check(mutate(generateDocument(seed, { layout }).text, mutations));
        }),
        params(150),
      );
    });

    test('is pure: the same text gives the same understanding', () => {
      fc.assert(
        fc.property(synthetic, ({ seed, layout, mutations }) => {
          const text = mutate(generateDocument(seed, { layout }).text, mutations);
          assert.deepEqual(understandText(text), understandText(text));
        }),
        params(40),
      );
    });
  });

  describe('parseDocument on arbitrary text bytes', () => {
    test('either a ReadError or a result that satisfies the contract, spans within its text', async () => {
      const encoder = new TextEncoder();
      await fc.assert(
        fc.asyncProperty(fc.oneof(tokenText, anyText), async (text) => {
          let result;
          try {
            result = await parseDocument(encoder.encode(text), 'input.txt');
          } catch (error) {
            assert.ok(
              error instanceof ReadError,
              `threw a non-ReadError: ${String(error)} for ${preview(text)}`,
            );
            assert.ok(error.message.length > 0);
            return;
          }
          assertUnderstanding(result.text, {
            record: result.record,
            provenance: result.provenance,
            diagnostics: result.diagnostics,
          });
        }),
        params(150),
      );
    });
  });
}
