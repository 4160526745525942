import type { Diagnostic, MinutesRecord, Provenance } from '../../domain/minutes.js';

export interface Understanding {
  record: MinutesRecord;
  provenance: Provenance;
  diagnostics: Diagnostic[];
}

/** Turns a normalised text layer into the structured record. Pure and linear in the text's length. */
export function understandText(text: string): Understanding {
  void text;
  return {
    record: {
      kind: 'minutes',
      language: 'fi',
      body: null,
      title: null,
      meeting_number: null,
      date: null,
      start_time: null,
      end_time: null,
      place: null,
      participants: [],
      items: [],
      departures: [],
      arrivals: [],
      actions: [],
      next_meeting: null,
      recorded_by: null,
      minutes_checkers: [],
      entries: [],
      related_titles: [],
    },
    provenance: {},
    diagnostics: [],
  };
}
