import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import iconv from 'iconv-lite';
import { readHtml } from './html-reader.js';

const read = (html: string): string => readHtml(new TextEncoder().encode(html)).text;

const PAGE = `<!DOCTYPE html><html lang="fi"><head><meta charset="utf-8"><title>Kaupunginvaltuusto | Järvenpää</title>
<style>p { color: red }</style><script>document.write("<p>ei tekstiä</p>")</script></head>
<body class="page has-cookie-banner">
<a class="skip-link" href="#main">Siirry sisältöön</a>
<div id="cookieConsent"><p>Käytämme evästeitä.</p><button>Hyväksy</button></div>
<header class="site-header"><div class="logo">Järvenpään kaupunki</div>
  <nav><ul><li><a href="/">Etusivu</a></li><li><a href="/p">Palvelut</a></li></ul></nav></header>
<div class="breadcrumbs"><a href="/">Etusivu</a> &gt; Päätöksenteko</div>
<div role="navigation"><a href="/x">Esityslistat</a></div>
<main id="main">
  <h1>Kaupunginvaltuusto 11.9.2023 § 44</h1>
  <p>Kokouksen <b>pöytäkirjan tarkastajiksi</b> valitaan&nbsp;kaksi   valtuutettua.<br>Toinen rivi &amp; lisää.</p>
  <p><strong>Päätös:</strong> Hyväksyttiin <b> </b>esitys.</p>
  <div class="share-buttons"><a>Jaa Facebookissa</a></div>
  <form><label>Hae</label><input name="q"></form>
  <noscript>Ota JavaScript käyttöön</noscript>
</main>
<aside class="sidebar"><h3>Ajankohtaista</h3><p>Uutinen</p></aside>
<footer><p>Järvenpään kaupunki, PL 41</p></footer>
</body></html>`;

describe('readHtml', () => {
  it('keeps the main content and drops chrome: menus, banners, breadcrumbs, scripts, forms, footer', () => {
    const layer = readHtml(new TextEncoder().encode(PAGE));
    assert.equal(layer.reader, 'html');
    assert.equal(layer.encoding, 'utf-8');
    assert.equal(
      layer.text,
      [
        'Kaupunginvaltuusto 11.9.2023 § 44',
        '',
        'Kokouksen **pöytäkirjan tarkastajiksi** valitaan kaksi valtuutettua.',
        'Toinen rivi & lisää.',
        '',
        '**Päätös:** Hyväksyttiin esitys.',
      ].join('\n'),
    );
  });

  it('drops chrome by class, id and role when the page marks no main content', () => {
    const text = read(`<body>
      <div id="header"><a>Kirjaudu</a></div><ul class="main-menu"><li>Etusivu</li></ul>
      <div role="banner">Kunta</div><div class="socialMedia">Seuraa meitä</div>
      <div class="content"><h2>Kunnanhallitus</h2><p>Asia 1</p></div>
      <div class="footer-wrapper"><div id="footer">Yhteystiedot</div></div></body>`);
    assert.equal(text, 'Kunnanhallitus\n\nAsia 1');
  });

  it('keeps a header that holds the content title', () => {
    const text = read('<div class="page-header"><h1>Pöytäkirja 3/2024</h1></div><p>Kokous alkoi.</p>');
    assert.equal(text, 'Pöytäkirja 3/2024\n\nKokous alkoi.');
  });

  it('falls back to the whole page when class names would remove everything', () => {
    const text = read(
      '<body><div class="nav-open"><h1>Pöytäkirja</h1><p>Kokous alkoi klo 18.</p></div></body>',
    );
    assert.equal(text, 'Pöytäkirja\n\nKokous alkoi klo 18.');
  });

  it('renders a table as one line per row with tab-separated cells', () => {
    const text = read(`<p>Äänestys</p><table>
      <thead><tr><th>Nimi</th><th>Jaa</th><th>Ei</th></tr></thead>
      <tbody><tr><td>Matti   Meikäläinen</td><td>x</td><td></td></tr>
      <tr><td><p>Liisa</p><p>Virtanen</p></td><td></td><td><strong>x</strong></td></tr></tbody></table>
      <p>Jatko</p>`);
    assert.equal(text, 'Äänestys\n\nNimi\tJaa\tEi\nMatti Meikäläinen\tx\nLiisa Virtanen\t\t**x**\n\nJatko');
  });

  it('keeps a label row beside the first line of its value, as Word templates lay them out', () => {
    const text = read(`<table><tr><td><b>Päätösehdotus</b></td><td><p>Kaupunginhallitus päättää:</p>
      <ul><li>hyväksyä esityksen</li><li>tiedottaa päätöksestä</li></ul></td></tr>
      <tr><td><b>Päätös</b></td><td>Hyväksyttiin.</td></tr></table>`);
    assert.equal(
      text,
      '**Päätösehdotus**\tKaupunginhallitus päättää:\n- hyväksyä esityksen\n- tiedottaa päätöksestä\n**Päätös**\tHyväksyttiin.',
    );
  });

  it('reads a layout table (Dynasty-style, with nested tables) cell by cell', () => {
    const text = read(`<table><tr><td><table><tr><td><b>Kunnanhallitus</b></td><td>§ 12</td></tr></table>
      <p><b>TALOUSARVIO 2024</b></p><p>Kunnanjohtaja<br>Esitys hyväksytään.</p></td></tr></table>`);
    assert.equal(
      text,
      '**Kunnanhallitus**\t§ 12\n\n**TALOUSARVIO 2024**\n\nKunnanjohtaja\nEsitys hyväksytään.',
    );
  });

  it('reads a menu beside the content, and single-column boxes, as blocks rather than rows', () => {
    const menu = '<td><a>Etusivu</a><br><a>Esityslistat</a><br><a>Pöytäkirjat</a></td>';
    const content = '<td><h2>Kunnanvaltuusto</h2><p>Kokous alkoi.</p><p>Kokous päättyi.</p></td>';
    assert.equal(
      read(`<table><tr>${menu}${content}</tr></table>`),
      'Etusivu\nEsityslistat\nPöytäkirjat\n\nKunnanvaltuusto\n\nKokous alkoi.\n\nKokous päättyi.',
    );
    assert.equal(read('<table><tr><td><p>Yksi</p><p>Kaksi</p></td></tr></table>'), 'Yksi\n\nKaksi');
  });

  it("renders lists as '- ' lines, ordered lists with their numbers", () => {
    const text = read(
      '<ul><li>Ensimmäinen</li><li><p>Toinen</p></li></ul><ol start="3"><li>kolmas</li><li>neljäs</li></ol>',
    );
    assert.equal(text, '- Ensimmäinen\n- Toinen\n\n3. kolmas\n4. neljäs');
  });

  it('puts headings and blocks on their own lines and keeps pre-formatted text', () => {
    const text = read('<h2>Otsikko</h2>Irrallinen teksti<div>Lohko</div><pre>a  b\n  c</pre>');
    assert.equal(text, 'Otsikko\n\nIrrallinen teksti\nLohko\n\na  b\n  c');
  });

  it('marks bold from CSS font-weight and only where there is text', () => {
    assert.equal(read('<p><span style="font-weight: bold">Päätös</span>: <b>  </b>ok</p>'), '**Päätös**: ok');
  });

  it('survives deeply nested markup', () => {
    const depth = 50_000;
    assert.equal(read(`${'<div>'.repeat(depth)}Syvällä${'</div>'.repeat(depth)}`), 'Syvällä');
  });

  it('decodes entities', () => {
    assert.equal(
      read('<p>&Auml;&auml;ni &#8211; 5&nbsp;&euro; &lt;tyhjä&gt; &#x00E5;</p>'),
      'Ääni – 5 € <tyhjä> å',
    );
  });

  it('takes the charset from <meta http-equiv>, <meta charset> or the BOM', () => {
    const latin =
      '<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"></head><body><p>Päätös: hyväksyttiin</p></body></html>';
    const layer = readHtml(new Uint8Array(iconv.encode(latin, 'windows-1252')));
    assert.equal(layer.text, 'Päätös: hyväksyttiin');
    assert.equal(layer.encoding, 'windows-1252');
    const utf16 = new Uint8Array([0xff, 0xfe, ...iconv.encode('<p>Åbo stad</p>', 'utf-16le')]);
    assert.equal(readHtml(utf16).text, 'Åbo stad');
    const declaredWrong = '<meta charset="utf-8"><p>Päätös</p>';
    assert.equal(readHtml(new Uint8Array(iconv.encode(declaredWrong, 'windows-1252'))).text, 'Päätös');
  });
});
