import type { Flight } from './flight.js';

/**
 * A binary min-heap of flights by their next step time; ties go to the flight pushed first, so
 * the order of appends does not depend on the heap's shape.
 */
export class FlightHeap {
  private readonly items: { at: number; n: number; flight: Flight }[] = [];
  private counter = 0;
  get size(): number {
    return this.items.length;
  }
  push(at: number, flight: Flight): void {
    const items = this.items;
    items.push({ at, n: this.counter++, flight });
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.less(parent, i)) break;
      [items[parent], items[i]] = [items[i]!, items[parent]!];
      i = parent;
    }
  }
  peekAt(): number | undefined {
    return this.items[0]?.at;
  }
  pop(): Flight | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length > 0 && last) {
      items[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < items.length && this.less(l, m)) m = l;
        if (r < items.length && this.less(r, m)) m = r;
        if (m === i) break;
        [items[m], items[i]] = [items[i]!, items[m]!];
        i = m;
      }
    }
    return top?.flight;
  }
  private less(a: number, b: number): boolean {
    const x = this.items[a]!;
    const y = this.items[b]!;
    return x.at < y.at || (x.at === y.at && x.n < y.n);
  }
}
