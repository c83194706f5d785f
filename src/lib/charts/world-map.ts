/**
 * A static world map of member cities, drawn at build time with d3-geo from Natural Earth's
 * 1:110m countries (world-atlas). Each city is a link; the map is a picture with links in it, so
 * the page should also list the cities as ordinary links (the map's dots are small on a phone).
 */
import { geoEqualEarth, geoPath, type GeoProjection, type GeoStream } from 'd3-geo';
import { feature, merge, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import world from 'world-atlas/countries-110m.json' with { type: 'json' };
import { CompactPathContext } from './compact-path.ts';
import { CHART_COLOURS, coordinate, escapeXml, svgDocument } from './svg.ts';

/** One city on the map. */
export interface MapPoint {
  /** Accessible name of the link (translated), e.g. "Bilbao, Spain". */
  label: string;
  /** Where the dot links to (a site path or URL). */
  href: string;
  /** Latitude in degrees, −90 to 90. */
  lat: number;
  /** Longitude in degrees, −180 to 180. */
  lon: number;
}

/** Input of `worldMap`. */
export interface WorldMapOptions {
  /** Unique prefix of the ids in the map. */
  id: string;
  title: string;
  description: string;
  points: readonly MapPoint[];
  /** Width of the viewBox; the SVG scales to 100% of its container. */
  width?: number;
  /** Height of the viewBox. */
  height?: number;
  /** Radius of a city's dot in viewBox units; raise it for a map shown small (e.g. 8 on phones). */
  pointRadius?: number;
}

/** Smallest window shown, in degrees, so a single city or one country still shows its region. */
const MIN_LON_SPAN = 50;
const MIN_LAT_SPAN = 28;
/** Beyond this longitude span the points are on several continents: show the whole world. */
const WORLD_LON_SPAN = 140;
const LAND_COLOUR = '#cfd5dd';
const SEA_COLOUR = '#f2f5f8';

/** Drops points closer than this (in viewBox units) to the previous one: invisible detail, real bytes. */
const MIN_POINT_DISTANCE = 1.2;

interface Basemap {
  /** Countries minus Antarctica, for fitting the projection to the whole world. */
  countries: GeoJSON.FeatureCollection;
  /** Land minus Antarctica as one shape, filled once. */
  land: GeoJSON.MultiPolygon;
  /** Borders between two countries, each drawn once (coastlines are the fill's edge). */
  borders: GeoJSON.MultiLineString;
}

let basemapCache: Basemap | undefined;

/** The base map, converted from TopoJSON once per process. */
function basemap(): Basemap {
  if (!basemapCache) {
    type CountryProperties = { name?: string };
    const topology = world as unknown as Topology<{ countries: GeometryCollection<CountryProperties> }>;
    const isAntarctica = (geometry: { id?: string | number; properties?: CountryProperties }): boolean =>
      geometry.id === '010' || geometry.properties?.name === 'Antarctica';
    const geometries = topology.objects.countries.geometries.filter((geometry) => !isAntarctica(geometry));
    const countries: GeometryCollection<CountryProperties> = { type: 'GeometryCollection', geometries };
    basemapCache = {
      countries: feature(topology, countries),
      land: merge(topology, geometries as Parameters<typeof merge>[1]),
      borders: mesh(topology, countries, (a, b) => a !== b),
    };
  }
  return basemapCache;
}

/** Wraps a projection so that, after projecting, points too close to the previous one are skipped. */
function thinned(projection: GeoProjection): { stream: (output: GeoStream) => GeoStream } {
  return {
    stream(output) {
      let last: [number, number] | undefined;
      let pending: [number, number] | undefined;
      const thinning: GeoStream = {
        point(x, y) {
          if (last && Math.hypot(x - last[0], y - last[1]) < MIN_POINT_DISTANCE) {
            pending = [x, y];
            return;
          }
          output.point(x, y);
          last = [x, y];
          pending = undefined;
        },
        lineStart() {
          last = undefined;
          pending = undefined;
          output.lineStart();
        },
        lineEnd() {
          // Keep each line's last point so borders still meet.
          if (pending) output.point(pending[0], pending[1]);
          pending = undefined;
          output.lineEnd();
        },
        polygonStart: () => output.polygonStart(),
        polygonEnd: () => output.polygonEnd(),
        sphere: () => output.sphere?.(),
      };
      return projection.stream(thinning);
    },
  };
}

/** Renders a static SVG world map with one focusable link per city, as an SVG string. */
export function worldMap(options: WorldMapOptions): string {
  const width = options.width ?? 960;
  const height = options.height ?? 500;
  const radius = options.pointRadius ?? 5;
  if (!(Number.isFinite(radius) && radius > 0)) {
    throw new Error(`worldMap: "pointRadius" must be a positive number of viewBox units, got ${radius}`);
  }
  for (const point of options.points) assertValidPoint(point);

  const projection = fittedProjection(options.points, width, height);
  const { land, borders } = basemap();

  const dots = options.points
    .map((point) => {
      const projected = projection([point.lon, point.lat]);
      if (!projected) return '';
      const [cx, cy] = projected.map(coordinate) as [string, string];
      // The invisible circle (opacity 0 still takes the pointer) widens the target around the dot.
      return (
        `<a href="${escapeXml(point.href)}"><title>${escapeXml(point.label)}</title>` +
        `<circle cx="${cx}" cy="${cy}" r="${coordinate(radius + 7)}" opacity="0"/><circle class="dot" cx="${cx}" cy="${cy}" r="${coordinate(radius)}"/></a>`
      );
    })
    .join('');

  return svgDocument({
    id: options.id,
    title: options.title,
    description: options.description,
    width,
    height,
    role: 'group',
    // Hover and focus rings are styled by the site's stylesheet (.world-map-points): an inline
    // <style> would need 'unsafe-inline' in the Content-Security-Policy.
    body:
      `<g aria-hidden="true"><rect width="${width}" height="${height}" fill="${SEA_COLOUR}"/>` +
      `<path d="${compactPath(projection, land)}" fill="${LAND_COLOUR}"/>` +
      `<path d="${compactPath(projection, borders)}" fill="none" stroke="#ffffff" stroke-width="0.8" stroke-linejoin="round"/></g>` +
      `<g class="points world-map-points" fill="${CHART_COLOURS.primary}" stroke="#ffffff" stroke-width="1.5">${dots}</g>`,
  });
}

/** Projects a geometry and writes it as compact path data. */
function compactPath(projection: GeoProjection, geometry: GeoJSON.Geometry): string {
  const context = new CompactPathContext();
  geoPath(thinned(projection), context)(geometry);
  return context.result();
}

/**
 * An Equal Earth projection fitted to the points with a margin, never zoomed in further than
 * MIN_LON_SPAN × MIN_LAT_SPAN degrees, and showing the whole world when the points span continents.
 */
function fittedProjection(points: readonly MapPoint[], width: number, height: number): GeoProjection {
  const padding = Math.round(Math.min(width, height) * 0.05);
  const extent: [[number, number], [number, number]] = [
    [padding, padding],
    [width - padding, height - padding],
  ];
  const projection = geoEqualEarth();
  const lons = points.map((point) => point.lon);
  const lats = points.map((point) => point.lat);
  const west = Math.min(...lons);
  const east = Math.max(...lons);

  if (points.length === 0 || east - west > WORLD_LON_SPAN) {
    projection.fitExtent(extent, basemap().countries);
  } else {
    const south = Math.min(...lats);
    const north = Math.max(...lats);
    const lonMiddle = (west + east) / 2;
    const latMiddle = (south + north) / 2;
    const lonHalf = Math.max((east - west) * 0.6, MIN_LON_SPAN / 2);
    const latHalf = Math.max((north - south) * 0.6, MIN_LAT_SPAN / 2);
    const frameWest = lonMiddle - lonHalf;
    const frameEast = lonMiddle + lonHalf;
    const frameSouth = Math.max(latMiddle - latHalf, -85);
    const frameNorth = Math.min(latMiddle + latHalf, 85);
    // Sample the frame's edges as well as its corners: parallels curve under Equal Earth.
    const frame: [number, number][] = [];
    for (let step = 0; step <= 8; step += 1) {
      const lon = frameWest + ((frameEast - frameWest) * step) / 8;
      const lat = frameSouth + ((frameNorth - frameSouth) * step) / 8;
      frame.push([lon, frameSouth], [lon, frameNorth], [frameWest, lat], [frameEast, lat]);
    }
    projection.rotate([-lonMiddle, 0]).fitExtent(extent, { type: 'MultiPoint', coordinates: frame });
  }
  // Drop geometry outside the picture: it would only add bytes.
  return projection.clipExtent([
    [0, 0],
    [width, height],
  ]);
}

/** Refuses a point that cannot be placed, naming it. */
function assertValidPoint(point: MapPoint): void {
  if (!(Number.isFinite(point.lat) && point.lat >= -90 && point.lat <= 90)) {
    throw new Error(`worldMap: "${point.label}" has latitude ${point.lat}; it must be a number from -90 to 90`);
  }
  if (!(Number.isFinite(point.lon) && point.lon >= -180 && point.lon <= 180)) {
    throw new Error(`worldMap: "${point.label}" has longitude ${point.lon}; it must be a number from -180 to 180`);
  }
  if (/^\s*(javascript|data|vbscript):/i.test(point.href)) {
    throw new Error(`worldMap: "${point.label}" links to a script URL; give a page path or an http(s) URL`);
  }
}
