import type { Diagnostic } from '../../domain/minutes.js';
import { pruneBoilerplate, selectMainContent } from './html-boilerplate.js';
import { renderHtmlText } from './html-text-renderer.js';
import { countTextChars, parseHtmlTree } from './html-tree.js';
import { decoderFor } from './decoders.js';
import { decodeText } from './text-decoder.js';
import type { TextLayer } from './text-layer.js';
import { normalizeText } from './text-normalizer.js';

const META_CHARSET = /<meta[^>]+?charset\s*=\s*["']?\s*([\w.:-]+)/i;
const XML_ENCODING = /^\s*<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)/i;

/** Reads an HTML page (a meeting page of Dynasty, CloudNC or a municipal CMS) into the normalised text layer. */
export function readHtml(bytes: Uint8Array): TextLayer {
  const decoded = decodeText(bytes, sniffHtmlCharset(bytes));
  const page = extractPageText(decoded.text);
  return {
    text: normalizeText(page.text),
    reader: 'html',
    encoding: decoded.encoding,
    pages: null,
    diagnostics: [...decoded.diagnostics, ...page.diagnostics],
  };
}

/** The charset a page declares in its first bytes (<meta charset>, http-equiv, or an XML declaration). */
export function sniffHtmlCharset(bytes: Uint8Array): string | null {
  const head = decoderFor('latin1').decode(bytes.subarray(0, 4096));
  return (META_CHARSET.exec(head) ?? XML_ENCODING.exec(head))?.[1] ?? null;
}

/** Text of a web page without its chrome: the main content when marked, else all text but menus and banners. */
export function extractPageText(html: string): { text: string; diagnostics: Diagnostic[] } {
  const tree = parseHtmlTree(html);
  const pruned = pruneBoilerplate(tree, 'full');
  const lightlyPruned = pruneBoilerplate(tree, 'tags');
  const kept = countTextChars(pruned);
  // Class names can mislead ("has-cookie-banner" on a wrapper of everything): then trust only element kinds.
  if (kept < 500 && kept < countTextChars(lightlyPruned) * 0.2) {
    return {
      text: renderHtmlText(selectMainContent(lightlyPruned)),
      diagnostics: [
        {
          severity: 'info',
          code: 'HTML_CHROME_KEPT',
          message: 'page chrome could not be told apart by class names; only menus and banners were left out',
        },
      ],
    };
  }
  return { text: renderHtmlText(selectMainContent(pruned)), diagnostics: [] };
}

/** Text of an HTML fragment as it is, without looking for page chrome (e.g. HTML converted from DOCX). */
export function convertHtmlToText(html: string): string {
  return renderHtmlText(parseHtmlTree(html));
}
