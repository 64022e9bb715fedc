import { ClockMovedBackwardsError, createClock, ManualClock } from './clock.js';

describe('clock port', () => {
  it('the manual clock moves forward only', () => {
    const clock = new ManualClock(1_000);
    clock.set(2_000);
    expect(clock.now()).toBe(2_000);
    expect(() => clock.set(1_500)).toThrow(ClockMovedBackwardsError);
    expect(clock.now()).toBe(2_000);
  });

  it('says which clock runs', () => {
    expect(createClock('system').mode).toBe('system');
    expect(createClock('manual').mode).toBe('manual');
  });
});
