import { bracketCum, dec } from '../../src/engine';

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
