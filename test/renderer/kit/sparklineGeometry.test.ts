import { describe, expect, it } from 'vitest';
import { sparklineGeometry } from '../../../renderer/src/kit/sparklineGeometry';

describe('sparkline geometry (the kit draws it on screen and in the PDF)', () => {
  it('spreads six quarters across the width, highest value at the top, lowest at the bottom', () => {
    const g = sparklineGeometry([1, 3, 2, 5, 4, 5], 84, 22, 3);
    expect(g.path).toBe('M3 19 L18.6 11 L34.2 15 L49.8 3 L65.4 7 L81 3');
    expect(g.last).toEqual({ x: 81, y: 3 });
  });

  it('spans gaps and marks no last point when the last quarter has no value', () => {
    const g = sparklineGeometry([null, 10, null, 20, 30, null], 84, 22, 3);
    expect(g.path).toBe('M18.6 19 L49.8 11 L65.4 3');
    expect(g.last).toBeNull();
  });

  it('puts a flat series in the middle and a single value in the centre', () => {
    expect(sparklineGeometry([7, 7, 7], 84, 22, 3)).toEqual({
      path: 'M3 11 L42 11 L81 11',
      last: { x: 81, y: 11 },
    });
    expect(sparklineGeometry([2], 84, 22, 3)).toEqual({ path: 'M42 11', last: { x: 42, y: 11 } });
  });

  it('draws nothing without values', () => {
    expect(sparklineGeometry([null, null], 84, 22, 3)).toEqual({ path: '', last: null });
  });
});
