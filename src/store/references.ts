import { encodeArray } from './binary-array.js';
import type { Sql } from './db.js';

/** A single-column foreign key: `table.column` references `parentTable.parentColumn`. */
export interface ForeignKey {
  table: string;
  column: string;
  parentTable: string;
  parentColumn: string;
  /** The parent column's SQL type, which keys are compared as. */
  parentType: string;
}

export interface ForeignKeys {
  single: readonly ForeignKey[];
  /** Tables with a foreign key of several columns, which `checkReferences` cannot check. */
  composite: ReadonlySet<string>;
}

/** Every foreign key of the database, read from the catalogue; tables named as `regclass` prints them. */
export async function readForeignKeys(sql: Sql): Promise<ForeignKeys> {
  const rows = await sql.query<ForeignKey & { columns: number }>(
    `SELECT c.conrelid::regclass::text AS "table", a.attname AS "column",
            c.confrelid::regclass::text AS "parentTable", pa.attname AS "parentColumn",
            format_type(pa.atttypid, pa.atttypmod) AS "parentType", cardinality(c.conkey) AS columns
     FROM pg_constraint c
     JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
     JOIN pg_attribute pa ON pa.attrelid = c.confrelid AND pa.attnum = c.confkey[1]
     WHERE c.contype = 'f'`,
  );
  return {
    single: rows.filter((r) => r.columns === 1).map(({ columns: _, ...key }) => key),
    composite: new Set(rows.filter((r) => r.columns > 1).map((r) => r.table)),
  };
}

/** Keys that rows reference in one parent column, gathered before they are checked. */
export interface ReferencedKeys {
  parentTable: string;
  parentColumn: string;
  parentType: string;
  keys: Set<string>;
}

/** A write referenced rows that do not exist. */
export class BrokenReferenceError extends Error {
  constructor(readonly missing: readonly { parent: string; key: string }[]) {
    const shown = missing.map((m) => `${m.parent} '${m.key}'`).join(', ');
    super(`references rows that do not exist: ${shown}`);
    this.name = 'BrokenReferenceError';
  }
}

/**
 * Checks, in one statement, that every key exists in its parent column; throws BrokenReferenceError
 * naming up to five that do not. Each key is one index probe: the subquery cannot become a join
 * (`OFFSET 0`), which the planner could otherwise make a scan of the whole parent table.
 */
export async function checkReferences(sql: Sql, referenced: Iterable<ReferencedKeys>): Promise<void> {
  const params: Buffer[] = [];
  const parts: string[] = [];
  for (const r of referenced) {
    if (r.keys.size === 0) continue;
    params.push(encodeArray('text', [...r.keys]));
    const parent = `${r.parentTable}.${r.parentColumn}`;
    parts.push(
      `SELECT '${parent.replace(/'/g, "''")}' AS parent, k AS key FROM unnest($${params.length}::text[]) AS k
       WHERE NOT EXISTS (SELECT 1 FROM ${r.parentTable} p WHERE p.${quoteIdent(r.parentColumn)} = k::${r.parentType} OFFSET 0)`,
    );
  }
  if (parts.length === 0) return;
  const missing = await sql.query<{ parent: string; key: string }>(`${parts.join('\nUNION ALL\n')}\nLIMIT 5`, params); // prettier-ignore
  if (missing.length > 0) throw new BrokenReferenceError(missing);
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;
