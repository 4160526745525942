/** Small, hand-written meeting minutes for tests of resolution and ingest. */
export interface TestMinutes {
  body: string;
  /** d.m.yyyy */
  date: string;
  participants: readonly string[];
  /** Extra item text, e.g. a non-public marking. */
  itemNote?: string;
}

export function writeTestMinutes(m: TestMinutes): string {
  return [
    `Minnesanteckningar – ${m.body} 4/2018`,
    '',
    `Datum: torsdag ${m.date}`,
    'Tid: kl. 13.00–15.00',
    'Plats: Stadshuset, mötesrum Fyren',
    '',
    'Deltagare:',
    ...m.participants,
    '',
    '1. Mötets öppnande',
    '',
    'Ordföranden öppnade mötet kl. 13.05 och konstaterade de närvarande.',
    '',
    '2. Digitala tjänster',
    '',
    ...(m.itemNote ? [m.itemNote, ''] : []),
    'Arbetsgruppen diskuterade en gemensam digital tidsbokning för alla hälsocentraler i regionen.',
    '',
    'Beslut: Arbetsgruppen förordar en gemensam tidsbokning.',
    '',
    '3. Mötets avslutande',
    '',
    'Ordföranden avslutade mötet kl. 15.00.',
    '',
  ].join('\n');
}
