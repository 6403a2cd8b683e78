/** A binary min-heap of cell indices keyed by float32 elevation (metres), on typed arrays for speed. */
export class CellHeap {
  private cells: Int32Array;
  private keys: Float32Array;
  /** Number of cells in the heap. */
  size = 0;

  /** Creates an empty heap with room for `capacity` cells before it grows. */
  constructor(capacity: number) {
    this.cells = new Int32Array(capacity);
    this.keys = new Float32Array(capacity);
  }

  /** Adds a cell with its elevation key (metres). */
  push(cell: number, key: number): void {
    if (this.size === this.cells.length) {
      const cells = new Int32Array(this.cells.length * 2);
      cells.set(this.cells);
      this.cells = cells;
      const keys = new Float32Array(this.keys.length * 2);
      keys.set(this.keys);
      this.keys = keys;
    }
    const cells = this.cells;
    const keys = this.keys;
    let index = this.size++;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      const parentKey = keys[parent]!;
      if (parentKey <= key) break;
      cells[index] = cells[parent]!;
      keys[index] = parentKey;
      index = parent;
    }
    cells[index] = cell;
    keys[index] = key;
  }

  /** Removes and returns the cell with the lowest key; the heap must not be empty. */
  pop(): number {
    const cells = this.cells;
    const keys = this.keys;
    const top = cells[0]!;
    const size = --this.size;
    if (size === 0) return top;
    const lastCell = cells[size]!;
    const lastKey = keys[size]!;
    let index = 0;
    for (;;) {
      let child = 2 * index + 1;
      if (child >= size) break;
      if (child + 1 < size && keys[child + 1]! < keys[child]!) child++;
      if (keys[child]! >= lastKey) break;
      cells[index] = cells[child]!;
      keys[index] = keys[child]!;
      index = child;
    }
    cells[index] = lastCell;
    keys[index] = lastKey;
    return top;
  }
}
