import type { ParseResult } from './parse-document.js';

export interface ContractJsonOptions {
  provenance?: boolean | undefined;
  text?: boolean | undefined;
}

/** The record as the contract's JSON: listing entries only on listings, optional lists only when found. */
export function toContractJson(
  result: ParseResult,
  options: ContractJsonOptions = {},
): Record<string, unknown> {
  const { entries, arrivals, minutes_checkers, related_titles, ...required } = result.record;
  const json: Record<string, unknown> = { ...required };
  if (result.record.kind === 'listing') json.entries = entries;
  if (arrivals.length > 0) json.arrivals = arrivals;
  if (minutes_checkers.length > 0) json.minutes_checkers = minutes_checkers;
  if (related_titles.length > 0) json.related_titles = related_titles;
  if (options.provenance) json._provenance = result.provenance;
  if (options.text) json._text = result.text;
  return json;
}
