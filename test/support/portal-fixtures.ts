import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A made-up meeting with a marked-up title, a non-public item, an action and a date in the future. */
export const CRAFTED_MINUTES = `TESTILÄN KUNTA                     PÖYTÄKIRJA

Tekninen lautakunta – pöytäkirja 3/2099

Aika: tiistai 14.4.2099 klo 17.00–19.30
Paikka: Kunnantalo, valtuustosali

Läsnä
Virtanen Matti, puheenjohtaja
Korhonen Liisa
Nieminen Pekka

Poissa
Mäkinen Anna

Muut läsnäolijat
Laine Kaisa, tekninen johtaja, sihteeri

§ 10
KOKOUKSEN LAILLISUUS <script>alert(1)</script>

Ehdotus: Kokous todetaan lailliseksi ja päätösvaltaiseksi.

Päätös: Ehdotus hyväksyttiin.

§ 11
SALAINEN KIINTEISTÖKAUPPA
Ei julkinen, JulkL 24 § 1 mom. 17 k

Ehdotus: Lautakunta hyväksyy kaupan Zyxwvutsalainen Oy:lle.

Päätös: Ehdotus hyväksyttiin.

§ 12
KATUVALAISTUKSEN UUSIMINEN

Ehdotus: Lautakunta päättää uusia katuvalaistuksen led-valaisimiin.

Päätös: Ehdotus hyväksyttiin. Päätettiin, että Liisa Korhonen selvittää valaisinten hankinnan 30.5.2099 mennessä.
`;

/** The repository's parse fixtures' sources plus the crafted minutes, as paths to ingest. */
export async function portalFixturePaths(): Promise<string[]> {
  const root = join(import.meta.dirname, '..', 'fixtures', 'parse');
  const paths: string[] = [];
  for (const name of (await readdir(root, { withFileTypes: true })).filter((e) => e.isDirectory())) {
    const files = await readdir(join(root, name.name));
    const source = files.find((f) => f.startsWith('source.'));
    if (source) paths.push(join(root, name.name, source));
  }
  const dir = await mkdtemp(join(tmpdir(), 'pykala-portal-'));
  const crafted = join(dir, 'tekninen-lautakunta-3-2099.txt');
  await writeFile(crafted, CRAFTED_MINUTES);
  return [...paths, crafted];
}
