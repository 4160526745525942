import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { understandText } from './understand.js';

function sourceOf(
  text: string,
  provenance: Record<string, readonly [number, number]>,
  pointer: string,
): string {
  const span = provenance[pointer];
  assert.ok(span, `no provenance for ${pointer}`);
  return text.slice(span[0], span[1]);
}

describe('understandText', () => {
  it('reads a memo header, a distribution list with marks and flattened items', () => {
    const text =
      'Sote-työryhmä Muistio 3/2018 Aika: Tiistai 6.3.2018, 9.00 11.00 Paikka: Kaupungintalo, kokoushuone Aalto ' +
      'Jakelu: (x) Porin kaupunki Perusturvajohtaja Leena Harju, pj. (-) Ulvilan kaupunki Sosiaalijohtaja Matti Koivisto ' +
      '(x) Porin kaupunki Suunnittelija Sanna Virta, siht. (x) Satakunnan shp Hallintoylilääkäri Juha Lehto (asiat 1-2) ' +
      'ESITYSLISTA 1. Kokouksen avaus Puheenjohtaja avaa kokouksen Puheenjohtaja avasi kokouksen. ' +
      '2. Valinnanvapauspilotti Käydään keskustelu pilotista. Päätettiin, että Sanna Virta laatii seuraavaan kokoukseen yhteenvedon. ' +
      'Juha Lehto poistui kokouksesta kello 10.15. 3. Kokouksen päättäminen Puheenjohtaja päätti kokouksen kello 11.00. ' +
      'Muistion laati Sanna Virta';
    const { record, provenance } = understandText(text);
    assert.equal(record.kind, 'minutes');
    assert.equal(record.body, 'Sote-työryhmä');
    assert.equal(record.meeting_number, '3/2018');
    assert.equal(record.date, '2018-03-06');
    assert.equal(record.start_time, '09:00');
    assert.equal(record.end_time, '11:00');
    assert.equal(sourceOf(text, provenance, '/date'), '6.3.2018');
    assert.deepEqual(
      record.participants.map((p) => [
        p.name,
        p.organization,
        p.role,
        p.present,
        p.chair,
        p.secretary,
        p.items,
      ]),
      [
        ['Leena Harju', 'Porin kaupunki', 'Perusturvajohtaja', true, true, false, null],
        ['Matti Koivisto', 'Ulvilan kaupunki', 'Sosiaalijohtaja', false, false, false, null],
        ['Sanna Virta', 'Porin kaupunki', 'Suunnittelija', true, false, true, null],
        ['Juha Lehto', 'Satakunnan shp', 'Hallintoylilääkäri', true, false, false, '1-2'],
      ],
    );
    assert.deepEqual(
      record.items.map((i) => [i.number, i.title]),
      [
        ['1', 'Kokouksen avaus'],
        ['2', 'Valinnanvapauspilotti'],
        ['3', 'Kokouksen päättäminen'],
      ],
    );
    assert.equal(record.items[0]?.proposal, 'Puheenjohtaja avaa kokouksen');
    assert.equal(record.items[0]?.decision, 'Puheenjohtaja avasi kokouksen.');
    assert.deepEqual(record.departures, [{ name: 'Juha Lehto', time: '10:15', item: '2' }]);
    assert.equal(record.actions[0]?.owner, 'Sanna Virta');
    assert.equal(record.actions[0]?.due, 'seuraavaan kokoukseen');
    assert.equal(record.recorded_by, 'Sanna Virta');
    assert.equal(sourceOf(text, provenance, '/recorded_by'), 'Sanna Virta');
  });

  it('reads a Swedish protokoll with surname-first rosters and § items', () => {
    const text = [
      'Socialnämnden protokoll 4/2016',
      '',
      'Tid: måndag 11.4.2016 kl. 17.00–19.15',
      'Plats: Stadshuset, Storgatan 2',
      '',
      'Närvarande',
      'Lindholm Anna, ordförande',
      'Berg Johan',
      'Frånvarande',
      'Sundqvist Eva',
      '',
      '§ 21 Val av protokolljusterare',
      'Förslag: Till protokolljusterare väljs Johan Berg.',
      'Beslut: Förslaget godkändes.',
      '',
      '§ 22 Nästa sammanträde',
      'Nästa sammanträde hålls 9.5. kl. 17.00 i Stadshuset.',
    ].join('\n');
    const { record } = understandText(text);
    assert.equal(record.language, 'sv');
    assert.equal(record.body, 'Socialnämnden');
    assert.equal(record.date, '2016-04-11');
    assert.equal(record.end_time, '19:15');
    assert.deepEqual(
      record.participants.map((p) => [p.name, p.present, p.chair]),
      [
        ['Anna Lindholm', true, true],
        ['Johan Berg', true, false],
        ['Eva Sundqvist', false, false],
      ],
    );
    assert.deepEqual(
      record.items.map((i) => i.number),
      ['21', '22'],
    );
    assert.equal(record.items[0]?.decision, 'Förslaget godkändes.');
    assert.deepEqual(record.next_meeting, {
      date: '2016-05-09',
      start_time: '17:00',
      end_time: null,
      place: 'Stadshuset',
    });
  });

  it('reads titles written before each name in a comma-separated roster', () => {
    const text =
      'PROTOKOLL 4/2019\nSammanträdestid: 12.3.2019 kl. 18:00 – 19:30\nSammanträdesplats: Stadshuset\n' +
      'Närvarande: Anna Lindholm ordförande\nJohan Berg\n' +
      'Övriga närvarande: fullmäktiges ordf. Eva Sundqvist, stadsdirektör Karl Nyström, förvaltningschef Maria Holm\n\n' +
      '§ 21 Laglighet och beslutförhet\nSammanträdet konstaterades lagligen sammankallat och beslutfört.\n' +
      '§ 22 Justering av protokollet\nTill protokolljusterare valdes Johan Berg.\n';
    const { record, provenance } = understandText(text);
    assert.deepEqual(
      record.participants.slice(2).map((p) => [p.name, p.role, p.organization, p.present]),
      [
        ['Eva Sundqvist', 'fullmäktiges ordf.', null, true],
        ['Karl Nyström', 'stadsdirektör', null, true],
        ['Maria Holm', 'förvaltningschef', null, true],
      ],
    );
    assert.equal(sourceOf(text, provenance, '/participants/3'), 'stadsdirektör Karl Nyström');
  });

  it('carries a municipality to the names after it, past a letterhead between pages', () => {
    const text =
      'Ohjausryhmän 2. kokous pöytäkirja Aika: 8.2.2017 klo 12 15.30 Paikka: Kokoushuone Kaamos ' +
      'Kutsutut: Ohjausryhmän jäsenet Paikalla Poissa Varajäsen Enontekiö Sari Virtanen Seppo Korhonen ' +
      'Kemi Aaro Nieminen Hilkka Mäkinen Kemijärvi Lea Lehtonen Jarkko Koskinen Keminmaa Teemu Järvinen Hannu Salminen ' +
      'LAPIN LIITTO Hallituskatu 20 B, PL 8056 96101 Rovaniemi www.lapinliitto.fi\n' +
      'Savukoski Jouko Hämäläinen Helena Laine Inari Vs. Pentti Heikkinen\n' +
      '1. Kokouksen avaus Puheenjohtaja avasi kokouksen. 2. Seuraava kokous Todettiin.';
    const { record } = understandText(text);
    assert.deepEqual(
      record.participants.map((p) => [p.name, p.organization]),
      [
        ['Sari Virtanen', 'Enontekiö'],
        ['Seppo Korhonen', 'Enontekiö'],
        ['Aaro Nieminen', 'Kemi'],
        ['Hilkka Mäkinen', 'Kemi'],
        ['Lea Lehtonen', 'Kemijärvi'],
        ['Jarkko Koskinen', 'Kemijärvi'],
        ['Teemu Järvinen', 'Keminmaa'],
        ['Hannu Salminen', 'Keminmaa'],
        ['Jouko Hämäläinen', 'Savukoski'],
        ['Helena Laine', 'Savukoski'],
        ['Pentti Heikkinen', 'Inari'],
      ],
    );
  });

  it('reads absent and invited groups of a Swedish roster, with the items the invited attended', () => {
    const text =
      'Minnesanteckningar 2/2016\nArbetsgruppen för äldreomsorgen\n\nTid: 8.3.2016 kl. 9.00–11.00\nPlats: Stadshuset\n\n' +
      'Närvarande\nPia Snellman, ordförande\nMatti Hiltunen, ekonomichef\n\n' +
      'Förhinder\nEmil Lindström, hemvårdschef, Vasa stad\n\n' +
      'Inbjudna\nSiv Smeds, servicechef (ärendena 2–4)\n\n' +
      '1. Mötets öppnande\nOrdföranden öppnade mötet.\n2. Budget\nBeslut: Godkändes.\n';
    const { record } = understandText(text);
    assert.deepEqual(
      record.participants.map((p) => [p.name, p.present, p.invited, p.items]),
      [
        ['Pia Snellman', true, false, null],
        ['Matti Hiltunen', true, false, null],
        ['Emil Lindström', false, false, null],
        ['Siv Smeds', true, true, '2-4'],
      ],
    );
  });

  it('takes items that only propose under a distribution list for an agenda', () => {
    const text =
      'Inkoon yhteistyötoimikunta 1/2024\n\nAika: 2.1.2024 klo 10.00-12.00\nPaikka: Kirjasto\n\n' +
      'Jakelu\nTapio Kettunen, muutosjohtaja (pj)\nLeena Hakkarainen, hankejohtaja\n\n' +
      '1. Kokouksen avaus\n\nEhdotus: Puheenjohtaja avaa kokouksen.\n\n' +
      '2. Laillisuus ja päätösvaltaisuus\n\nEhdotus: Todetaan kokous lailliseksi.\n';
    const { record } = understandText(text);
    assert.equal(record.kind, 'agenda');
    assert.deepEqual(
      record.participants.map((p) => [p.name, p.present, p.chair]),
      [
        ['Tapio Kettunen', null, true],
        ['Leena Hakkarainen', null, false],
      ],
    );
  });

  it('ends titles of a flattened text where a label, a sentence or a person begins', () => {
    const text =
      'Minnesanteckningar 3/2022 Tid: 12.5.2022 kl. 10–12 Plats: Stadshuset ' +
      '1. Öppnande Ordföranden Siv Blomqvist öppnade mötet. ' +
      '2. Budget 2023 I piloten deltar 6 serviceproducenter. Beslut: Antecknades. ' +
      '3. Föregående protokoll Beslut Protokollet godkändes. ' +
      '4. Kommande möten Nästa möte: måndagen den 24 oktober 2022 kl 10.00.';
    const { record } = understandText(text);
    assert.deepEqual(
      record.items.map((i) => i.title),
      ['Öppnande', 'Budget 2023', 'Föregående protokoll', 'Kommande möten'],
    );
  });

  it('keeps a person written without a mark in a marked list, attendance unknown', () => {
    const text =
      'Minnesanteckningar 9/2016\nArbetsgruppen\n\nTid: 25.10.2016 kl. 8.00–9.30\nPlats: Biblioteket\n\nKallade\n' +
      'Holmberg, Björn personalchef, Lovisa stad x\n' +
      'Rosenback, Carola barnomsorgschef, Kyrkslätts kommun\n' +
      'Ahonen, Antti barnomsorgschef, Ingå kommun x\n' +
      'Klemets, Erik ledande läkare, Helsingfors stad -\n' +
      'Väisänen, Raimo omsorgsdirektör, Uleåborgs stad x\n\n' +
      '1. Öppnande\nOrdföranden öppnade mötet.\n2. Avslutning\nMötet avslutades.\n';
    const { record } = understandText(text);
    assert.deepEqual(
      record.participants.map((p) => [p.name, p.present, p.organization]),
      [
        ['Björn Holmberg', true, 'Lovisa stad'],
        ['Carola Rosenback', null, 'Kyrkslätts kommun'],
        ['Antti Ahonen', true, 'Ingå kommun'],
        ['Erik Klemets', false, 'Helsingfors stad'],
        ['Raimo Väisänen', true, 'Uleåborgs stad'],
      ],
    );
  });

  it('takes no meeting date from the decision history of an item', () => {
    const text =
      'Tontin myynti osoitteessa Kirkkokatu 54\n\n**Dno**\tOUKA/1444/2017\n' +
      '**Päätöshistoria**\tKaupunginvaltuusto 09.01.2017 § 19, asemakaavan muutos\n' +
      '**Esittelyteksti**\tKaupunki omistaa tontin.\n**Päätösehdotus**\tYhdyskuntalautakunta päättää myydä tontin.\n' +
      '**Päätös**\tHyväksyttiin.\n';
    const { record } = understandText(text);
    assert.equal(record.kind, 'item');
    assert.equal(record.date, null);
  });

  it('ends a decision where the table of votes or the list of those present begins', () => {
    const text =
      'Kaupunginvaltuusto Pöytäkirja 5/2020\nAika: 4.5.2020 klo 18.00–20.00\nPaikka: Valtuustosali\n\n' +
      '1. Kokouksen avaus\nPuheenjohtaja avasi kokouksen.\n\n' +
      '2. Työjärjestys\nÄänestyksen jälkeen hyväksyttiin esityslista työjärjestykseksi.\n\n' +
      'Äänestystulokset\n\n• Kyllä 47 kpl 94%\n\nHenri Kontkin, Hanna Graeffe\n\n' +
      '3. Läsnäolijat\nTodettiin läsnäolijat. Läsnä olivat seuraavat edustajat: Anna Holm (Pori), Juha Laine (Ulvila).\n';
    const { record } = understandText(text);
    assert.equal(
      record.items[1]?.decision,
      'Äänestyksen jälkeen hyväksyttiin esityslista työjärjestykseksi.',
    );
    assert.equal(record.items[2]?.decision, 'Todettiin läsnäolijat.');
  });

  it('takes the chair and the secretary from the signatures when the roster does not say', () => {
    const text =
      'Kunnanvaltuusto Pöytäkirja 6/2010\nAika: 9.6.2010 klo 18.00\nPaikka: Valtuustosali\n\n' +
      'Läsnä\nPekka Nyman\nAnja Niemi\nJari Tervo\n\n' +
      '1. Kokouksen avaus\nKokous avattiin.\n2. Laillisuus\nTodettiin kokous lailliseksi.\n\n' +
      'ALLEKIRJOITUS Puheenjohtaja Pöytäkirjanpitäjä Pekka Nyman Anja Niemi\n';
    const { record } = understandText(text);
    assert.deepEqual(
      record.participants.map((p) => [p.name, p.chair, p.secretary]),
      [
        ['Pekka Nyman', true, false],
        ['Anja Niemi', false, true],
        ['Jari Tervo', false, false],
      ],
    );
  });

  it('reads an item published alone: its number, the date it was handled, and no place from its text', () => {
    const text =
      '12§ 20.01.2017 KUNNANHALLITUKSEN KOKOUSTEN AJAN JA PAIKAN MÄÄRÄÄMINEN\n\n' +
      'Hallintosäännön mukaan kunnanhallitus päättää kokousten ajan ja paikan.\n\n' +
      'Kunnanjohtaja\nKunnanhallitus päättää kokoontua vuonna 2017 kuukauden III tiistaina kello 9.00.\n\n' +
      'Kokouspaikka on kunnanviraston kokoushuone tai erikseen sovittava muu paikka.\n';
    const { record, provenance } = understandText(text);
    assert.equal(record.kind, 'item');
    assert.deepEqual(
      record.items.map((i) => [i.number, i.title]),
      [['12', 'KUNNANHALLITUKSEN KOKOUSTEN AJAN JA PAIKAN MÄÄRÄÄMINEN']],
    );
    assert.equal(sourceOf(text, provenance, '/items/0/title'), record.items[0]?.title);
    assert.equal(record.place, null);
  });

  it('takes a place from its label, not from a sentence that begins with the word', () => {
    const labelled = understandText(
      'Työryhmä Muistio 2/2019\nAika 5.2.2019 klo 9–11\nKokouspaikka Kaupungintalo\n',
    );
    assert.equal(labelled.record.place, 'Kaupungintalo');
  });

  it('takes a decision told after an adverbial as the item decision', () => {
    const text =
      'Stadsstyrelsen Protokoll 12/2022\nTid 28.11.2022 kl. 17.00–19.30\nPlats Stadshuset\n\n' +
      '§ 1 Tillsättande av ledande tjänster\n\nStadsdirektören har berett ärendet.\n\n' +
      'I de övriga ärendena beslutade stadsstyrelsen enhälligt enligt beslutsförslagen.\n';
    const { record } = understandText(text);
    assert.equal(
      record.items[0]?.decision,
      'I de övriga ärendena beslutade stadsstyrelsen enhälligt enligt beslutsförslagen.',
    );
  });

  it('reads titles before names, a proposal labelled with whose it is, and keeps labels out of sentences', () => {
    const text =
      'PROTOKOLL\nSocial- och hälsovårdsnämnden\nSammanträde 9/2017\n\n' +
      'Tid: fredag 22.9.2017 kl. 9.00–11.30\nPlats: Stadshuset, sammanträdesrum Aura\n\n' +
      'Närvarande\nOrdförande Anna-Lena Karlsson\nVice ordförande Mikael Holmberg\nLedamot Johanna Nyström\n\n' +
      'Frånvarande\nLedamot Stina Grönroos\n\nÖvriga närvarande\nDirektör Henrik Sundström, föredragande\n\n' +
      '§ 27\nValfrihetsförsök inom primärvården\n\nKommundirektörens förslag\n' +
      'Nämnden godkänner planen för valfrihetsförsöket enligt bilaga 1.\n\nBehandling\n' +
      'Ledamot Johanna Nyström reserverade sig mot beslutet.\n\nBeslut\nNämnden godkände förslaget.\n\n## \n';
    const { record } = understandText(text);
    assert.deepEqual(
      record.participants.map((p) => [p.name, p.organization, p.role, p.present, p.chair]),
      [
        ['Anna-Lena Karlsson', null, null, true, true],
        ['Mikael Holmberg', null, 'Vice ordförande', true, false],
        ['Johanna Nyström', null, null, true, false],
        ['Stina Grönroos', null, null, false, false],
        ['Henrik Sundström', null, 'Direktör', true, false],
      ],
    );
    assert.deepEqual(
      record.items.map((i) => [i.proposal, i.decision]),
      [['Nämnden godkänner planen för valfrihetsförsöket enligt bilaga 1.', 'Nämnden godkände förslaget.']],
    );
  });

  it('takes the date from the time label that has one when a page repeats the heading with an empty label', () => {
    const text =
      'Paraisten kaupunki Digitalisaatiotyöryhmä 5/2018 Aika: - Asiakirjat.net Lataa PDF Koko: 725 kt ' +
      'Paraisten kaupunki Digitalisaatiotyöryhmä 5/2018 Aika: 14.12.2018 16 – 17.45 Paikka: Terveyskeskus ' +
      'Läsnä Ahonen, Sari sosiaalijohtaja, Kemiönsaaren kunta x Mäenpää, Tuula sivistysjohtaja x';
    const { record } = understandText(text);
    assert.deepEqual(
      [record.title, record.date, record.start_time, record.end_time],
      ['Paraisten kaupunki Digitalisaatiotyöryhmä 5/2018', '2018-12-14', '16:00', '17:45'],
    );
  });

  it('reads an agenda: Ajankohta as the time label, a next meeting notice is no decision, the signature ends the items', () => {
    const text =
      'Sote-johtoryhmä 12/2020\n\nAjankohta: torstaina 20.4.2017 klo 16.00 – 17.45\nPaikka: Terveyskeskus\n\n' +
      'Kutsutut\nNoora Kallio, puheenjohtaja\nLauri Hirvonen, jäsen\n\n' +
      '1 § Kokouksen avaus\n\nEhdotus: Puheenjohtaja avaa kokouksen.\n\n' +
      '2 § Toimintasuunnitelma\n\nEhdotus: Hyväksytään toimintasuunnitelma.\n\nLiite 1: Aikataulu\n\n' +
      '3 § Seuraava kokous\n\nSeuraava kokous pidetään 26.10.2020 kello 13.00.\n\nKokkola 21.9.2020\n\nNoora Kallio\n';
    const { record } = understandText(text);
    assert.equal(record.kind, 'agenda');
    assert.deepEqual([record.date, record.start_time, record.end_time], ['2017-04-20', '16:00', '17:45']);
    assert.equal(record.items[2]?.decision, 'Seuraava kokous pidetään 26.10.2020 kello 13.00.');
  });

  it('reads a flattened list of marked entries with an unmarked one inside and the last before the first item', () => {
    const text =
      'Digitalisaatiotyöryhmä 5/2018 Aika: 14.12.2018 klo 16–17.45 Paikka: Terveyskeskus Läsnä ' +
      'Ahonen, Sari sosiaalijohtaja, Kemiönsaaren kunta x Mäenpää, Tuula sivistysjohtaja, Paraisten kaupunki x ' +
      'Vuorinen, Aino controller, Yrkeshögskolan Novia ' +
      'Peltonen, Elina hallintojohtaja, Kuopion kaupunki x Heinonen, Hannu pöytäkirjanpitäjä, Paraisten kaupunki x\n\n' +
      '**1. Avaus** Puheenjohtaja Sari Ahonen avasi kokouksen. **2. Muut asiat** Ei muita asioita.';
    const { record } = understandText(text);
    assert.deepEqual(
      record.participants.map((p) => [p.name, p.organization, p.present]),
      [
        ['Sari Ahonen', 'Kemiönsaaren kunta', true],
        ['Tuula Mäenpää', 'Paraisten kaupunki', true],
        ['Aino Vuorinen', 'Yrkeshögskolan Novia', null],
        ['Elina Peltonen', 'Kuopion kaupunki', true],
        ['Hannu Heinonen', 'Paraisten kaupunki', true],
      ],
    );
  });

  it('reads a roster table without a header: names in the table word order, then role, duty and items', () => {
    const text =
      'Kaskisten tekninen lautakunta\tKOKOUSPÖYTÄKIRJA\t14/2018\n\nAika\t28.12.2018 klo 18.00 – 20.45\n\n' +
      'Saapuvilla olleet jäsenet\nLaine Seppo\tpuheenjohtaja\nManninen Tuula\tjäsen\nVuorinen Heikki\tvarajäsen\n\n' +
      'Muut saapuvilla olleet\nLeppänen Tero\tkaupunginjohtaja (asiat 1–5)\nHiltunen Jarmo\tpöytäkirjanpitäjä\n\n' +
      '§ 152 Kokouksen avaus\n\nPuheenjohtaja avasi kokouksen.\n';
    const { record } = understandText(text);
    assert.deepEqual(
      record.participants.map((p) => [p.name, p.role, p.chair, p.secretary, p.items]),
      [
        ['Seppo Laine', null, true, false, null],
        ['Tuula Manninen', null, false, false, null],
        ['Heikki Vuorinen', 'varajäsen', false, false, null],
        ['Tero Leppänen', 'kaupunginjohtaja', false, false, '1-5'],
        ['Jarmo Hiltunen', null, false, true, null],
      ],
    );
  });

  it("ends a flattened item's title where its history begins, the body's abbreviation in capitals or not", () => {
    const text =
      'Kunnanhallitus Pöytäkirja 2/2023 Aika: 9.2.2023 klo 17.00 Paikka: Kunnantalo ' +
      '§ 179 Esityslistan hyväksyminen Esityslista hyväksyttiin. ' +
      '§ 180 Talousarvion toteutuminen 1–1/2023 KH 28.12.2022 § 104 KH 9.2.2023 § 180 Valmistelijat: lakimies ' +
      'Marjatta Hiltunen Talousarvio toteutuu suunnitellusti. Päätös: Merkittiin tiedoksi. ' +
      '§ 181 Henkilöstökertomus 2022 Kh 9.12.2022 § 94 Kh 9.2.2023 § 181 Merkitään tiedoksi.';
    const { record } = understandText(text);
    assert.deepEqual(
      record.items.map((i) => i.title),
      ['Esityslistan hyväksyminen', 'Talousarvion toteutuminen 1–1/2023', 'Henkilöstökertomus 2022'],
    );
  });

  it('keeps the subject after a heading in capitals in a flattened title, and not the text that follows it', () => {
    const text =
      'Kommunfullmäktige Protokoll 3/2016\nTid: Måndagen den 4 april 2016, kl. 18:00\nPlats: Kommungården\n' +
      '73. FLYKTINGMOTTAGANDE Mottagande av kvotflyktingar ÄRENDET Kommunen har tagit emot flyktingar sedan 1990. ' +
      'Beslut: Fullmäktige godkände förslaget. ' +
      '74. KOMMITTÉER Utse kommitté för balansering av kommunens ekonomi Beslut: Fullmäktige utsåg kommittén. ' +
      '75. BUDGET Kommunstyrelsen föreslår att fullmäktige godkänner budgeten för år 2017. Beslut: Godkändes. ' +
      '76. TALOUSARVIO 2017 Talousarvion muutokset Beslut: Godkändes.';
    const { record } = understandText(text);
    assert.deepEqual(
      record.items.map((i) => i.title),
      [
        'FLYKTINGMOTTAGANDE Mottagande av kvotflyktingar',
        'KOMMITTÉER Utse kommitté för balansering av kommunens ekonomi',
        'BUDGET',
        'TALOUSARVIO 2017 Talousarvion muutokset',
      ],
    );
  });

  it('reads every person of a roster that writes names in both word orders', () => {
    const text =
      'Sote-valmistelun johtoryhmä\nMUISTIO 3/2019\n\nAika: ti 12.3.2019 kello 9-11\n\nLäsnä:\n' +
      'Kunnas Sirpa, sosiaalijohtaja, pj.\nHeikkilä. Marja, perusturvajohtaja, Seinäjoen kaupunki\n' +
      'VSSHP, hallintoylilääkäri Juha Lehto (asiat 1-3)\nsosiaalijohtaja Pekka Virta, Turun kaupunki\n\n' +
      'Asia 1 Kokouksen avaus\nPuheenjohtaja avasi kokouksen klo 9.03.\n\nAsia 2 Muut asiat\nEi muita asioita.\n';
    const { record } = understandText(text);
    assert.deepEqual(
      record.participants.map((p) => [p.name, p.items]),
      [
        ['Sirpa Kunnas', null],
        ['Marja Heikkilä', null],
        ['Juha Lehto', '1-3'],
        ['Pekka Virta', null],
      ],
    );
  });

  it('reads a roster aligned with spaces: title after the name, plain membership as no title', () => {
    const text =
      'KASKISTEN KAUPUNKI        PÖYTÄKIRJA        14/2018\nTekninen lautakunta        28.12.2018\n\n' +
      'Kokousaika       28.12.2018 klo 18.00 - 20.45\n\nSaapuvilla olleet jäsenet\n' +
      'Laine Seppo            puheenjohtaja\nManninen Tuula         jäsen\nVuorinen Heikki        varajäsen\n\n' +
      'Muut saapuvilla olleet\nLeppänen Tero          kaupunginjohtaja, esittelijä (asiat 1-5)\n\n' +
      '§ 152 KOKOUKSEN AVAUS\n\nPuheenjohtaja avasi kokouksen klo 18.02.\n';
    const { record } = understandText(text);
    assert.deepEqual(
      record.participants.map((p) => [p.name, p.role, p.chair, p.items]),
      [
        ['Seppo Laine', null, true, null],
        ['Tuula Manninen', null, false, null],
        ['Heikki Vuorinen', 'varajäsen', false, null],
        ['Tero Leppänen', 'kaupunginjohtaja', false, '1-5'],
      ],
    );
  });

  it('ends the last item where the note of who wrote the minutes begins', () => {
    const fi =
      'Työryhmä Muistio 2/2015\nAika: 2.6.2015 klo 14.00\n\n1. Kokouksen avaus\n\nAvattiin.\n\n' +
      '2. Kokouksen päätös\n\nPuheenjohtaja päätti kokouksen klo 16.27.\n\nMuistion laatija Teemu Hämäläinen, hallintosihteeri\n';
    const sv =
      'Arbetsgruppen Protokoll 5/2015\nTid: 23.6.2015 kl. 12\n\n1. Öppnande\n\nÖppnades.\n\n' +
      '2. Mötets avslutande\n\nOrdföranden avslutade mötet kl. 15.56.\n\nVid protokollet\n\nNiklas Granholm\nsekreterare\n';
    const finnish = understandText(fi).record;
    assert.equal(finnish.items[1]?.decision, 'Puheenjohtaja päätti kokouksen klo 16.27.');
    assert.equal(finnish.recorded_by, 'Teemu Hämäläinen');
    assert.equal(understandText(sv).record.items[1]?.decision, 'Ordföranden avslutade mötet kl. 15.56.');
  });

  it('reads a listing whose entries put the published date on a line of its own', () => {
    const text =
      'Startsida > Beslutsfattande > Protokoll och föredragningslistor\n\n' +
      'Protokoll och föredragningslistor – Social- och hälsovårdsdirektörernas möte\n\n' +
      '2015-06-18\nSocial- och hälsovårdsdirektörernas möte 12.6.2015 protokoll\npdf (988 kt)\n\n' +
      'Publicerad 10.5.2015\nSocial- och hälsovårdsdirektörernas möte 30.4.2015 protokoll\n' +
      'Risto Räsänen berättade att de nationella anvisningarna fortfarande delvis är ofärdiga.\npdf (1675 kt)\n\n' +
      '2015-04-23\nSocial- och hälsovårdsdirektörernas möte 16.4.2015 minnesanteckningar 6/2015\npdf (429 kt)\n';
    const { record } = understandText(text);
    assert.equal(record.kind, 'listing');
    assert.deepEqual(
      record.entries.map((e) => [e.published, e.meeting_date, e.summary]),
      [
        ['2015-06-18', '2015-06-12', null],
        [
          '2015-05-10',
          '2015-04-30',
          'Risto Räsänen berättade att de nationella anvisningarna fortfarande delvis är ofärdiga.',
        ],
        ['2015-04-23', '2015-04-16', null],
      ],
    );
  });

  it('ends a decision where the vote is told', () => {
    const text =
      'Johtoryhmä Muistio 3/2019\nAika: 12.3.2019 klo 9–11\n\n1. Valinnanvapauspilotti\n\n' +
      'Käsiteltiin pilotin tilannetta. Juha Lehto poistui kokouksesta klo 10.15.\n' +
      'Päätettiin, että Marja Heikkilä valmistelee pilotin arvioinnin seuraavaan kokoukseen.\n' +
      'Äänestys: JAA 7, EI 4, TYHJÄÄ 1.\n\n2. Muut asiat\n\nEi muita asioita.\n';
    const { record } = understandText(text);
    assert.equal(
      record.items[0]?.decision,
      'Päätettiin, että Marja Heikkilä valmistelee pilotin arvioinnin seuraavaan kokoukseen.',
    );
  });

  it('leaves the page number and page count out of the heading', () => {
    const { record } = understandText(
      'Esityslista 01/17 1 (10) Nuorisovaltuuston esityslista\nAika 12.1.2017 klo 17\nPaikka Kaupungintalo\n',
    );
    assert.equal(record.title, 'Esityslista 01/17 Nuorisovaltuuston esityslista');
  });

  it('drops the leaders and page numbers of a table of contents from item titles', () => {
    const text =
      'INNEHÅLLSFÖRTECKNING SSTYR, 2015-09-07 18:00, Protokoll\n\n' +
      '§ 109 Sammanträdets laglighet och beslutförhet ... 2\n\n' +
      '§ 110 Protokollets justering ... 3\n\n' +
      '§ 111 Ekonomiska ramar för verksamheten 2016-2018 … 6\n\n' +
      'SAMMANTRÄDESTID: 07.09.2015 kl. 18:00 – 20:05 SAMMANTRÄDESPLATS: Stadshuset, styrelserummet\n';
    const { record } = understandText(text);
    assert.deepEqual(
      record.items.map((i) => i.title),
      [
        'Sammanträdets laglighet och beslutförhet',
        'Protokollets justering',
        'Ekonomiska ramar för verksamheten 2016-2018',
      ],
    );
  });

  it('never invents: a text with nothing to find yields nulls and empty lists', () => {
    const { record } = understandText('Tervetuloa sivuillemme. Täältä löydät ajankohtaiset tiedotteet.');
    assert.equal(record.date, null);
    assert.equal(record.place, null);
    assert.deepEqual(record.participants, []);
    assert.equal(record.recorded_by, null);
  });
});
