import { announcerFor } from '../../../src/taskpane/ui/dom';

/** The one property of the page's live region the announcer writes (no DOM in unit tests: the browser tests have it). */
const liveRegion = (): HTMLElement => ({ textContent: '' }) as unknown as HTMLElement;

describe('announcerFor', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('says a summary once typing pauses, only the last one, and not again when nothing changed', () => {
    const region = liveRegion();
    const say = announcerFor(region, 800);
    expect(announcerFor(region)).toBe(say);
    say.soon('Scenario: equity 1.00 USDT.');
    jest.advanceTimersByTime(500);
    say.soon('Scenario: equity 12.00 USDT.');
    jest.advanceTimersByTime(500);
    expect(region.textContent).toBe('');
    jest.advanceTimersByTime(300);
    expect(region.textContent).toBe('Scenario: equity 12.00 USDT.');
    region.textContent = 'marker';
    say.soon('Scenario: equity 12.00 USDT.');
    jest.advanceTimersByTime(1000);
    expect(region.textContent).toBe('marker');
  });

  it('says the result of an action at once, cancelling a summary still waiting', () => {
    const region = liveRegion();
    const say = announcerFor(region, 800);
    say.soon('Scenario: equity 1.00 USDT.');
    say.now('positions, row 2: size: required, but blank');
    expect(region.textContent).toBe('positions, row 2: size: required, but blank');
    jest.advanceTimersByTime(1000);
    expect(region.textContent).toBe('positions, row 2: size: required, but blank');
  });
});
