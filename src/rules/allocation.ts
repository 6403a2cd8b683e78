/*
 * Allocation in scarcity as water managers already do it (WEAP demand priorities, prior-appropriation systems):
 * demands are served by priority, highest first; users of equal priority share a shortage in equal percentage.
 * The proportional-share clause serves domestic use and the ecological flow first (priority 1) and shares what
 * is left among communities by their agreed percentages.
 */

/** A demand on the supply, m3, with its priority (1 is served first). */
export interface Demand {
  readonly id: string;
  readonly demandM3: number;
  readonly priority: number;
}

/** What a demand receives, m3, and its shortage in percent of the demand. */
export interface Allocation {
  readonly id: string;
  readonly allocatedM3: number;
  readonly shortagePct: number;
}

/**
 * Serves `demands` from `supplyM3` by priority; within a priority every demand gets the same percentage.
 * @example allocateByPriority(90, [{ id: 'a', demandM3: 60, priority: 1 }, { id: 'b', demandM3: 60, priority: 1 }])
 *   // a and b get 45 each: a 25 % shortage for both
 */
export function allocateByPriority(supplyM3: number, demands: readonly Demand[]): Allocation[] {
  let remainingM3 = Math.max(0, supplyM3);
  const priorities = [...new Set(demands.map((demand) => demand.priority))].sort((a, b) => a - b);
  const allocated = new Map<string, number>();
  for (const priority of priorities) {
    const level = demands.filter((demand) => demand.priority === priority);
    const levelDemandM3 = level.reduce((sum, demand) => sum + demand.demandM3, 0);
    const servedFraction = levelDemandM3 > 0 ? Math.min(1, remainingM3 / levelDemandM3) : 1;
    for (const demand of level) allocated.set(demand.id, demand.demandM3 * servedFraction);
    remainingM3 -= Math.min(remainingM3, levelDemandM3);
  }
  return demands.map((demand) => {
    const allocatedM3 = allocated.get(demand.id) ?? 0;
    return {
      id: demand.id,
      allocatedM3,
      shortagePct: demand.demandM3 > 0 ? (100 * (demand.demandM3 - allocatedM3)) / demand.demandM3 : 0,
    };
  });
}

/** The split of a scarce supply at a control point, m3: first-priority uses, then each community's share. */
export interface ScarcityAllocation {
  readonly ecologicalM3: number;
  readonly domesticM3: number;
  /** What is left for the shares after first-priority uses. */
  readonly sharedM3: number;
  readonly byCommunity: ReadonlyMap<string, number>;
}

/**
 * Allocates a scarce supply: the ecological flow and domestic use first (sharing any shortage in equal
 * percentage), then the remainder by each community's agreed share in percent.
 * @example allocateInScarcity(1000, 200, 300, [{ communityId: 'a', sharePct: 60 }, { communityId: 'b', sharePct: 40 }])
 *   // sharedM3 500: a 300, b 200
 */
export function allocateInScarcity(
  supplyM3: number,
  ecologicalDemandM3: number,
  domesticDemandM3: number,
  shares: readonly { communityId: string; sharePct: number }[],
): ScarcityAllocation {
  const first = allocateByPriority(supplyM3, [
    { id: 'ecological', demandM3: ecologicalDemandM3, priority: 1 },
    { id: 'domestic', demandM3: domesticDemandM3, priority: 1 },
  ]);
  const ecologicalM3 = first[0]?.allocatedM3 ?? 0;
  const domesticM3 = first[1]?.allocatedM3 ?? 0;
  const sharedM3 = Math.max(0, supplyM3 - ecologicalM3 - domesticM3);
  const byCommunity = new Map<string, number>();
  for (const share of shares) byCommunity.set(share.communityId, (sharedM3 * share.sharePct) / 100);
  return { ecologicalM3, domesticM3, sharedM3, byCommunity };
}
