// Validates JSON against the parse contract (src/domain/minutes.schema.ts) with Ajv's draft 2020-12 build.
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { minutesSchema } from '../../src/domain/minutes.schema.js';

// Both packages are CommonJS that also export themselves as `.default`; under NodeNext only that is typed.
const ajv = new Ajv2020.default({ allErrors: true, allowUnionTypes: true });
addFormats.default(ajv);
const validate = ajv.compile(minutesSchema);

/** The contract violations of `json`, one readable line each; empty when it is valid. */
export function contractErrors(json: unknown): string[] {
  if (validate(json)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? e.keyword}`);
}
