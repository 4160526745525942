import { ReadError } from './readers/text-layer.js';

/** One line saying why a document could not be parsed. */
export function describeFailure(error: unknown): string {
  if (error instanceof ReadError) return `${error.message} (${error.code})`;
  if (error && typeof error === 'object' && 'code' in error && error.code === 'ENOENT') return 'no such file';
  if (error && typeof error === 'object' && 'code' in error && error.code === 'EISDIR')
    return 'is a directory';
  if (error instanceof Error) return `could not be parsed: ${error.message}`;
  return 'could not be parsed';
}
