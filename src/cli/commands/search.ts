import type { Command } from 'commander';
import { reindexAll } from '../../search/index/index-document.js';
import type { SearchOptions } from '../../search/query/search.js';
import { holdsNamePairs, search } from '../../search/query/search.js';
import { readDbConfig } from '../../store/db.js';
import { openStore } from '../open-store.js';

/** The search filters as `search` takes them, plus how to print and page (commander gives strings). */
type SearchCliOptions = Pick<
  SearchOptions,
  'body' | 'organisation' | 'person' | 'kind' | 'language' | 'from' | 'to'
> & {
  json?: boolean;
  limit?: string;
  offset?: string;
};

export function registerSearchCommand(program: Command, setStatus: (code: number) => void): void {
  program
    .command('search')
    .description('search the stored documents (Finnish and Swedish word forms and compounds)')
    .argument('<query>', 'words, "phrases", prefix*, AND / OR / NOT (JA / TAI / EI, OCH / ELLER / INTE)')
    .option('--json', 'print {"total", "hits": [{"meeting_id", "title", "source", "snippet"}]}')
    .option('-n, --limit <n>', 'hits to show', '10')
    .option('--offset <n>', 'hits to skip', '0')
    .option('--body <name>', 'only this body (part of its name)')
    .option('--organisation <name>', 'only this organisation')
    .option('--person <name>', 'only meetings this person took part in')
    .option('--kind <kind>', 'minutes, agenda, item or listing')
    .option('--language <code>', 'fi, sv or en')
    .option('--from <date>', 'meetings on or after YYYY-MM-DD')
    .option('--to <date>', 'meetings on or before YYYY-MM-DD')
    .action(async (query: string, options: SearchCliOptions) => {
      setStatus(await runSearch(query, options));
    });
  program
    .command('reindex')
    .description('rebuild the search index from the stored documents')
    .action(async () => {
      const db = await openStore(readDbConfig());
      try {
        const report = await reindexAll(db);
        process.stderr.write(`pykala reindex: ${report.documents} documents in ${(report.elapsedMs / 1000).toFixed(1)} s\n`); // prettier-ignore
      } finally {
        await db.close();
      }
      setStatus(0);
    });
}

async function runSearch(query: string, options: SearchCliOptions): Promise<number> {
  const limit = Number(options.limit ?? 10);
  const offset = Number(options.offset ?? 0);
  if (!Number.isInteger(limit) || limit < 0 || !Number.isInteger(offset) || offset < 0) {
    process.stderr.write('pykala search: --limit and --offset take a whole number\n');
    return 2;
  }
  const db = await openStore(readDbConfig());
  try {
    if (!(await holdsNamePairs(db)))
      process.stderr.write("pykala search: the index is from an older version; 'pykala reindex' makes phrases of names fast\n"); // prettier-ignore
    const result = await search(db, query, { ...options, limit, offset, facets: !options.json });
    if (options.json) {
      const hits = result.hits.map((h) => ({ meeting_id: h.meetingId, title: h.title, source: h.source, snippet: h.snippet })); // prettier-ignore
      process.stdout.write(`${JSON.stringify({ total: result.total, hits })}\n`);
      return 0;
    }
    process.stdout.write(`${result.total} documents\n`);
    for (const h of result.hits) {
      const plain = h.snippet.replace(/<mark>/g, '«').replace(/<\/mark>/g, '»').replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n))); // prettier-ignore
      process.stdout.write(`\n${h.title ?? '(untitled)'} · ${h.bodyName ?? ''} ${h.date ?? ''} · ${h.source}\n  ${plain}\n`); // prettier-ignore
    }
    const by = (name: string, list: { value: string; count: number }[]) =>
      list.length > 0
        ? `${name}: ${list
            .slice(0, 6)
            .map((f) => `${f.value} ${f.count}`)
            .join(', ')}\n`
        : '';
    if (result.total > 0) {
      process.stdout.write(`\n${by('body', result.facets.body)}${by('kind', result.facets.kind)}${by('language', result.facets.language)}${by('year', result.facets.year)}`); // prettier-ignore
    }
    return 0;
  } finally {
    await db.close();
  }
}
