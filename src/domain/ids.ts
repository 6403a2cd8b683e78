/** A record id: a UUID v4 string, made by the id maker the caller passes in. */
export type RecordId = string & { readonly __brand?: 'RecordId' };
/** Id of a community record. */
export type CommunityId = RecordId;
/** Id of an intake (point of withdrawal) record. */
export type IntakeId = RecordId;
/** Id of a monitoring point (gauge or water-quality station). */
export type MonitoringPointId = RecordId;

/** Makes fresh ids; passed in so the core stays deterministic under test. */
export type IdMaker = () => RecordId;
/** Gives the current time as an ISO 8601 string; passed in so the core stays deterministic under test. */
export type Clock = () => string;

/**
 * A deterministic id maker for tests and the seeded sample generator: UUID-shaped ids from a counter.
 * @example sequentialIds('a')() === 'a0000000-0000-4000-8000-000000000001'
 */
export function sequentialIds(prefix = '0'): IdMaker {
  let counter = 0;
  const head = prefix.padEnd(8, '0').slice(0, 8);
  return () => {
    counter += 1;
    return `${head}-0000-4000-8000-${counter.toString(16).padStart(12, '0')}`;
  };
}
