/**
 * A deterministic generator of realistic Finnish and Swedish public meeting documents (minutes, agendas,
 * listing pages, aggregator copies) in the many layouts real municipalities and working groups use.
 *
 * Everything is derived from a seed through a small PRNG (never Math.random), so a given seed always gives
 * the same document, and `generateCorpus(count, seed)` always gives the same corpus, one document of which
 * does not depend on `count`. Used by the parse benchmark and property tests, and meant to be reused for
 * ingest and search benchmarks: the pools of names, organisations and bodies are exported, and every
 * document carries a little metadata on what was generated.
 */

// ---------------------------------------------------------------------------------------------------------
// PRNG

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  /** Picks by weight: `[[value, weight], ...]`. */
  weighted<T>(items: readonly (readonly [T, number])[]): T;
  chance(probability: number): boolean;
  /** `n` distinct items in random order (all of them when n ≥ length). */
  sample<T>(items: readonly T[], n: number): T[];
}

/** Mixes two 32-bit integers into a well-spread 32-bit seed (murmur3 finaliser). */
export function mixSeed(a: number, b: number): number {
  let h = (Math.imul(a >>> 0, 0x9e3779b1) ^ (b >>> 0)) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** sfc32, seeded through splitmix32: fast, small state, good enough statistics for test data. */
export function createRng(seed: number): Rng {
  let s = seed >>> 0;
  const splitmix = (): number => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = splitmix();
  let b = splitmix();
  let c = splitmix();
  let d = splitmix();
  const next = (): number => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) >>> 0;
    return t / 4294967296;
  };
  for (let i = 0; i < 12; i++) next();
  const rng: Rng = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[Math.floor(next() * items.length)] as T;
    },
    weighted: <T>(items: readonly (readonly [T, number])[]): T => {
      const total = items.reduce((sum, [, w]) => sum + w, 0);
      let x = next() * total;
      for (const [value, w] of items) {
        x -= w;
        if (x < 0) return value;
      }
      const last = items[items.length - 1];
      if (!last) throw new Error('weighted pick from an empty list');
      return last[0];
    },
    chance: (p) => next() < p,
    sample: <T>(items: readonly T[], n: number): T[] => {
      const copy = items.slice();
      for (let i = copy.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        const tmp = copy[i] as T;
        copy[i] = copy[j] as T;
        copy[j] = tmp;
      }
      return copy.slice(0, Math.min(n, copy.length));
    },
  };
  return rng;
}

// ---------------------------------------------------------------------------------------------------------
// Pools

export const FINNISH_FIRST_NAMES: readonly string[] = [
  'Matti', 'Pekka', 'Juha', 'Timo', 'Mikko', 'Jari', 'Antti', 'Kari', 'Markku', 'Jukka',
  'Heikki', 'Hannu', 'Seppo', 'Ville', 'Janne', 'Tuomas', 'Sami', 'Petri', 'Esa', 'Lauri',
  'Olli', 'Risto', 'Marko', 'Tapio', 'Ilkka', 'Jouni', 'Teemu', 'Kimmo', 'Jussi', 'Veli-Matti',
  'Aki', 'Mika', 'Harri', 'Arto', 'Erkki', 'Pasi', 'Tero', 'Eero', 'Raimo', 'Jarmo',
  'Anne', 'Tuula', 'Päivi', 'Sari', 'Merja', 'Pirjo', 'Leena', 'Riitta', 'Minna', 'Tiina',
  'Marja', 'Anna', 'Kaisa', 'Johanna', 'Sanna', 'Heli', 'Katja', 'Laura', 'Elina', 'Hanna',
  'Satu', 'Eija', 'Kirsi', 'Outi', 'Helena', 'Maarit', 'Susanna', 'Marjatta', 'Annika', 'Jaana',
  'Terhi', 'Tarja', 'Sirpa', 'Ulla', 'Heidi', 'Noora', 'Emilia', 'Aino', 'Anna-Liisa', 'Mervi',
]; // prettier-ignore

export const FINNISH_SURNAMES: readonly string[] = [
  'Virtanen', 'Korhonen', 'Mäkinen', 'Nieminen', 'Mäkelä', 'Hämäläinen', 'Laine', 'Heikkinen', 'Koskinen', 'Järvinen',
  'Lehtonen', 'Lehtinen', 'Saarinen', 'Salminen', 'Heinonen', 'Niemi', 'Heikkilä', 'Kinnunen', 'Salonen', 'Turunen',
  'Salo', 'Laitinen', 'Tuominen', 'Rantanen', 'Karjalainen', 'Jokinen', 'Mattila', 'Savolainen', 'Lahtinen', 'Ahonen',
  'Hiltunen', 'Leinonen', 'Hirvonen', 'Kallio', 'Miettinen', 'Ojala', 'Väisänen', 'Pelkonen', 'Leppänen', 'Kettunen',
  'Aaltonen', 'Manninen', 'Rautio', 'Koivisto', 'Peltonen', 'Lindroos', 'Harju', 'Kauppinen', 'Seppälä', 'Huttunen',
  'Vainio', 'Kärkkäinen', 'Räsänen', 'Lampinen', 'Anttila', 'Saarela', 'Mustonen', 'Peltola', 'Halonen', 'Ruotsalainen',
  'Kangas', 'Kivelä', 'Sillanpää', 'Ylikoski', 'Pöyhönen', 'Ketola', 'Hakala', 'Rinne', 'Luoma', 'Sipilä',
  'Vuorinen', 'Hakkarainen', 'Kokkonen', 'Toivonen', 'Moilanen', 'Pitkänen', 'Mäenpää', 'Honkanen', 'Kurvinen', 'Yli-Rahko',
]; // prettier-ignore

export const SWEDISH_FIRST_NAMES: readonly string[] = [
  'Anders', 'Johan', 'Mikael', 'Peter', 'Stefan', 'Thomas', 'Henrik', 'Fredrik', 'Mats', 'Lars',
  'Erik', 'Jan', 'Per', 'Göran', 'Håkan', 'Björn', 'Kenneth', 'Christer', 'Patrik', 'Mathias',
  'Jonas', 'Kim', 'Niklas', 'Rasmus', 'Magnus', 'Ulf', 'Bengt', 'Tor', 'Sune', 'Roger',
  'Joakim', 'Jens', 'Dan', 'Sebastian', 'Oskar', 'Axel', 'Gustav', 'Viktor', 'Emil', 'Ola',
  'Anna', 'Maria', 'Karin', 'Eva', 'Kristina', 'Ulrika', 'Helena', 'Camilla', 'Susanne', 'Annika',
  'Marina', 'Carola', 'Pia', 'Sofia', 'Lena', 'Johanna', 'Katarina', 'Jessica', 'Linda', 'Malin',
  'Elin', 'Ida', 'Sara', 'Emma', 'Matilda', 'Ebba', 'Ulla', 'Birgitta', 'Margareta', 'Gunilla',
  'Marianne', 'Siv', 'Britt', 'Åsa', 'Ann-Christine', 'Mona', 'Nina', 'Therese', 'Jenny', 'Lotta',
]; // prettier-ignore

export const SWEDISH_SURNAMES: readonly string[] = [
  'Lindqvist', 'Nyman', 'Holmström', 'Sjöberg', 'Nyberg', 'Lindholm', 'Forsman', 'Backman', 'Granholm', 'Strömberg',
  'Björklund', 'Sundqvist', 'Eriksson', 'Andersson', 'Johansson', 'Karlsson', 'Nilsson', 'Gustafsson', 'Lindström', 'Lundqvist',
  'Westerlund', 'Östergård', 'Häggblom', 'Nordström', 'Wikström', 'Åkerlund', 'Söderholm', 'Sandvik', 'Berglund', 'Ekman',
  'Blomqvist', 'Holmberg', 'Lindberg', 'Engström', 'Forsberg', 'Hägglund', 'Wiik', 'Kronqvist', 'Storbacka', 'Sjöblom',
  'Backlund', 'Granqvist', 'Kullas', 'Mattsson', 'Nygård', 'Rönnholm', 'Snellman', 'Sandström', 'Vikström', 'Ahlskog',
  'Björkman', 'Dahlström', 'Enlund', 'Fagerholm', 'Grönlund', 'Hellman', 'Isaksson', 'Jakobsson', 'Klemets', 'Lillqvist',
  'Myrskog', 'Norrback', 'Olin', 'Palmgren', 'Rosenback', 'Sundström', 'Teir', 'Ulfvens', 'Wallin', 'Ådahl',
  'Öhman', 'Ehrnrooth', 'Bergman', 'Sjöholm', 'Lindell', 'Smeds', 'Ingves', 'Höglund', 'Strand', 'af Hällström',
]; // prettier-ignore

export interface Municipality {
  fi: string;
  /** Finnish genitive, for 'Vaasan kaupunki', 'Mustasaaren kunnanhallitus'. */
  fiGenitive: string;
  sv: string;
  town: boolean;
  /** The organisation as Swedish writes it: 'Vasa stad', 'Korsholms kommun'. */
  svOrganisation: string;
}

const m = (
  fi: string,
  fiGenitive: string,
  sv: string,
  town: boolean,
  svOrganisation: string,
): Municipality => ({
  fi,
  fiGenitive,
  sv,
  town,
  svOrganisation,
});

export const MUNICIPALITIES: readonly Municipality[] = [
  m('Vaasa', 'Vaasan', 'Vasa', true, 'Vasa stad'),
  m('Mustasaari', 'Mustasaaren', 'Korsholm', false, 'Korsholms kommun'),
  m('Pietarsaari', 'Pietarsaaren', 'Jakobstad', true, 'Jakobstads stad'),
  m('Kokkola', 'Kokkolan', 'Karleby', true, 'Karleby stad'),
  m('Seinäjoki', 'Seinäjoen', 'Seinäjoki', true, 'Seinäjoki stad'),
  m('Helsinki', 'Helsingin', 'Helsingfors', true, 'Helsingfors stad'),
  m('Espoo', 'Espoon', 'Esbo', true, 'Esbo stad'),
  m('Vantaa', 'Vantaan', 'Vanda', true, 'Vanda stad'),
  m('Turku', 'Turun', 'Åbo', true, 'Åbo stad'),
  m('Tampere', 'Tampereen', 'Tammerfors', true, 'Tammerfors stad'),
  m('Oulu', 'Oulun', 'Uleåborg', true, 'Uleåborgs stad'),
  m('Porvoo', 'Porvoon', 'Borgå', true, 'Borgå stad'),
  m('Loviisa', 'Loviisan', 'Lovisa', true, 'Lovisa stad'),
  m('Raasepori', 'Raaseporin', 'Raseborg', true, 'Raseborgs stad'),
  m('Parainen', 'Paraisten', 'Pargas', true, 'Pargas stad'),
  m('Kemiönsaari', 'Kemiönsaaren', 'Kimitoön', false, 'Kimitoöns kommun'),
  m('Kirkkonummi', 'Kirkkonummen', 'Kyrkslätt', false, 'Kyrkslätts kommun'),
  m('Sipoo', 'Sipoon', 'Sibbo', false, 'Sibbo kommun'),
  m('Inkoo', 'Inkoon', 'Ingå', false, 'Ingå kommun'),
  m('Närpiö', 'Närpiön', 'Närpes', true, 'Närpes stad'),
  m('Kristiinankaupunki', 'Kristiinankaupungin', 'Kristinestad', true, 'Kristinestads stad'),
  m('Maalahti', 'Maalahden', 'Malax', false, 'Malax kommun'),
  m('Vöyri', 'Vöyrin', 'Vörå', false, 'Vörå kommun'),
  m('Laihia', 'Laihian', 'Laihela', false, 'Laihela kommun'),
  m('Isokyrö', 'Isonkyrön', 'Storkyro', false, 'Storkyro kommun'),
  m('Kruunupyy', 'Kruunupyyn', 'Kronoby', false, 'Kronoby kommun'),
  m('Uusikaarlepyy', 'Uudenkaarlepyyn', 'Nykarleby', true, 'Nykarleby stad'),
  m('Pedersöre', 'Pedersören', 'Pedersöre', false, 'Pedersöre kommun'),
  m('Luoto', 'Luodon', 'Larsmo', false, 'Larsmo kommun'),
  m('Lapua', 'Lapuan', 'Lappo', true, 'Lappo stad'),
  m('Jyväskylä', 'Jyväskylän', 'Jyväskylä', true, 'Jyväskylä stad'),
  m('Kuopio', 'Kuopion', 'Kuopio', true, 'Kuopio stad'),
  m('Lahti', 'Lahden', 'Lahtis', true, 'Lahtis stad'),
  m('Hämeenlinna', 'Hämeenlinnan', 'Tavastehus', true, 'Tavastehus stad'),
  m('Kauniainen', 'Kauniaisten', 'Grankulla', true, 'Grankulla stad'),
  m('Hanko', 'Hangon', 'Hangö', true, 'Hangö stad'),
  m('Kaskinen', 'Kaskisten', 'Kaskö', true, 'Kaskö stad'),
  m('Korsnäs', 'Korsnäsin', 'Korsnäs', false, 'Korsnäs kommun'),
  m('Teuva', 'Teuvan', 'Östermark', false, 'Östermarks kommun'),
  m('Kaarina', 'Kaarinan', 'S:t Karins', true, 'S:t Karins stad'),
];

/** Regional and national organisations that sit on municipal working groups, in Finnish. */
export const REGIONAL_ORGANISATIONS_FI: readonly string[] = [
  'Pohjanmaan liitto', 'Vaasan sairaanhoitopiiri', 'Pohjanmaan hyvinvointialue', 'Kela', 'Etelä-Pohjanmaan ELY-keskus',
  'Länsi- ja Sisä-Suomen aluehallintovirasto', 'Vaasan yliopisto', 'Yrkeshögskolan Novia', 'Pohjanmaan pelastuslaitos',
  'Vaasan ammattikorkeakoulu', 'Sosiaali- ja terveysministeriö', 'Varsinais-Suomen sairaanhoitopiiri', 'HUS',
  'Suomen Kuntaliitto', 'Pirkanmaan sairaanhoitopiiri', 'Terveyden ja hyvinvoinnin laitos', 'Vasso Oy',
  'Etelä-Pohjanmaan sairaanhoitopiiri', 'Keski-Pohjanmaan liitto', 'Uudenmaan liitto',
]; // prettier-ignore

export const REGIONAL_ORGANISATIONS_SV: readonly string[] = [
  'Österbottens förbund', 'Vasa sjukvårdsdistrikt', 'Välfärdsområdet Österbotten', 'FPA',
  'NTM-centralen i Södra Österbotten', 'Regionförvaltningsverket i Västra och Inre Finland', 'Åbo Akademi',
  'Yrkeshögskolan Novia', 'Österbottens räddningsverk', 'Finlands Kommunförbund', 'Social- och hälsovårdsministeriet',
  'Folkhälsan', 'Svenska kulturfonden', 'Institutet för hälsa och välfärd', 'Vasso Ab', 'Nylands förbund',
  'Kust-Österbottens samkommun', 'Svenska Österbottens förbund för utbildning och kultur', 'Helsingfors universitet',
  'Arcada',
]; // prettier-ignore

/** Municipal and regional organisations, as written in Finnish documents. */
export const ORGANISATIONS_FI: readonly string[] = [
  ...MUNICIPALITIES.map((x) => `${x.fiGenitive} ${x.town ? 'kaupunki' : 'kunta'}`),
  ...REGIONAL_ORGANISATIONS_FI,
];

/** Municipal and regional organisations, as written in Swedish documents. */
export const ORGANISATIONS_SV: readonly string[] = [
  ...MUNICIPALITIES.map((x) => x.svOrganisation),
  ...REGIONAL_ORGANISATIONS_SV,
];

export const COMPANIES: readonly string[] = [
  'Mehiläinen Oy', 'Attendo Oy', 'Pihlajalinna Oyj', 'Esperi Care Oy', 'Tietoevry Oyj', 'CGI Suomi Oy', 'Medbit Oy',
  'Rakennusliike Lapti Oy', 'Fujitsu Finland Oy', 'Vaasan Sähkö Oy', 'Vasa Elektriska Ab', 'Folkhälsan Välfärd Ab',
  'Norrvalla Ab', 'Sweco Finland Oy', 'Ramboll Finland Oy', 'Destia Oy', 'Lassila & Tikanoja Oyj', 'Abilita Oy',
]; // prettier-ignore

export const ROLES_FI: readonly string[] = [
  'sosiaalijohtaja', 'perusturvajohtaja', 'kunnanjohtaja', 'kaupunginjohtaja', 'talousjohtaja', 'hallintojohtaja',
  'sivistysjohtaja', 'tekninen johtaja', 'johtava lääkäri', 'ylilääkäri', 'hoitotyön johtaja', 'vanhuspalvelujohtaja',
  'kehittämispäällikkö', 'projektipäällikkö', 'projektikoordinaattori', 'suunnittelija', 'erityisasiantuntija',
  'palvelupäällikkö', 'kotihoidon päällikkö', 'henkilöstöpäällikkö', 'tietohallintopäällikkö', 'controller',
  'lakimies', 'viestintäpäällikkö', 'hankejohtaja', 'muutosjohtaja', 'palvelualuejohtaja', 'varhaiskasvatusjohtaja',
  'ympäristöpäällikkö', 'kaavoituspäällikkö',
]; // prettier-ignore

export const ROLES_SV: readonly string[] = [
  'socialdirektör', 'kommundirektör', 'stadsdirektör', 'ekonomichef', 'förvaltningschef', 'bildningsdirektör',
  'teknisk direktör', 'ledande läkare', 'överläkare', 'äldreomsorgschef', 'utvecklingschef', 'projektledare',
  'projektkoordinator', 'planerare', 'specialsakkunnig', 'servicechef', 'hemvårdschef', 'personalchef', 'IT-chef',
  'jurist', 'kommunikationschef', 'omsorgsdirektör', 'vårddirektör', 'barnomsorgschef', 'miljöchef', 'planläggningschef',
]; // prettier-ignore

/** Roles of elected members, and the chair/secretary words. */
const MEMBER_ROLES_FI = [
  'jäsen',
  'varajäsen',
  'varapuheenjohtaja',
  'valtuuston puheenjohtaja',
  'kunnanhallituksen edustaja',
];
const MEMBER_ROLES_SV = [
  'ledamot',
  'ersättare',
  'vice ordförande',
  'fullmäktiges ordförande',
  'styrelsens representant',
];

export interface Body {
  name: string;
  /** Elected bodies keep formal minutes (pöytäkirja / protokoll) with § items. */
  formal: boolean;
  /** Prefixed with the municipality ('Mustasaaren kunnanhallitus', 'Socialnämnden i Vasa'). */
  municipal: boolean;
}

const b = (name: string, formal: boolean, municipal: boolean): Body => ({ name, formal, municipal });

export const BODIES_FI: readonly Body[] = [
  b('Sote-johtajakokous', false, false), b('Sote-johtoryhmä', false, false), b('Tuotantomallityöryhmä', false, false),
  b('ohjausryhmä', false, false), b('työryhmä', false, false), b('johtoryhmä', false, true),
  b('Valinnanvapauspilotin ohjausryhmä', false, false), b('Digitalisaatiotyöryhmä', false, false),
  b('Palvelurakennetyöryhmä', false, false), b('Ikäihmisten palvelujen työryhmä', false, false),
  b('Maakuntavalmistelun ohjausryhmä', false, false), b('yhteistyötoimikunta', false, true),
  b('kunnanhallitus', true, true), b('kaupunginhallitus', true, true), b('perusturvalautakunta', true, true),
  b('sivistyslautakunta', true, true), b('tekninen lautakunta', true, true), b('ympäristölautakunta', true, true),
  b('vanhusneuvosto', true, true), b('vammaisneuvosto', true, true), b('nuorisovaltuusto', true, true),
  b('kunnanvaltuusto', true, true), b('kaupunginvaltuusto', true, true), b('tarkastuslautakunta', true, true),
]; // prettier-ignore

export const BODIES_SV: readonly Body[] = [
  b('styrgruppen', false, false), b('arbetsgruppen', false, false), b('ledningsgruppen', false, true),
  b('projektgruppen', false, false), b('Styrgruppen för vårdreformen', false, false),
  b('Arbetsgruppen för äldreomsorgen', false, false), b('Social- och hälsovårdsdirektörernas möte', false, false),
  b('samarbetskommittén', false, true), b('Digitaliseringsgruppen', false, false),
  b('kommunstyrelsen', true, true), b('stadsstyrelsen', true, true), b('socialnämnden', true, true),
  b('bildningsnämnden', true, true), b('tekniska nämnden', true, true), b('miljönämnden', true, true),
  b('fullmäktige', true, true), b('revisionsnämnden', true, true), b('äldrerådet', true, true),
  b('rådet för personer med funktionsnedsättning', true, true), b('ungdomsfullmäktige', true, true),
]; // prettier-ignore

export const ITEM_TITLES_FI: readonly string[] = [
  'Talousarvion toteutuminen {period}', 'Talousarvio {next} ja taloussuunnitelma {next}–{next3}',
  'Valinnanvapauspilotin valmistelutilanne', 'Sote- ja maakuntauudistuksen valmistelu', 'Kotihoidon toiminnan kehittäminen',
  'Vanhuspalvelujen palvelurakenne', 'Ikäihmisten palveluohjauksen yhtenäistäminen', 'Lastensuojelun tilannekatsaus',
  'Mielenterveys- ja päihdepalvelujen kehittäminen', 'Henkilöstön saatavuus ja rekrytointi',
  'Asiakas- ja potilastietojärjestelmän hankinta', 'Digitaalisten palvelujen tiekartta',
  'Lausunto sosiaali- ja terveydenhuollon järjestämislain luonnoksesta', 'Hankesuunnitelman päivittäminen',
  'Koulukuljetusten järjestäminen lukuvuonna {year}–{next}', 'Varhaiskasvatuksen palveluverkko', 'Kaavoituskatsaus {year}',
  'Katujen talvikunnossapidon urakka', 'Jätehuoltomääräysten päivittäminen', 'Viranhaltijapäätösten otto-oikeus',
  'Sisäisen valvonnan raportti', 'Henkilöstökertomus {prev}', 'Laaja hyvinvointikertomus', 'Tilinpäätös {prev}',
  'Avustusten myöntäminen yhdistyksille', 'Asiakasmaksujen tarkistaminen', 'Omavalvontasuunnitelma',
  'Perhekeskustoimintamallin käyttöönotto', 'Palveluseteli kotihoidossa', 'Ensihoidon palvelutasopäätös',
  'Kuntouttavan työtoiminnan järjestäminen', 'Terveyskeskuksen vastaanottotoiminnan jonotilanne',
  'Kumppanuussopimus järjestöjen kanssa', 'Tietosuojavastaavan nimeäminen', 'Vammaispalvelujen asumisratkaisut',
  'Koulun peruskorjauksen hankesuunnitelma', 'Yleiskaavan osallistumis- ja arviointisuunnitelma',
  'Kokemukset etävastaanotosta', 'Palvelualueiden toimintasuunnitelmat {next}', 'Riskienhallinnan toimintaohje',
]; // prettier-ignore

export const ITEM_TITLES_SV: readonly string[] = [
  'Budgetuppföljning {period}', 'Budget {next} och ekonomiplan {next}–{next3}', 'Läget i beredningen av vårdreformen',
  'Valfrihetspilotens beredning', 'Utveckling av hemvården', 'Servicestrukturen inom äldreomsorgen',
  'Barnskyddets lägesrapport', 'Tillgången på personal och rekrytering', 'Upphandling av klient- och patientdatasystem',
  'Färdplan för digitala tjänster', 'Utlåtande om utkastet till lag om ordnande av social- och hälsovård',
  'Uppdatering av projektplanen', 'Skolskjutsar läsåret {year}–{next}', 'Servicenätet för småbarnspedagogiken',
  'Planläggningsöversikt {year}', 'Entreprenad för vinterunderhåll av gator', 'Revidering av avfallshanteringsföreskrifterna',
  'Rätt att överta tjänsteinnehavarbeslut', 'Rapport om intern kontroll', 'Personalbokslut {prev}',
  'Välfärdsberättelse', 'Bokslut {prev}', 'Beviljande av understöd till föreningar', 'Justering av klientavgifterna',
  'Plan för egenkontroll', 'Införande av familjecentermodellen', 'Servicesedel inom hemvården',
  'Servicenivåbeslut för prehospital akutsjukvård', 'Ordnande av arbetsverksamhet i rehabiliteringssyfte',
  'Kösituationen vid hälsocentralens mottagning', 'Partnerskapsavtal med organisationer', 'Utnämning av dataskyddsombud',
  'Boendelösningar inom handikappservicen', 'Projektplan för grundrenovering av skolan',
  'Program för deltagande och bedömning för generalplanen', 'Erfarenheter av distansmottagning',
  'Verksamhetsplaner för serviceområdena {next}', 'Anvisning för riskhantering',
]; // prettier-ignore

const PROCEDURAL_FI = {
  open: ['Kokouksen avaus', 'Kokouksen avaaminen', 'Avaus'],
  legal: ['Kokouksen laillisuus ja päätösvaltaisuus', 'Laillisuus ja päätösvaltaisuus'],
  checkers: ['Pöytäkirjantarkastajien valinta', 'Pöytäkirjan tarkastus'],
  agenda: ['Esityslistan hyväksyminen', 'Työjärjestyksen hyväksyminen', 'Kokouksen asialistan hyväksyminen'],
  previous: [
    'Edellisen kokouksen muistion hyväksyminen',
    'Edellisen kokouksen muistio',
    'Edellisen kokouksen pöytäkirja',
  ],
  notices: ['Ilmoitusasiat', 'Tiedoksi saatetut asiat', 'Tiedoksi'],
  other: ['Muut asiat', 'Muut esille tulevat asiat', 'Muut mahdolliset asiat'],
  next: ['Seuraava kokous', 'Seuraavat kokoukset', 'Seuraavan kokouksen ajankohta'],
  close: ['Kokouksen päättäminen', 'Kokouksen päättäminen ja valitusosoitus', 'Kokouksen päätös'],
};

const PROCEDURAL_SV = {
  open: ['Mötets öppnande', 'Öppnande'],
  legal: ['Mötets laglighet och beslutförhet', 'Laglighet och beslutförhet'],
  checkers: ['Val av protokolljusterare', 'Protokolljustering'],
  agenda: ['Godkännande av föredragningslistan', 'Godkännande av dagordningen'],
  previous: ['Godkännande av föregående mötes anteckningar', 'Föregående protokoll'],
  notices: ['Anmälningsärenden', 'För kännedom'],
  other: ['Övriga ärenden', 'Övriga frågor'],
  next: ['Nästa möte', 'Kommande möten'],
  close: ['Mötets avslutande', 'Avslutning'],
};

const PROSE_FI: readonly string[] = [
  '{person} esitteli asian taustan ja valmistelun nykytilanteen.',
  'Keskustelussa todettiin, että asia edellyttää tiivistä yhteistyötä alueen kuntien välillä.',
  'Kustannukset ovat kasvaneet {pct} prosenttia edellisvuoteen verrattuna, mikä johtuu pääosin palvelutarpeen kasvusta.',
  'Työryhmä on kokoontunut {n} kertaa ja käsitellyt erityisesti palveluketjujen yhtenäistämistä.',
  'Asiasta käytiin keskustelua, jossa nostettiin esiin henkilöstön saatavuus ja asiakasohjauksen kehittäminen.',
  '{org} on toimittanut lausuntonsa määräaikaan mennessä.',
  'Valmistelussa on kuultu henkilöstön edustajia sekä asiakasraatia.',
  'Tavoitteena on, että uusi toimintamalli otetaan käyttöön {monthFrom} {next} alkaen.',
  'Hankkeen kokonaisbudjetti on {money} euroa, josta valtionavustuksen osuus on {pct} prosenttia.',
  'Lisäksi todettiin, että tiedottamista on tehostettava erityisesti asukkaiden suuntaan.',
  'Toteutunut käyttötalous on {pct2} prosenttia talousarviosta, kun tasaisen kertymän mukainen osuus olisi 50 prosenttia.',
  'Palvelujen kysyntä on kasvanut erityisesti kotihoidossa ja tehostetussa palveluasumisessa.',
  '{person} kertoi, että valtakunnallinen ohjeistus on vielä osin keskeneräinen.',
  'Jatkovalmistelussa selvitetään vaihtoehtoiset toteutustavat ja niiden kustannusvaikutukset.',
  'Asiakastyytyväisyyskyselyn tulokset olivat pääosin hyviä, keskiarvo {grade} asteikolla 1–5.',
  'Vastaavia kokemuksia on saatu myös naapurikunnista.',
  'Työryhmän ehdotukset käsitellään johtoryhmässä ennen lopullista päätöksentekoa.',
  'Päätöksellä ei ole välittömiä henkilöstövaikutuksia.',
  'Yhteistoimintamenettely on käyty {dateShort} pidetyssä yhteistyötoimikunnan kokouksessa.',
  'Sopimuskausi on kolme vuotta, ja sitä voidaan jatkaa enintään kahdella optiovuodella.',
  'Tarjouksia saapui määräaikaan mennessä {n} kappaletta, ja ne kaikki täyttivät tarjouspyynnön ehdot.',
  'Kokonaistaloudellisesti edullisimman tarjouksen jätti {company}.',
  'Asiakirjat ovat nähtävänä kokouksessa.',
  'Henkilöstömäärä oli vuoden lopussa {staff}, mikä on {n} enemmän kuin edellisenä vuonna.',
  'Sairauspoissaolot vähenivät {pct} prosenttia edellisestä vuodesta.',
  'Lisätietoja antaa {contact}.',
  'Keskustelun jälkeen puheenjohtaja totesi, että asiaan palataan seuraavassa kokouksessa.',
  'Pilottiin osallistuu {n} palveluntuottajaa ja noin {clients} asiakasta.',
  'Asiasta on pyydetty lausunnot vanhusneuvostolta ja vammaisneuvostolta.',
  'Kuntien edustajat pitivät esitettyä aikataulua tiukkana mutta toteutettavissa olevana.',
  'Talousarvion laadintaohje annetaan hallintokunnille {month}n loppuun mennessä.',
  'Toimintaympäristön muutokset ja väestön ikääntyminen lisäävät palvelutarvetta seuraavina vuosina.',
]; // prettier-ignore

const PROSE_SV: readonly string[] = [
  '{person} redogjorde för ärendets bakgrund och läget i beredningen.',
  'I diskussionen konstaterades att ärendet förutsätter ett nära samarbete mellan kommunerna i regionen.',
  'Kostnaderna har ökat med {pct} procent jämfört med föregående år, främst på grund av ett ökat servicebehov.',
  'Arbetsgruppen har sammanträtt {n} gånger och har särskilt behandlat enhetliga vårdkedjor.',
  'Under diskussionen lyftes tillgången på personal och utvecklingen av klientstyrningen fram.',
  '{org} har lämnat sitt utlåtande inom utsatt tid.',
  'Personalens representanter och klientrådet har hörts under beredningen.',
  'Målet är att den nya verksamhetsmodellen tas i bruk från och med {month} {next}.',
  'Projektets totala budget är {money} euro, varav statsunderstödets andel är {pct} procent.',
  'Vidare konstaterades att informationen till invånarna behöver effektiviseras.',
  'Driftsekonomin har förverkligats till {pct2} procent av budgeten, medan den jämna andelen vore 50 procent.',
  'Efterfrågan har ökat särskilt inom hemvården och det effektiverade serviceboendet.',
  '{person} berättade att de nationella anvisningarna fortfarande delvis är ofärdiga.',
  'I den fortsatta beredningen utreds alternativa genomförandesätt och deras kostnadseffekter.',
  'Resultaten av kundenkäten var i huvudsak goda, medeltalet var {grade} på skalan 1–5.',
  'Motsvarande erfarenheter finns också från grannkommunerna.',
  'Arbetsgruppens förslag behandlas i ledningsgruppen innan slutligt beslut fattas.',
  'Beslutet har inga direkta personalkonsekvenser.',
  'Samarbetsförfarandet har genomförts vid samarbetskommitténs möte {dateShort}.',
  'Avtalsperioden är tre år och kan förlängas med högst två optionsår.',
  'Inom utsatt tid inkom {n} anbud, och alla uppfyllde villkoren i anbudsförfrågan.',
  'Det totalekonomiskt mest fördelaktiga anbudet lämnades av {company}.',
  'Handlingarna finns tillgängliga vid mötet.',
  'Antalet anställda var {staff} vid årets slut, vilket är {n} fler än året innan.',
  'Sjukfrånvaron minskade med {pct} procent från föregående år.',
  'Närmare upplysningar ger {contact}.',
  'Efter diskussionen konstaterade ordföranden att ärendet tas upp på nästa möte.',
  'I piloten deltar {n} serviceproducenter och cirka {clients} klienter.',
  'Utlåtanden har begärts av äldrerådet och rådet för personer med funktionsnedsättning.',
  'Kommunernas representanter ansåg att tidtabellen är stram men genomförbar.',
  'Befolkningens åldrande ökar servicebehovet under de kommande åren.',
]; // prettier-ignore

const PROPOSALS_FI: readonly string[] = [
  '{bodyCap} merkitsee tilannekatsauksen tiedoksi.',
  '{bodyCap} hyväksyy liitteen {att} mukaisen suunnitelman ja lähettää sen edelleen valtuuston hyväksyttäväksi.',
  '{bodyCap} päättää antaa asiasta liitteen {att} mukaisen lausunnon.',
  '{bodyCap} päättää hyväksyä {company}:n tarjouksen ja valtuuttaa kunnanjohtajan allekirjoittamaan sopimuksen.',
  '{bodyCap} merkitsee talousarvion toteutumisen tiedoksi ja kehottaa palvelualueita tehostamaan toimenpiteitään.',
  'Esitetään, että {body} hyväksyy toimintamallin ja sen käyttöönoton aikataulun.',
  '{bodyCap} päättää myöntää avustukset liitteen {att} mukaisesti.',
  '{bodyCap} päättää olla käyttämättä otto-oikeutta.',
  'Keskustellaan ja sovitaan jatkotoimenpiteistä.',
]; // prettier-ignore

const PROPOSALS_SV: readonly string[] = [
  '{bodyCap} antecknar lägesrapporten för kännedom.',
  '{bodyCap} godkänner planen enligt bilaga {att} och sänder den vidare till fullmäktige för godkännande.',
  '{bodyCap} beslutar ge ett utlåtande i ärendet enligt bilaga {att}.',
  '{bodyCap} beslutar anta anbudet från {company} och befullmäktigar förvaltningschefen att underteckna avtalet.',
  '{bodyCap} antecknar budgetuppföljningen för kännedom och uppmanar serviceområdena att effektivera sina åtgärder.',
  'Det föreslås att {body} godkänner verksamhetsmodellen och tidtabellen för införandet.',
  '{bodyCap} beslutar bevilja understöden enligt bilaga {att}.',
  '{bodyCap} beslutar att inte utnyttja sin övertaganderätt.',
  'Diskussion och överenskommelse om fortsatta åtgärder.',
]; // prettier-ignore

const DECISIONS_FI: readonly string[] = [
  'Hyväksyttiin.', 'Merkittiin tiedoksi.', 'Hyväksyttiin päätösehdotuksen mukaisesti.', 'Päätösehdotus hyväksyttiin yksimielisesti.',
  'Asia palautettiin uudelleen valmisteltavaksi.', 'Merkittiin tiedoksi ja päätettiin jatkaa valmistelua.',
  'Hyväksyttiin esitetyin muutoksin.', 'Asia jätettiin pöydälle.', 'Merkittiin keskustelu tiedoksi.',
]; // prettier-ignore

const DECISIONS_SV: readonly string[] = [
  'Godkändes.', 'Antecknades för kännedom.', 'Godkändes enligt förslaget.', 'Förslaget godkändes enhälligt.',
  'Ärendet återremitterades för ny beredning.', 'Antecknades för kännedom och beslöts att fortsätta beredningen.',
  'Godkändes med de föreslagna ändringarna.', 'Ärendet bordlades.', 'Diskussionen antecknades för kännedom.',
]; // prettier-ignore

const DELIVERABLES_FI = [
  'esityksen ohjausryhmälle', 'yhteenvedon kuntien kommenteista', 'päivitetyn aikataulun', 'lausuntoluonnoksen',
  'tiedotteen kuntalaisille', 'kustannuslaskelman', 'hankesuunnitelman', 'viestintäsuunnitelman', 'muistion kokouksesta',
]; // prettier-ignore
const DELIVERABLES_SV = [
  'ett förslag till styrgruppen', 'ett sammandrag av kommunernas kommentarer', 'en uppdaterad tidtabell',
  'ett utkast till utlåtande', 'ett pressmeddelande', 'en kostnadskalkyl', 'en projektplan', 'en kommunikationsplan',
]; // prettier-ignore
const TASKS_FI = [
  'henkilöstövaikutukset', 'rahoitusmahdollisuudet', 'tietojärjestelmien yhteensopivuuden', 'tilojen käytön',
  'asiakasmaksujen yhtenäistämisen', 'kuljetusten kustannukset', 'palveluntuottajien tilanteen',
]; // prettier-ignore
const TASKS_SV = [
  'personalkonsekvenserna', 'finansieringsmöjligheterna', 'datasystemens kompatibilitet', 'lokalanvändningen',
  'harmoniseringen av klientavgifterna', 'kostnaderna för skjutsarna', 'serviceproducenternas situation',
]; // prettier-ignore

const ATTACHMENTS_FI = [
  'Talousarvion toteumaraportti {period}', 'Vasson edustajien esitys', 'Hankesuunnitelma', 'Lausuntoluonnos',
  'Tarjousvertailu', 'Palveluverkkoselvitys', 'Toimintasuunnitelma {next}', 'Kokousmateriaali', 'Esitysmateriaali',
  'Avustushakemukset ja jakoesitys', 'Riskiarvio', 'Aikataulu',
]; // prettier-ignore
const ATTACHMENTS_SV = [
  'Budgetuppföljning {period}', 'Vassos representanters förslag', 'Projektplan', 'Utkast till utlåtande',
  'Anbudsjämförelse', 'Utredning om servicenätet', 'Verksamhetsplan {next}', 'Mötesmaterial', 'Presentation',
  'Understödsansökningar och fördelningsförslag', 'Riskbedömning', 'Tidtabell',
]; // prettier-ignore

const PLACES_FI = [
  '{gen} kaupungintalo, valtuustosali', 'Kunnantalo, kokoushuone 2', 'Teams-kokous', 'Skype-kokous',
  'Sairaalan hallintorakennus, neuvotteluhuone Aalto', 'Kirjaston auditorio', 'Hallintokeskus, 3. krs neuvotteluhuone',
  '{gen} virastotalo, kokoushuone Merenkurkku', 'Sosiaalikeskus, kokoushuone Kaisla', 'Terveyskeskus, neuvotteluhuone 1',
]; // prettier-ignore
const PLACES_SV = [
  'Stadshuset, fullmäktigesalen', 'Kommungården, mötesrum 2', 'Teams-möte', 'Sjukhusets förvaltningsbyggnad, mötesrum Aalto',
  'Biblioteket, auditoriet', 'Ämbetshuset, sammanträdesrummet', 'Socialcentralen, mötesrum Vassen', 'Hälsocentralen, mötesrum 1',
]; // prettier-ignore

const MONTHS_FI_PARTITIVE = ['tammikuuta', 'helmikuuta', 'maaliskuuta', 'huhtikuuta', 'toukokuuta', 'kesäkuuta', 'heinäkuuta', 'elokuuta', 'syyskuuta', 'lokakuuta', 'marraskuuta', 'joulukuuta']; // prettier-ignore
const MONTHS_FI_ELATIVE = ['tammikuusta', 'helmikuusta', 'maaliskuusta', 'huhtikuusta', 'toukokuusta', 'kesäkuusta', 'heinäkuusta', 'elokuusta', 'syyskuusta', 'lokakuusta', 'marraskuusta', 'joulukuusta']; // prettier-ignore
const MONTHS_FI = ['tammikuu', 'helmikuu', 'maaliskuu', 'huhtikuu', 'toukokuu', 'kesäkuu', 'heinäkuu', 'elokuu', 'syyskuu', 'lokakuu', 'marraskuu', 'joulukuu']; // prettier-ignore
const MONTHS_SV = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december']; // prettier-ignore
const WEEKDAYS_FI = ['sunnuntai', 'maanantai', 'tiistai', 'keskiviikko', 'torstai', 'perjantai', 'lauantai'];
const WEEKDAYS_FI_ESSIVE = ['sunnuntaina', 'maanantaina', 'tiistaina', 'keskiviikkona', 'torstaina', 'perjantaina', 'lauantaina']; // prettier-ignore
const WEEKDAYS_FI_SHORT = ['su', 'ma', 'ti', 'ke', 'to', 'pe', 'la'];
const WEEKDAYS_SV = ['söndag', 'måndag', 'tisdag', 'onsdag', 'torsdag', 'fredag', 'lördag'];

const NAV_JUNK_FI = [
  'Etusivu > Päätöksenteko > Pöytäkirjat ja esityslistat', 'Hae sivustolta', 'Evästeasetukset', 'Siirry sisältöön',
  'Tulosta sivu', 'Jaa sivu', 'Palaute', 'Saavutettavuusseloste', 'In English', 'På svenska',
]; // prettier-ignore
const NAV_JUNK_SV = [
  'Startsida > Beslutsfattande > Protokoll och föredragningslistor', 'Sök på webbplatsen', 'Kakinställningar',
  'Hoppa till innehållet', 'Skriv ut sidan', 'Dela', 'Respons', 'Tillgänglighetsutlåtande', 'Suomeksi', 'In English',
]; // prettier-ignore

// ---------------------------------------------------------------------------------------------------------
// Documents

export type Layout =
  | 'memo-x'
  | 'tab-table'
  | 'lastname-comma'
  | 'blocks'
  | 'poytakirja'
  | 'protokoll'
  | 'agenda'
  | 'listing'
  | 'flattened';

export const LAYOUTS: readonly Layout[] = [
  'memo-x',
  'tab-table',
  'lastname-comma',
  'blocks',
  'poytakirja',
  'protokoll',
  'agenda',
  'listing',
  'flattened',
];

const LAYOUT_WEIGHTS: readonly (readonly [Layout, number])[] = [
  ['memo-x', 15],
  ['tab-table', 12],
  ['lastname-comma', 10],
  ['blocks', 15],
  ['poytakirja', 15],
  ['protokoll', 9],
  ['agenda', 11],
  ['listing', 5],
  ['flattened', 8],
];

export type Language = 'fi' | 'sv';

export interface SyntheticDocument {
  fileName: string;
  text: string;
  /** What was generated, for benchmarks and searches that need to know what a document is about. */
  meta: {
    seed: number;
    layout: Layout;
    kind: 'minutes' | 'agenda' | 'listing';
    language: Language;
    body: string;
    organisation: string;
    /** ISO date of the meeting. */
    date: string;
    title: string;
    participants: string[];
    itemTitles: string[];
  };
}

export interface GenerateOptions {
  /** Force a layout rather than drawing one. */
  layout?: Layout;
  /** Force a language where the layout allows both. */
  language?: Language;
  /** Target size in bytes (UTF-8); the document ends up near it, within 2–40 KB. Drawn when omitted. */
  targetBytes?: number;
}

export const MIN_DOCUMENT_BYTES = 2 * 1024;
export const MAX_DOCUMENT_BYTES = 40 * 1024;

interface Person {
  first: string;
  last: string;
  name: string;
  organisation: string;
  role: string;
  present: boolean;
  chair: boolean;
  secretary: boolean;
  invited: boolean;
  /** Partial attendance, e.g. '1–5'. */
  items: string | null;
}

interface SimpleDate {
  y: number;
  m: number; // 1-12
  d: number;
  wd: number; // 0 = Sunday
}

interface Ctx {
  rng: Rng;
  lang: Language;
  layout: Layout;
  muni: Municipality;
  body: string;
  bodyBase: Body;
  organisation: string;
  date: SimpleDate;
  start: number; // minutes since midnight
  end: number;
  place: string;
  people: Person[];
  number: number;
  firstSection: number;
}

function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function makeDate(y: number, mo: number, d: number): SimpleDate {
  const t = new Date(Date.UTC(y, mo - 1, d));
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate(), wd: t.getUTCDay() };
}

function addDays(date: SimpleDate, days: number): SimpleDate {
  return makeDate(date.y, date.m, date.d + days);
}

function isoDate(date: SimpleDate): string {
  return `${date.y}-${pad2(date.m)}-${pad2(date.d)}`;
}

function shortDate(date: SimpleDate): string {
  return `${date.d}.${date.m}.${date.y}`;
}

/** A working day between 2015 and 2024. */
function drawDate(rng: Rng): SimpleDate {
  for (;;) {
    const date = makeDate(rng.int(2015, 2024), rng.int(1, 12), rng.int(1, 28));
    if (date.wd !== 0 && date.wd !== 6 && !(date.m === 7 && rng.chance(0.8))) return date;
  }
}

/** The meeting date in one of the many ways it is written. */
function writeDate(rng: Rng, lang: Language, date: SimpleDate): string {
  const { y, m: mo, d, wd } = date;
  if (lang === 'fi') {
    return rng.weighted<string>([
      [`${d}.${mo}.${y}`, 5],
      [`${pad2(d)}.${pad2(mo)}.${y}`, 2],
      [`${WEEKDAYS_FI_SHORT[wd]} ${d}.${mo}.${y}`, 3],
      [`${WEEKDAYS_FI_ESSIVE[wd]} ${d}.${mo}.${y}`, 2],
      [`${cap(WEEKDAYS_FI[wd] ?? '')} ${d}. ${MONTHS_FI_PARTITIVE[mo - 1]} ${y}`, 1],
      [`${d}. ${MONTHS_FI_PARTITIVE[mo - 1]} ${y}`, 1],
      [`${y}-${pad2(mo)}-${pad2(d)}`, 1],
    ]);
  }
  return rng.weighted<string>([
    [`${d}.${mo}.${y}`, 5],
    [`${WEEKDAYS_SV[wd]} ${d}.${mo}.${y}`, 3],
    [`${WEEKDAYS_SV[wd]}en den ${d} ${MONTHS_SV[mo - 1]} ${y}`, 2],
    [`${d} ${MONTHS_SV[mo - 1]} ${y}`, 2],
    [`den ${d}.${mo}.${y}`, 1],
    [`${y}-${pad2(mo)}-${pad2(d)}`, 1],
  ]);
}

function clock(rng: Rng, minutes: number, style: number): string {
  const h = Math.floor(minutes / 60);
  const mm = minutes % 60;
  switch (style) {
    case 0:
      return `${h}.${pad2(mm)}`;
    case 1:
      return `${pad2(h)}.${pad2(mm)}`;
    case 2:
      return `${h}:${pad2(mm)}`;
    default:
      return mm === 0 && rng.chance(0.7) ? String(h) : `${h}.${pad2(mm)}`;
  }
}

function writeTimeRange(rng: Rng, lang: Language, start: number, end: number): string {
  const style = rng.int(0, 3);
  const dash = rng.pick(['–', '-', ' - ', ' – ']);
  const range = `${clock(rng, start, style)}${dash}${clock(rng, end, style)}`;
  if (lang === 'fi')
    return rng.weighted<string>([
      [`klo ${range}`, 6],
      [`kello ${range}`, 1],
      [range, 1],
    ]);
  return rng.weighted<string>([
    [`kl. ${range}`, 4],
    [`kl ${range}`, 2],
    [`klockan ${range}`, 1],
    [range, 1],
  ]);
}

function writeClock(rng: Rng, lang: Language, minutes: number): string {
  const t = clock(rng, minutes, rng.pick([0, 0, 1, 2]));
  return lang === 'fi' ? `klo ${t}` : rng.pick([`kl. ${t}`, `kl ${t}`]);
}

function drawPerson(rng: Rng, lang: Language, used: Set<string>, organisations: readonly string[]): Person {
  for (;;) {
    const swedishName = lang === 'sv' ? rng.chance(0.75) : rng.chance(0.12);
    const first = rng.pick(swedishName ? SWEDISH_FIRST_NAMES : FINNISH_FIRST_NAMES);
    const last = rng.pick(swedishName ? SWEDISH_SURNAMES : FINNISH_SURNAMES);
    const name = `${first} ${last}`;
    if (used.has(name)) continue;
    used.add(name);
    return {
      first,
      last,
      name,
      organisation: rng.pick(organisations),
      role: rng.pick(lang === 'fi' ? ROLES_FI : ROLES_SV),
      present: true,
      chair: false,
      secretary: false,
      invited: false,
      items: null,
    };
  }
}

/** A 32-bit hash of a text (FNV-1a), for seeds drawn from names. */
function hashText(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Who sits in a body during one council term: the same people meet, as in a real archive. */
interface Roster {
  members: Person[];
  /** Officials invited to most meetings. */
  regulars: Person[];
  secretaries: Person[];
}

const rosters = new Map<string, Roster>();

/** Council terms of four years from June 2013 (2013–2017, 2017–2021, 2021–2025): members change with them. */
function councilTerm(date: SimpleDate): number {
  return Math.floor((date.y - 2013 + (date.m >= 6 ? 0 : -1)) / 4);
}

function bodyRoster(ctx: Pick<Ctx, 'lang' | 'muni' | 'bodyBase' | 'organisation' | 'date'>): Roster {
  const key = `${ctx.muni.fi}\u0000${ctx.bodyBase.name}\u0000${ctx.lang}\u0000${councilTerm(ctx.date)}`;
  const known = rosters.get(key);
  if (known) return known;
  const rng = createRng(hashText(key));
  const used = new Set<string>();
  const formal = ctx.bodyBase.formal;
  const count = formal ? rng.int(7, 15) : rng.int(5, 16);
  const regional = ctx.lang === 'fi' ? REGIONAL_ORGANISATIONS_FI : REGIONAL_ORGANISATIONS_SV;
  const municipal = ctx.lang === 'fi' ? ORGANISATIONS_FI.slice(0, MUNICIPALITIES.length) : ORGANISATIONS_SV.slice(0, MUNICIPALITIES.length); // prettier-ignore
  const nearby = [...rng.sample(municipal, rng.int(2, 6)), ...rng.sample(regional, rng.int(1, 3))];
  const orgs = formal ? [ctx.organisation] : [ctx.organisation, ...nearby];
  const members: Person[] = [];
  for (let i = 0; i < count; i++) {
    const p = drawPerson(rng, ctx.lang, used, orgs);
    if (formal) p.role = rng.pick(ctx.lang === 'fi' ? MEMBER_ROLES_FI : MEMBER_ROLES_SV);
    if (formal && i === 0) p.role = ctx.lang === 'fi' ? 'jäsen' : 'ledamot';
    members.push(p);
  }
  const chair = members[0];
  if (chair) {
    chair.chair = true;
    if (formal) chair.role = ctx.lang === 'fi' ? 'puheenjohtaja' : 'ordförande';
  }
  const regulars = Array.from({ length: rng.int(0, 3) }, () => ({ ...drawPerson(rng, ctx.lang, used, [ctx.organisation]), invited: true })); // prettier-ignore
  const secretaries = Array.from({ length: rng.int(1, 2) }, () => {
    const p = drawPerson(rng, ctx.lang, used, [ctx.organisation]);
    p.secretary = true;
    p.role = rng.pick(ctx.lang === 'fi' ? ['sihteeri', 'suunnittelija', 'hallintosihteeri', 'pöytäkirjanpitäjä'] : ['sekreterare', 'planerare', 'förvaltningssekreterare', 'protokollförare']); // prettier-ignore
    return p;
  });
  const roster = { members, regulars, secretaries };
  rosters.set(key, roster);
  return roster;
}

/**
 * The people of one meeting: the body's members of the term (some absent), its regular officials (some
 * of them), now and then a guest of the day, and one of its secretaries.
 */
function drawPeople(
  rng: Rng,
  ctx: Pick<Ctx, 'lang' | 'muni' | 'bodyBase' | 'organisation' | 'date'>,
): Person[] {
  const roster = bodyRoster(ctx);
  const people: Person[] = roster.members.map((m) => ({ ...m, present: m.chair || !rng.chance(0.15) }));
  const invited = roster.regulars.filter(() => rng.chance(0.7)).map((p) => ({ ...p }));
  const used = new Set([...roster.members, ...roster.regulars, ...roster.secretaries].map((p) => p.name));
  if (rng.chance(0.4))
    invited.push({ ...drawPerson(rng, ctx.lang, used, [ctx.organisation]), invited: true });
  for (const p of invited) if (rng.chance(0.3)) p.items = `${rng.int(1, 3)}–${rng.int(4, 8)}`;
  people.push(...invited, { ...rng.pick(roster.secretaries) });
  return people;
}

interface ItemFill {
  rng: Rng;
  ctx: Ctx;
  period: string;
}

function fill(template: string, f: ItemFill): string {
  const { rng, ctx } = f;
  const person = (): string => rng.pick(ctx.people).name;
  return template.replace(/\{(\w+)\}/g, (_, key: string) => {
    switch (key) {
      case 'person':
        return person();
      case 'org':
        return rng.pick(ctx.lang === 'fi' ? ORGANISATIONS_FI : ORGANISATIONS_SV);
      case 'company':
        return rng.pick(COMPANIES);
      case 'pct':
        return String(rng.int(2, 18));
      case 'pct2':
        return `${rng.int(40, 60)},${rng.int(0, 9)}`;
      case 'n':
        return String(rng.int(2, 12));
      case 'grade':
        return `${rng.int(3, 4)},${rng.int(0, 9)}`;
      case 'money':
        return `${rng.int(1, 9)} ${rng.int(100, 999)} 000`;
      case 'staff':
        return String(rng.int(120, 4800));
      case 'clients':
        return String(rng.int(2, 40) * 50);
      case 'month':
        return rng.pick(ctx.lang === 'fi' ? MONTHS_FI : MONTHS_SV);
      case 'monthFrom':
        return rng.pick(ctx.lang === 'fi' ? MONTHS_FI_ELATIVE : MONTHS_SV);
      case 'year':
        return String(ctx.date.y);
      case 'prev':
        return String(ctx.date.y - 1);
      case 'next':
        return String(ctx.date.y + 1);
      case 'next3':
        return String(ctx.date.y + 3);
      case 'period':
        return f.period;
      case 'dateShort':
        return shortDate(addDays(ctx.date, -rng.int(7, 60)));
      case 'role':
        return rng.pick(ctx.lang === 'fi' ? ROLES_FI : ROLES_SV);
      case 'phone':
        return `0${rng.int(40, 50)} ${rng.int(100, 999)} ${rng.int(1000, 9999)}`;
      case 'contact': {
        const p = rng.pick(ctx.people);
        const ascii = (s: string): string =>
          s
            .toLowerCase()
            .replace(/[äå]/g, 'a')
            .replace(/ö/g, 'o')
            .replace(/[^a-z-]/g, '');
        const email = `${ascii(p.first)}.${ascii(p.last)}@${ascii(ctx.lang === 'fi' ? ctx.muni.fi : ctx.muni.sv)}.fi`;
        const phone = `0${rng.int(40, 50)} ${rng.int(100, 999)} ${rng.int(1000, 9999)}`;
        return `${p.role} ${p.name}, ${ctx.lang === 'fi' ? 'puh.' : 'tfn'} ${phone}, ${email}`;
      }
      case 'body':
        return ctx.bodyBase.name;
      case 'bodyCap':
        return cap(ctx.bodyBase.name);
      case 'att':
        return String(rng.int(1, 3));
      case 'gen':
        return ctx.muni.fiGenitive;
      default:
        return key;
    }
  });
}

function paragraph(f: ItemFill, sentences: number): string {
  const pool = f.ctx.lang === 'fi' ? PROSE_FI : PROSE_SV;
  return f.rng
    .sample(pool, sentences)
    .map((t) => fill(t, f))
    .join(' ');
}

/** Lines wrapped the way text extracted from a PDF often is. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line.length > 0 && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line.length > 0 ? `${line} ${word}` : word;
  }
  if (line.length > 0) lines.push(line);
  return lines;
}

class Writer {
  readonly lines: string[] = [];
  private bytes = 0;
  constructor(private readonly wrapWidth: number | null) {}
  line(text: string): void {
    const t = text.replace(/[ \t]+$/, '');
    if (t === '' && (this.lines.length === 0 || this.lines[this.lines.length - 1] === '')) return;
    this.lines.push(t);
    this.bytes += utf8Length(t) + 1;
  }
  para(text: string): void {
    if (this.wrapWidth !== null && text.length > this.wrapWidth)
      for (const l of wrap(text, this.wrapWidth)) this.line(l);
    else this.line(text);
    this.blank();
  }
  blank(): void {
    this.line('');
  }
  size(): number {
    return this.bytes;
  }
  text(): string {
    const lines = this.lines.slice();
    while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
    return `${lines.join('\n')}\n`;
  }
}

type ItemKind = keyof typeof PROCEDURAL_FI | 'substantive';

interface GeneratedItem {
  number: string;
  title: string;
  kind: ItemKind;
}

function itemPeriod(rng: Rng, ctx: Ctx): string {
  const mo = Math.max(1, ctx.date.m - 1);
  const words = ctx.lang === 'fi' ? `tammi–${MONTHS_FI[mo - 1]}` : `januari–${MONTHS_SV[mo - 1]}`;
  return rng.pick([`1–${mo}/${ctx.date.y}`, `${pad2(mo)}/${ctx.date.y}`, words]);
}

interface PlannedItem {
  title: string;
  kind: ItemKind;
}

/** The opening items, a stream of substantive items, and the closing items of one meeting. */
function itemPlan(rng: Rng, ctx: Ctx): { head: PlannedItem[]; next: () => PlannedItem; tail: PlannedItem[] } {
  const proc = ctx.lang === 'fi' ? PROCEDURAL_FI : PROCEDURAL_SV;
  const pool = ctx.lang === 'fi' ? ITEM_TITLES_FI : ITEM_TITLES_SV;
  const item = (kind: keyof typeof PROCEDURAL_FI): PlannedItem => ({ title: rng.pick(proc[kind]), kind });
  const head = [item('open')];
  if (ctx.bodyBase.formal || rng.chance(0.4)) head.push(item('legal'));
  if (ctx.bodyBase.formal) head.push(item('checkers'));
  head.push(item(rng.chance(0.5) ? 'agenda' : 'previous'));
  const tail = (['notices', 'other', 'next', 'close'] as const).filter(() => rng.chance(0.75)).map(item);
  const f: ItemFill = { rng, ctx, period: itemPeriod(rng, ctx) };
  let queue: string[] = [];
  const next = (): PlannedItem => {
    if (queue.length === 0) queue = rng.sample(pool, pool.length);
    return { title: fill(queue.shift() ?? '', f), kind: 'substantive' };
  };
  return { head, next, tail };
}

/** The attendance section, in the layout's own format. */
function writeAttendance(w: Writer, ctx: Ctx): void {
  const { rng, lang } = ctx;
  const fi = lang === 'fi';
  const members = ctx.people.filter((p) => !p.invited && !p.secretary);
  const invited = ctx.people.filter((p) => p.invited || p.secretary);
  const chairMark = (p: Person): string =>
    p.chair ? rng.pick(fi ? [', pj.', ', puheenjohtaja', ' (pj)'] : [', ordf.', ', ordförande', ' (ordf.)']) : p.secretary ? rng.pick(fi ? [', siht.', ', sihteeri'] : [', sekr.', ', sekreterare']) : ''; // prettier-ignore
  const partial = (p: Person): string =>
    p.items ? (fi ? ` (asiat ${p.items})` : ` (ärendena ${p.items})`) : '';

  switch (ctx.layout) {
    case 'memo-x': {
      w.line(rng.pick(fi ? ['Läsnä:', 'Osallistujat:', 'Läsnä'] : ['Närvarande:', 'Deltagare:']));
      const mark = rng.pick([
        ['(x)', '( )'],
        ['(x)', '(-)'],
        ['x', '-'],
      ]);
      for (const p of ctx.people) {
        const role = rng.chance(0.85) ? cap(p.role) : p.role;
        w.line(
          `${p.present ? mark[0] : mark[1]} ${p.organisation} ${role} ${p.name}${chairMark(p)}${partial(p)}`,
        );
      }
      w.blank();
      break;
    }
    case 'tab-table': {
      const cols = rng.pick([
        ['name', 'org', 'role', 'mark'],
        ['mark', 'name', 'role', 'org'],
        ['name', 'role', 'org', 'mark'],
      ]);
      const header: Record<string, string> = fi
        ? { name: 'Nimi', org: 'Organisaatio', role: 'Tehtävä', mark: 'Läsnä' }
        : { name: 'Namn', org: 'Organisation', role: 'Befattning', mark: 'Närvarande' };
      w.line(rng.pick(fi ? ['Osallistujat', 'Kokoukseen osallistuneet'] : ['Deltagare', 'Närvarande']));
      w.blank();
      w.line(cols.map((c) => header[c] ?? c).join('\t'));
      for (const p of ctx.people) {
        const cell: Record<string, string> = {
          name: `${p.name}${p.chair ? (fi ? ' (pj)' : ' (ordf.)') : ''}`,
          org: p.organisation,
          role: p.role,
          mark: p.present ? '+' : '-',
        };
        w.line(cols.map((c) => cell[c] ?? '').join('\t'));
      }
      w.blank();
      break;
    }
    case 'lastname-comma': {
      w.line(rng.pick(fi ? ['Läsnä', 'Osallistujat', 'Kutsutut'] : ['Närvarande', 'Kallade']));
      for (const p of ctx.people) {
        w.line(`${p.last}, ${p.first} ${p.role}, ${p.organisation} ${p.present ? 'x' : rng.pick(['-', ''])}`);
      }
      w.blank();
      break;
    }
    default: {
      // Läsnä / Poissa / Kutsuttuina blocks, also used by formal minutes (where names are 'Lastname Firstname').
      const formalNames = ctx.layout === 'poytakirja' || (ctx.layout === 'protokoll' && rng.chance(0.5));
      const nameOf = (p: Person): string => (formalNames ? `${p.last} ${p.first}` : p.name);
      const describe = (p: Person): string => {
        const role = p.chair ? (fi ? 'puheenjohtaja' : 'ordförande') : p.role;
        const sep = formalNames ? '\t' : ', ';
        const org = !ctx.bodyBase.formal && rng.chance(0.5) ? `, ${p.organisation}` : '';
        return `${nameOf(p)}${sep}${role}${org}${partial(p)}`;
      };
      const present = members.filter((p) => p.present);
      const absent = members.filter((p) => !p.present);
      const heads = fi
        ? ctx.layout === 'poytakirja'
          ? ['Saapuvilla olleet jäsenet', 'Poissa', 'Muut saapuvilla olleet']
          : [rng.pick(['Läsnä', 'Läsnä:', 'Paikalla']), rng.pick(['Poissa', 'Poissa:', 'Estyneet']), rng.pick(['Kutsuttuina', 'Muut kutsutut', 'Asiantuntijat'])] // prettier-ignore
        : [rng.pick(['Närvarande', 'Närvarande ledamöter']), rng.pick(['Frånvarande', 'Förhinder']), rng.pick(['Övriga närvarande', 'Inbjudna', 'Sakkunniga'])]; // prettier-ignore
      w.line(heads[0] ?? '');
      for (const p of present) w.line(describe(p));
      w.blank();
      if (absent.length > 0) {
        w.line(heads[1] ?? '');
        for (const p of absent) w.line(describe(p));
        w.blank();
      }
      w.line(heads[2] ?? '');
      for (const p of invited) w.line(describe(p));
      w.blank();
    }
  }
}

function departureLine(ctx: Ctx, item: GeneratedItem, atMinutes: number): string {
  const { rng, lang } = ctx;
  const p = rng.pick(
    ctx.people.filter((x) => x.present && !x.chair && !x.secretary).concat(ctx.people.slice(0, 1)),
  );
  const t = writeClock(rng, lang, atMinutes);
  const t2 = writeClock(rng, lang, atMinutes + rng.int(3, 25)).replace(/^(klo|kl\.?) /, '');
  const ref =
    ctx.layout === 'poytakirja' || ctx.layout === 'protokoll' ? `§ ${item.number}` : `${item.number}`;
  if (lang === 'fi') {
    return rng.pick([
      `${p.name} poistui kokouksesta ${t}.`,
      `${p.name} poistui kokouksesta ${t} asian ${ref} käsittelyn aikana.`,
      `${p.name} poistui ${t} ennen asian ${ref} käsittelyä.`,
      `${p.name} oli poissa kokouksesta ${t}–${t2}.`,
      `${p.name} saapui kokoukseen ${t} asian ${ref} aikana.`,
      `${p.name} saapui ${t}.`,
    ]);
  }
  return rng.pick([
    `${p.name} avlägsnade sig från mötet ${t}.`,
    `${p.name} avlägsnade sig ${t} under behandlingen av ${ref.startsWith('§') ? ref : `ärende ${ref}`}.`,
    `${p.name} var frånvarande ${t}–${t2}.`,
    `${p.name} anlände ${t} under ${ref.startsWith('§') ? ref : `ärende ${ref}`}.`,
    `${p.name} anlände till mötet ${t}.`,
  ]);
}

function actionLine(ctx: Ctx): string {
  const { rng, lang } = ctx;
  const p = rng.pick(ctx.people.filter((x) => x.present));
  const due = addDays(ctx.date, rng.int(7, 45));
  const dueText = rng.pick([shortDate(due), `${due.d}.${due.m}.`]);
  if (lang === 'fi') {
    return rng.pick([
      `Päätettiin, että ${p.name} laatii ${rng.pick(DELIVERABLES_FI)} ${dueText} mennessä.`,
      `${p.name} selvittää ${rng.pick(TASKS_FI)} ja raportoi seuraavaan kokoukseen.`,
      `Toimenpiteet: ${p.name} valmistelee ${rng.pick(DELIVERABLES_FI)} (DL ${dueText}).`,
      `Sovittiin, että ${p.name} kokoaa ${rng.pick(DELIVERABLES_FI)} seuraavaan kokoukseen.`,
    ]);
  }
  return rng.pick([
    `Beslöts att ${p.name} utarbetar ${rng.pick(DELIVERABLES_SV)} till ${dueText}.`,
    `${p.name} utreder ${rng.pick(TASKS_SV)} och rapporterar till nästa möte.`,
    `Åtgärder: ${p.name} bereder ${rng.pick(DELIVERABLES_SV)} (DL ${dueText}).`,
  ]);
}

function attachmentLine(ctx: Ctx, f: ItemFill, state: { attachments: number }): string {
  const { rng, lang } = ctx;
  const name = fill(rng.pick(lang === 'fi' ? ATTACHMENTS_FI : ATTACHMENTS_SV), f);
  if (rng.chance(0.15)) {
    return `${name.replace(/ /g, '_')} ${shortDate(ctx.date)}.${rng.pick(['pdf', 'pdf', 'docx', 'pptx', 'xlsx'])}`;
  }
  const n = ++state.attachments;
  const word = lang === 'fi' ? 'Liite' : 'Bilaga';
  return rng.pick([
    `${word} ${n}: ${name}`,
    `${word} ${n} ${name}`,
    `${word} ${n}. ${name}`,
    `${word} ${n} – ${name}`,
  ]);
}

function voteLines(ctx: Ctx): string[] {
  const { rng, lang } = ctx;
  const total = ctx.people.filter((p) => !p.invited && !p.secretary).length;
  const yes = rng.int(Math.ceil(total / 2), total);
  const no = total - yes;
  const someone = rng.pick(ctx.people.filter((p) => !p.secretary)).name;
  const lines: string[] = [];
  if (lang === 'fi') {
    lines.push(`${someone} teki päätösehdotuksesta poikkeavan ehdotuksen, jota kannatettiin. Puheenjohtaja totesi, että on suoritettava äänestys.`); // prettier-ignore
    lines.push(rng.pick([`Äänestys: JAA ${yes}, EI ${no}, TYHJÄÄ 0, POISSA 0`, `Suoritetussa äänestyksessä päätösehdotus voitti äänin ${yes}–${no}.`])); // prettier-ignore
    if (rng.chance(0.5)) lines.push(`${someone} jätti asiasta eriävän mielipiteen.`);
  } else {
    lines.push(`${someone} framställde ett motförslag som understöddes. Ordföranden konstaterade att omröstning ska förrättas.`); // prettier-ignore
    lines.push(rng.pick([`Omröstning: JA ${yes}, NEJ ${no}, BLANK 0, FRÅNVARANDE 0`, `I omröstningen vann förslaget med rösterna ${yes}–${no}.`])); // prettier-ignore
    if (rng.chance(0.5)) lines.push(`${someone} reserverade sig mot beslutet.`);
  }
  return lines;
}

/** How one document numbers and marks its items; fixed per document, as real ones are. */
interface DocStyle {
  number: 'dot' | 'bare' | 'para-after' | 'para-before';
  heading: 'plain' | 'bold' | 'upper';
  decision: 'label' | 'label-line' | 'bold-label' | 'arrow' | 'bold';
  proposalInline: boolean;
  /** Formal minutes: '§ 25' on its own line above the title. */
  splitHeading: boolean;
}

function drawStyle(rng: Rng, formal: boolean): DocStyle {
  return {
    number: formal
      ? 'para-before'
      : rng.weighted([
          ['dot', 6],
          ['bare', 2],
          ['para-after', 2],
          ['para-before', 1],
        ]),
    heading: rng.weighted([
      ['plain', 7],
      ['bold', 2],
      ['upper', 1],
    ]),
    decision: formal
      ? rng.pick(['label', 'label-line'] as const)
      : rng.weighted([
          ['label', 4],
          ['label-line', 2],
          ['bold-label', 2],
          ['arrow', 2],
          ['bold', 1],
        ]),
    proposalInline: rng.chance(0.5),
    splitHeading: rng.chance(0.5),
  };
}

interface ItemState {
  clock: number;
  attachments: number;
  nextMeetingWritten: boolean;
  closed: boolean;
}

function writeDecision(w: Writer, ctx: Ctx, style: DocStyle, decision: string): void {
  const label = ctx.lang === 'fi' ? 'Päätös' : 'Beslut';
  switch (style.decision) {
    case 'label':
      w.para(`${label}: ${decision}`);
      break;
    case 'label-line':
      w.line(label);
      w.para(decision);
      break;
    case 'bold-label':
      w.para(`**${label}:** ${decision}`);
      break;
    case 'arrow':
      w.para(`➤ ${decision}`);
      break;
    default:
      w.para(`**${decision}**`);
  }
}

function writeItem(w: Writer, ctx: Ctx, style: DocStyle, item: GeneratedItem, state: ItemState): void {
  const { rng, lang } = ctx;
  const fi = lang === 'fi';
  const f: ItemFill = { rng, ctx, period: itemPeriod(rng, ctx) };
  const formal = ctx.layout === 'poytakirja' || ctx.layout === 'protokoll';
  const agenda = ctx.layout === 'agenda';
  const substantive = item.kind === 'substantive';
  const members = ctx.people.filter((x) => x.present && !x.chair && !x.invited && !x.secretary);

  // Heading
  const title = style.heading === 'upper' ? item.title.toUpperCase() : item.title;
  if (style.number === 'para-before' && formal && style.splitHeading) {
    w.line(`§ ${item.number}`);
    w.line(title);
  } else {
    const n = item.number;
    const heading =
      style.number === 'dot'
        ? `${n}. ${title}`
        : style.number === 'bare'
          ? `${n} ${title}`
          : style.number === 'para-after'
            ? `${n} § ${title}`
            : `§ ${n} ${title}`;
    w.line(style.heading === 'bold' ? `**${heading}**` : heading);
  }
  w.blank();
  if (formal && substantive && rng.chance(0.5)) {
    const abbr = fi
      ? rng.pick(['KHALL', 'PERLTK', 'SIVLTK', 'TEKLTK', 'KH'])
      : rng.pick(['KST', 'SOCN', 'BILDN', 'TN']);
    w.line(`${abbr} ${shortDate(addDays(ctx.date, -rng.int(14, 90)))} § ${rng.int(1, 200)}`);
    w.line(`${abbr} ${shortDate(ctx.date)} § ${item.number}`);
    w.blank();
  }
  if (formal && substantive) {
    const preparer = rng.pick(ctx.people);
    const label = fi
      ? rng.pick(['Valmistelija', 'Valmistelijat', 'Lisätiedot'])
      : rng.pick(['Beredare', 'Beredning']);
    w.para(`${label}: ${rng.chance(0.5) ? fill('{contact}', f) : `${preparer.role} ${preparer.name}`}`);
  }

  // Body, proposal, decision
  const chair = ctx.people[0]?.name ?? '';
  if (agenda && item.kind !== 'substantive') {
    const proposal: Partial<Record<ItemKind, string>> = fi
      ? { open: 'Puheenjohtaja avaa kokouksen.', legal: 'Todetaan kokous lailliseksi ja päätösvaltaiseksi.', checkers: 'Valitaan kaksi pöytäkirjantarkastajaa.', agenda: 'Hyväksytään esityslista kokouksen työjärjestykseksi.', previous: 'Hyväksytään edellisen kokouksen muistio.', notices: 'Merkitään tiedoksi.', other: 'Käsitellään muut mahdolliset asiat.', close: 'Puheenjohtaja päättää kokouksen.' } // prettier-ignore
      : { open: 'Ordföranden öppnar mötet.', legal: 'Mötet konstateras lagligt och beslutfört.', checkers: 'Två protokolljusterare väljs.', agenda: 'Föredragningslistan godkänns som arbetsordning.', previous: 'Föregående mötes anteckningar godkänns.', notices: 'Antecknas för kännedom.', other: 'Övriga ärenden behandlas.', close: 'Ordföranden avslutar mötet.' }; // prettier-ignore
    if (item.kind === 'next') writeNextMeeting(w, ctx);
    else w.para(`${fi ? rng.pick(['Esitys', 'Ehdotus']) : 'Förslag'}: ${proposal[item.kind] ?? ''}`);
    return;
  }
  switch (item.kind) {
    case 'open':
      w.para(fi ? `Puheenjohtaja ${chair} avasi kokouksen ${writeClock(rng, lang, ctx.start + rng.int(0, 7))}${rng.chance(0.4) ? ' ja toivotti osallistujat tervetulleiksi' : ''}.` : `Ordföranden ${chair} öppnade mötet ${writeClock(rng, lang, ctx.start + rng.int(0, 7))}${rng.chance(0.4) ? ' och hälsade deltagarna välkomna' : ''}.`); // prettier-ignore
      return;
    case 'legal':
      if (formal) w.para(fi ? `Kokouskutsu on lähetetty jäsenille ${shortDate(addDays(ctx.date, -7))}. Kokous on päätösvaltainen, kun enemmän kuin puolet jäsenistä on läsnä.` : `Kallelsen har sänts till ledamöterna ${shortDate(addDays(ctx.date, -7))}. Mötet är beslutfört när mer än hälften av ledamöterna är närvarande.`); // prettier-ignore
      if (!agenda) writeDecision(w, ctx, style, fi ? 'Kokous todettiin lailliseksi ja päätösvaltaiseksi.' : 'Mötet konstaterades vara lagligt sammankallat och beslutfört.'); // prettier-ignore
      return;
    case 'checkers': {
      const checkers = rng.sample(members.length >= 2 ? members : ctx.people, 2).map((x) => x.name);
      if (agenda) w.para(fi ? 'Valitaan kaksi pöytäkirjantarkastajaa.' : 'Två protokolljusterare väljs.');
      else writeDecision(w, ctx, style, fi ? `Pöytäkirjantarkastajiksi valittiin ${checkers.join(' ja ')}.` : `Till protokolljusterare valdes ${checkers.join(' och ')}.`); // prettier-ignore
      return;
    }
    case 'agenda':
    case 'previous':
      if (!agenda) writeDecision(w, ctx, style, item.kind === 'agenda' ? (fi ? 'Esityslista hyväksyttiin kokouksen työjärjestykseksi.' : 'Föredragningslistan godkändes som arbetsordning.') : (fi ? 'Edellisen kokouksen muistio hyväksyttiin.' : 'Föregående mötes anteckningar godkändes.')); // prettier-ignore
      return;
    case 'notices':
      for (const o of rng.sample(fi ? ORGANISATIONS_FI : ORGANISATIONS_SV, rng.int(1, 4))) {
        w.line(`- ${o}: ${fill(rng.pick(fi ? PROSE_FI : PROSE_SV), f)}`);
      }
      w.blank();
      if (!agenda) writeDecision(w, ctx, style, fi ? 'Merkittiin tiedoksi.' : 'Antecknades för kännedom.');
      return;
    case 'other':
      if (!agenda) w.para(rng.chance(0.5) ? (fi ? 'Ei muita asioita.' : 'Inga övriga ärenden.') : paragraph(f, rng.int(1, 3))); // prettier-ignore
      return;
    case 'next':
      writeNextMeeting(w, ctx);
      state.nextMeetingWritten = true;
      return;
    case 'close':
      if (!agenda) {
        w.para(fi ? `Puheenjohtaja päätti kokouksen ${writeClock(rng, lang, ctx.end - rng.int(0, 10))}.` : `Ordföranden avslutade mötet ${writeClock(rng, lang, ctx.end - rng.int(0, 10))}.`); // prettier-ignore
        state.closed = true;
      }
      return;
    default:
      break;
  }

  const paragraphs = rng.int(1, formal ? 4 : 3);
  for (let i = 0; i < paragraphs; i++) w.para(paragraph(f, rng.int(2, 6)));
  if (rng.chance(0.2)) {
    for (const t of rng.sample(fi ? PROSE_FI : PROSE_SV, rng.int(2, 5))) w.line(`- ${fill(t, f)}`);
    w.blank();
  }

  if (rng.chance(0.35)) {
    const count = rng.int(1, 3);
    if (count > 1 && rng.chance(0.5)) w.line(fi ? 'Liitteet' : 'Bilagor');
    for (let i = 0; i < count; i++) w.line(attachmentLine(ctx, f, state));
    w.blank();
  }

  if (formal || agenda || rng.chance(0.3)) {
    const label = fi
      ? rng.pick(formal ? ['Päätösehdotus', 'Kunnanjohtajan päätösehdotus', 'Ehdotus', 'Esittelijän ehdotus'] : ['Esitys', 'Päätösehdotus', 'Ehdotus']) // prettier-ignore
      : rng.pick(['Förslag', 'Beslutsförslag', 'Kommundirektörens förslag']);
    const text = fill(rng.pick(fi ? PROPOSALS_FI : PROPOSALS_SV), f);
    if (style.proposalInline) w.para(`${label}: ${text}`);
    else {
      w.line(style.heading === 'bold' ? `**${label}**` : label);
      w.para(text);
    }
  }
  if (agenda) return;

  if (formal && rng.chance(0.12)) for (const l of voteLines(ctx)) w.para(l);
  if (rng.chance(0.06)) {
    const p = rng.pick(ctx.people).name;
    w.para(fi ? `${p} ilmoitti olevansa esteellinen ja poistui kokouksesta asian käsittelyn ajaksi.` : `${p} anmälde jäv och deltog inte i behandlingen av ärendet.`); // prettier-ignore
  }
  writeDecision(w, ctx, style, fill(rng.pick(fi ? DECISIONS_FI : DECISIONS_SV), f));
  if (rng.chance(0.25)) w.para(actionLine(ctx));
  state.clock = Math.min(ctx.end - 5, state.clock + rng.int(4, 25));
  if (rng.chance(0.08)) w.para(departureLine(ctx, item, state.clock));
}

function writeNextMeeting(w: Writer, ctx: Ctx): void {
  const { rng, lang } = ctx;
  const next = addDays(ctx.date, rng.int(7, 42));
  const nextWd = next.wd === 0 || next.wd === 6 ? addDays(next, 2) : next;
  const when = writeDate(rng, lang, nextWd);
  const time = writeTimeRange(rng, lang, ctx.start, ctx.end);
  const place = rng.chance(0.6) ? rng.pick(lang === 'fi' ? PLACES_FI : PLACES_SV).replace('{gen}', ctx.muni.fiGenitive) : null; // prettier-ignore
  if (lang === 'fi') {
    w.para(rng.pick([`Seuraava kokous pidetään ${when} ${time}${place ? `, ${place}` : ''}.`, `Seuraava kokous: ${when} ${time}${place ? `, ${place}` : ''}`, `Seuraava kokous on ${when} ${time}.`])); // prettier-ignore
  } else {
    w.para(rng.pick([`Nästa möte hålls ${when} ${time}${place ? ` i ${place}` : ''}.`, `Nästa möte: ${when} ${time}${place ? `, ${place}` : ''}`])); // prettier-ignore
  }
}

function writeSignature(w: Writer, ctx: Ctx): void {
  const { rng, lang } = ctx;
  const secretary = ctx.people.find((p) => p.secretary) ?? ctx.people[0];
  const chair = ctx.people.find((p) => p.chair) ?? ctx.people[0];
  if (!secretary || !chair) return;
  const formal = ctx.layout === 'poytakirja' || ctx.layout === 'protokoll';
  if (lang === 'fi') {
    if (formal) {
      w.line('Vakuudeksi');
      w.blank();
      w.line(`${chair.name}\t${secretary.name}`);
      w.line('puheenjohtaja\tpöytäkirjanpitäjä');
      w.blank();
      const checkers = rng.sample(
        ctx.people.filter((p) => p.present && !p.chair && !p.secretary && !p.invited),
        2,
      );
      w.line('Pöytäkirja on tarkastettu ja hyväksytty');
      w.blank();
      w.line(`${ctx.muni.fi} ${shortDate(addDays(ctx.date, rng.int(1, 7)))}`);
      w.blank();
      w.line(checkers.map((p) => p.name).join('\t'));
      w.line(checkers.map(() => 'pöytäkirjantarkastaja').join('\t'));
      w.blank();
      w.para(`Pöytäkirja on pidetty yleisesti nähtävänä ${ctx.muni.fiGenitive} ${ctx.muni.town ? 'kaupungin' : 'kunnan'} verkkosivuilla ${shortDate(addDays(ctx.date, 8))}.`); // prettier-ignore
    } else {
      w.para(rng.pick([`Muistion laati: ${secretary.name}`, `Muistion kirjasi ${secretary.name}`, `Muistiinpanot: ${secretary.name}`, `Muistion laatija ${secretary.name}, ${secretary.role}`])); // prettier-ignore
    }
  } else if (formal) {
    w.line('Vid protokollet');
    w.blank();
    w.line(`${secretary.name}`);
    w.line('sekreterare');
    w.blank();
    w.line('Protokollet justerat');
    w.line(`${chair.name}, ordförande`);
    w.blank();
    w.para(
      `Protokollet har varit framlagt till påseende på kommunens webbplats ${shortDate(addDays(ctx.date, 8))}.`,
    );
  } else {
    w.para(rng.pick([`Antecknat av: ${secretary.name}`, `Vid pennan: ${secretary.name}`, `Protokollförare: ${secretary.name}`, `Sekreterare ${secretary.name}`])); // prettier-ignore
  }
}

function appealInstructions(w: Writer, lang: Language): void {
  if (lang === 'fi') {
    w.line('OIKAISUVAATIMUSOHJE');
    w.blank();
    w.para('Tähän päätökseen tyytymätön voi tehdä kirjallisen oikaisuvaatimuksen. Päätökseen ei saa hakea muutosta valittamalla tuomioistuimeen.'); // prettier-ignore
    w.para('Oikaisuvaatimuksen saa tehdä se, johon päätös on kohdistettu tai jonka oikeuteen, velvollisuuteen tai etuun päätös välittömästi vaikuttaa (asianosainen), sekä kunnan jäsen.'); // prettier-ignore
    w.para('Oikaisuvaatimus on tehtävä 14 päivän kuluessa päätöksen tiedoksisaannista. Kunnan jäsenen katsotaan saaneen päätöksestä tiedon, kun pöytäkirja on asetettu yleisesti nähtäväksi.'); // prettier-ignore
  } else {
    w.line('ANVISNING OM BEGÄRAN OM OMPRÖVNING');
    w.blank();
    w.para('Den som är missnöjd med detta beslut kan framställa skriftligt omprövningsbegäran. Ändring i beslutet får inte sökas genom besvär hos domstol.'); // prettier-ignore
    w.para('Omprövning ska begäras inom 14 dagar från delfåendet av beslutet. En kommunmedlem anses ha fått del av beslutet när protokollet har lagts fram offentligt.'); // prettier-ignore
  }
}

function writeMeetingDocument(ctx: Ctx, target: number, w: Writer): string[] {
  const { rng, lang } = ctx;
  const fi = lang === 'fi';
  const formal = ctx.layout === 'poytakirja' || ctx.layout === 'protokoll';
  const agenda = ctx.layout === 'agenda';
  const year = ctx.date.y;

  // Header
  const docWord = agenda
    ? fi
      ? rng.pick(['ESITYSLISTA', 'Esityslista', 'KOKOUSKUTSU', 'Kokouskutsu ja esityslista'])
      : rng.pick(['FÖREDRAGNINGSLISTA', 'Föredragningslista', 'MÖTESKALLELSE'])
    : formal
      ? fi
        ? rng.pick(['PÖYTÄKIRJA', 'Pöytäkirja', 'KOKOUSPÖYTÄKIRJA'])
        : rng.pick(['PROTOKOLL', 'Protokoll', 'SAMMANTRÄDESPROTOKOLL'])
      : fi
        ? rng.pick(['MUISTIO', 'Muistio', 'KOKOUSMUISTIO', 'Kokousmuistio'])
        : rng.pick(['MINNESANTECKNINGAR', 'Minnesanteckningar', 'PROMEMORIA']);
  const numbered = rng.chance(0.7);
  const title = numbered
    ? rng.pick([`${ctx.body} ${docWord} ${ctx.number}/${year}`, `${docWord} ${ctx.number}/${year}`, `${ctx.body} ${ctx.number}/${year}`]) // prettier-ignore
    : rng.pick([`${ctx.body} ${docWord}`, docWord]);
  if (formal && rng.chance(0.6)) {
    w.line(`${fi ? `${ctx.muni.fiGenitive} ${ctx.muni.town ? 'kaupunki' : 'kunta'}` : ctx.muni.svOrganisation}\t${docWord}\t${numbered ? `${ctx.number}/${year}` : ''}`); // prettier-ignore
    w.line(`${cap(ctx.body)}\t${shortDate(ctx.date)}`);
  } else {
    if (rng.chance(0.4)) w.line(ctx.organisation);
    w.line(title);
    if (!title.includes(ctx.body)) w.line(cap(ctx.body));
  }
  w.blank();

  const when = writeDate(rng, lang, ctx.date);
  const time = writeTimeRange(rng, lang, ctx.start, ctx.end);
  const timeLabel = fi ? rng.pick(formal ? ['Kokousaika', 'Aika'] : ['Aika', 'Aika:', 'Ajankohta']) : rng.pick(['Tid', 'Tid:', 'Sammanträdestid']); // prettier-ignore
  const placeLabel = fi ? rng.pick(formal ? ['Kokouspaikka', 'Paikka'] : ['Paikka', 'Paikka:']) : rng.pick(['Plats', 'Plats:', 'Sammanträdesplats']); // prettier-ignore
  const sep = (label: string): string => (label.endsWith(':') ? ' ' : rng.chance(0.5) ? '\t' : ': ');
  if (rng.chance(0.15)) {
    w.line(`${fi ? 'Aika ja paikka' : 'Tid och plats'}: ${when} ${time}, ${ctx.place}`);
  } else {
    w.line(`${timeLabel}${sep(timeLabel)}${when} ${time}`);
    w.line(`${placeLabel}${sep(placeLabel)}${ctx.place}`);
  }
  if (rng.chance(0.3)) {
    const chair = ctx.people.find((p) => p.chair);
    if (chair) w.line(`${fi ? 'Puheenjohtaja' : 'Ordförande'}: ${chair.name}`);
  }
  w.blank();

  if (!agenda) writeAttendance(w, ctx);
  else {
    w.line(rng.pick(fi ? ['Jakelu', 'Kutsutut', 'Kokoukseen kutsutaan'] : ['Sändlista', 'Kallade']));
    for (const p of ctx.people) w.line(`${p.name}, ${p.role}${p.chair ? (fi ? ' (pj)' : ' (ordf.)') : ''}`);
    w.blank();
  }

  // Items until the target size is reached (leaving room for the footer)
  const footerReserve = formal ? 1800 : 500;
  const titles: string[] = [];
  const state: ItemState = { clock: ctx.start + 5, attachments: 0, nextMeetingWritten: false, closed: false };
  const style = drawStyle(rng, formal);
  const plan = itemPlan(rng, ctx);
  let section = ctx.firstSection;
  let num = 0;
  let sub = 0;
  const write = (planned: PlannedItem): void => {
    let number: string;
    if (formal) number = String(section++);
    else if (num > 3 && sub < 3 && planned.kind === 'substantive' && rng.chance(0.08))
      number = `${num} ${'abc'[sub++]}`;
    else {
      number = String(++num);
      sub = 0;
    }
    writeItem(w, ctx, style, { number, title: planned.title, kind: planned.kind }, state);
    titles.push(planned.title);
  };
  for (const planned of plan.head) write(planned);
  const tailBytes = plan.tail.length * 250;
  let substantive = 0;
  while (w.size() + footerReserve + tailBytes < target || substantive === 0) {
    write(plan.next());
    substantive++;
    if (w.size() > MAX_DOCUMENT_BYTES - footerReserve - tailBytes - 3000) break;
  }
  for (const planned of plan.tail) write(planned);

  if (!agenda) {
    if (!state.nextMeetingWritten && rng.chance(0.6)) writeNextMeeting(w, ctx);
    if (!state.closed && rng.chance(0.7)) w.para(fi ? `Puheenjohtaja päätti kokouksen ${writeClock(rng, lang, ctx.end - rng.int(0, 10))}.` : `Ordföranden avslutade mötet ${writeClock(rng, lang, ctx.end - rng.int(0, 10))}.`); // prettier-ignore
    writeSignature(w, ctx);
    if (ctx.layout === 'poytakirja' || (ctx.layout === 'protokoll' && rng.chance(0.6)))
      appealInstructions(w, lang);
  } else {
    const chair = ctx.people.find((p) => p.chair);
    if (chair) {
      w.line(`${fi ? ctx.muni.fi : ctx.muni.sv} ${shortDate(addDays(ctx.date, -7))}`);
      w.blank();
      w.line(chair.name);
      w.line(fi ? 'puheenjohtaja' : 'ordförande');
    }
  }
  return titles;
}

function writeListing(ctx: Ctx, target: number, w: Writer): string[] {
  const { rng, lang } = ctx;
  const fi = lang === 'fi';
  const junk = fi ? NAV_JUNK_FI : NAV_JUNK_SV;
  for (const j of rng.sample(junk, rng.int(2, 5))) w.line(j);
  w.blank();
  const bodies = fi ? BODIES_FI : BODIES_SV;
  w.line(
    fi
      ? `Pöytäkirjat ja esityslistat – ${cap(ctx.body)}`
      : `Protokoll och föredragningslistor – ${cap(ctx.body)}`,
  );
  w.blank();
  const titles: string[] = [];
  let date = ctx.date;
  let n = ctx.number;
  while (w.size() < target - 300) {
    const body = rng.chance(0.7) ? ctx.body : cap(rng.pick(bodies).name);
    const doc = rng.pick(fi ? ['pöytäkirja', 'esityslista', 'muistio'] : ['protokoll', 'föredragningslista', 'minnesanteckningar']); // prettier-ignore
    const published = addDays(date, rng.int(1, 10));
    const title = `${cap(body)} ${shortDate(date)} ${doc}${rng.chance(0.5) ? ` ${n}/${date.y}` : ''}`;
    titles.push(title);
    w.line(rng.pick([`${fi ? 'Julkaistu' : 'Publicerad'} ${shortDate(published)}`, shortDate(published), isoDate(published)])); // prettier-ignore
    w.line(title);
    if (rng.chance(0.7)) w.line(paragraph({ rng, ctx, period: itemPeriod(rng, ctx) }, rng.int(1, 3)));
    if (rng.chance(0.4)) w.line(`${rng.pick(['PDF', 'pdf'])} (${rng.int(80, 2400)} kt)`);
    w.blank();
    date = addDays(date, -rng.int(7, 35));
    n = Math.max(1, n - 1);
  }
  for (const j of rng.sample(junk, rng.int(1, 3))) w.line(j);
  return titles;
}

function slug(s: string): string {
  return s
    .toLowerCase()
    .replace(/[äå]/g, 'a')
    .replace(/ö/g, 'o')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** Generates one document from a seed. The same seed always gives the same document. */
export function generateDocument(seed: number, options: GenerateOptions = {}): SyntheticDocument {
  const rng = createRng(seed);
  const layout = options.layout ?? rng.weighted(LAYOUT_WEIGHTS);
  const lang: Language =
    layout === 'poytakirja' ? 'fi' : layout === 'protokoll' ? 'sv' : (options.language ?? (rng.chance(0.7) ? 'fi' : 'sv')); // prettier-ignore
  const fi = lang === 'fi';
  // Sizes: log-uniform between 2.5 and 36 KB, so most documents are a few KB and some are long.
  const target = Math.min(
    MAX_DOCUMENT_BYTES - 4096,
    Math.max(
      MIN_DOCUMENT_BYTES + 512,
      options.targetBytes ?? Math.round(2560 * Math.pow(36 / 2.5, rng.next())),
    ),
  );

  const muni = rng.pick(MUNICIPALITIES);
  const wantFormal =
    layout === 'poytakirja' || layout === 'protokoll' || (layout === 'agenda' && rng.chance(0.5));
  const bodyPool = (fi ? BODIES_FI : BODIES_SV).filter((x) => x.formal === wantFormal);
  const bodyBase = rng.pick(bodyPool);
  const body = bodyBase.municipal
    ? fi
      ? `${muni.fiGenitive} ${bodyBase.name}`
      : rng.chance(0.5)
        ? `${cap(bodyBase.name)} i ${muni.sv}`
        : cap(bodyBase.name)
    : cap(bodyBase.name);
  const organisation = fi ? `${muni.fiGenitive} ${muni.town ? 'kaupunki' : 'kunta'}` : muni.svOrganisation;
  const date = drawDate(rng);
  const start = rng.pick([8 * 60, 8 * 60 + 30, 9 * 60, 9 * 60 + 30, 10 * 60, 12 * 60, 13 * 60, 14 * 60, 16 * 60, 17 * 60, 18 * 60]); // prettier-ignore
  const end = start + rng.int(4, 16) * 15;
  const people = drawPeople(rng, { lang, muni, bodyBase, organisation, date });
  const ctx: Ctx = {
    rng,
    lang,
    layout:
      layout === 'flattened'
        ? rng.pick(['memo-x', 'blocks', 'poytakirja', 'lastname-comma'] as const)
        : layout,
    muni,
    body,
    bodyBase,
    organisation,
    date,
    start,
    end,
    place: rng.pick(fi ? PLACES_FI : PLACES_SV).replace('{gen}', muni.fiGenitive),
    people,
    number: rng.int(1, 14),
    firstSection: rng.int(1, 180),
  };
  if (ctx.layout === 'poytakirja' && !fi) ctx.layout = 'blocks';

  let text: string;
  let titles: string[];
  let kind: SyntheticDocument['meta']['kind'] = 'minutes';
  const w = new Writer(rng.chance(0.3) ? rng.int(70, 95) : null);
  if (layout === 'listing') {
    titles = writeListing(ctx, target, w);
    text = w.text();
    kind = 'listing';
  } else {
    titles = writeMeetingDocument(ctx, target, w);
    text = w.text();
    if (layout === 'agenda') kind = 'agenda';
  }
  if (layout === 'flattened') {
    // An aggregator's copy: everything on one line, with its own chrome around it.
    const site = rng.pick(['Dokumentti.info', 'docplayer.fi', 'Asiakirjat.net', 'Kunnat.net-arkisto']);
    const related = Array.from({ length: rng.int(3, 8) }, () => {
      const m2 = rng.pick(MUNICIPALITIES);
      const b2 = rng.pick(fi ? BODIES_FI : BODIES_SV);
      return `${cap(b2.municipal && fi ? `${m2.fiGenitive} ${b2.name}` : b2.name)} ${fi ? rng.pick(['muistio', 'pöytäkirja']) : rng.pick(['protokoll', 'minnesanteckningar'])} ${rng.int(1, 12)}/${rng.int(2014, 2024)}`; // prettier-ignore
    });
    const flat = text.replace(/\s+/g, ' ').trim();
    const head = `${flat.slice(0, 60).replace(/\s+\S*$/, '')} - ${site} ${fi ? 'Lataa PDF Koko: ' : 'Ladda ner PDF Storlek: '}${rng.int(40, 900)} kt`;
    const tail = `${fi ? 'Samankaltaiset tiedostot' : 'Liknande dokument'} ${related.join(' ')}`;
    text = `${head} ${flat} ${tail}\n`;
  }
  while (utf8Length(text) > MAX_DOCUMENT_BYTES) text = text.slice(0, Math.floor(text.length * 0.95)).replace(/\s+\S*$/, '') + '\n'; // prettier-ignore

  const docWord = kind === 'listing' ? (fi ? 'poytakirjat' : 'protokoll') : kind === 'agenda' ? (fi ? 'esityslista' : 'foredragningslista') : fi ? (layout === 'poytakirja' ? 'poytakirja' : 'muistio') : 'protokoll'; // prettier-ignore
  const stem = rng.pick([
    `${docWord}_${slug(ctx.body)}_${isoDate(date)}`,
    `${cap(docWord)} ${ctx.number}_${date.y} ${slug(ctx.body)}`,
    `${slug(ctx.body)}-${docWord}-${shortDate(date)}`,
  ]);
  const fileName = layout === 'flattened' ? `aggregator_${(seed >>> 0).toString(16)}.txt` : `${stem}_${(seed >>> 0).toString(16).padStart(8, '0')}.txt`; // prettier-ignore
  const title = text.split('\n').find((l) => l.trim().length > 0) ?? '';
  return {
    fileName,
    text,
    meta: {
      seed,
      layout,
      kind,
      language: lang,
      body,
      organisation,
      date: isoDate(date),
      title: title.slice(0, 200),
      participants: kind === 'listing' ? [] : people.map((p) => p.name),
      itemTitles: titles,
    },
  };
}

/** `count` documents; document i depends only on (seed, i), not on count. */
export function generateCorpus(
  count: number,
  seed: number,
  options: GenerateOptions = {},
): SyntheticDocument[] {
  const docs: SyntheticDocument[] = [];
  for (let i = 0; i < count; i++) docs.push(generateDocument(mixSeed(seed, i), options));
  return docs;
}
