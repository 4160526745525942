import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { listSources } from './sources.js';

test('a folder is walked in name order, through links, skipping hidden entries and other kinds of file', async () => {
  const root = await mkdtemp(join(tmpdir(), 'pykala-sources-'));
  try {
    const archive = join(root, 'archive');
    const elsewhere = join(root, 'elsewhere');
    await mkdir(join(archive, 'b-2019'), { recursive: true });
    await mkdir(join(archive, '.cache'));
    await mkdir(elsewhere);
    await writeFile(join(archive, 'b-2019', 'pk 3.txt'), 'Pöytäkirja');
    await writeFile(join(archive, 'a.html'), '<p>Esityslista</p>');
    await writeFile(join(archive, 'B.PDF'), '%PDF-1.4');
    await writeFile(join(archive, 'notes.md'), 'not a meeting document');
    await writeFile(join(archive, '.hidden.txt'), 'hidden');
    await writeFile(join(archive, '.cache', 'c.txt'), 'cached');
    await writeFile(join(elsewhere, 'linked.docx'), 'PK');
    await writeFile(join(root, 'named.md'), 'named on the command line');
    await symlink(elsewhere, join(archive, 'c-linked-folder'));
    await symlink(join(archive, 'a.html'), join(archive, 'd-link.html'));
    await symlink(join(root, 'gone.txt'), join(archive, 'e-dangling.txt'));

    const listing = await listSources([archive, join(root, 'named.md'), join(root, 'missing')]);
    const relative = (path: string) => path.slice(root.length + 1);
    assert.deepEqual(
      listing.entries.map((e) => relative(e.path)),
      [
        'archive/B.PDF',
        'archive/a.html',
        'archive/b-2019/pk 3.txt',
        'archive/c-linked-folder/linked.docx',
        'archive/d-link.html',
        'named.md',
      ],
    );
    assert.deepEqual(
      listing.errors.map((e) => [relative(e.path), e.reason]),
      [
        ['archive/e-dangling.txt', 'no such file'],
        ['missing', 'no such file'],
      ],
    );
    const linked = listing.entries.find((e) => e.fileName === 'd-link.html');
    assert.equal((await linked?.read())?.toString(), '<p>Esityslista</p>');
    listing.close();
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});
