// A service is always read with its place (issue 24, item 3): the label rule, the place a chosen
// service keeps, an older story's place looked up by code, and the places read back from labels.
import { describe, expect, it } from 'vitest';
import {
  lookUpPlace,
  placesFromLabels,
  placeToKeep,
  serviceLabel,
} from '../../../src/domain/directory/serviceLabel.ts';
import { readDraft } from '../../../src/domain/story/story.ts';

describe('a service read with its place', () => {
  it('is "name — place", or the name alone when the place is unknown, blank or the same', () => {
    expect(serviceLabel({ name: 'Orthopaedics', place: 'Abernant Royal Infirmary' })).toBe(
      'Orthopaedics — Abernant Royal Infirmary',
    );
    expect(serviceLabel({ name: ' Oak  Ward ', place: '  St Anne’s Hospital ' })).toBe(
      'Oak Ward — St Anne’s Hospital',
    );
    expect(serviceLabel({ name: 'Orthopaedics' })).toBe('Orthopaedics');
    expect(serviceLabel({ name: 'Orthopaedics', place: '  ' })).toBe('Orthopaedics');
    expect(serviceLabel({ name: 'Elmstead NHS Trust', place: 'elmstead nhs trust' })).toBe(
      'Elmstead NHS Trust',
    );
  });

  it('keeps the site when chosen, else the organisation, else nothing', () => {
    expect(placeToKeep('Abernant Royal Infirmary', 'Elmstead Hospitals NHS Trust')).toBe(
      'Abernant Royal Infirmary',
    );
    expect(placeToKeep(undefined, 'Elmstead Hospitals NHS Trust')).toBe('Elmstead Hospitals NHS Trust');
    expect(placeToKeep(' ', undefined)).toBeUndefined();
  });

  it('is kept on a stored draft, and an old draft without one still opens', () => {
    const draft = readDraft({
      services: [{ nacs: 'R5FRB06', name: 'Orthopaedics', place: 'Abernant Royal Infirmary' }],
    });
    expect(draft.services[0]?.place).toBe('Abernant Royal Infirmary');
    const old = readDraft({ services: [{ nacs: 'R5FRB06', name: 'Orthopaedics' }] });
    expect(old.services[0]).toMatchObject({ name: 'Orthopaedics' });
    expect(old.services[0] && serviceLabel(old.services[0])).toBe('Orthopaedics');
  });

  it('is looked up by code for an older story: the site named in the directory, else the organisation', async () => {
    const sites: Record<string, string> = { R5FRB: 'Abernant Royal Infirmary' };
    const named = async (nacs: string) => sites[nacs];
    expect(
      await lookUpPlace({ siteNacs: 'R5FRB', organisation: 'Elmstead Hospitals NHS Trust' }, named),
    ).toBe('Abernant Royal Infirmary');
    expect(await lookUpPlace({ siteNacs: 'GONE', organisation: 'Elmstead Hospitals NHS Trust' }, named)).toBe(
      'Elmstead Hospitals NHS Trust',
    );
    expect(await lookUpPlace({}, named)).toBeUndefined();
  });

  it('is read back from labels, in order, each label used once', () => {
    expect(
      placesFromLabels(
        ['Oak Ward', 'Orthopaedics', 'Oak Ward', 'Typed by hand'],
        [
          'Oak Ward — St Anne’s',
          'Orthopaedics — Abernant Royal Infirmary',
          'Oak Ward — Kingsmere',
          'Typed by hand',
        ],
      ),
    ).toEqual(['St Anne’s', 'Abernant Royal Infirmary', 'Kingsmere', undefined]);
  });
});
