import type { Actor, RecordKind } from '../../src/ports/repository';
import type { RecordId } from '../../src/domain/ids';
import { RiverNetwork } from '../../src/hydrology/river-network';
import type { NetworkPosition } from '../../src/rules/network-view';
import { WatershedDatabase } from '../store/db';
import { DexieRepository } from '../store/dexie-repository';
import { requestPersistentStorage } from '../store/persist';
import type { StoredBasin } from './basin-files';
import { BASIN_META_KEY, importSampleBasin } from './sample-import';

/*
 * One session per window: the database, the repository every write goes through, who is writing, and the basin
 * (geometry from the meta table, the river network built from its reaches). Components get it from
 * SessionContext; nothing else opens the database.
 */

/** Everything the UI needs once the basin is loaded. */
export interface Session {
  readonly db: WatershedDatabase;
  readonly repository: DexieRepository;
  readonly basin: StoredBasin;
  readonly network: RiverNetwork;
  /** Each community's anchor snapped to the river (for warnings owed to communities without an intake). */
  readonly communityPositions: Readonly<Record<string, NetworkPosition>>;
  /** True when this run imported the sample basin (first run). */
  readonly firstRun: boolean;
}

const ACTOR_KEY = 'watershed-commons.actor';
const DEVICE_KEY = 'watershed-commons.device';

function randomId(): RecordId {
  return globalThis.crypto.randomUUID();
}

/** This device's name, made once and kept. */
function deviceName(): string {
  const saved = globalThis.localStorage?.getItem(DEVICE_KEY);
  if (saved) return saved;
  const made = `equipo-${randomId().slice(0, 8)}`;
  globalThis.localStorage?.setItem(DEVICE_KEY, made);
  return made;
}

/** Who is writing on this device (set in settings; a coordinator until then, as on a committee's own laptop). */
export function currentActor(): Actor {
  const device = deviceName();
  try {
    const saved = JSON.parse(globalThis.localStorage?.getItem(ACTOR_KEY) ?? 'null') as Partial<Actor> | null;
    if (saved?.name)
      return { name: saved.name, role: saved.role === 'participant' ? 'participant' : 'coordinator', device };
  } catch {
    // A broken saved value falls back to the default below.
  }
  return { name: 'Coordinación', role: 'coordinator', device };
}

/** Saves who is writing on this device. */
export function saveActor(actor: Pick<Actor, 'name' | 'role'>): void {
  globalThis.localStorage?.setItem(ACTOR_KEY, JSON.stringify(actor));
}

/** Progress of the first-run import, for the loading screen. */
export interface LoadProgress {
  readonly kind: RecordKind;
  readonly done: number;
  readonly total: number;
}

/** Listeners of the first-run import in this page (every window opening the session while it runs). */
const importListeners = new Set<(progress: LoadProgress) => void>();
/** The first-run import in progress in this page, shared by every caller (React mounts twice in development). */
let importing: Promise<StoredBasin> | null = null;

/** Runs `work` holding a lock shared by every tab and window of the app (Web Locks), or directly without them. */
function withAppLock<T>(name: string, work: () => Promise<T>): Promise<T> {
  const locks = globalThis.navigator?.locks;
  return locks ? (locks.request(name, work) as Promise<T>) : work();
}

/**
 * The stored basin, importing the sample first when the store has none. The import runs once: callers in this page
 * share it, and another tab or window waits on a lock and then finds the basin stored.
 */
async function storedOrImportedBasin(
  repository: DexieRepository,
  onProgress?: (progress: LoadProgress) => void,
): Promise<StoredBasin> {
  if (onProgress) importListeners.add(onProgress);
  try {
    importing ??= withAppLock('watershed-commons.first-run', async () => {
      const stored = (await repository.getMeta(BASIN_META_KEY)) as StoredBasin | undefined;
      return (
        stored ??
        importSampleBasin(repository, (kind, done, total) => {
          for (const listener of importListeners) listener({ kind, done, total });
        })
      );
    }).finally(() => {
      importing = null;
    });
    return await importing;
  } finally {
    if (onProgress) importListeners.delete(onProgress);
  }
}

/** Opens the store; on first run imports the sample basin into it. */
export async function openSession(
  onProgress?: (progress: LoadProgress) => void,
  db = new WatershedDatabase(),
): Promise<Session> {
  void requestPersistentStorage();
  const repository = new DexieRepository({ db, ids: randomId, clock: () => new Date().toISOString() });
  let basin = (await repository.getMeta(BASIN_META_KEY)) as StoredBasin | undefined;
  const firstRun = basin === undefined;
  basin ??= await storedOrImportedBasin(repository, onProgress);
  const { network } = RiverNetwork.fromGeoJson(basin.reaches);
  const communityPositions: Record<string, NetworkPosition> = {};
  for (const community of basin.info.communities) {
    const snapped = network.snap(community.anchor, basin.info.settings.snapToleranceM * 20);
    if (snapped.ok) communityPositions[community.id] = snapped.position;
  }
  return { db, repository, basin, network, communityPositions, firstRun };
}
