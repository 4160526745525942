import { TextDecoder } from 'node:util';

const decoders = new Map<string, TextDecoder>();

/**
 * A decoder of `encoding` (a WHATWG label), made once per set of options: making one costs more than decoding
 * a page, and decoding a whole input keeps nothing from one call to the next.
 */
export function decoderFor(
  encoding: string,
  options: { fatal?: boolean; ignoreBOM?: boolean } = {},
): TextDecoder {
  const key = `${encoding}/${options.fatal === true}/${options.ignoreBOM === true}`;
  let decoder = decoders.get(key);
  if (!decoder) decoders.set(key, (decoder = new TextDecoder(encoding, options)));
  return decoder;
}
