// The parse contract: what `parse` emits for one document. A test checks it against the shared contract
// when that is present beside the repository.
export const minutesSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'minutes.schema.json',
  title: 'Structured meeting document',
  description:
    "What `parse` must emit for one input document (minutes, agenda, single agenda item or a listing page of meeting materials). Unknown values are null or empty arrays, never invented. Text fields keep the document's own wording, with whitespace collapsed.",
  type: 'object',
  required: [
    'kind',
    'language',
    'body',
    'title',
    'meeting_number',
    'date',
    'start_time',
    'end_time',
    'place',
    'participants',
    'items',
    'departures',
    'actions',
    'next_meeting',
    'recorded_by',
  ],
  properties: {
    kind: {
      enum: ['minutes', 'agenda', 'item', 'listing'],
      description:
        "minutes = muistio/pöytäkirja/protokoll/minnesanteckningar; agenda = esityslista/kokouskutsu/asialista/föredragningslista; item = one agenda item published alone; listing = a page that lists several meetings' materials",
    },
    language: {
      enum: ['fi', 'sv', 'en'],
    },
    body: {
      type: ['string', 'null'],
      description:
        "The meeting body (toimielin) as written, e.g. 'Sote-johtajakokous', 'Sote-johtoryhmä', 'Tuotantomallityöryhmä'",
    },
    title: {
      type: ['string', 'null'],
      description: "The document's own heading, e.g. 'Sote-johtajakokous Muistio 8/2017'",
    },
    meeting_number: {
      type: ['string', 'null'],
      description:
        "As written, normalised to 'N/YYYY' when a year is given ('8/2017'), else 'N' ('4' for '4. kokous')",
    },
    date: {
      type: ['string', 'null'],
      format: 'date',
      description: 'ISO date of the meeting',
    },
    start_time: {
      type: ['string', 'null'],
      pattern: '^[0-2][0-9]:[0-5][0-9]$',
      description:
        'Scheduled start as the header gives it (Aika / Kokousaika / Tid), not the actual opening recorded in an item',
    },
    end_time: {
      type: ['string', 'null'],
      pattern: '^[0-2][0-9]:[0-5][0-9]$',
      description: 'Scheduled end as the header gives it',
    },
    place: {
      type: ['string', 'null'],
    },
    participants: {
      type: 'array',
      items: {
        type: 'object',
        required: ['name', 'organization', 'role', 'present'],
        properties: {
          name: {
            type: 'string',
            description: "Person's name as 'Firstname Lastname' (reorder 'Lastname, Firstname')",
          },
          organization: {
            type: ['string', 'null'],
          },
          role: {
            type: ['string', 'null'],
            description: "Title as written, e.g. 'Sosiaalijohtaja'",
          },
          present: {
            type: ['boolean', 'null'],
            description: 'true for (x), +, x, läsnä; false for (-), -, poissa; null when not stated',
          },
          chair: {
            type: 'boolean',
          },
          secretary: {
            type: 'boolean',
          },
          invited: {
            type: 'boolean',
            description: 'listed under Kutsuttuina / Muut kutsutut / asiantuntijat',
          },
          items: {
            type: ['string', 'null'],
            description: "Partial attendance as written, e.g. '1-5' for '(asiat 1-5)'",
          },
        },
      },
    },
    items: {
      type: 'array',
      items: {
        type: 'object',
        required: ['number', 'title', 'proposal', 'decision', 'attachments'],
        properties: {
          number: {
            type: 'string',
            description: "'3', '§ 25' normalised to '25', '5 b' kept",
          },
          title: {
            type: 'string',
          },
          proposal: {
            type: ['string', 'null'],
            description: 'Päätösehdotus / Esitys / Ehdotus / the proposed handling',
          },
          decision: {
            type: ['string', 'null'],
            description:
              'Päätös / what was decided or noted (Hyväksyttiin, Merkittiin tiedoksi, Päätettiin …, bold or ➤ lines)',
          },
          attachments: {
            type: 'array',
            items: {
              type: 'string',
            },
            description:
              "One string per attachment, as 'Liite N' / 'Bilaga N' plus its name where the text gives one ('Liite 1: Vasson edustajien esitys'), or the file name for attachment lists ('Muistio_valinnanvapauspilotit 28.4.2017.pdf')",
          },
          votes: {
            type: 'array',
            description:
              'Optional. Votes taken on the item (äänestys / omröstning): what was put to the vote and the result',
            items: {
              type: 'object',
              required: ['question', 'result'],
              properties: {
                question: {
                  type: 'string',
                },
                result: {
                  type: 'string',
                },
                yes: {
                  type: ['integer', 'null'],
                },
                no: {
                  type: ['integer', 'null'],
                },
                blank: {
                  type: ['integer', 'null'],
                },
                absent: {
                  type: ['integer', 'null'],
                },
              },
            },
          },
          dissents: {
            type: 'array',
            description:
              'Optional. Dissenting opinions (eriävä mielipide / reservation): who, and their text when given',
            items: {
              type: 'object',
              required: ['name'],
              properties: {
                name: {
                  type: 'string',
                },
                text: {
                  type: ['string', 'null'],
                },
              },
            },
          },
          disqualified: {
            type: 'array',
            description:
              'Optional. People who declared a conflict of interest (esteellinen / jävig) for this item',
            items: {
              type: 'string',
            },
          },
        },
      },
    },
    departures: {
      type: 'array',
      items: {
        type: 'object',
        required: ['name', 'time'],
        properties: {
          name: {
            type: 'string',
          },
          time: {
            type: ['string', 'null'],
          },
          item: {
            type: ['string', 'null'],
          },
          until: {
            type: ['string', 'null'],
            description:
              "Time they came back, for a temporary absence ('oli poissa klo 10.42-10.48' → time 10:42, until 10:48)",
          },
        },
      },
      description:
        "People who left during the meeting (poistui / avlägsnade sig / oli poissa … klo), with the time and item; 'until' when the text says they came back",
    },
    actions: {
      type: 'array',
      description:
        'Follow-up work assigned to a named person: who is to do what, by when. Work given to a body or an unnamed role is not listed here',
      items: {
        type: 'object',
        required: ['owner', 'task'],
        properties: {
          owner: {
            type: 'string',
          },
          task: {
            type: 'string',
          },
          due: {
            type: ['string', 'null'],
          },
          item: {
            type: ['string', 'null'],
          },
        },
      },
    },
    next_meeting: {
      type: ['object', 'null'],
      properties: {
        date: {
          type: ['string', 'null'],
        },
        start_time: {
          type: ['string', 'null'],
        },
        end_time: {
          type: ['string', 'null'],
        },
        place: {
          type: ['string', 'null'],
        },
      },
    },
    recorded_by: {
      type: ['string', 'null'],
      description: 'Who wrote the minutes (Muistion laati / kirjasi / Pöytäkirjanpitäjä / Sekreterare)',
    },
    entries: {
      type: 'array',
      description: 'kind=listing only: one entry per listed meeting',
      items: {
        type: 'object',
        properties: {
          published: {
            type: ['string', 'null'],
          },
          title: {
            type: 'string',
          },
          meeting_date: {
            type: ['string', 'null'],
          },
          summary: {
            type: ['string', 'null'],
          },
        },
      },
    },
    minutes_checkers: {
      type: 'array',
      description: 'Optional. Pöytäkirjan tarkastajat / protokolljusterare',
      items: {
        type: 'string',
      },
    },
    related_titles: {
      type: 'array',
      description:
        "Optional. Titles of other documents listed beside this one by an aggregator page ('Samankaltaiset tiedostot'); never meeting content",
      items: {
        type: 'string',
      },
    },
    arrivals: {
      type: 'array',
      description:
        'Optional. People who arrived after the meeting began (saapui / anlände), with the time and item',
      items: {
        type: 'object',
        required: ['name', 'time'],
        properties: {
          name: {
            type: 'string',
          },
          time: {
            type: ['string', 'null'],
          },
          item: {
            type: ['string', 'null'],
          },
        },
      },
    },
  },
} as const;
