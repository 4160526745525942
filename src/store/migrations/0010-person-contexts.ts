/**
 * Where each person has been seen, by name: the organisations they are a member of and the bodies whose
 * meetings they attended. Resolution asks "who of this name has been seen in this organisation or body",
 * which this answers by one index probe however many people share the name; reading the name's people
 * and then their memberships and attendance grew with the archive. Kept by the writer with memberships
 * and attendance, and rebuilt from them by `personContextsFromModel`.
 */
export const personContextsOfModel = /* sql */ `
SELECT p.name_key, 'o:' || m.organisation_id AS context_id, p.id AS person_id FROM memberships m JOIN people p ON p.id = m.person_id
UNION
SELECT p.name_key, 'b:' || mt.body_id, p.id
FROM attendance a JOIN meetings mt ON mt.id = a.meeting_id JOIN people p ON p.id = a.person_id
WHERE mt.body_id IS NOT NULL
`;

export const personContextsFromModel = /* sql */ `
INSERT INTO person_contexts (name_key, context_id, person_id) ${personContextsOfModel} ON CONFLICT DO NOTHING;
`;

export const personContexts = /* sql */ `
CREATE TABLE person_contexts (
  name_key text NOT NULL,
  -- 'o:' and an organisation's id, or 'b:' and a body's id
  context_id text NOT NULL,
  person_id text NOT NULL REFERENCES people (id),
  PRIMARY KEY (name_key, context_id, person_id)
);
${personContextsFromModel}
`;
