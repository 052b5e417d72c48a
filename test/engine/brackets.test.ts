import { bracketCum, completeBrackets, dec } from '../../src/engine';

describe('bracketCum', () => {
  it('follows cumₙ = floorₙ × (mmrₙ − mmrₙ₋₁) + cumₙ₋₁ from zero', () => {
    const brackets = [
      { floor: dec(0), mmr: dec('0.004') },
      { floor: dec(50000), mmr: dec('0.005') },
      { floor: dec(600000), mmr: dec('0.01') },
      { floor: dec(3000000), mmr: dec('0.025') },
    ];
    // 50,000 × 0.001 = 50; 600,000 × 0.005 + 50 = 3,050; 3,000,000 × 0.015 + 3,050 = 48,050
    expect(bracketCum(brackets).map(String)).toEqual(['0', '50', '3050', '48050']);
  });

  it('keeps maintenance margin continuous at each floor', () => {
    const brackets = [
      { floor: dec(0), mmr: dec('0.004') },
      { floor: dec(50000), mmr: dec('0.005') },
    ];
    const [cum0, cum1] = bracketCum(brackets);
    expect(
      dec(50000)
        .times('0.004')
        .minus(cum0 ?? 0)
        .toString(),
    ).toBe(
      dec(50000)
        .times('0.005')
        .minus(cum1 ?? 0)
        .toString(),
    );
  });

  it('returns nothing for no brackets', () => {
    expect(bracketCum([])).toEqual([]);
  });
});

describe('completeBrackets', () => {
  const refuse = (i: number): never => {
    throw new Error(`row ${i}: no initial rate`);
  };

  it('derives cum where none is given, keeps a given one, and takes imr as 1 / max leverage where none is published', () => {
    const done = completeBrackets(
      [
        { floor: dec(0), cap: dec(50000), mmr: dec('0.004'), maxLeverage: dec(125) },
        { floor: dec(50000), cap: dec(250000), mmr: dec('0.005'), imr: dec('0.01'), maxLeverage: dec(100) },
        { floor: dec(250000), cap: null, mmr: dec('0.01'), cum: dec(1300), maxLeverage: dec(50) },
      ],
      refuse,
    );
    expect(done.map((b) => [b.cum.toString(), b.imr.toString(), b.maxLeverage?.toString()])).toEqual([
      ['0', '0.008', '125'],
      ['50', '0.01', '100'],
      ['1300', '0.02', '50'],
    ]);
  });

  it('gives a table bounded by contracts no maintenance amount, and keeps the contract value', () => {
    const done = completeBrackets([{ floor: dec(0), cap: null, mmr: dec('0.004'), imr: dec('0.01'), contractValue: dec('0.01') }], refuse);
    expect([done[0]?.cum.toString(), done[0]?.contractValue?.toString()]).toEqual(['0', '0.01']);
  });

  it("refuses a bracket with neither an initial rate nor a max leverage, in the reader's words", () => {
    expect(() => completeBrackets([{ floor: dec(0), cap: null, mmr: dec('0.004') }], refuse)).toThrow('row 0: no initial rate');
  });
});
