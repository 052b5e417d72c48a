import { dec, transferableIn } from '../../src/engine';
import { assetOf, bitget, caught } from './fixtures';

describe('transferableIn', () => {
  const btc = bitget.assets.BTC;
  if (!btc) throw new Error('fixture lacks BTC');

  it('is min(individual, platform) − net transferred in (Bitget BTC 100 / 5,000)', () => {
    expect(transferableIn(btc, dec(30)).toString()).toBe('70');
    expect(transferableIn(btc, dec(0)).toString()).toBe('100');
  });

  it('never goes below zero', () => {
    expect(transferableIn(btc, dec(120)).toString()).toBe('0');
  });

  it('reports missing limits, naming which', () => {
    const error = caught(() => transferableIn(assetOf('ETH', 'value', [], { individualLimit: 10 }), dec(0)));
    expect(error.code).toBe('LIMITS_UNPUBLISHED');
    expect(error.message).toContain('asset: the transfer-in limits of ETH');
    expect(error.message).toContain('platformLimit');
  });
});
