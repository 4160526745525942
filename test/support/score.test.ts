import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadExpected, loadManifest } from './corpus.js';
import {
  formatTable,
  microF1,
  nameKey,
  norm,
  prf,
  scoreDocument,
  sumTallies,
  tokenF1,
  tokens,
  totals,
  type Tallies,
} from './score.js';

const SHARED = process.env.PYKALA_SHARED ?? fileURLToPath(new URL('../../../shared/', import.meta.url));
const PY_SCORER = join(SHARED, 'tools', 'score_parse.py');

function person(name: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name,
    organization: 'Koivurannan kunta',
    role: 'perusturvajohtaja',
    present: true,
    chair: false,
    secretary: false,
    invited: false,
    items: null,
    ...extra,
  };
}

function sampleDoc(): Record<string, unknown> {
  return {
    kind: 'minutes',
    language: 'fi',
    body: 'Perusturvalautakunta',
    title: 'Perusturvalautakunta Pöytäkirja 4/2017',
    meeting_number: '4/2017',
    date: '2017-04-25',
    start_time: '14:00',
    end_time: '16:35',
    place: 'Koivurannan kunnantalo, kokoushuone Kaisla',
    participants: [person('Markku Hietanen', { chair: true }), person('Mervi Vainio', { secretary: true })],
    items: [
      {
        number: '13',
        title: 'Hakeutuminen sote-keskuspilottiin',
        proposal: 'Perusturvalautakunta esittää kunnanhallitukselle, että kunta hakeutuu pilottiin.',
        decision: 'Hyväksyttiin.',
        attachments: ['Liite 1: Hakemusluonnos'],
      },
    ],
    departures: [{ name: 'Jari Ahonen', time: '15:05', item: '14' }],
    actions: [{ owner: 'Liisa Mäkelä', task: 'valmistelee luonnoksen kriteereistä', due: null, item: '3' }],
    next_meeting: { date: '2017-05-23', start_time: '14:00', end_time: null, place: 'kunnantalo' },
    recorded_by: 'Mervi Vainio',
  };
}

const f1Of = (groups: Tallies): number => prf(totals(groups)).f1;

test('identical documents score F1 1.0 with no misses', () => {
  const score = scoreDocument(sampleDoc(), sampleDoc());
  assert.equal(f1Of(score.groups), 1);
  assert.deepEqual(score.misses, []);
  assert.equal(microF1(score.groups), 1);
});

test('every fixture expected.json scored against itself gives F1 1.0', () => {
  for (const spec of loadManifest().cases) {
    const expected = loadExpected(spec);
    const score = scoreDocument(expected, structuredClone(expected), spec.name);
    const { fp, fn } = totals(score.groups);
    assert.equal(fp + fn, 0, `${spec.name}: ${JSON.stringify(score.misses.slice(0, 3))}`);
    assert.equal(f1Of(score.groups), 1, spec.name);
  }
});

test('a wrong date is one false positive and one false negative', () => {
  const pred = { ...sampleDoc(), date: '2017-04-26' };
  const { groups, misses } = scoreDocument(sampleDoc(), pred, 'doc');
  assert.deepEqual(groups.date, { tp: 0, fp: 1, fn: 1 });
  assert.deepEqual(misses, [{ where: 'doc', group: 'date', gold: '2017-04-25', pred: '2017-04-26' }]);
});

test('a missing value is a false negative only, an invented one a false positive only', () => {
  const gold = sampleDoc();
  assert.deepEqual(scoreDocument(gold, { ...gold, place: null }).groups.place, { tp: 0, fp: 0, fn: 1 });
  assert.deepEqual(scoreDocument({ ...gold, place: null }, gold).groups.place, { tp: 0, fp: 1, fn: 0 });
  assert.deepEqual(scoreDocument({ ...gold, place: null }, { ...gold, place: '' }).groups.place, {
    tp: 0,
    fp: 0,
    fn: 0,
  });
});

test('participant names match in any order and with a comma', () => {
  assert.equal(nameKey('Hietanen Markku'), nameKey('Markku Hietanen'));
  assert.equal(nameKey('Hietanen, Markku'), nameKey('Markku Hietanen'));
  const pred = sampleDoc();
  pred.participants = [
    person('Hietanen Markku', { chair: true }),
    person('Vainio, Mervi', { secretary: true }),
  ];
  const { groups } = scoreDocument(sampleDoc(), pred);
  assert.deepEqual(groups.participants, { tp: 2, fp: 0, fn: 0 });
  assert.equal(f1Of(groups), 1);
});

test('attendance, role and flags of matched participants are scored separately', () => {
  const pred = sampleDoc();
  pred.participants = [
    person('Markku Hietanen', { chair: false, role: 'puheenjohtaja', present: null }),
    person('Mervi Vainio', { secretary: true, present: false }),
  ];
  const { groups } = scoreDocument(sampleDoc(), pred);
  assert.deepEqual(groups['participant.present'], { tp: 0, fp: 1, fn: 2 });
  assert.deepEqual(groups['participant.role'], { tp: 1, fp: 1, fn: 1 });
  assert.deepEqual(groups['participant.flags'], { tp: 1, fp: 0, fn: 1 });
  // A gold participant the prediction missed still counts its attendance as missed.
  const missing = scoreDocument(sampleDoc(), { ...sampleDoc(), participants: [] }).groups;
  assert.deepEqual(missing['participant.present'], { tp: 0, fp: 0, fn: 2 });
  assert.equal(missing['participant.role'], undefined);
});

test('items match by normalised number; texts by token F1 thresholds', () => {
  const pred = sampleDoc();
  pred.items = [
    {
      number: '§ 13',
      title: 'Hakeutuminen sote-keskuspilottiin',
      proposal: 'Perusturvalautakunta esittää, että kunta hakeutuu pilottiin.',
      decision: 'Hyväksyttiin päätösehdotus muutoksitta.',
      attachments: ['Liite 1', 'Liite 3 Kustannusarvio'],
    },
  ];
  const { groups } = scoreDocument(sampleDoc(), pred);
  assert.deepEqual(groups.items, { tp: 1, fp: 0, fn: 0 });
  assert.deepEqual(groups['item.proposal'], { tp: 1, fp: 0, fn: 0 });
  assert.deepEqual(groups['item.decision'], { tp: 0, fp: 1, fn: 1 });
  assert.deepEqual(groups['item.attachments'], { tp: 1, fp: 1, fn: 0 });
});

test('normalisation and tokens follow the Python scorer', () => {
  assert.equal(norm('  Kokous\u00a0päättyi  klo 14.00! '), 'kokous päättyi klo 14.00');
  assert.equal(norm('a\u0308iti'), 'äiti');
  assert.equal(norm(null), '');
  assert.equal(norm(3), '3');
  assert.equal(norm(true), 'true');
  // \x1c is whitespace to Python, \ufeff is not (JavaScript's \s says the opposite).
  assert.equal(norm('a\x1cb'), 'a b');
  assert.equal(norm('a\ufeffb'), 'a b');
  assert.deepEqual(tokens('Liite 2: Suunnitelma (sote-uudistus)'), [
    'liite',
    '2',
    'suunnitelma',
    'sote',
    'uudistus',
  ]);
  assert.equal(tokenF1('Hyväksyttiin.', 'hyväksyttiin'), 1);
  assert.equal(tokenF1('', null), 1);
  assert.equal(tokenF1('a b', ''), 0);
  assert.ok(Math.abs(tokenF1('a b c d', 'a b') - 2 / 3) < 1e-12);
});

test('next meeting scores date, start time and place but not end time', () => {
  const pred = sampleDoc();
  pred.next_meeting = { date: '2017-05-23', start_time: '14:00', end_time: '16:00', place: 'Kunnantalo' };
  assert.deepEqual(scoreDocument(sampleDoc(), pred).groups.next_meeting, { tp: 3, fp: 0, fn: 0 });
});

test('listing entries match greedily by title', () => {
  const entry = (title: string, summary: string | null, published: string | null) => ({
    title,
    summary,
    published,
    meeting_date: null,
  });
  const gold = {
    kind: 'listing',
    entries: [
      entry('Kuntajohtajien kokous', 'Ydinviesti', '2021-10-22'),
      entry('Sote-tiimin kokous', null, null),
    ],
  };
  const pred = {
    kind: 'listing',
    entries: [entry('Kuntajohtajien kokous', 'Ydinviesti', '2021-10-21'), entry('Lue lisää', null, null)],
  };
  const { groups } = scoreDocument(gold, pred);
  assert.deepEqual(groups.entries, { tp: 1, fp: 1, fn: 1 });
  assert.deepEqual(groups['entry.summary'], { tp: 1, fp: 0, fn: 0 });
  assert.deepEqual(groups['entry.published'], { tp: 0, fp: 1, fn: 1 });
});

test('an empty prediction misses everything and invents nothing', () => {
  const { groups } = scoreDocument(sampleDoc(), {});
  const { tp, fp, fn } = totals(groups);
  assert.equal(tp, 0);
  assert.equal(fp, 0);
  assert.ok(fn > 10);
  assert.equal(f1Of(groups), 0);
});

test('microF1 over several documents sums their tallies first', () => {
  const a: Tallies = { date: { tp: 1, fp: 0, fn: 0 } };
  const b: Tallies = { date: { tp: 0, fp: 1, fn: 1 }, place: { tp: 2, fp: 0, fn: 0 } };
  assert.deepEqual(sumTallies([a, b]), { date: { tp: 1, fp: 1, fn: 1 }, place: { tp: 2, fp: 0, fn: 0 } });
  assert.equal(microF1([a, b]), (2 * 3) / (2 * 3 + 1 + 1));
  assert.equal(microF1({}), 1);
});

// ---------------------------------------------------------------------------------------------------------
// Cross-check against the shared Python scorer on deterministic perturbations of the fixtures' gold.

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Any = Record<string, unknown>;

function perturb(doc: Any, seed: number): Any {
  const rnd = mulberry32(seed);
  const chance = (p: number): boolean => rnd() < p;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const text = (v: unknown): unknown => {
    if (typeof v !== 'string' || !chance(0.5)) return v;
    const words = v.split(' ');
    return pick([
      () => null,
      () => '',
      () => words.slice(0, Math.max(1, Math.ceil(words.length * rnd()))).join(' '),
      () => `${v} lisäys`,
      () => v.toUpperCase().replace(/ /g, '\u00a0'),
      () => `${v}\ufeff!`,
      () => v.normalize('NFD'),
      () => `İso ${v}\x1cß`,
    ])();
  };
  const out = structuredClone(doc);
  for (const f of ['kind', 'language', 'meeting_number', 'date', 'start_time', 'end_time']) {
    if (chance(0.25)) out[f] = pick([null, '', 'x', '2017-01-01', '12:00', `${String(out[f])} `]);
  }
  for (const f of ['body', 'title', 'place', 'recorded_by']) out[f] = text(out[f]);
  const participants = ((out.participants as Any[] | undefined) ?? []).filter(() => chance(0.85));
  for (const p of participants) {
    if (chance(0.3)) {
      const parts = String(p.name).split(' ');
      p.name = chance(0.5)
        ? `${parts.slice(1).join(' ')} ${parts[0]}`
        : `${parts.slice(1).join(' ')}, ${parts[0]}`;
    }
    if (chance(0.2)) p.present = pick([null, true, false, 1]);
    p.organization = text(p.organization);
    p.role = text(p.role);
    for (const flag of ['chair', 'secretary', 'invited']) if (chance(0.1)) p[flag] = !p[flag];
  }
  if (chance(0.5))
    participants.push({ name: 'Keksitty Henkilö', organization: null, role: 'jäsen', present: true });
  out.participants = participants;
  const items = ((out.items as Any[] | undefined) ?? []).filter(() => chance(0.85));
  for (const it of items) {
    if (chance(0.2))
      it.number = pick([`§ ${String(it.number)}`, Number.parseInt(String(it.number), 10) || 0, '99']);
    it.title = text(it.title) ?? '';
    it.proposal = text(it.proposal);
    it.decision = text(it.decision);
    const attachments = ((it.attachments as string[] | undefined) ?? []).filter(() => chance(0.8));
    if (chance(0.3)) attachments.push(pick(['Liite 7', 'Bilaga 2 Extra', 'Esitys', 'liitteet 2-6']));
    it.attachments = attachments.map((a) => (chance(0.2) ? `${a.split(':')[0]}` : a));
  }
  out.items = items;
  for (const group of ['departures', 'arrivals', 'actions']) {
    const rows = ((out[group] as Any[] | undefined) ?? []).filter(() => chance(0.8));
    for (const r of rows) {
      if (chance(0.3)) r.time = pick([null, '10:00', '1000']);
      if (chance(0.3)) r.task = text(r.task);
    }
    out[group] = rows;
  }
  if (chance(0.3))
    out.next_meeting = pick([null, {}, { date: '2017-01-01', start_time: null, place: 'Jossain' }]);
  const entries = ((out.entries as Any[] | undefined) ?? []).filter(() => chance(0.8)).reverse();
  for (const e of entries) {
    e.summary = text(e.summary);
    if (chance(0.3)) e.published = null;
  }
  if (out.entries) out.entries = entries;
  return out;
}

interface PyScore {
  groups: Tallies;
  overall: string;
}

function runPythonScorer(goldDir: string, predDir: string): PyScore {
  const run = spawnSync('python3', [PY_SCORER, goldDir, predDir], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  const groups: Tallies = {};
  let overall = '';
  for (const line of run.stdout.split('\n')) {
    const row = /^(\S+)\s+[\d.]+\s+[\d.]+\s+[\d.]+\s+(\d+)\/(\d+)\/(\d+)$/.exec(line);
    if (row) groups[row[1]!] = { tp: Number(row[2]), fp: Number(row[3]), fn: Number(row[4]) };
    if (line.startsWith('overall micro:')) overall = line;
  }
  return { groups, overall };
}

test('agrees with ../shared/tools/score_parse.py on perturbed fixtures', (t) => {
  if (!existsSync(PY_SCORER)) return t.skip(`no shared scorer at ${PY_SCORER}`);
  if (spawnSync('python3', ['--version']).status !== 0) return t.skip('python3 is not available');
  const cases = loadManifest().cases;
  const root = mkdtempSync(join(tmpdir(), 'pykala-score-'));
  try {
    for (const round of [1, 2, 3, 4]) {
      const goldDir = join(root, `gold-${round}`);
      const predDir = join(root, `pred-${round}`);
      mkdirSync(goldDir);
      mkdirSync(predDir);
      const ours: Tallies[] = [];
      cases.forEach((spec, i) => {
        const expected = loadExpected(spec);
        // Round 4 also perturbs the gold side, to exercise odd gold values too.
        const gold = round === 4 ? perturb(expected, 1000 + i) : expected;
        const pred = perturb(expected, round * 100 + i);
        writeFileSync(join(goldDir, `${spec.name}.json`), JSON.stringify(gold));
        writeFileSync(join(predDir, `${spec.name}.json`), JSON.stringify(pred));
        ours.push(scoreDocument(gold, pred, spec.name).groups);
      });
      const py = runPythonScorer(goldDir, predDir);
      const mine = sumTallies(ours);
      assert.deepEqual(
        mine,
        py.groups,
        `round ${round}\nours:\n${formatTable(mine)}\npython:\n${py.overall}`,
      );
      const { precision, recall, f1 } = prf(totals(mine));
      assert.match(
        py.overall,
        new RegExp(`precision ${precision.toFixed(3)} recall ${recall.toFixed(3)} F1 ${f1.toFixed(3)}`),
      );
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
