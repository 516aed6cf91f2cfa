// Services every generated directory contains, whatever the seed, so end-to-end tests can search for
// them: "St Mary's Hospital", "Thérèse Ward", near-duplicate surgeries and a name over 120 characters.
import { addService, type Context, claimCode, type HealthService } from './directoryContext.ts';

export const LONG_SERVICE_NAME =
  "Paediatric Ear, Nose & Throat Surgery, Audiology and Cochlear Implant Service at the Princess Thérèse Children's Treatment Centre (Outpatients)";

type Child = { code: string; name: string; type: string };

function addTree(ctx: Context, top: HealthService, site: HealthService, children: Child[]): void {
  const outward = site.postcode.split(' ')[0] ?? '';
  for (const child of children) {
    const nacs = claimCode(ctx, child.code);
    addService(ctx, {
      nacs,
      name: child.name,
      type: child.type,
      parent: site,
      top,
      site: site.nacs,
      outward,
    });
  }
}

function addHospitalTrust(ctx: Context): void {
  const outward = 'NG5';
  const top = addService(ctx, {
    nacs: claimCode(ctx, 'RX1'),
    name: 'Kingsmere and Ashby Vale Teaching Hospitals NHS Trust',
    type: 'trust',
    outward,
  });
  const stMarys = addService(ctx, {
    nacs: claimCode(ctx, 'RX1RA'),
    name: "St Mary's Hospital",
    type: 'hospital',
    parent: top,
    top,
    site: 'RX1RA',
    outward,
    address: '1 Hospital Way, Kingsmere',
  });
  addTree(ctx, top, stMarys, [
    { code: 'RX1RA01', name: 'Thérèse Ward', type: 'ward' },
    { code: 'RX1RA02', name: "Children's Ward", type: 'ward' },
    { code: 'RX1RA03', name: 'Ear, Nose & Throat', type: 'ward' },
    { code: 'RX1RA04', name: LONG_SERVICE_NAME, type: 'ward' },
  ]);
}

function addSurgeries(ctx: Context): void {
  const names = ["St Mary's Surgery", 'St Marys Surgery', "Saint Mary's Surgery"];
  names.forEach((name, i) => {
    const nacs = claimCode(ctx, `C8400${i + 1}`);
    addService(ctx, { nacs, name, type: 'general practice', site: nacs, outward: 'NG7' });
  });
}

function addMentalHealth(ctx: Context): void {
  const outward = 'LL57';
  const top = addService(ctx, {
    nacs: claimCode(ctx, 'RHA'),
    name: 'Northfield & Carrow Mental Health NHS Foundation Trust',
    type: 'trust',
    outward,
  });
  for (const [code, name] of [
    ['RHARA', 'Zoë House'],
    ['RHARB', 'Ty Menai'],
  ] as const) {
    const site = addService(ctx, {
      nacs: claimCode(ctx, code),
      name,
      type: 'mental health',
      parent: top,
      top,
      site: code,
      outward,
    });
    addTree(ctx, top, site, [
      { code: `${code}01`, name: 'Crisis Resolution & Home Treatment Team', type: 'mental health' },
    ]);
  }
}

/** Adds the fixed services first; the random organisations fill the rest of the directory. */
export function addShowcase(ctx: Context): void {
  addHospitalTrust(ctx);
  addSurgeries(ctx);
  addMentalHealth(ctx);
}
