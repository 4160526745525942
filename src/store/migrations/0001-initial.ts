/** The relational model of meetings, documents, items, people and their provenance. */
export const initial = /* sql */ `
CREATE TABLE organisations (
  id text PRIMARY KEY,
  name text NOT NULL,
  -- 'municipality' when recognised through the alias table, else 'other'
  kind text NOT NULL DEFAULT 'other'
);

-- Every spelling seen for an organisation ('Turun kaupunki', 'Åbo stad', 'Turku').
CREATE TABLE organisation_aliases (
  alias text PRIMARY KEY,
  organisation_id text NOT NULL REFERENCES organisations (id)
);

CREATE TABLE bodies (
  id text PRIMARY KEY,
  name text NOT NULL,
  name_key text NOT NULL,
  organisation_id text REFERENCES organisations (id),
  parent_id text REFERENCES bodies (id)
);
CREATE INDEX bodies_organisation ON bodies (organisation_id);

CREATE TABLE meetings (
  id text PRIMARY KEY,
  body_id text REFERENCES bodies (id),
  date date,
  start_time text,
  end_time text,
  place text,
  meeting_number text,
  title text,
  public boolean NOT NULL DEFAULT true,
  non_public_basis text
);
CREATE INDEX meetings_body_date ON meetings (body_id, date);

CREATE TABLE documents (
  -- sha256 of the bytes, hex
  id text PRIMARY KEY,
  meeting_id text REFERENCES meetings (id),
  source_path text NOT NULL,
  file_name text NOT NULL,
  byte_size integer NOT NULL,
  kind text NOT NULL,
  language text NOT NULL,
  reader text NOT NULL,
  body_name text,
  title text,
  meeting_number text,
  date date,
  next_meeting jsonb,
  recorded_by text,
  minutes_checkers jsonb NOT NULL DEFAULT '[]',
  text text NOT NULL,
  related_titles jsonb NOT NULL DEFAULT '[]',
  diagnostics jsonb NOT NULL DEFAULT '[]',
  public boolean NOT NULL DEFAULT true,
  non_public_basis text,
  -- counts of the rows written with the document, so a half-written document would show
  item_count integer NOT NULL,
  participant_count integer NOT NULL,
  minhash integer[],
  -- why the document joined its meeting: body and date, a near-duplicate, or on its own
  meeting_evidence jsonb,
  ingested_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX documents_meeting ON documents (meeting_id);

-- Every path a document's bytes were found at.
CREATE TABLE document_sources (
  document_id text NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  source_path text NOT NULL,
  PRIMARY KEY (document_id, source_path)
);

-- MinHash locality-sensitive hashing bands, for near-duplicate lookup.
CREATE TABLE document_lsh (
  band smallint NOT NULL,
  bucket integer NOT NULL,
  document_id text NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  PRIMARY KEY (band, bucket, document_id)
);

CREATE TABLE items (
  id text PRIMARY KEY,
  document_id text NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  meeting_id text REFERENCES meetings (id),
  ordinal integer NOT NULL,
  number text NOT NULL,
  title text NOT NULL,
  proposal text,
  decision text,
  votes jsonb,
  dissents jsonb,
  disqualified jsonb,
  public boolean NOT NULL DEFAULT true,
  non_public_basis text
);
CREATE INDEX items_document ON items (document_id);
CREATE INDEX items_meeting ON items (meeting_id);

CREATE TABLE attachments (
  item_id text NOT NULL REFERENCES items (id) ON DELETE CASCADE,
  ordinal integer NOT NULL,
  document_id text NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  name text NOT NULL,
  public boolean NOT NULL DEFAULT true,
  non_public_basis text,
  PRIMARY KEY (item_id, ordinal)
);

CREATE TABLE people (
  id text PRIMARY KEY,
  name text NOT NULL,
  -- the normalised name people are matched on
  name_key text NOT NULL,
  -- the person this one is merged into (itself when not merged); see merges
  canonical_id text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX people_name_key ON people (name_key);
CREATE INDEX people_canonical ON people (canonical_id);

CREATE TABLE person_names (
  person_id text NOT NULL REFERENCES people (id),
  name text NOT NULL,
  PRIMARY KEY (person_id, name)
);

-- A person's role in an organisation, between the first and last meeting it was seen at.
CREATE TABLE memberships (
  person_id text NOT NULL REFERENCES people (id),
  organisation_id text NOT NULL REFERENCES organisations (id),
  role text NOT NULL DEFAULT '',
  first_seen date,
  last_seen date,
  PRIMARY KEY (person_id, organisation_id, role)
);
CREATE INDEX memberships_organisation ON memberships (organisation_id);

CREATE TABLE attendance (
  document_id text NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  ordinal integer NOT NULL,
  meeting_id text REFERENCES meetings (id),
  person_id text NOT NULL REFERENCES people (id),
  name text NOT NULL,
  organisation_id text REFERENCES organisations (id),
  role text,
  -- present | absent | partial | unknown
  status text NOT NULL,
  chair boolean NOT NULL DEFAULT false,
  secretary boolean NOT NULL DEFAULT false,
  invited boolean NOT NULL DEFAULT false,
  -- partial attendance as written ('1-5', 'klo 12.25-')
  items text,
  PRIMARY KEY (document_id, ordinal)
);
CREATE INDEX attendance_person ON attendance (person_id);
CREATE INDEX attendance_meeting ON attendance (meeting_id);

-- Departures and arrivals during a meeting.
CREATE TABLE departures (
  document_id text NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  ordinal integer NOT NULL,
  -- departure | arrival
  kind text NOT NULL,
  person_id text REFERENCES people (id),
  name text NOT NULL,
  time text,
  item text,
  until text,
  PRIMARY KEY (document_id, ordinal)
);

CREATE TABLE actions (
  document_id text NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  ordinal integer NOT NULL,
  meeting_id text REFERENCES meetings (id),
  owner_name text NOT NULL,
  owner_person_id text REFERENCES people (id),
  task text NOT NULL,
  due text,
  -- open | done
  status text NOT NULL DEFAULT 'open',
  item_number text,
  item_id text REFERENCES items (id),
  PRIMARY KEY (document_id, ordinal)
);
CREATE INDEX actions_owner ON actions (owner_person_id);

-- The summaries ('ydinviesti') of a listing page's entries.
CREATE TABLE key_messages (
  document_id text NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  ordinal integer NOT NULL,
  published text,
  title text NOT NULL,
  meeting_date text,
  summary text,
  PRIMARY KEY (document_id, ordinal)
);

-- Where each field came from: a JSON Pointer into the record → [start, end) of the document's text.
CREATE TABLE provenance_spans (
  document_id text NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  pointer text NOT NULL,
  start_offset integer NOT NULL,
  end_offset integer NOT NULL,
  PRIMARY KEY (document_id, pointer)
);

-- Every merge of two people, with the evidence for it, so it can be explained and undone.
CREATE TABLE merges (
  id text PRIMARY KEY,
  into_person_id text NOT NULL REFERENCES people (id),
  from_person_id text NOT NULL REFERENCES people (id),
  evidence jsonb NOT NULL,
  merged_at timestamptz NOT NULL DEFAULT now(),
  undone_at timestamptz
);
CREATE INDEX merges_into ON merges (into_person_id);

-- Documents that could not be read or stored, with the reason; retried on the next ingest.
CREATE TABLE quarantine (
  source_path text PRIMARY KEY,
  content_sha256 text,
  reason text NOT NULL,
  code text,
  failed_at timestamptz NOT NULL DEFAULT now()
);
`;
