import { copyFile, mkdir, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { generateCorpus } from '../../bench/synthetic-corpus.js';
import { writeTestMinutes } from './test-minutes.js';

const FIXTURES = new URL('../fixtures/parse/', import.meta.url).pathname;

/** A folder of everything ingest meets: real documents, generated ones, an archive, copies, a broken file. */
export interface TestCorpus {
  root: string;
  realCount: number;
  syntheticCount: number;
  archiveCount: number;
  /** An identical copy of a real document, at another path. */
  identicalCopy: string;
  /** The same minutes with an aggregator's text around them. */
  nearCopy: string;
  nearOriginal: string;
  brokenEntry: string;
  peopleCount: number;
}

export async function writeTestCorpus(): Promise<TestCorpus> {
  const root = await mkdtemp(join(tmpdir(), 'pykala-corpus-'));
  await mkdir(join(root, 'real'));
  const cases = (await readdir(FIXTURES, { withFileTypes: true })).filter((d) => d.isDirectory());
  let realCount = 0;
  for (const c of cases) {
    const source = (await readdir(join(FIXTURES, c.name))).find((n) => n.startsWith('source.'));
    if (!source) continue;
    await copyFile(
      join(FIXTURES, c.name, source),
      join(root, 'real', `${c.name}${source.slice('source'.length)}`),
    );
    realCount += 1;
  }
  await mkdir(join(root, 'copies'));
  const identicalCopy = join(root, 'copies', 'seed-003-again.txt');
  await copyFile(join(FIXTURES, 'seed-003', 'source.txt'), identicalCopy);

  await mkdir(join(root, 'synthetic'));
  const synthetic = generateCorpus(12, 11).filter((d) => d.meta.kind !== 'listing');
  for (const d of synthetic) await writeFile(join(root, 'synthetic', d.fileName), d.text);
  const original = synthetic.find((d) => d.meta.layout !== 'flattened') ?? synthetic[0];
  if (!original) throw new Error('empty synthetic corpus');
  const nearOriginal = join(root, 'synthetic', original.fileName);
  const nearCopy = join(root, 'copies', `aggregator-${original.fileName}`);
  await writeFile(
    nearCopy,
    `Lataa PDF Koko: 182 kt - Dokumentti.info\n\n${original.text}\nSamankaltaiset tiedostot\n`,
  );

  const zip = new JSZip();
  const archived = generateCorpus(4, 12);
  for (const d of archived) zip.file(`2019/${d.fileName}`, d.text);
  zip.file('2019/broken.pdf', '%PDF-1.7\nnot really a pdf\n');
  zip.file('2019/notes.bin', 'ignored: not a document extension');
  await writeFile(join(root, 'archive.zip'), await zip.generateAsync({ type: 'nodebuffer' }));

  await mkdir(join(root, 'people'));
  const body = 'arbetsgruppen för digitala tjänster';
  // Organisations and bodies no fixture names: these people meet only each other.
  const people = [
    { body, date: '15.3.2018', participants: ['Anna Holmberg, ordförande, Strandby stad', 'Mats Lindén, vårddirektör, Vasa stad'] }, // prettier-ignore
    // Anna without an organisation in the same body; Mats as his organisation's Finnish name.
    { body, date: '12.4.2018', participants: ['Anna Holmberg, ordförande', 'Mats Lindén, vårddirektör, Vaasan kaupunki'] }, // prettier-ignore
    // Another Anna Holmberg: another organisation, another body, another year.
    { body: 'byggnadsnämnden', date: '3.9.2020', participants: ['Anna Holmberg, ledamot, Norrnäs kommun', 'Kim Nylund, sekreterare'], itemNote: 'Sekretessbelagd enligt OffL 24 § 1 mom. 25 p.' }, // prettier-ignore
  ];
  for (const [i, m] of people.entries())
    await writeFile(join(root, 'people', `minutes-${i}.txt`), writeTestMinutes(m));

  return {
    root,
    realCount,
    syntheticCount: synthetic.length,
    archiveCount: archived.length,
    identicalCopy,
    nearCopy,
    nearOriginal,
    brokenEntry: `${join(root, 'archive.zip')}!/2019/broken.pdf`,
    peopleCount: people.length,
  };
}
