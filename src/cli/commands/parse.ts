import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import type { Command } from 'commander';
import { parseDocument } from '../../parse/parse-document.js';
import { toContractJson } from '../../parse/contract-json.js';
import { describeFailure } from '../../parse/describe-failure.js';

interface ParseOptions {
  out?: string;
  provenance?: boolean;
  text?: boolean;
}

export function registerParseCommand(program: Command, setStatus: (code: number) => void): void {
  program
    .command('parse')
    .description('parse meeting documents (text, HTML, PDF, DOCX) into structured JSON')
    .argument('<files...>', 'documents to parse')
    .option('-o, --out <dir>', 'write <dir>/<name>.json per input instead of printing')
    .option('--provenance', 'add the source span of every field (as "_provenance")')
    .option('--text', 'add the normalised text the spans refer to (as "_text")')
    .action(async (files: string[], options: ParseOptions) => {
      const failed = await parseFiles(files, options);
      if (failed > 0) setStatus(1);
    });
}

/** Parses each file in turn; one that fails gets one line on stderr and the rest go on. */
async function parseFiles(files: readonly string[], options: ParseOptions): Promise<number> {
  if (options.out) await mkdir(options.out, { recursive: true });
  let failed = 0;
  for (const file of files) {
    try {
      const bytes = await readFile(file);
      const result = await parseDocument(bytes, basename(file));
      const json = toContractJson(result, { provenance: options.provenance, text: options.text });
      const body = JSON.stringify(json, null, 2) + '\n';
      if (options.out) {
        await writeFile(join(options.out, basename(file, extname(file)) + '.json'), body);
      } else {
        process.stdout.write(body);
      }
    } catch (error) {
      failed += 1;
      process.stderr.write(`pykala parse: ${file}: ${describeFailure(error)}\n`);
    }
  }
  return failed;
}
