/** Cue words of Finnish and Swedish meeting documents, as regular-expression sources. */

export const TIME_LABEL = String.raw`(?:Kokousaika|Aika|KOKOUSAIKA|AIKA|Ajankohta|AJANKOHTA|Tid|TID|Tidpunkt|Sammanträdestid|SAMMANTRÄDESTID|Mötestid|Time|Päivämäärä|Datum)`;
export const PLACE_LABEL = String.raw`(?:Kokouspaikka|Paikka|KOKOUSPAIKKA|PAIKKA|Plats|PLATS|Sammanträdesplats|SAMMANTRÄDESPLATS|Mötesplats|Place|Location)`;
export const ROSTER_LABEL = String.raw`(?:Jakelu|JAKELU|Osallistujat|OSALLISTUJAT|Läsnä|LÄSNÄ|Läsnäolijat|Saapuvilla|SAAPUVILLA|Paikalla|PAIKALLA|Kutsutut|KUTSUTUT|Kutsuttuina|Jäsenet|Närvarande|NÄRVARANDE|Beslutande|BESLUTANDE|Deltagare|DELTAGARE|Kallade|Present|Attendees|Participants)`;
export const ITEMS_LABEL = String.raw`(?:ESITYSLISTA|Esityslista|KÄSITELTÄVÄT ASIAT|Käsiteltävät asiat|Käsitellyt asiat|KÄSITELLYT ASIAT|Asialista|ASIALISTA|Asiat|ASIAT|ÄRENDEN|Ärenden|Ärendelista|FÖREDRAGNINGSLISTA|Agenda)`;

/** Words naming a meeting body, as word endings ('ohjausryhmä', 'Kaupunginvaltuusto', 'socialnämnden'). */
export const BODY_NOUN =
  /(?:toimielin|toimielimen|ryhmä|ryhmän|kokous|kokouksen|toimikunta|toimikunnan|lautakunta|lautakunnan|hallitus|hallituksen|valtuusto|valtuuston|neuvosto|neuvoston|jaosto|jaoston|johtokunta|johtokunnan|valiokunta|valiokunnan|tiimi|tiimin|foorumi|foorumin|sihteeristö|sihteeristön|styrelse|styrelsen|styrelsens|nämnd|nämnden|nämndens|fullmäktige|fullmäktiges|rådet|rådets|utskott|utskottet|utskottets|sektionen|direktionen|kommittén|gruppen|gruppens)$/iu;

/** Document-type words that head a title ('Muistio', 'Pöytäkirja', 'Protokoll' …). */
export const DOC_TYPE_WORD =
  /^(?:muistio|kokousmuistio|pöytäkirja|kokouspöytäkirja|koukoupöytäkirja|esityslista|asialista|kokouskutsu|protokoll|sammanträdesprotokoll|minnesanteckningar|promemoria|föredragningslista|kallelse|minutes|agenda|memo|beslut|päätökset|tiedote)$/iu;
