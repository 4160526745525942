import type { Sql } from './db.js';

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
}

/**
 * Collects inserts into several tables and runs them as one statement (data-modifying CTEs), since on
 * an embedded database each statement's round trip costs as much as its work. Foreign keys are checked
 * at the end of the statement, so parents and children can go in together.
 */
export class WriteBatch {
  private readonly parts: string[] = [];
  private readonly params: unknown[] = [];

  insert(spec: InsertSpec): this {
    const rows = spec.values[0]?.length ?? 0;
    if (rows === 0) return this;
    const args = spec.types.map((type, i) => this.param(spec.values[i], `${type}[]`));
    const columns = spec.columns.join(', ');
    const select = spec.columns.map((c) => (spec.casts?.[c] ? `t.${c}::${spec.casts[c]}` : `t.${c}`));
    this.parts.push(
      `INSERT INTO ${spec.table} (${columns}) SELECT ${select.join(', ')} FROM unnest(${args.join(', ')}) AS t(${columns}) ${spec.onConflict ?? ''}`,
    );
    return this;
  }

  /** Any other statement; `$n` placeholders are numbered from 1 within `params`. */
  statement(text: string, params: readonly unknown[]): this {
    const offset = this.params.length;
    this.params.push(...params);
    this.parts.push(text.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + offset}`));
    return this;
  }

  async run(tx: Sql): Promise<void> {
    if (this.parts.length === 0) return;
    const ctes = this.parts.map((part, i) => `w${i} AS (${part})`).join(',\n');
    await tx.query(`WITH ${ctes}\nSELECT 1`, this.params);
  }

  private param(value: unknown, type: string): string {
    this.params.push(value);
    return `$${this.params.length}::${type}`;
  }
}
