import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import type { Community, Intake } from '../../../src/domain/records';
import type { NetworkPosition, RiverNetwork } from '../../../src/hydrology/river-network';
import { useSession } from '../../session/session-context';

/*
 * Communities and intakes with their place on the current network. Intakes are snapped from their location
 * with the basin's tolerance (their stored snap may belong to rivers that were replaced since).
 */

/** An intake and where it meets the river (null when farther than the tolerance). */
export interface PlacedIntake {
  readonly intake: Intake;
  readonly position: NetworkPosition | null;
}

/** Live communities and intakes (not deleted) with intake positions on the network. */
export interface RiverRecords {
  readonly communities: readonly Community[];
  readonly intakes: readonly PlacedIntake[];
}

/** Positions of intakes on a network, with a tolerance in metres. */
export function placeIntakes(network: RiverNetwork, intakes: readonly Intake[], toleranceM: number): PlacedIntake[] {
  return intakes.map((intake) => {
    const snapped = network.snap(intake.location, toleranceM);
    return { intake, position: snapped.ok ? snapped.position : null };
  });
}

/** The communities and intakes of the store placed on the session's network; undefined while loading. */
export function useRiverRecords(): RiverRecords | undefined {
  const session = useSession();
  const live = useLiveQuery(async () => {
    const [communities, intakes] = await Promise.all([
      session.db.recordTable('communities').toArray(),
      session.db.recordTable('intakes').toArray(),
    ]);
    return {
      communities: communities.filter((community) => !community.deleted),
      intakes: intakes.filter((intake) => !intake.deleted),
    };
  }, [session]);
  const toleranceM = session.basin.info.settings.snapToleranceM;
  return useMemo(
    () =>
      live && {
        communities: live.communities,
        intakes: placeIntakes(session.network, live.intakes, toleranceM),
      },
    [live, session.network, toleranceM],
  );
}
