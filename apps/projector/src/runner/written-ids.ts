/**
 * The ids a worker has written since it started a rebuild on empty collections, kept as a Bloom
 * filter of fixed size (issue 19: the projector's memory stays flat however many units a rebuild
 * writes; a `Set` of every case id and timeline entry grew with the center). `mayHave` is never
 * wrong when it says no, so a unit it says no to is new and inserted without a read; a false yes
 * (about 1 % at a million ids, more beyond) costs only the read that finds nothing.
 */
const BITS = 1 << 23; // 1 MiB a collection
const HASHES = 7;

export class WrittenIds {
  private readonly bits = new Uint8Array(BITS / 8);

  add(id: string): void {
    const [h1, h2] = hashes(id);
    for (let k = 0; k < HASHES; k++) {
      const bit = ((h1 + Math.imul(k, h2)) >>> 0) % BITS;
      this.bits[bit >>> 3]! |= 1 << (bit & 7);
    }
  }

  mayHave(id: string): boolean {
    const [h1, h2] = hashes(id);
    for (let k = 0; k < HASHES; k++) {
      const bit = ((h1 + Math.imul(k, h2)) >>> 0) % BITS;
      if ((this.bits[bit >>> 3]! & (1 << (bit & 7))) === 0) return false;
    }
    return true;
  }
}

/** Two 32-bit hashes (FNV-1a and a multiplicative variant) of the id's UTF-16 units, for double hashing. */
function hashes(id: string): [number, number] {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < id.length; i++) {
    const c = id.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) ^ (h2 >>> 15);
  }
  return [h1, h2 | 1];
}
