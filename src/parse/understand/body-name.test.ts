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
});
