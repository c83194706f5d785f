import { describe, expect, it } from 'vitest';
import { worldMap, type MapPoint, type WorldMapOptions } from '../../../src/lib/charts/world-map.ts';
import {
  HOSTILE,
  byName,
  expectAccessibleFrame,
  num,
  parseSvg,
  textContent,
  viewBox,
} from './svg-test-helpers.ts';

/** 42 points spread over every inhabited continent, like the demo network. */
const worldwide: MapPoint[] = Array.from({ length: 42 }, (_, index) => ({
  label: `City ${index}`,
  href: `/en/cities/city-${index}/`,
  lat: -40 + ((index * 37) % 100),
  lon: -120 + ((index * 53) % 290),
}));

const iberia: MapPoint[] = [
  { label: 'Bilbao', href: '/en/cities/bilbao/', lat: 43.26, lon: -2.93 },
  { label: 'Getxo', href: '/en/cities/getxo/', lat: 43.35, lon: -3.01 },
  { label: 'Lisbon', href: '/en/cities/lisbon/', lat: 38.72, lon: -9.14 },
];

function options(overrides: Partial<WorldMapOptions> = {}): WorldMapOptions {
  return { id: 'members-map', title: 'Member cities', description: 'Each dot links to a city.', points: worldwide, ...overrides };
}

/** Centres of the visible dots. */
function dots(svg: string): { x: number; y: number }[] {
  return byName(parseSvg(svg), 'circle', 'dot').map((dot) => ({ x: num(dot, 'cx'), y: num(dot, 'cy') }));
}

describe('worldMap', () => {
  it('is a labelled group (it holds links, which an image role would hide)', () => {
    expectAccessibleFrame(worldMap(options()), 'members-map', {
      title: 'Member cities',
      description: 'Each dot links to a city.',
      role: 'group',
    });
  });

  it('links every point to its page, named by its label', () => {
    const root = parseSvg(worldMap(options()));
    const links = byName(root, 'a');
    expect(links).toHaveLength(42);
    links.forEach((link, index) => {
      expect(link.attrs.href).toBe(`/en/cities/city-${index}/`);
      expect(byName(link, 'title').map(textContent)).toEqual([`City ${index}`]);
      expect(byName(link, 'circle', 'dot')).toHaveLength(1);
    });
  });

  it('escapes labels and links', () => {
    const svg = worldMap(options({ title: HOSTILE, points: [{ label: HOSTILE, href: '/en/?a=1&b="2"', lat: 0, lon: 0 }] }));
    expect(svg).not.toContain('<script');
    const link = byName(parseSvg(svg), 'a')[0];
    expect(link?.attrs.href).toBe('/en/?a=1&b="2"');
    expect(textContent(byName(link!, 'title')[0]!)).toBe(HOSTILE);
  });

  it('writes no NaN or Infinity anywhere and keeps every dot inside the picture', () => {
    const svg = worldMap(options());
    expect(svg).not.toMatch(/NaN|Infinity/);
    const { width, height } = viewBox(parseSvg(svg));
    for (const dot of dots(svg)) {
      expect(dot.x).toBeGreaterThanOrEqual(0);
      expect(dot.x).toBeLessThanOrEqual(width);
      expect(dot.y).toBeGreaterThanOrEqual(0);
      expect(dot.y).toBeLessThanOrEqual(height);
    }
  });

  it('stays under 60 kB for a network of 42 cities', () => {
    expect(Buffer.byteLength(worldMap(options()))).toBeLessThan(60_000);
  });

  it('zooms in on a region when all points are in it, with a margin', () => {
    const svg = worldMap(options({ points: iberia }));
    const [bilbao, , lisbon] = dots(svg) as [{ x: number; y: number }, unknown, { x: number; y: number }];
    const { width, height } = viewBox(parseSvg(svg));
    // Regional fit: Bilbao–Lisbon (about 6° of longitude) spans a visible part of the map…
    expect(bilbao.x - lisbon.x).toBeGreaterThan(width * 0.05);
    // …but the view keeps context around them instead of filling the frame with two cities.
    expect(bilbao.x - lisbon.x).toBeLessThan(width * 0.5);
    for (const dot of dots(svg)) {
      expect(dot.x).toBeGreaterThan(width * 0.05);
      expect(dot.y).toBeGreaterThan(height * 0.05);
    }
  });

  it('does not zoom in further than a region when there is a single city', () => {
    const svg = worldMap(
      options({
        points: [
          { label: 'A', href: '/a/', lat: 43, lon: -3 },
          { label: 'B', href: '/b/', lat: 43, lon: -2 },
        ],
      }),
    );
    const [a, b] = dots(svg) as unknown as [{ x: number }, { x: number }];
    expect(b.x - a.x).toBeLessThan(viewBox(parseSvg(svg)).width / 20);
  });

  it('draws the base map without Antarctica', () => {
    const svg = worldMap(options());
    const { width } = viewBox(parseSvg(svg));
    // Antarctica would be the southernmost land and stretch across most of the map; without it
    // the southernmost land is a narrow tip (Tierra del Fuego): compare the land within 5 units of it.
    const land = landPoints(byName(parseSvg(svg), 'path')[0]?.attrs.d ?? '');
    const south = Math.max(...land.map(([, y]) => y));
    const southernmost = land.filter(([, y]) => y > south - 5).map(([x]) => x);
    expect(Math.max(...southernmost) - Math.min(...southernmost)).toBeLessThan(width * 0.1);
  });

  it('returns the same SVG for the same input', () => {
    expect(worldMap(options())).toBe(worldMap(options()));
  });

  it.each([
    [{ label: 'Nowhere', href: '/x/', lat: 95, lon: 0 }, '"Nowhere" has latitude 95; it must be a number from -90 to 90'],
    [{ label: 'Nowhere', href: '/x/', lat: 0, lon: Number.NaN }, '"Nowhere" has longitude NaN; it must be a number from -180 to 180'],
    [{ label: 'Trap', href: 'javascript:alert(1)', lat: 0, lon: 0 }, '"Trap" links to a script URL'],
  ])('refuses an unusable point (%j)', (point, message) => {
    expect(() => worldMap(options({ points: [point] }))).toThrow(message);
  });
});

/** Absolute points of compact relative path data (M, m, l, z), tracking the current point. */
function landPoints(d: string): [number, number][] {
  let x = 0;
  let y = 0;
  let startX = 0;
  let startY = 0;
  const points: [number, number][] = [];
  for (const [, command, args] of d.matchAll(/([MmLlZz])([^MmLlZz]*)/g)) {
    const numbers = (args ?? '').match(/-?(?:\d+\.?\d*|\.\d+)/g)?.map(Number) ?? [];
    if (command === 'z' || command === 'Z') {
      x = startX;
      y = startY;
      continue;
    }
    for (let index = 0; index + 1 < numbers.length; index += 2) {
      const dx = numbers[index] ?? 0;
      const dy = numbers[index + 1] ?? 0;
      const absolute = command === 'M' || command === 'L';
      x = absolute ? dx : x + dx;
      y = absolute ? dy : y + dy;
      if (index === 0 && (command === 'M' || command === 'm')) {
        startX = x;
        startY = y;
      }
      points.push([x, y]);
    }
  }
  return points;
}
