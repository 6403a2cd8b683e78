import type { Intake, WaterUse } from '../domain/records';
import type { SampleCommunityPlan } from './communities';
import type { Prng } from './prng';
import { firstVersionMeta, round } from './records-common';
import type { SampleSnapper } from './snap';
import { downstreamChain, pointAlongReach, type SampleTopology } from './topology';

/** An intake of the sample and the demand model its withdrawals follow. */
export interface SampleIntakePlan {
  record: Intake;
  communityRank: number;
  /** Typical withdrawal rate in a normal month, L/s. */
  baseRateLps: number;
}

/** Options of the intake step. */
export interface IntakeStepOptions {
  minPerCommunity: number;
  maxPerCommunity: number;
  /** Rank of the community that runs the one industrial intake (a dairy), or null for none. */
  industryCommunityRank: number | null;
  /** Rank of the community whose irrigation canal is a diversion that returns water downstream, or null. */
  diversionCommunityRank: number | null;
  createdAt: string;
  author: string;
  nextId: () => string;
}

/** Litres per person per day drawn by a rural aqueduct (losses included). */
const DOMESTIC_LITRES_PER_PERSON_DAY = 180;
/** Irrigation duty in the dry season, L/s per hectare. */
const IRRIGATION_LPS_PER_HA = 0.7;

/** A point `offsetM` metres to one side of a reach at `fraction` along it, as a GPS fix beside the river would be. */
function besideReach(topology: SampleTopology, reachId: string, fraction: number, offsetM: number): [number, number] {
  const here = pointAlongReach(topology, reachId, fraction);
  const ahead = pointAlongReach(topology, reachId, Math.min(1, fraction + 0.02));
  const behind = pointAlongReach(topology, reachId, Math.max(0, fraction - 0.02));
  const metresPerDegLat = 111_195;
  const metresPerDegLon = metresPerDegLat * Math.cos((here[1] * Math.PI) / 180);
  const dxM = (ahead[0] - behind[0]) * metresPerDegLon;
  const dyM = (ahead[1] - behind[1]) * metresPerDegLat;
  const lengthM = Math.hypot(dxM, dyM) || 1;
  return [round(here[0] + ((-dyM / lengthM) * offsetM) / metresPerDegLon, 6), round(here[1] + ((dxM / lengthM) * offsetM) / metresPerDegLat, 6)];
}

/** Places a point beside `reachId` whose nearest reach is that same reach, trying a few positions along it. */
export function placeOnReach(
  prng: Prng,
  topology: SampleTopology,
  snapper: SampleSnapper,
  reachId: string,
  maxOffsetM = 25,
  fractionRange: readonly [number, number] = [0.2, 0.8],
): { location: [number, number]; snap: NonNullable<ReturnType<SampleSnapper>> } {
  let fallback: { location: [number, number]; snap: NonNullable<ReturnType<SampleSnapper>> } | null = null;
  for (let attempt = 0; attempt < 8; attempt += 1) {
    const fraction = prng.range(fractionRange[0], fractionRange[1]);
    const offsetM = prng.range(3, maxOffsetM) * (prng.chance(0.5) ? 1 : -1) * (attempt < 4 ? 1 : 0.3);
    const location = besideReach(topology, reachId, fraction, offsetM);
    const snap = snapper(location);
    if (snap === null) continue;
    if (snap.reachId === reachId) return { location, snap };
    fallback ??= { location, snap };
  }
  const location = pointAlongReach(topology, reachId, 0.5);
  const rounded: [number, number] = [round(location[0], 6), round(location[1], 6)];
  const snap = snapper(rounded);
  if (snap === null) {
    if (fallback) return fallback;
    throw new Error(`cannot place a point on reach ${reachId}`);
  }
  return { location: rounded, snap };
}

/** Domestic aqueducts take from small headwater streams; irrigation and industry from the larger reaches. */
function reachFor(prng: Prng, topology: SampleTopology, reachIds: readonly string[], use: WaterUse): string {
  const order = (id: string): number => topology.reaches.get(id)?.properties.streamOrder ?? 1;
  const area = (id: string): number => topology.reaches.get(id)?.properties.drainageAreaKm2 ?? 0;
  const sorted = [...reachIds].sort((a, b) => area(a) - area(b) || (a < b ? -1 : 1));
  if (use === 'domestic') {
    const small = sorted.filter((id) => order(id) === 1);
    return prng.pick(small.length > 0 ? small : sorted.slice(0, Math.max(1, Math.ceil(sorted.length / 3))));
  }
  if (use === 'livestock') return prng.pick(sorted);
  const large = sorted.slice(Math.floor(sorted.length / 2));
  return prng.pick(large.length > 0 ? large : sorted);
}

/**
 * Intakes of every community (domestic first, then irrigation, livestock and the one industry), each beside a
 * reach of the community's territory and snapped to the network.
 */
export function planIntakes(
  prng: Prng,
  topology: SampleTopology,
  snapper: SampleSnapper,
  communities: readonly SampleCommunityPlan[],
  options: IntakeStepOptions,
): SampleIntakePlan[] {
  const plans: SampleIntakePlan[] = [];
  for (const community of communities) {
    const count = prng.int(options.minPerCommunity, options.maxPerCommunity);
    const uses: WaterUse[] = ['domestic'];
    const upland = community.rank < communities.length / 4;
    if (community.rank === options.industryCommunityRank) uses.push('industry');
    while (uses.length < count) {
      const next: WaterUse = upland ? (uses.includes('irrigation') ? 'livestock' : 'irrigation') : uses.includes('irrigation') && prng.chance(0.5) ? 'livestock' : 'irrigation';
      uses.push(next);
    }
    if (community.rank === options.diversionCommunityRank && !uses.includes('irrigation')) uses.push('irrigation');
    let diversionPlaced = false;
    uses.forEach((use, useIndex) => {
      const reachId = reachFor(prng, topology, community.reachIds, use);
      const { location, snap } = placeOnReach(prng, topology, snapper, reachId);
      const communityName = community.record.name;
      let baseRateLps: number;
      let irrigatedAreaHa: number | undefined;
      let name: string;
      switch (use) {
        case 'domestic':
          baseRateLps = (community.record.population * DOMESTIC_LITRES_PER_PERSON_DAY) / 86_400;
          name = `Bocatoma del acueducto de ${communityName}`;
          break;
        case 'irrigation':
          irrigatedAreaHa = round(prng.range(6, 45) * (upland ? 0.4 : 1), 1);
          baseRateLps = irrigatedAreaHa * IRRIGATION_LPS_PER_HA;
          name = `Toma de riego ${useIndex} de ${communityName}`;
          break;
        case 'livestock':
          baseRateLps = prng.range(0.3, 1.5);
          name = `Abrevadero ${useIndex} de ${communityName}`;
          break;
        case 'industry':
          baseRateLps = prng.range(3, 6);
          name = `Captación de la planta de lácteos de ${communityName}`;
          break;
      }
      const isDiversion = use === 'irrigation' && community.rank === options.diversionCommunityRank && !diversionPlaced;
      let returnLocation: [number, number] | null = null;
      let returnSnap: Intake['returnSnap'] = null;
      if (isDiversion) {
        diversionPlaced = true;
        name = `Canal de riego de ${communityName}`;
        const chain = downstreamChain(topology, snap.reachId);
        const returnReach = chain[Math.min(chain.length - 1, 2)];
        if (returnReach !== undefined) {
          const placed = placeOnReach(prng, topology, snapper, returnReach);
          returnLocation = placed.location;
          returnSnap = placed.snap;
        }
      }
      const record: Intake = {
        ...firstVersionMeta(options.nextId(), options.createdAt, options.author),
        name,
        communityId: community.record.id,
        use,
        location,
        snap,
        returnLocation,
        returnSnap,
        ...(irrigatedAreaHa !== undefined ? { irrigatedAreaHa } : {}),
        ...(isDiversion ? { isCanal: true } : {}),
      };
      plans.push({ record, communityRank: community.rank, baseRateLps: round(baseRateLps, 3) });
    });
  }
  return plans;
}
