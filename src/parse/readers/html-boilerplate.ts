import { countTextChars, findElements, type HtmlElement, type HtmlNode } from './html-tree.js';

/** Page chrome by element: never part of a meeting record. */
const CHROME_TAGS = new Set([
  'nav',
  'form',
  'iframe',
  'object',
  'embed',
  'button',
  'select',
  'textarea',
  'input',
  'dialog',
  'canvas',
  'video',
  'audio',
  'map',
  'menu',
]);
const CHROME_ROLES = new Set([
  'navigation',
  'banner',
  'contentinfo',
  'search',
  'menu',
  'menubar',
  'dialog',
  'alertdialog',
]);
/** Words of class and id values that mark chrome, anywhere on the page. */
const CHROME_WORDS =
  /^(?:nav|navi|navbar|navigation|mainnav|subnav|menu|menus|menubar|mainmenu|submenu|megamenu|breadcrumbs?|crumbs|cookies?|cookiebar|cookiebanner|cookieconsent|consent|gdpr|sidebar|skip|skiplinks?|skiptocontent|share|sharing|sharebuttons|social|socialmedia)$/;
/** Words that mark a page header or footer: chrome only outside the main content. */
const HEADER_FOOTER_WORDS = /^(?:header|footer|masthead|pageheader|pagefooter|siteheader|sitefooter)$/;
/** Elements whose class never removes them: removing them would remove the page. */
const CONTAINER_TAGS = new Set([
  '#root',
  'html',
  'body',
  'main',
  'article',
  'table',
  'thead',
  'tbody',
  'tr',
  'td',
  'th',
]);

export type PruneLevel = 'full' | 'tags';

/**
 * Returns a copy of the tree without navigation, menus, cookie banners, breadcrumbs, share buttons, forms and
 * the page header and footer. At level 'tags' only elements and roles count, not class or id words.
 */
export function pruneBoilerplate(root: HtmlElement, level: PruneLevel = 'full'): HtmlElement {
  return pruneElement(root, level, false);
}

function pruneElement(element: HtmlElement, level: PruneLevel, inContent: boolean): HtmlElement {
  const childInContent =
    inContent || element.tag === 'main' || element.tag === 'article' || element.attrs.role === 'main';
  const children: HtmlNode[] = [];
  for (const child of element.children) {
    if (typeof child === 'string') children.push(child);
    else if (!isChrome(child, level, childInContent))
      children.push(pruneElement(child, level, childInContent));
  }
  return { ...element, children };
}

function isChrome(element: HtmlElement, level: PruneLevel, inContent: boolean): boolean {
  const { tag, attrs } = element;
  if (CHROME_TAGS.has(tag) || 'hidden' in attrs || attrs['aria-hidden'] === 'true') return true;
  if (/display\s*:\s*none|visibility\s*:\s*hidden/i.test(attrs.style ?? '')) return true;
  if (attrs.role && CHROME_ROLES.has(attrs.role.toLowerCase())) return true;
  if (!inContent && (tag === 'header' || tag === 'footer')) return true;
  if (level === 'tags' || CONTAINER_TAGS.has(tag)) return false;
  const words = splitNameWords(`${attrs.class ?? ''} ${attrs.id ?? ''}`);
  if (words.some((word) => CHROME_WORDS.test(word))) return true;
  // A "header" holding the page's heading is the content's title block, not chrome.
  return !inContent && words.some((word) => HEADER_FOOTER_WORDS.test(word)) && !containsHeading(element);
}

function containsHeading(element: HtmlElement): boolean {
  return findElements(element, (e) => e.tag === 'h1' || e.tag === 'h2').length > 0;
}

/** 'site-header mainMenu cookie_bar' → ['site', 'header', 'main', 'menu', 'mainmenu', 'cookie', 'bar', 'cookiebar', …]. */
function splitNameWords(names: string): string[] {
  const words: string[] = [];
  for (const name of names.split(/\s+/)) {
    if (!name) continue;
    const parts = name.split(/[^A-Za-z0-9]+|(?<=[a-z])(?=[A-Z])/).filter(Boolean);
    words.push(...parts.map((part) => part.toLowerCase()), parts.join('').toLowerCase());
  }
  return words;
}

/**
 * The main content when the page marks it (<main>, role=main, a single <article>) and it holds a real share of
 * the page's text; otherwise the whole page.
 */
export function selectMainContent(root: HtmlElement): HtmlElement {
  const total = countTextChars(root);
  const mains = findElements(root, (e) => e.tag === 'main' || e.attrs.role === 'main');
  const articles = mains.length > 0 ? [] : findElements(root, (e) => e.tag === 'article');
  const candidates = mains.length > 0 ? mains : articles.length === 1 ? articles : [];
  let best: HtmlElement | null = null;
  let bestChars = 0;
  for (const candidate of candidates) {
    const chars = countTextChars(candidate);
    if (chars > bestChars) {
      best = candidate;
      bestChars = chars;
    }
  }
  const substantial = bestChars >= 500 || bestChars >= total * 0.25;
  return best && bestChars > 0 && substantial ? best : root;
}
