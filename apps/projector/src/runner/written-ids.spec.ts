import { WrittenIds } from './written-ids.js';

describe('WrittenIds (a rebuild skips reading units it never wrote)', () => {
  const caseIds = (n: number, prefix: string): string[] =>
    Array.from(
      { length: n },
      (_, i) => `${prefix}-TS-20260302-${i.toString(36).toUpperCase().padStart(8, '0')}`,
    );

  it('never says no to an id it was given: such a unit would be inserted over a stored one', () => {
    const written = new WrittenIds();
    const ids = caseIds(100_000, 'case');
    for (const id of ids) written.add(id);
    expect(ids.filter((id) => !written.mayHave(id))).toEqual([]);
  });

  it('says no to nearly every id it was not given (a yes costs only a read), after 100,000 units', () => {
    const written = new WrittenIds();
    for (const id of caseIds(100_000, 'case')) written.add(id);
    const others = caseIds(50_000, 'other');
    const falseYes = others.filter((id) => written.mayHave(id)).length;
    expect(falseYes / others.length).toBeLessThan(0.001);
    expect(new WrittenIds().mayHave('case-TS-20260302-00000000')).toBe(false);
  });
});
