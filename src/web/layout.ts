import type { SafeHtml } from './html.js';
import { html } from './html.js';
import type { Lang, Messages } from './i18n.js';
import { LANGS } from './i18n.js';

export interface PageContext {
  lang: Lang;
  t: Messages;
  /** The request path without the query, for the language links. */
  path: string;
}

const LANG_NAMES: Record<Lang, string> = { fi: 'Suomi', sv: 'Svenska', en: 'English' };

/** The page shell: skip link, header with navigation and language switch, main, footer. */
export function renderPage(ctx: PageContext, title: string, main: SafeHtml, head?: SafeHtml): string {
  const { t, lang } = ctx;
  return html`<!doctype html>
    <html lang="${lang}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${title} – ${t.siteName}</title>
        <link rel="stylesheet" href="/static/site.css" />
        ${head}
      </head>
      <body>
        <a class="skip" href="#main">${t.skip}</a>
        <header class="site">
          <p class="brand"><a href="/">${t.siteName}</a> <span>${t.tagline}</span></p>
          <nav aria-label="${t.home}">
            <ul>
              <li><a href="/">${t.home}</a></li>
              <li><a href="/search">${t.search}</a></li>
              <li><a href="/topics">${t.topics}</a></li>
              <li><a href="/actions">${t.actions}</a></li>
            </ul>
          </nav>
          <nav aria-label="${t.language}" class="langs">
            <ul>
              ${LANGS.map((l) => (l === lang ? html`<li><span aria-current="true" lang="${l}">${LANG_NAMES[l]}</span></li>` : html`<li><a href="${ctx.path}?lang=${l}" lang="${l}" hreflang="${l}">${LANG_NAMES[l]}</a></li>`))}
            </ul>
          </nav>
        </header>
        <main id="main" tabindex="-1">${main}</main>
        <footer class="site">
          <p><a href="/sitemap.xml">sitemap.xml</a></p>
        </footer>
      </body>
    </html> `.value;
}

export const SITE_CSS = `
:root { --fg: #1a1a1a; --muted: #4a4a4a; --bg: #fff; --link: #0b4f8a; --accent: #0b4f8a; --line: #c8c8c8; --soft: #f2f5f8; }
* { box-sizing: border-box; }
body { margin: 0; font: 1rem/1.55 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); background: var(--bg); }
a { color: var(--link); text-decoration: underline; text-underline-offset: 0.15em; }
a:hover { text-decoration-thickness: 2px; }
:focus-visible { outline: 3px solid #b35c00; outline-offset: 2px; }
.skip { position: absolute; left: -999px; top: 0; background: #fff; padding: 0.5rem 1rem; z-index: 10; }
.skip:focus { left: 0.5rem; top: 0.5rem; }
header.site { display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; align-items: center; padding: 0.75rem 1rem; border-bottom: 3px solid var(--accent); background: var(--soft); }
header.site .brand { margin: 0; font-weight: 700; font-size: 1.25rem; }
header.site .brand span { display: block; font-weight: 400; font-size: 0.85rem; color: var(--muted); }
header.site ul { list-style: none; display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; margin: 0; padding: 0; }
header.site .langs { margin-left: auto; }
main { max-width: 60rem; margin: 0 auto; padding: 1rem; }
main:focus { outline: none; }
h1 { font-size: 1.75rem; line-height: 1.25; margin: 0.5rem 0 1rem; }
h2 { font-size: 1.35rem; margin: 2rem 0 0.75rem; border-bottom: 1px solid var(--line); padding-bottom: 0.25rem; }
h3 { font-size: 1.1rem; margin: 1.25rem 0 0.5rem; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: 0.35rem 0.5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
thead th { background: var(--soft); }
.item { border-left: 4px solid var(--line); padding: 0 0 0 1rem; margin: 1.5rem 0; }
.item:target { border-left-color: var(--accent); background: var(--soft); }
.item p.text { white-space: pre-line; }
.muted { color: var(--muted); }
ul.plain { list-style: none; padding: 0; }
.cards { list-style: none; padding: 0; display: grid; gap: 1rem; }
.cards > li { border: 1px solid var(--line); border-radius: 4px; padding: 0.75rem 1rem; }
mark { background: #ffe58a; color: #000; }
form.search { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: end; }
form.search label { display: flex; flex-direction: column; font-weight: 600; }
form.search label > input, form.search label > select { font-weight: 400; }
input, select, button { font: inherit; padding: 0.4rem 0.6rem; border: 1px solid #6b6b6b; border-radius: 3px; }
button { background: var(--accent); color: #fff; border-color: var(--accent); cursor: pointer; }
.layout { display: grid; grid-template-columns: 1fr; gap: 1.5rem; }
@media (min-width: 48rem) { .layout { grid-template-columns: 14rem 1fr; } }
.facets h3 { font-size: 1rem; }
nav.pages ul { list-style: none; display: flex; gap: 1rem; padding: 0; }
.vh { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
a.source { font-size: 0.875rem; font-weight: 400; margin-left: 0.4rem; white-space: nowrap; }
p.source { margin-top: -0.5rem; }
p.source a.source { margin-left: 0; }
@media (max-width: 40rem) {
  .table-wrap table, .table-wrap tbody, .table-wrap tr, .table-wrap tbody th, .table-wrap td { display: block; }
  .table-wrap thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
  .table-wrap tbody tr { border-bottom: 1px solid var(--line); padding: 0.5rem 0; }
  .table-wrap tbody th, .table-wrap td { border: 0; padding: 0.1rem 0; }
  .table-wrap td[data-label]::before { content: attr(data-label) ": "; font-weight: 600; }
  .table-wrap td:empty { display: none; }
}
pre.source { white-space: pre-wrap; overflow-wrap: anywhere; font: 0.95rem/1.5 ui-monospace, "DejaVu Sans Mono", monospace; background: var(--soft); border: 1px solid var(--line); padding: 0.75rem; }
pre.source mark { outline: 2px solid #b35c00; scroll-margin-top: 4rem; }
.withheld { background: #e6e6e6; color: var(--muted); font-style: italic; }
ul.topics, nav.years ul { list-style: none; display: flex; flex-wrap: wrap; gap: 0.4rem 1rem; padding: 0; }
ol.timeline { list-style: none; padding: 0; }
ol.timeline > li { border-left: 3px solid var(--line); padding: 0 0 0.25rem 1rem; margin: 0 0 1rem; }
ol.timeline h3 { margin: 0 0 0.25rem; }
ol.timeline p { margin: 0.25rem 0; }
form.filters { margin-bottom: 1rem; }
footer.site { border-top: 1px solid var(--line); padding: 1rem; text-align: center; }
`;
