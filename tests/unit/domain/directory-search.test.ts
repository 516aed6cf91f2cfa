// Search as you type over the service directory: matching, typing mistakes, ranking and the type
// filter, by example (properties for any directory are in directory-search-properties.test.ts).
import { describe, expect, it } from 'vitest';
import { buildIndex, normalise, preferenceOf, searchServices } from '../../../src/domain/directory/search.ts';
import type { Service } from '../../../src/domain/directory/service.ts';

let next = 0;
function service(name: string, type = 'hospital'): Service {
  next += 1;
  return { nacs: `N${next}`, name, type, organisation: 'Example NHS Trust', key: normalise(name) };
}

const DIRECTORY = [
  service("St Mary's Hospital"),
  service("St Mary's Hospital Children's Ward", 'ward'),
  service('Thérèse Ward, City Hospital', 'ward'),
  service('Ear, Nose & Throat Clinic'),
  service('Marylebone Health Centre', 'General Practice'),
  service('Royal Infirmary'),
  service('Infirmary Royal Annexe'),
  service('St Stephen’s Surgery', 'general practice'),
  service('Hospital'),
  service('Hospital Pharmacy', 'pharmacy'),
  service('City Hospital'),
];
const index = buildIndex(DIRECTORY);
const names = (query: string, options = {}) =>
  searchServices(index, query, options).map((r) => r.service.name);

describe('searchServices', () => {
  it('ignores case, accents and punctuation, and joins apostrophes', () => {
    expect(names('st marys')).toContain("St Mary's Hospital");
    expect(names('ST. MARY’S')).toContain("St Mary's Hospital");
    expect(names('therese')).toEqual(['Thérèse Ward, City Hospital']);
    expect(names('st stephens')).toEqual(['St Stephen’s Surgery']);
  });

  it('reads "&" as "and": found with or without it', () => {
    const ent = 'Ear, Nose & Throat Clinic';
    expect(names('ear nose throat')).toEqual([ent]);
    expect(names('ear nose and throat')).toEqual([ent]);
    expect(names('ear nose & throat clinic')).toEqual([ent]);
  });

  it('finds words in any order and by prefixes', () => {
    expect(names('hosp mar')).toContain("St Mary's Hospital");
    expect(names('ward childr')).toEqual(["St Mary's Hospital Children's Ward"]);
    // The name whose first word matches the first typed word comes first.
    expect(names('infirm roy')).toEqual(['Infirmary Royal Annexe', 'Royal Infirmary']);
    expect(names('roy infirm')).toEqual(['Royal Infirmary', 'Infirmary Royal Annexe']);
  });

  it('ranks exact, then names starting with the query, then other matches', () => {
    expect(names('hospital')).toEqual([
      'Hospital',
      'Hospital Pharmacy',
      'City Hospital',
      "St Mary's Hospital",
      "St Mary's Hospital Children's Ward", // "hospital" is word 3 here…
      'Thérèse Ward, City Hospital', // …and word 4 here
    ]);
    const kinds = searchServices(index, 'hospital').map((r) => r.match);
    expect(kinds.slice(0, 3)).toEqual(['exact', 'starts', 'words']);
  });

  it('puts an exact name before a longer one that starts with it', () => {
    expect(names("st mary's hospital")).toEqual(["St Mary's Hospital", "St Mary's Hospital Children's Ward"]);
    expect(searchServices(index, "st mary's hospital")[0]?.match).toBe('exact');
  });

  it('ranks an earlier word position first, then shorter names, then alphabetically', () => {
    const local = buildIndex([
      service('Zeta Cardiology Unit'),
      service('Cardiology Zeta'),
      service('Alpha Cardiology'),
    ]);
    expect(searchServices(local, 'card').map((r) => r.service.name)).toEqual([
      'Cardiology Zeta',
      'Alpha Cardiology',
      'Zeta Cardiology Unit',
    ]);
  });

  it('filters by type, ignoring case', () => {
    expect(names('hospital', { type: 'PHARMACY' })).toEqual(['Hospital Pharmacy']);
    expect(names('mar', { type: 'general practice' })).toEqual(['Marylebone Health Centre']);
    expect(names('hospital', { type: 'dentistry' })).toEqual([]);
    expect(names('hospital', { type: '' })).toHaveLength(6);
  });

  it('returns each result with its name, type, organisation and code', () => {
    const [first] = searchServices(index, 'royal infirmary');
    expect(first?.service).toMatchObject({
      name: 'Royal Infirmary',
      type: 'hospital',
      organisation: 'Example NHS Trust',
    });
    expect(first?.service.nacs).toMatch(/^N\d+$/);
  });

  it('respects the limit, 20 by default', () => {
    const many = buildIndex(Array.from({ length: 50 }, (_, i) => service(`Clinic ${i}`)));
    expect(searchServices(many, 'clinic')).toHaveLength(20);
    expect(searchServices(many, 'clinic', { limit: 3 })).toHaveLength(3);
    expect(searchServices(many, 'clinic', { limit: 0 })).toEqual([]);
    expect(searchServices(many, 'clinic', { limit: 500 })).toHaveLength(50);
  });

  it('finds nothing for a blank query, an unknown word or an empty directory', () => {
    expect(names('')).toEqual([]);
    expect(names('  ,. ')).toEqual([]);
    expect(names('zzz')).toEqual([]);
    expect(names('st marys zzz')).toEqual([]);
    expect(searchServices(buildIndex([]), 'hospital')).toEqual([]);
  });

  it('agrees with the short-list path when asked for more than a hundred results', () => {
    const many = buildIndex(Array.from({ length: 300 }, (_, i) => service(`Ward ${(i * 7) % 300} Clinic`)));
    const few = searchServices(many, 'clinic w', { limit: 100 }).map((r) => r.service.nacs);
    const all = searchServices(many, 'clinic w', { limit: 300 }).map((r) => r.service.nacs);
    expect(all.slice(0, 100)).toEqual(few);
  });

  describe('with a typing mistake (issue 24)', () => {
    const trauma = service('Trauma & Orthopaedics', 'ward');
    const mental = service('Mental Health Team', 'mental health');
    const wards = buildIndex([
      service('Elderly Care', 'ward'),
      service('Orthopaedics', 'ward'),
      trauma,
      service('Ward 7', 'ward'),
      service('Dental Care', 'dentistry'),
      service('Care Dental Unit', 'dentistry'),
      mental,
    ]);
    const found = (query: string, options = {}) =>
      searchServices(wards, query, options).map((r) => `${r.service.name}: ${r.match}`);

    it.each([
      ['elderley', 'a letter added', ['Elderly Care: near']],
      ['orthopedics', 'a letter missing', ['Orthopaedics: near', 'Trauma & Orthopaedics: near']],
      ['eldarly care', 'a wrong letter', ['Elderly Care: near']],
      ['eldelry', 'two neighbours swapped (r, l)', ['Elderly Care: near']],
      ['lderly', 'the first letter missing', ['Elderly Care: near']],
      ['xelderly', 'a letter added first', ['Elderly Care: near']],
      ['mental helth', 'a mistake in one word of two', ['Mental Health Team: near']],
      ['mentl', 'five letters typed, one missing', ['Mental Health Team: near']],
    ])('finds "%s" (%s)', (query, _edit, expected) => {
      expect(found(query)).toEqual(expected);
    });

    it('matches a word still being typed: one edit from the start of a word', () => {
      expect(found('orthap')).toEqual(['Orthopaedics: near', 'Trauma & Orthopaedics: near']);
      expect(found('eldrl')).toEqual(['Elderly Care: near']);
    });

    it.each([
      ['eldrley', 'two edits'],
      ['orthopedicks', 'two edits'],
      ['wrad', 'under five letters'],
      ['edle care', 'under five letters'],
      ['mnet', 'under five letters'],
    ])('finds nothing by "%s" (%s)', (query) => {
      expect(found(query)).toEqual([]);
    });

    it('ranks exact and prefix matches above those with a mistake, whatever was chosen here', () => {
      const expected = ['Dental Care: starts', 'Care Dental Unit: words', 'Mental Health Team: near'];
      expect(found('dental')).toEqual(expected);
      const preferred = preferenceOf(wards, { [mental.nacs]: 9 });
      expect(found('dental', { preferred })).toEqual(expected);
      expect(found('dental', { limit: 2 })).toEqual(expected.slice(0, 2));
    });

    it('ranks matches with a mistake among themselves as any others: chosen here first', () => {
      const preferred = preferenceOf(wards, { [trauma.nacs]: 1 });
      expect(found('orthopedics', { preferred })).toEqual([
        'Trauma & Orthopaedics: near',
        'Orthopaedics: near',
      ]);
      expect(found('orthopedics', { type: 'mental health' })).toEqual([]);
    });
  });

  describe('by site and organisation', () => {
    const trust = 'Larkfield NHS Trust';
    const tree: Service[] = [
      { nacs: 'T', name: trust, type: 'trust', organisation: trust, key: normalise(trust) },
      {
        nacs: 'SA',
        name: "St Anne's Hospital",
        type: 'hospital',
        organisation: trust,
        siteNacs: 'SA',
        key: 'st annes hospital',
      },
      {
        nacs: 'SB',
        name: 'Kingsmere Hospital',
        type: 'hospital',
        organisation: trust,
        siteNacs: 'SB',
        key: 'kingsmere hospital',
      },
      {
        nacs: 'WA',
        name: 'Thérèse Ward',
        type: 'ward',
        organisation: trust,
        siteNacs: 'SA',
        key: 'therese ward',
      },
      {
        nacs: 'WB',
        name: 'Thérèse Ward',
        type: 'ward',
        organisation: trust,
        siteNacs: 'SB',
        key: 'therese ward',
      },
      { nacs: 'X', name: 'St Anne Therapy', type: 'clinic', key: 'st anne therapy' },
    ];
    const treeIndex = buildIndex(tree);
    const found = (query: string, options = {}) =>
      searchServices(treeIndex, query, options).map((r) => `${r.service.nacs}: ${r.place}`);

    it('finds a service by naming its site, and shows its place in the tree', () => {
      expect(found('therese st annes')).toEqual(["WA: St Anne's Hospital, Larkfield NHS Trust"]);
      expect(found('kingsmere ward')).toEqual(['WB: Kingsmere Hospital, Larkfield NHS Trust']);
    });

    it('names neither a site that is the service itself nor an organisation that is', () => {
      expect(found("st anne's hospital")[0]).toBe('SA: Larkfield NHS Trust');
      expect(found('larkfield nhs trust')[0]).toBe('T: ');
    });

    it('puts matches by the name alone before matches through the place', () => {
      // "st anne" is the start of X's name (kind "starts"); the wards match only through their site.
      expect(found('st anne').slice(0, 2)).toEqual(['X: ', 'SA: Larkfield NHS Trust']);
      expect(found('st anne th')).toEqual(['X: ', "WA: St Anne's Hospital, Larkfield NHS Trust"]);
    });

    it('ranks the services chosen on this device first, more often chosen first', () => {
      expect(found('therese')).toEqual([
        "WA: St Anne's Hospital, Larkfield NHS Trust",
        'WB: Kingsmere Hospital, Larkfield NHS Trust',
      ]);
      const preferred = preferenceOf(treeIndex, { WB: 2, WA: 1, elsewhere: 9 });
      expect(found('therese', { preferred })[0]).toBe('WB: Kingsmere Hospital, Larkfield NHS Trust');
      expect(found('therese', { preferred: preferenceOf(treeIndex, { WA: 3, WB: 2 }) })[0]).toMatch(/^WA/);
    });
  });
});
