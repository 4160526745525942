import { readFileSync } from 'node:fs';
import type { Dirent } from 'node:fs';
import { readFile, readdir, stat } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import yauzl from 'yauzl';

/** One document to ingest: a file, or an entry of a .zip archive ('archive.zip!/folder/file.pdf'). */
export interface SourceEntry {
  path: string;
  fileName: string;
  read(): Promise<Buffer>;
}

export interface SourceListing {
  entries: SourceEntry[];
  /** Paths that could not be listed (missing, unreadable archive), with the reason. */
  errors: { path: string; reason: string }[];
  /** Closes the archives the entries read from. */
  close(): void;
}

/** The extensions read from folders and archives; a file named on the command line is read whatever it is. */
export const DOCUMENT_EXTENSIONS = new Set(['.txt', '.text', '.htm', '.html', '.xhtml', '.pdf', '.docx']);

const ARCHIVE_SEPARATOR = '!/';

/** Walks files, folders (recursively, in name order) and .zip archives into a list of documents. */
export async function listSources(paths: readonly string[]): Promise<SourceListing> {
  const entries: SourceEntry[] = [];
  const errors: SourceListing['errors'] = [];
  const archives: yauzl.ZipFile[] = [];
  const visit = async (path: string, named: boolean, kind?: Dirent): Promise<void> => {
    // A folder's listing tells what most entries are: a stat is for what is named, links, and entries
    // of a file system that does not say (one stat a file took 0.5 s of 10,000 files' listing).
    let info: Pick<Dirent, 'isDirectory' | 'isFile'> | undefined =
      kind && (kind.isFile() || kind.isDirectory()) ? kind : undefined;
    if (!info) {
      try {
        info = await stat(path);
      } catch {
        errors.push({ path, reason: 'no such file' });
        return;
      }
    }
    if (info.isDirectory()) {
      const children = (await readdir(path, { withFileTypes: true }))
        .filter((d) => !d.name.startsWith('.'))
        .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      for (const child of children) await visit(join(path, child.name), false, child);
    } else if (extname(path).toLowerCase() === '.zip') {
      try {
        const zip = await openZip(path);
        archives.push(zip);
        entries.push(...(await listZipEntries(zip, path)));
      } catch (error) {
        errors.push({ path, reason: `unreadable archive: ${(error as Error).message}` });
      }
    } else if (info.isFile() && (named || DOCUMENT_EXTENSIONS.has(extname(path).toLowerCase()))) {
      // Read at once when asked: an ingest into an embedded database keeps this thread busy for whole
      // writes, and a read in steps would take a step only between two writes.
      entries.push({ path, fileName: basename(path), read: async () => readFileSync(path) });
    }
  };
  for (const path of paths) await visit(resolve(path), true);
  return { entries, errors, close: () => archives.forEach((z) => z.close()) };
}

/** Reads one document by the path `listSources` gave it, archive entries included. */
export async function readSource(path: string): Promise<Buffer> {
  const at = path.indexOf(ARCHIVE_SEPARATOR);
  if (at === -1) return readFile(path);
  const zip = await openZip(path.slice(0, at));
  try {
    const wanted = path.slice(at + ARCHIVE_SEPARATOR.length);
    const entry = (await listZipEntries(zip, path.slice(0, at))).find((e) => e.path === path);
    if (!entry) throw Object.assign(new Error(`no entry ${wanted}`), { code: 'ENOENT' });
    return await entry.read();
  } finally {
    zip.close();
  }
}

function openZip(path: string): Promise<yauzl.ZipFile> {
  return new Promise((done, fail) =>
    yauzl.open(path, { lazyEntries: true, autoClose: false }, (error, zip) =>
      error ? fail(error) : done(zip),
    ),
  );
}

function listZipEntries(zip: yauzl.ZipFile, archivePath: string): Promise<SourceEntry[]> {
  return new Promise((done, fail) => {
    const found: SourceEntry[] = [];
    zip.on('entry', (entry: yauzl.Entry) => {
      const name = entry.fileName;
      const skip = name.endsWith('/') || name.startsWith('__MACOSX/') || basename(name).startsWith('.');
      if (!skip && DOCUMENT_EXTENSIONS.has(extname(name).toLowerCase())) {
        found.push({
          path: `${archivePath}${ARCHIVE_SEPARATOR}${name}`,
          fileName: basename(name),
          read: () => readZipEntry(zip, entry),
        });
      }
      zip.readEntry();
    });
    zip.once('end', () => done(found.sort((a, b) => a.path.localeCompare(b.path))));
    zip.once('error', fail);
    zip.readEntry();
  });
}

function readZipEntry(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<Buffer> {
  return new Promise((done, fail) =>
    zip.openReadStream(entry, (error, stream) => {
      if (error) return fail(error);
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.once('end', () => done(Buffer.concat(chunks)));
      stream.once('error', fail);
    }),
  );
}
