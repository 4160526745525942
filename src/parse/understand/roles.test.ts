import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { splitOrgAndRole } from './roles.js';

describe('splitOrgAndRole', () => {
  it('takes the role from the end of organisation-then-role text', () => {
    assert.deepEqual(splitOrgAndRole('Turun kaupunki Toimialajohtaja', 'org-role'), {
      organization: 'Turun kaupunki',
      role: 'Toimialajohtaja',
    });
  });

  it('reads role, then organisation, around a comma', () => {
    assert.deepEqual(splitOrgAndRole('sosiaalijohtaja, Porin kaupunki', 'role-org'), {
      role: 'sosiaalijohtaja',
      organization: 'Porin kaupunki',
    });
  });

  it('drops a sentence-ending full stop but keeps an abbreviation', () => {
    assert.deepEqual(splitOrgAndRole('Vaasa .', 'role-org'), { organization: 'Vaasa', role: null });
    assert.deepEqual(splitOrgAndRole('Kuntaliitto ry.', 'role-org'), {
      organization: 'Kuntaliitto ry.',
      role: null,
    });
  });
});
