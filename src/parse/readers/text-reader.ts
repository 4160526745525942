import { decodeText } from './text-decoder.js';
import type { TextLayer } from './text-layer.js';
import { normalizeText } from './text-normalizer.js';

/** Reads a plain-text document of any common encoding into the normalised text layer. */
export function readText(bytes: Uint8Array): TextLayer {
  const decoded = decodeText(bytes);
  return {
    text: normalizeText(decoded.text, decoded.plain !== true),
    reader: 'text',
    encoding: decoded.encoding,
    pages: null,
    diagnostics: decoded.diagnostics,
  };
}
