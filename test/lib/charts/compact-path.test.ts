import { geoPath } from 'd3-geo';
import { describe, expect, it } from 'vitest';
import { CompactPathContext } from '../../../src/lib/charts/compact-path.ts';

/** Decodes M/m/l/z path data back to absolute subpaths. */
function decode(d: string): [number, number][][] {
  const subpaths: [number, number][][] = [];
  let x = 0;
  let y = 0;
  let start: [number, number] = [0, 0];
  for (const [, command, args] of d.matchAll(/([MmlLzZ])([^MmlLzZ]*)/g)) {
    const numbers = (args ?? '').match(/-?(?:\d+\.?\d*|\.\d+)/g)?.map(Number) ?? [];
    if (command === 'z' || command === 'Z') {
      [x, y] = start;
      continue;
    }
    for (let index = 0; index < numbers.length; index += 2) {
      const a = numbers[index] ?? 0;
      const b = numbers[index + 1] ?? 0;
      const absolute = command === 'M' || command === 'L';
      x = absolute ? a : x + a;
      y = absolute ? b : y + b;
      if (index === 0 && (command === 'M' || command === 'm')) {
        start = [x, y];
        subpaths.push([]);
      }
      subpaths.at(-1)?.push([Number(x.toFixed(1)), Number(y.toFixed(1))]);
    }
  }
  return subpaths;
}

describe('CompactPathContext', () => {
  it('writes relative steps rounded to a tenth that decode to the original points', () => {
    const context = new CompactPathContext();
    context.moveTo(10.04, 20.06);
    context.lineTo(12.5, 19.97);
    context.lineTo(11.96, 25);
    context.closePath();
    context.moveTo(100.34, 0.06);
    context.lineTo(100.31, 0.09); // rounds to the same point: dropped
    context.lineTo(90, 10);
    expect(context.result()).toBe('M10 20.1l2.5-.1-.5 5zm90.3-20l-10.3 9.9');
    expect(decode(context.result())).toEqual([
      [
        [10, 20.1],
        [12.5, 20],
        [12, 25],
      ],
      [
        [100.3, 0.1],
        [90, 10],
      ],
    ]);
  });

  it('draws the same outline as d3-geo’s own path string', () => {
    const square: GeoJSON.Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [0, 33.33],
          [47.77, 33.33],
          [47.77, 0],
          [0, 0],
        ],
      ],
    };
    const context = new CompactPathContext();
    geoPath(null, context)(square);
    const reference = (geoPath(null).digits(1)(square) ?? '')
      .match(/-?\d+(?:\.\d+)?,-?\d+(?:\.\d+)?/g)
      ?.map((pair) => pair.split(',').map(Number));
    expect(decode(context.result())[0]).toEqual(reference);
  });
});
