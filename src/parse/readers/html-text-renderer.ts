import { renderRuns, type TextRun } from './bold-runs.js';
import type { HtmlElement, HtmlNode } from './html-tree.js';
import { renderTableLines } from './html-table-renderer.js';

/** Blocks set apart by a blank line. */
const PARAGRAPH_TAGS = new Set([
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'dl',
  'figure',
  'address',
]);
/** Blocks that only start a new line. */
const LINE_TAGS = new Set([
  '#root',
  'html',
  'body',
  'div',
  'section',
  'article',
  'main',
  'header',
  'footer',
  'aside',
  'nav',
  'dt',
  'dd',
  'caption',
  'figcaption',
  'center',
  'details',
  'summary',
  'fieldset',
  'legend',
  'tr',
  'option',
]);
const BOLD_STYLE = /font-weight\s*:\s*(?:bold|bolder|[6-9]00)/i;

interface RenderState {
  lines: string[];
  runs: TextRun[];
  /** 0: none, 1: new line, 2: blank line, before the next text. */
  pendingBreak: number;
  /** List marker waiting for the list item's first text. */
  prefix: string | null;
  bold: number;
  pre: number;
  lists: { ordered: boolean; next: number }[];
  listItems: number;
}

/** Renders an element tree to text-layer text: blocks on lines, lists as '- ', tables as tab rows, bold as '**'. */
export function renderHtmlText(root: HtmlElement): string {
  return renderHtmlLines(root.children).join('\n');
}

/** Renders nodes to lines; blank lines ('') separate paragraphs. */
export function renderHtmlLines(nodes: readonly HtmlNode[]): string[] {
  const state: RenderState = {
    lines: [],
    runs: [],
    pendingBreak: 0,
    prefix: null,
    bold: 0,
    pre: 0,
    lists: [],
    listItems: 0,
  };
  for (const node of nodes) walkNode(state, node);
  flushLine(state);
  return state.lines;
}

function walkNode(state: RenderState, node: HtmlNode): void {
  if (typeof node === 'string') {
    appendText(state, node);
    return;
  }
  const { tag } = node;
  if (tag === 'br') breakLine(state, 1);
  else if (tag === 'hr') breakLine(state, 2);
  else if (tag === 'table') walkTable(state, node);
  else if (tag === 'ul' || tag === 'ol') walkList(state, node);
  else if (tag === 'li') walkListItem(state, node);
  else if (tag === 'pre') {
    breakLine(state, 2);
    state.pre++;
    walkChildren(state, node);
    flushLine(state);
    state.pre--;
    breakLine(state, 2);
  } else if (PARAGRAPH_TAGS.has(tag) || LINE_TAGS.has(tag)) {
    const strength = PARAGRAPH_TAGS.has(tag) && state.listItems === 0 ? 2 : 1;
    breakLine(state, strength);
    walkChildren(state, node);
    breakLine(state, strength);
  } else if (tag === 'td' || tag === 'th') {
    // A cell outside any table (broken markup): keep its text apart from the neighbours'.
    appendText(state, ' ');
    walkChildren(state, node);
    appendText(state, ' ');
  } else if (tag === 'b' || tag === 'strong' || BOLD_STYLE.test(node.attrs.style ?? '')) {
    state.bold++;
    walkChildren(state, node);
    state.bold--;
  } else walkChildren(state, node);
}

function walkChildren(state: RenderState, element: HtmlElement): void {
  for (const child of element.children) walkNode(state, child);
}

function walkTable(state: RenderState, table: HtmlElement): void {
  breakLine(state, 2);
  for (const line of renderTableLines(table, renderCellLines)) {
    if (line === '') breakLine(state, 2);
    else pushLine(state, line);
  }
  breakLine(state, 2);
}

function renderCellLines(cell: HtmlElement): string[] {
  return renderHtmlLines(cell.children);
}

function walkList(state: RenderState, list: HtmlElement): void {
  const strength = state.listItems > 0 ? 1 : 2;
  breakLine(state, strength);
  const start = Number.parseInt(list.attrs.start ?? '1', 10);
  state.lists.push({ ordered: list.tag === 'ol', next: Number.isFinite(start) ? start : 1 });
  walkChildren(state, list);
  state.lists.pop();
  breakLine(state, strength);
}

function walkListItem(state: RenderState, item: HtmlElement): void {
  breakLine(state, 1);
  const list = state.lists[state.lists.length - 1];
  if (list?.ordered) {
    const value = Number.parseInt(item.attrs.value ?? '', 10);
    const number = Number.isFinite(value) ? value : list.next;
    list.next = number + 1;
    state.prefix = `${number}. `;
  } else state.prefix = '- ';
  state.listItems++;
  walkChildren(state, item);
  state.listItems--;
  state.prefix = null;
  breakLine(state, 1);
}

function appendText(state: RenderState, raw: string): void {
  if (state.pre > 0) {
    raw.split('\n').forEach((part, i) => {
      if (i > 0) breakLine(state, 1);
      if (part !== '') addRun(state, part);
    });
    return;
  }
  const text = raw.replace(/[ \t\n\r\f\u00A0]+/g, ' ');
  if (text.trim() === '') {
    const last = state.runs[state.runs.length - 1];
    if (text !== '' && last && !last.text.endsWith(' ')) state.runs.push({ text: ' ', bold: state.bold > 0 });
    return;
  }
  addRun(state, state.runs.length === 0 ? text.trimStart() : text);
}

function addRun(state: RenderState, text: string): void {
  startContent(state);
  state.runs.push({ text, bold: state.bold > 0 });
}

/** Applies the pending break and list marker before a line's first text. */
function startContent(state: RenderState): void {
  if (state.runs.length > 0) return;
  const lastLine = state.lines[state.lines.length - 1];
  if (state.pendingBreak === 2 && lastLine !== undefined && lastLine !== '') state.lines.push('');
  state.pendingBreak = 0;
  if (state.prefix !== null) {
    state.runs.push({ text: state.prefix, bold: false });
    state.prefix = null;
  }
}

function pushLine(state: RenderState, line: string): void {
  flushLine(state);
  startContent(state);
  const prefix = state.runs.map((run) => run.text).join('');
  state.runs = [];
  state.lines.push(prefix + line);
}

function breakLine(state: RenderState, strength: number): void {
  flushLine(state);
  state.pendingBreak = Math.max(state.pendingBreak, strength);
}

function flushLine(state: RenderState): void {
  if (state.runs.length === 0) return;
  let line = renderRuns(state.runs);
  if (state.pre === 0) line = line.replace(/ {2,}/g, ' ').trim();
  state.runs = [];
  if (line.trim() !== '') state.lines.push(line);
}
