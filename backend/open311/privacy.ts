// What the public Open311 GET shows of a request: the city's choice (config: S360_OPEN311_PUBLIC_*),
// private by default — no description (residents write names, phone numbers and plate numbers in it),
// no address (a house), and the point snapped to 3 decimals (about 110 m), enough to see a street's
// problems on a map without pointing at a door. Checked once at start-up (a bad value stops the app).
import { ConfigError, type Config } from '../config.ts';

export type PointMode = 'exact' | 'snapped' | 'none';
export type Open311Privacy = { description: boolean; address: boolean; point: PointMode; decimals: number };

const onOff = (name: string, value: string): boolean => {
  if (value === 'on') {
    return true;
  }
  if (value === 'off') {
    return false;
  }
  throw new ConfigError(`${name} must be on or off, got "${value}"`);
};

export function open311Privacy(
  config: Pick<
    Config,
    'open311PublicDescription' | 'open311PublicAddress' | 'open311PublicPoint' | 'open311PointDecimals'
  >
): Open311Privacy {
  const point = config.open311PublicPoint;
  if (point !== 'exact' && point !== 'snapped' && point !== 'none') {
    throw new ConfigError(`S360_OPEN311_PUBLIC_POINT must be exact, snapped or none, got "${point}"`);
  }
  const decimals = config.open311PointDecimals;
  if (!Number.isInteger(decimals) || decimals > 6) {
    throw new ConfigError(`S360_OPEN311_POINT_DECIMALS must be a whole number from 0 to 6, got ${decimals}`);
  }
  return {
    description: onOff('S360_OPEN311_PUBLIC_DESCRIPTION', config.open311PublicDescription),
    address: onOff('S360_OPEN311_PUBLIC_ADDRESS', config.open311PublicAddress),
    point,
    decimals,
  };
}

/** A coordinate as shown: itself, rounded to the configured decimals, or null. */
export function shownCoordinate(value: number | null, privacy: Open311Privacy): number | null {
  if (value === null || privacy.point === 'none') {
    return null;
  }
  if (privacy.point === 'exact') {
    return value;
  }
  const f = 10 ** privacy.decimals;
  return Math.round(value * f) / f;
}

/** Everything shown (the POST answer and tests use it). */
export const SHOW_ALL: Open311Privacy = { description: true, address: true, point: 'exact', decimals: 6 };
