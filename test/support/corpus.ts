// The golden corpus under test/fixtures/parse: its manifest, and one case run through the parser.
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument } from '../../src/parse/parse-document.js';
import { toContractJson } from '../../src/parse/contract-json.js';

export const FIXTURE_DIR = fileURLToPath(new URL('../fixtures/parse/', import.meta.url));

export interface CorpusCase {
  name: string;
  /** File name of the source document inside the case folder. */
  source: string;
  /** Lowest acceptable per-document micro F1 against expected.json. */
  min_f1: number;
  about: string;
}

export interface Manifest {
  about: string;
  /** Lowest acceptable micro F1 over the whole corpus. */
  min_micro_f1: number;
  cases: CorpusCase[];
}

export type ContractJson = Record<string, unknown>;

export function loadManifest(): Manifest {
  return JSON.parse(readFileSync(join(FIXTURE_DIR, 'manifest.json'), 'utf8')) as Manifest;
}

export function sourcePath(spec: CorpusCase): string {
  return join(FIXTURE_DIR, spec.name, spec.source);
}

export function loadExpected(spec: CorpusCase): ContractJson {
  return JSON.parse(readFileSync(join(FIXTURE_DIR, spec.name, 'expected.json'), 'utf8')) as ContractJson;
}

/** Parses a case's source as the CLI would; a document that cannot be read is an `error`, not a throw. */
export async function parseCase(spec: CorpusCase): Promise<{ json: ContractJson | null; error: unknown }> {
  try {
    const bytes = await readFile(sourcePath(spec));
    const result = await parseDocument(bytes, spec.source);
    return { json: toContractJson(result), error: null };
  } catch (error) {
    return { json: null, error };
  }
}
