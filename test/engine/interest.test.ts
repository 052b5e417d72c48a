import { dec, liabilityInterest } from '../../src/engine';
import { caught } from './fixtures';

describe('liabilityInterest', () => {
  it('charges max(0, |amount| − free) × rate × hours', () => {
    expect(liabilityInterest(dec(-5000), dec('0.00001'), dec(24), dec(1000)).toString()).toBe('0.96');
    expect(liabilityInterest(dec(-5000), dec('0.00001'), dec(24)).toString()).toBe('1.2');
  });

  it('is zero when the interest-free amount covers the liability', () => {
    expect(liabilityInterest(dec(-500), dec('0.00001'), dec(24), dec(1000)).toString()).toBe('0');
  });

  it('refuses negative rates, hours or interest-free amounts, naming the argument', () => {
    expect(caught(() => liabilityInterest(dec(-1), dec(-1), dec(1))).message).toContain('hourly_rate:');
    expect(caught(() => liabilityInterest(dec(-1), dec(1), dec(-1))).message).toContain('hours:');
    expect(caught(() => liabilityInterest(dec(-1), dec(1), dec(1), dec(-1))).message).toContain('interest_free:');
  });
});
