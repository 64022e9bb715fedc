import { pooledRandomBytes } from './pooled-random.js';

describe('pooledRandomBytes (I2 IVs and data keys)', () => {
  it('never hands out the same IV twice across many pool refills', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 20_000; i++) seen.add(pooledRandomBytes(12).toString('hex'));
    expect(seen.size).toBe(20_000);
  });

  it('answers the size asked for, beyond the pool too', () => {
    expect(pooledRandomBytes(32)).toHaveLength(32);
    expect(pooledRandomBytes(5000)).toHaveLength(5000);
  });

  it('hands out copies: a kept key does not change when later bytes are drawn or altered', () => {
    const key = pooledRandomBytes(32);
    const kept = Buffer.from(key);
    pooledRandomBytes(32).fill(0xff);
    for (let i = 0; i < 200; i++) pooledRandomBytes(32);
    expect(key.equals(kept)).toBe(true);
    expect(key.buffer.byteLength).toBe(32);
  });

  it('draws bytes that look random (each byte value appears, none dominates)', () => {
    const counts = new Array<number>(256).fill(0);
    const bytes = pooledRandomBytes(4000);
    for (let i = 0; i < 64; i++) for (const b of pooledRandomBytes(1000)) counts[b]!++;
    for (const b of bytes) counts[b]!++;
    expect(Math.min(...counts)).toBeGreaterThan(0);
    expect(Math.max(...counts)).toBeLessThan((68_000 / 256) * 2);
  });
});
