// The kinds of organisation in the invented directory, how common each is, and which builder
// adds each one (a top-level service, then its sites, then their wards or teams).
import type { Context } from './directoryContext.ts';
import { buildCare, buildGp, buildSingle } from './localServices.ts';
import { buildAcute, buildTrustWithTeams } from './trusts.ts';

export type OrganisationKind =
  | 'gp'
  | 'pharmacy'
  | 'dentist'
  | 'care'
  | 'acute'
  | 'mentalHealth'
  | 'community';

export const ORGANISATION_WEIGHTS: Record<OrganisationKind, number> = {
  gp: 30,
  pharmacy: 18,
  dentist: 14,
  care: 14,
  acute: 3,
  mentalHealth: 2,
  community: 2,
};

export function buildOrganisation(ctx: Context, kind: OrganisationKind): void {
  if (kind === 'acute') buildAcute(ctx);
  else if (kind === 'mentalHealth') buildTrustWithTeams(ctx, 'mental health');
  else if (kind === 'community') buildTrustWithTeams(ctx, 'community service');
  else if (kind === 'gp') buildGp(ctx);
  else if (kind === 'care') buildCare(ctx);
  else buildSingle(ctx, kind);
}
