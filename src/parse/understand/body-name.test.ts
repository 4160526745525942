import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractBodyName } from './body-name.js';

describe('extractBodyName', () => {
  it('names the body of a heading in the nominative', () => {
    assert.equal(extractBodyName('Sote-johtoryhmän 4. kokous'), 'Sote-johtoryhmä');
    assert.equal(
      extractBodyName('Lapin sote-valmistelun poliittisen ohjausryhmän 3. kokous pöytäkirja'),
      'Lapin sote-valmistelun poliittinen ohjausryhmä',
    );
  });

  it('keeps the comma between parts of a compound as the heading writes it', () => {
    assert.equal(
      extractBodyName('Pöytäkirja 04.12.2023/Pykälä 198 Sosiaali-, terveys- ja pelastuslautakunta'),
      'Sosiaali-, terveys- ja pelastuslautakunta',
    );
    assert.equal(
      extractBodyName('Sosiaali- ja terveyslautakunta, pöytäkirja'),
      'Sosiaali- ja terveyslautakunta',
    );
  });

  it('reads a Swedish body with its adjective and what qualifies it after the noun', () => {
    assert.equal(extractBodyName('Tekniska nämnden i Vanda 26.9.2024'), 'Tekniska nämnden i Vanda');
    assert.equal(
      extractBodyName('Arbetsgruppen för äldreomsorgen Protokoll 3/2019'),
      'Arbetsgruppen för äldreomsorgen',
    );
    assert.equal(
      extractBodyName('Rådet för personer med funktionsnedsättning i Pedersöre 9.11.2018'),
      'Rådet för personer med funktionsnedsättning i Pedersöre',
    );
    assert.equal(
      extractBodyName('Kommunstyrelsen i S:t Karins PROTOKOLL 1/2022'),
      'Kommunstyrelsen i S:t Karins',
    );
    assert.equal(extractBodyName('Digitaliseringsgruppen Minnesanteckningar'), 'Digitaliseringsgruppen');
    assert.equal(
      extractBodyName('Social- och hälsovårdsdirektörernas möte 4/2020'),
      'Social- och hälsovårdsdirektörernas möte',
    );
    assert.equal(extractBodyName('Nästa möte hålls i Vanda'), null);
  });
});
