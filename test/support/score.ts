// A faithful port of ../shared/tools/score_parse.py: same normalisation, token F1, thresholds, field
// groups and micro-averaging, so a fixture's score here is the score the shared scorer would print.
// Python semantics kept on purpose: Unicode `\w`/`\s` classes, truthiness of `a and b` / `a or {}`,
// last-wins dict keys, code-point sorting.

/** Counts for one field group: true positives, false positives, false negatives. */
export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

/** Per field group ('date', 'participants', 'item.decision', …) counts. */
export type Tallies = Record<string, Counts>;

export interface Miss {
  where: string;
  group: string;
  gold: unknown;
  pred: unknown;
}

export interface DocumentScore {
  groups: Tallies;
  misses: Miss[];
}

export interface Prf {
  precision: number;
  recall: number;
  f1: number;
}

type Json = Record<string, unknown>;

// Python's str.isspace() set, which is what `\s` means in a Python str pattern (JS `\s` differs:
// it lacks \x1c-\x1f and \x85 and has \ufeff).
const PY_SPACE =
  '\\t\\n\\v\\f\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const NOT_KEPT = new RegExp(`[^\\p{L}\\p{N}_${PY_SPACE}/:.\\-]`, 'gu');
const SPACES = new RegExp(`[${PY_SPACE}]+`, 'gu');
const TOKEN_SEPARATORS = new RegExp(`[${PY_SPACE}.,:;/()\\-]+`, 'u');
const ATTACHMENT_NUMBER = new RegExp(
  `^(?:liite|liitteet|bilaga|bilagor|attachment)[${PY_SPACE}]*(\\p{Nd}+)`,
  'u',
);

/** Python's `str(value)` for the JSON values the scorer meets. */
function pyStr(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number') return String(value);
  return JSON.stringify(value) ?? '';
}

/** Python truthiness: None, False, 0, '', [] and {} are false. */
function truthy(value: unknown): boolean {
  if (value === null || value === undefined || value === false || value === 0 || value === '') return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.keys(value).length > 0;
  return true;
}

/** Python `==` between JSON scalars (True == 1, None == missing). */
function pyEqual(a: unknown, b: unknown): boolean {
  const x = a === undefined ? null : a;
  const y = b === undefined ? null : b;
  const scalar = (v: unknown): boolean => typeof v === 'number' || typeof v === 'boolean';
  if (scalar(x) && scalar(y)) return Number(x) === Number(y);
  if (typeof x === 'object' && x !== null && typeof y === 'object' && y !== null) {
    return JSON.stringify(x) === JSON.stringify(y);
  }
  return x === y;
}

function isEmpty(value: unknown): boolean {
  if (value === null || value === undefined || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.keys(value).length === 0;
  return false;
}

function get(obj: unknown, key: string): unknown {
  return typeof obj === 'object' && obj !== null && !Array.isArray(obj) ? (obj as Json)[key] : undefined;
}

/** `obj.get(key) or []` for a list field. */
function list(obj: unknown, key: string): Json[] {
  const value = get(obj, key);
  return truthy(value) && Array.isArray(value) ? (value as Json[]) : [];
}

/** `a and a.get(key)`. */
function andGet(obj: Json | undefined, key: string): unknown {
  return truthy(obj) ? get(obj, key) : obj;
}

function compareCodePoints(a: string, b: string): number {
  const x = Array.from(a, (c) => c.codePointAt(0)!);
  const y = Array.from(b, (c) => c.codePointAt(0)!);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    if (x[i] !== y[i]) return x[i]! - y[i]!;
  }
  return x.length - y.length;
}

export function norm(value: unknown): string {
  if (value === null || value === undefined) return '';
  return pyStr(value).normalize('NFC').toLowerCase().replace(NOT_KEPT, ' ').replace(SPACES, ' ').trim();
}

export function tokens(value: unknown): string[] {
  return norm(value)
    .split(TOKEN_SEPARATORS)
    .filter((t) => t.length > 0);
}

export function tokenF1(a: unknown, b: unknown): number {
  const ta = tokens(a);
  const tb = tokens(b);
  if (ta.length === 0 && tb.length === 0) return 1;
  if (ta.length === 0 || tb.length === 0) return 0;
  const count = (ts: string[]): Map<string, number> => {
    const m = new Map<string, number>();
    for (const t of ts) m.set(t, (m.get(t) ?? 0) + 1);
    return m;
  };
  const ca = count(ta);
  const cb = count(tb);
  let common = 0;
  for (const [t, n] of ca) common += Math.min(n, cb.get(t) ?? 0);
  if (common === 0) return 0;
  const p = common / ta.length;
  const r = common / tb.length;
  return (2 * p * r) / (p + r);
}

function attachmentNumber(value: unknown): string | null {
  return ATTACHMENT_NUMBER.exec(norm(value))?.[1] ?? null;
}

function sameAttachment(a: string, b: string): boolean {
  const na = attachmentNumber(a);
  if (na !== null && na === attachmentNumber(b)) return true;
  return tokenF1(a, b) >= 0.6;
}

export function nameKey(value: unknown): string {
  return tokens(value).sort(compareCodePoints).join(' ');
}

class Tally {
  readonly groups: Tallies = {};
  readonly misses: Miss[] = [];

  add(group: string, gold: unknown, pred: unknown, ok: boolean, where: string): void {
    const g = !isEmpty(gold);
    const p = !isEmpty(pred);
    const row = (this.groups[group] ??= { tp: 0, fp: 0, fn: 0 });
    if (g && p && ok) {
      row.tp += 1;
      return;
    }
    if (p) row.fp += 1;
    if (g) row.fn += 1;
    if (g || p) this.misses.push({ where, group, gold, pred });
  }
}

const EXACT = ['kind', 'language', 'meeting_number', 'date', 'start_time', 'end_time'];
const FUZZY: Array<[string, number]> = [
  ['body', 0.8],
  ['title', 0.8],
  ['place', 0.8],
  ['recorded_by', 0.99],
];

/** Last-wins map by key, as a Python dict comprehension builds it. */
function byKey(rows: Json[], key: (row: Json) => string): Map<string, Json> {
  const m = new Map<string, Json>();
  for (const row of rows) m.set(key(row), row);
  return m;
}

function unionKeys(a: Map<string, unknown>, b: Map<string, unknown>): string[] {
  return [...new Set([...a.keys(), ...b.keys()])];
}

/** Scores one predicted document against its gold annotation, group by group. */
export function scoreDocument(gold: unknown, pred: unknown, name = 'document'): DocumentScore {
  const tally = new Tally();
  for (const f of EXACT) {
    const g = get(gold, f);
    const p = get(pred, f);
    tally.add(f, g, p, norm(g) === norm(p), name);
  }
  for (const [f, threshold] of FUZZY) {
    const g = get(gold, f);
    const p = get(pred, f);
    tally.add(f, g, p, tokenF1(g, p) >= threshold, name);
  }
  scoreParticipants(tally, gold, pred, name);
  scoreItems(tally, gold, pred, name);
  scoreEvents(tally, gold, pred, name);
  scoreNextMeeting(tally, gold, pred, name);
  scoreEntries(tally, gold, pred, name);
  return { groups: tally.groups, misses: tally.misses };
}

// participants: matched by name; then attendance, organisation and role of matched pairs
function scoreParticipants(tally: Tally, gold: unknown, pred: unknown, name: string): void {
  const key = (x: Json): string => nameKey(x.name);
  const gp = byKey(list(gold, 'participants'), key);
  const pp = byKey(list(pred, 'participants'), key);
  for (const k of unionKeys(gp, pp)) {
    const g = gp.get(k);
    const p = pp.get(k);
    const where = `${name}:${k}`;
    tally.add('participants', andGet(g, 'name'), andGet(p, 'name'), g !== undefined && p !== undefined, name);
    if (truthy(g) && truthy(p)) {
      tally.add('participant.present', g!.present, p!.present, pyEqual(g!.present, p!.present), where);
      tally.add(
        'participant.organization',
        g!.organization,
        p!.organization,
        tokenF1(g!.organization, p!.organization) >= 0.7,
        where,
      );
      tally.add('participant.role', g!.role, p!.role, tokenF1(g!.role, p!.role) >= 0.7, where);
      for (const flag of ['chair', 'secretary', 'invited']) {
        const gv = truthy(g![flag]);
        const pv = truthy(p![flag]);
        tally.add('participant.flags', gv || null, pv || null, gv === pv, `${where}:${flag}`);
      }
    } else if (truthy(g)) {
      tally.add('participant.present', g!.present, null, false, where);
    }
  }
}

// items: matched by number; then title, proposal, decision, attachments
function scoreItems(tally: Tally, gold: unknown, pred: unknown, name: string): void {
  const key = (x: Json): string => norm(x.number);
  const gi = byKey(list(gold, 'items'), key);
  const pi = byKey(list(pred, 'items'), key);
  for (const k of unionKeys(gi, pi)) {
    const gItem = gi.get(k);
    const pItem = pi.get(k);
    const where = `${name}:${k}`;
    tally.add(
      'items',
      andGet(gItem, 'number'),
      andGet(pItem, 'number'),
      gItem !== undefined && pItem !== undefined,
      name,
    );
    const g: Json = truthy(gItem) ? gItem! : {};
    const p: Json = truthy(pItem) ? pItem! : {};
    tally.add('item.title', g.title, p.title, tokenF1(g.title, p.title) >= 0.8, where);
    for (const f of ['proposal', 'decision']) {
      tally.add(`item.${f}`, g[f], p[f], tokenF1(g[f], p[f]) >= 0.6, where);
    }
    const ga = list(g, 'attachments').map((a) => norm(a));
    const pa = list(p, 'attachments').map((a) => norm(a));
    for (const a of ga) {
      const hit = pa.some((b) => sameAttachment(a, b));
      tally.add('item.attachments', a, hit ? a : null, hit, where);
    }
    for (const b of pa) {
      if (!ga.some((a) => sameAttachment(a, b))) tally.add('item.attachments', null, b, false, where);
    }
  }
}

function matchList(
  tally: Tally,
  group: string,
  gl: Json[],
  pl: Json[],
  key: string,
  extra: (g: Json, p: Json) => boolean,
  name: string,
): void {
  const gk = byKey(gl, (x) => nameKey(x[key]));
  const pk = byKey(pl, (x) => nameKey(x[key]));
  for (const k of unionKeys(gk, pk)) {
    const g = gk.get(k);
    const p = pk.get(k);
    const ok = g !== undefined && p !== undefined && extra(g, p);
    tally.add(group, andGet(g, key), andGet(p, key), ok, name);
  }
}

function scoreEvents(tally: Tally, gold: unknown, pred: unknown, name: string): void {
  const sameTime = (g: Json, p: Json): boolean => norm(g.time) === norm(p.time);
  for (const group of ['departures', 'arrivals']) {
    matchList(tally, group, list(gold, group), list(pred, group), 'name', sameTime, name);
  }
  matchList(
    tally,
    'actions',
    list(gold, 'actions'),
    list(pred, 'actions'),
    'owner',
    (g, p) => tokenF1(g.task, p.task) >= 0.5,
    name,
  );
}

function scoreNextMeeting(tally: Tally, gold: unknown, pred: unknown, name: string): void {
  const orEmpty = (v: unknown): Json => (truthy(v) ? (v as Json) : {});
  const gn = orEmpty(get(gold, 'next_meeting'));
  const pn = orEmpty(get(pred, 'next_meeting'));
  for (const f of ['date', 'start_time', 'place']) {
    const ok = f === 'place' ? tokenF1(gn[f], pn[f]) >= 0.8 : norm(gn[f]) === norm(pn[f]);
    tally.add('next_meeting', gn[f], pn[f], ok, name);
  }
}

// entries (listings): greedy match by title, in gold order
function scoreEntries(tally: Tally, gold: unknown, pred: unknown, name: string): void {
  const ge = list(gold, 'entries');
  const pe = list(pred, 'entries');
  const used = new Set<number>();
  for (const g of ge) {
    const j = pe.findIndex((p, i) => !used.has(i) && tokenF1(g.title, p.title) >= 0.8);
    if (j < 0) {
      tally.add('entries', g.title, null, false, name);
      continue;
    }
    used.add(j);
    const p = pe[j]!;
    tally.add('entries', g.title, p.title, true, name);
    tally.add('entry.summary', g.summary, p.summary, tokenF1(g.summary, p.summary) >= 0.6, name);
    tally.add('entry.published', g.published, p.published, norm(g.published) === norm(p.published), name);
  }
  pe.forEach((p, j) => {
    if (!used.has(j)) tally.add('entries', null, p.title, false, name);
  });
}

/** Sums several documents' group tallies into one. */
export function sumTallies(all: readonly Tallies[]): Tallies {
  const out: Tallies = {};
  for (const groups of all) {
    for (const [group, c] of Object.entries(groups)) {
      const row = (out[group] ??= { tp: 0, fp: 0, fn: 0 });
      row.tp += c.tp;
      row.fp += c.fp;
      row.fn += c.fn;
    }
  }
  return out;
}

/** All groups added up. */
export function totals(groups: Tallies): Counts {
  const sum: Counts = { tp: 0, fp: 0, fn: 0 };
  for (const c of Object.values(groups)) {
    sum.tp += c.tp;
    sum.fp += c.fp;
    sum.fn += c.fn;
  }
  return sum;
}

export function prf({ tp, fp, fn }: Counts): Prf {
  const precision = tp + fp ? tp / (tp + fp) : 1;
  const recall = tp + fn ? tp / (tp + fn) : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

/** Micro-averaged F1 over every group of one document's tallies, or of many documents' tallies. */
export function microF1(tallies: Tallies | readonly Tallies[]): number {
  const groups = Array.isArray(tallies) ? sumTallies(tallies) : (tallies as Tallies);
  return prf(totals(groups)).f1;
}

/** The shared scorer's table: one line per group, then the overall micro line. */
export function formatTable(groups: Tallies): string {
  const lines = [
    `${'field'.padEnd(28)} ${'prec'.padStart(6)} ${'rec'.padStart(6)} ${'f1'.padStart(6)}  tp/fp/fn`,
  ];
  for (const group of Object.keys(groups).sort(compareCodePoints)) {
    const c = groups[group]!;
    const { precision, recall, f1 } = prf(c);
    lines.push(
      `${group.padEnd(28)} ${precision.toFixed(3).padStart(6)} ${recall.toFixed(3).padStart(6)} ` +
        `${f1.toFixed(3).padStart(6)}  ${c.tp}/${c.fp}/${c.fn}`,
    );
  }
  return lines.join('\n');
}

/** One line per miss, like the shared scorer's --verbose output. */
export function formatMisses(misses: readonly Miss[], limit = Infinity): string {
  const show = (v: unknown): string => {
    const s = v === null || v === undefined ? 'None' : typeof v === 'string' ? v : JSON.stringify(v);
    return JSON.stringify(s.slice(0, 80));
  };
  const lines = misses
    .slice(0, limit)
    .map((m) => `MISS ${m.where} ${m.group}: gold=${show(m.gold)} pred=${show(m.pred)}`);
  if (misses.length > limit) lines.push(`… and ${misses.length - limit} more`);
  return lines.join('\n');
}
