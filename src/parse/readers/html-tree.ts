import { Parser } from 'htmlparser2';

/** A minimal element tree: just what the text rendering needs. Text nodes are strings, entities decoded. */
export interface HtmlElement {
  tag: string;
  attrs: Record<string, string>;
  children: HtmlNode[];
}

export type HtmlNode = HtmlElement | string;

/** Elements whose content is never text of the document; their content is not even kept. */
const RAW_CONTENT_TAGS = new Set(['script', 'style', 'template', 'noscript', 'svg', 'math', 'head', 'title']);

/** Deeper elements keep their text but not their structure, so walking the tree never overflows the stack. */
const MAX_DEPTH = 200;

/** Parses HTML as browsers would (implied end tags, void elements) into a small element tree. */
export function parseHtmlTree(html: string): HtmlElement {
  const root: HtmlElement = { tag: '#root', attrs: {}, children: [] };
  const stack: HtmlElement[] = [root];
  let skipDepth = 0;
  let flattened = 0;
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (skipDepth > 0 || RAW_CONTENT_TAGS.has(name)) {
          skipDepth++;
          return;
        }
        if (flattened > 0 || stack.length >= MAX_DEPTH) {
          flattened++;
          return;
        }
        const element: HtmlElement = { tag: name, attrs, children: [] };
        stack[stack.length - 1]!.children.push(element);
        stack.push(element);
      },
      ontext(text) {
        if (skipDepth > 0) return;
        const children = stack[stack.length - 1]!.children;
        const last = children[children.length - 1];
        if (typeof last === 'string') children[children.length - 1] = last + text;
        else children.push(text);
      },
      onclosetag() {
        if (skipDepth > 0) skipDepth--;
        else if (flattened > 0) flattened--;
        else if (stack.length > 1) stack.pop();
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
  return root;
}

/** Counts the non-space characters of text below an element. */
export function countTextChars(node: HtmlNode): number {
  if (typeof node === 'string') return node.replace(/\s+/g, '').length;
  let total = 0;
  for (const child of node.children) total += countTextChars(child);
  return total;
}

/** Finds elements below `node` (depth first, document order) that satisfy the predicate, not descending into matches. */
export function findElements(node: HtmlElement, predicate: (element: HtmlElement) => boolean): HtmlElement[] {
  const found: HtmlElement[] = [];
  for (const child of node.children) {
    if (typeof child === 'string') continue;
    if (predicate(child)) found.push(child);
    else found.push(...findElements(child, predicate));
  }
  return found;
}
