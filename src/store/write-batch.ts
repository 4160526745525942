import type { BinaryElement } from './binary-array.js';
import { encodeArray, isBinaryElement } from './binary-array.js';
import { encodeCopyRows } from './copy-binary.js';
import type { Sql } from './db.js';
import type { ReferencedKeys } from './references.js';
import { checkReferences, readForeignKeys } from './references.js';

/** Rows for one table, given column-wise (one array per column), inserted through `unnest`. */
export interface InsertSpec {
  table: string;
  columns: readonly string[];
  /** Each column's SQL element type ('text', 'int4', 'jsonb', …). */
  types: readonly string[];
  values: readonly (readonly unknown[])[];
  /** A cast applied to a column after unnest, for types unnest cannot carry (minhash: 'int4[]'). */
  casts?: Readonly<Record<string, string>>;
  /** 'ON CONFLICT …' clause, if any. */
  onConflict?: string;
  /**
   * The conflict key: the first `key` columns. Rows of one batch with the same key become one row
   * (an upsert may not touch a row twice in one statement): the first, or `combine`d in order.
   */
  key?: number;
  combine?: (earlier: unknown[], later: readonly unknown[]) => unknown[];
}

export interface RunOptions {
  /**
   * 'per-row' (the default): PostgreSQL checks each inserted row's foreign keys with a trigger, which
   * for a row runs a query and locks the parent row. 'per-batch': where the session may (a superuser),
   * it sets `session_replication_role` to 'replica' for the statement, which skips those triggers, and
   * then checks every key the batch references in one statement; a missing one fails the batch with
   * BrokenReferenceError. For writes of many child rows per parent, as an ingest's are. Triggers that
   * must still fire are ENABLE ALWAYS. Statements added with `statement` must then not update or delete
   * referenced rows: ON DELETE actions are triggers too. The tables whose rows are plain appends then go
   * by COPY where the engine has it (`Sql.copyFrom`), after the statement (docs/adr/0020).
   */
  checkReferences?: 'per-row' | 'per-batch';
}

interface TableRows {
  spec: InsertSpec;
  /** The rows so far, column by column, as they are sent. */
  columns: unknown[][];
  /** Each conflict key's row, for specs with a `key`. */
  byKey: Map<unknown, number> | null;
}

/**
 * Collects inserts into several tables and runs them as one statement (data-modifying CTEs), since on
 * an embedded database each statement's round trip costs as much as its work. Inserts into the same
 * table (with the same columns and conflict clause) are merged into one multi-row insert, so a batch of
 * many documents is still one statement with one insert per table. Foreign keys are checked at the end
 * of the statement, so parents and children can go in together.
 */
export class WriteBatch {
  private readonly tables = new Map<string, TableRows>();
  private readonly order: Part[] = [];

  insert(spec: InsertSpec): this {
    const count = spec.values[0]?.length ?? 0;
    if (count === 0) return this;
    const id = `${spec.table}\u0000${spec.columns.join(',')}\u0000${spec.onConflict ?? ''}`;
    let table = this.tables.get(id);
    if (!table) {
      table = { spec, columns: spec.columns.map(() => []), byKey: spec.key ? new Map() : null };
      this.tables.set(id, table);
      this.order.push(table);
    }
    const { columns, byKey } = table;
    if (!byKey || !spec.key) {
      columns.forEach((into, c) => {
        const from = spec.values[c] as readonly unknown[];
        for (let r = 0; r < count; r++) into.push(from[r]);
      });
      return this;
    }
    const single = spec.key === 1;
    for (let r = 0; r < count; r++) {
      const row = spec.values.map((column) => column[r]);
      // A key of one column is its value (most keys, and the longest batches: terms, people).
      const key = single ? row[0] : JSON.stringify(row.slice(0, spec.key));
      const at = byKey.get(key);
      if (at === undefined) {
        byKey.set(key, (columns[0] as unknown[]).length);
        row.forEach((value, c) => (columns[c] as unknown[]).push(value));
      } else if (spec.combine) {
        const combined = spec.combine(
          columns.map((column) => column[at]),
          row,
        );
        combined.forEach((value, c) => ((columns[c] as unknown[])[at] = value));
      }
    }
    return this;
  }

  /** Any other statement; `$n` placeholders are numbered from 1 within `params`. */
  statement(text: string, params: readonly unknown[]): this {
    this.order.push({ text, params });
    return this;
  }

  get isEmpty(): boolean {
    return this.order.length === 0;
  }

  async run(tx: Sql, options: RunOptions = {}): Promise<void> {
    if (this.order.length === 0) return;
    const skipped = options.checkReferences === 'per-batch' ? await this.skipRowChecks(tx) : null;
    // With the row triggers off, no insert waits for another's rows: plain ones (no conflict clause, no
    // cast) go by COPY where the engine has it, after the statement that makes the rest.
    const copied = skipped && tx.copyFrom ? this.order.filter(isCopyable) : [];
    const rest = this.order.filter((part) => !copied.includes(part as TableRows));
    if (rest.length > 0) await tx.write(...toStatement(rest));
    for (const { spec, columns } of copied) {
      await tx.copyFrom?.(spec.table, spec.columns, encodeCopyRows(spec.types as BinaryElement[], columns));
    }
    if (!skipped) return;
    await tx.query('SELECT set_config($1, $2, true)', ['session_replication_role', skipped.role]);
    await checkReferences(tx, skipped.referenced);
  }

  /**
   * Turns off the per-row foreign-key triggers for this transaction, if the session may and every
   * foreign key of the batch's tables has one column; returns the keys the batch references, by
   * parent column and the role to go back to, or null when the triggers stay on.
   */
  private async skipRowChecks(
    tx: Sql,
  ): Promise<{ referenced: Iterable<ReferencedKeys>; role: string } | null> {
    const [session] = await tx.query<{ superuser: boolean; role: string }>("SELECT current_setting('is_superuser') = 'on' AS superuser, current_setting('session_replication_role') AS role"); // prettier-ignore
    if (!session?.superuser || session.role !== 'origin') return null;
    const foreignKeys = await readForeignKeys(tx);
    const tables = [...this.tables.values()];
    if (tables.some((t) => foreignKeys.composite.has(t.spec.table))) return null;
    const byParent = new Map<string, { parent: ReferencedKeys; written: ReadonlySet<string> }>();
    for (const key of foreignKeys.single) {
      for (const { spec, columns } of tables) {
        const at = spec.table === key.table ? spec.columns.indexOf(key.column) : -1;
        if (at < 0) continue;
        const id = `${key.parentTable}.${key.parentColumn}`;
        let entry = byParent.get(id);
        if (!entry) {
          const parent = { parentTable: key.parentTable, parentColumn: key.parentColumn, parentType: key.parentType, keys: new Set<string>() }; // prettier-ignore
          entry = { parent, written: this.keysWritten(key.parentTable, key.parentColumn) };
          byParent.set(id, entry);
        }
        const { parent, written } = entry;
        for (const value of columns[at] as unknown[]) {
          if (value === null || value === undefined) continue;
          const k = String(value);
          if (!written.has(k)) parent.keys.add(k);
        }
      }
    }
    await tx.query('SELECT set_config($1, $2, true)', ['session_replication_role', 'replica']);
    return { referenced: [...byParent.values()].map((e) => e.parent), role: session.role };
  }

  /**
   * The keys of `table.column` that exist once the batch has run because the batch writes them: rows
   * inserted plainly, or upserted on a conflict over that very column (then the row is there, new or
   * not). A conflict clause on anything else may skip a row while its key is absent, so those count
   * for nothing. An ingest's children mostly reference parents of their own batch, which need no probe.
   */
  private keysWritten(table: string, column: string): ReadonlySet<string> {
    const keys = new Set<string>();
    for (const { spec, columns } of this.tables.values()) {
      const at = spec.table === table ? spec.columns.indexOf(column) : -1;
      if (at < 0) continue;
      const conflict = spec.onConflict?.replace(/\s+/g, ' ').trim();
      if (conflict !== undefined && !conflict.startsWith(`ON CONFLICT (${column})`)) continue;
      for (const value of columns[at] as unknown[]) if (value !== null && value !== undefined) keys.add(String(value)); // prettier-ignore
    }
    return keys;
  }
}

type Part = TableRows | { text: string; params: readonly unknown[] };

/** Whether a table's rows can go by COPY: plain appends of values with binary forms. */
function isCopyable(part: Part): part is TableRows {
  if (!('spec' in part)) return false;
  const { spec } = part;
  return spec.onConflict === undefined && spec.casts === undefined && spec.types.every(isBinaryElement);
}

/** The parts as one statement: one data-modifying CTE each. */
function toStatement(order: readonly Part[]): [string, unknown[]] {
  const params: unknown[] = [];
  const parts = order.map((part) => {
    if (!('spec' in part)) {
      const offset = params.length;
      params.push(...part.params);
      return part.text.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + offset}`);
    }
    const { spec, columns } = part;
    // Each column travels as a binary array: of its own type where that has a plain binary form,
    // else of text, cast after unnest.
    const args = spec.types.map((type, i) => {
      params.push(encodeArray(isBinaryElement(type) ? type : 'text', columns[i] as unknown[]));
      return `$${params.length}::${isBinaryElement(type) ? type : 'text'}[]`;
    });
    const names = spec.columns.join(', ');
    const select = spec.columns.map((c, i) => {
      const type = spec.types[i] as string;
      const value = isBinaryElement(type) ? `t.${c}` : `t.${c}::${type}`;
      return spec.casts?.[c] ? `${value}::${spec.casts[c]}` : value;
    });
    return `INSERT INTO ${spec.table} (${names}) SELECT ${select.join(', ')} FROM unnest(${args.join(', ')}) AS t(${names}) ${spec.onConflict ?? ''}`; // prettier-ignore
  });
  const ctes = parts.map((part, i) => `w${i} AS (${part})`).join(',\n');
  return [`WITH ${ctes}\nSELECT 1`, params];
}
