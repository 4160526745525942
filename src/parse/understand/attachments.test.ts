import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findAttachments } from './attachments.js';
import { findCueWords } from './cue-words.js';

function attachmentsOf(text: string, from = 0, to = text.length): string[] {
  return findAttachments(text, from, to, findCueWords(text));
}

describe('findAttachments', () => {
  it('reads numbered, named and ranged attachments, each number once', () => {
    const text =
      'Esitys on liitteenä 2. Liite 3: Projektiorganisaatio\n' +
      'Hankesuunnitelma (liite 4 Hankesuunnitelma 2017) hyväksyttiin. Liitteinä 5-6. Ks. liite 3.';
    assert.deepEqual(attachmentsOf(text), [
      'Liite 3: Projektiorganisaatio',
      'Liite 4: Hankesuunnitelma 2017',
      'Liitteet 5-6',
      'Liite 2',
    ]);
  });

  it('reads Swedish attachments and a word only where it begins', () => {
    assert.deepEqual(attachmentsOf('Bilaga 1: Budget 2022\nSe bilaga 2.'), [
      'Bilaga 1: Budget 2022',
      'Bilaga 2',
    ]);
    assert.deepEqual(attachmentsOf('Kuntaliite 3 ei ole liite.'), []);
  });

  it('reads file lists with sizes, and file names on lines of their own', () => {
    const sized = 'Liitteet\nProjektisuunnitelma.pdf (245 kt)\nAikataulu (12 KB)\n';
    assert.deepEqual(attachmentsOf(sized), ['Projektisuunnitelma.pdf', 'Aikataulu']);
    const named = 'Keskusteltiin.\n\nVerksamhetsplan_2022 15.11.2021.pptx\n\nBeslut: Godkändes.';
    assert.deepEqual(attachmentsOf(named), ['Verksamhetsplan_2022 15.11.2021.pptx']);
    const list =
      'Päätös: Merkittiin tiedoksi.\n- Talousarvio 2023.pdf\nESITYS.PPTX  \nKatso tiedosto ohje.pdf sivulta 3\n' +
      '  • Muistio.docx\nRaportti.xlsx';
    assert.deepEqual(attachmentsOf(list), [
      'Talousarvio 2023.pdf',
      'ESITYS.PPTX',
      'Muistio.docx',
      'Raportti.xlsx',
    ]);
    // Only the part of a line inside the span counts.
    assert.deepEqual(attachmentsOf(list, list.indexOf('2023.pdf'), list.indexOf('ESITYS')), ['2023.pdf']);
  });

  it('reads only the span it is given', () => {
    const text = 'Liite 1: Ensimmäinen\n\n2. Toinen asia\nLiite 2: Toinen';
    assert.deepEqual(attachmentsOf(text, text.indexOf('2. Toinen')), ['Liite 2: Toinen']);
    assert.deepEqual(attachmentsOf(text, 0, text.indexOf('2. Toinen')), ['Liite 1: Ensimmäinen']);
  });
});
