/**
 * A monotone priority queue of cell indices keyed by float32 elevation: a radix heap (Ahuja, Mehlhorn, Orlin &
 * Tarjan 1990) over the keys' bit patterns mapped to unsigned integers in the same order. It only works when no
 * key pushed is lower than the last key popped, which holds in Priority-Flood (the flood level only rises).
 * Each push is a few bit operations; each cell moves between buckets at most 32 times, and in practice once or
 * twice because neighbouring elevations share their high bits.
 */
const BUCKETS = 33;
const SIGN = 0x80000000;

/** A radix heap of cells keyed by float32 elevations (metres); keys must never go below the last popped key. */
export class MonotoneCellQueue {
  private readonly cells: Int32Array[] = [];
  private readonly keys: Uint32Array[] = [];
  private readonly counts = new Int32Array(BUCKETS);
  private readonly floatView = new Float32Array(1);
  private readonly bitsView = new Uint32Array(this.floatView.buffer);
  private last = 0;
  /** Number of cells in the queue. */
  size = 0;

  /** Creates an empty queue; `capacity` sizes the first bucket, the others grow as needed. */
  constructor(capacity: number) {
    for (let bucket = 0; bucket < BUCKETS; bucket++) {
      const room = bucket === 0 ? Math.max(16, capacity) : 64;
      this.cells.push(new Int32Array(room));
      this.keys.push(new Uint32Array(room));
    }
  }

  /** Adds a cell with its elevation key (metres, finite, not below the last key popped). */
  push(cell: number, elevation: number): void {
    // +0 turns a -0 into 0 so that both sort as one key; a float's bits sort as unsigned integers once the sign
    // bit is set on positives and every bit is flipped on negatives.
    this.floatView[0] = elevation + 0;
    const bits = this.bitsView[0]!;
    const key = (bits & SIGN) !== 0 ? ~bits >>> 0 : (bits | SIGN) >>> 0;
    this.insert(cell, key, key === this.last ? 0 : 32 - Math.clz32(key ^ this.last));
    this.size++;
  }

  /** Removes and returns a cell of the lowest key; the queue must not be empty. */
  pop(): number {
    const counts = this.counts;
    if (counts[0] === 0) {
      let bucket = 1;
      while (counts[bucket] === 0) bucket++;
      const cells = this.cells[bucket]!;
      const keys = this.keys[bucket]!;
      const count = counts[bucket]!;
      let lowest = keys[0]!;
      for (let index = 1; index < count; index++) if (keys[index]! < lowest) lowest = keys[index]!;
      this.last = lowest;
      counts[bucket] = 0;
      // Every key here now shares more high bits with the new last key, so each goes to a lower bucket.
      for (let index = 0; index < count; index++) {
        const key = keys[index]!;
        this.insert(cells[index]!, key, key === lowest ? 0 : 32 - Math.clz32(key ^ lowest));
      }
    }
    this.size--;
    return this.cells[0]![--counts[0]!]!;
  }

  private insert(cell: number, key: number, bucket: number): void {
    const count = this.counts[bucket]!;
    let cells = this.cells[bucket]!;
    if (count === cells.length) {
      const grownCells = new Int32Array(count * 2);
      grownCells.set(cells);
      this.cells[bucket] = cells = grownCells;
      const grownKeys = new Uint32Array(count * 2);
      grownKeys.set(this.keys[bucket]!);
      this.keys[bucket] = grownKeys;
    }
    cells[count] = cell;
    this.keys[bucket]![count] = key;
    this.counts[bucket] = count + 1;
  }
}
