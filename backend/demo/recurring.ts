// Recurring reports: the same problem at the same spot, reported again and again by different people over
// a few weeks (an overflowing bin, a blocked drain, a stray dog pack). Each cluster has a zone, a topic, a
// centre, and members on days within its window; members lie within ~45 m of the centre.
import type { Prng, Weighted } from './prng.ts';
import type { Day } from './rhythm.ts';
import { pointIn, type DemoZone } from './places.ts';
import type { Point } from './polygons.ts';

export const RECURRING = { share: 0.04, minSize: 5, maxSize: 25, minDays: 7, maxDays: 28, radiusM: 45 } as const;

export type Cluster = { id: number; zone: DemoZone; topic: string; centre: Point };
export type ClusterPlan = {
  clusters: Cluster[];
  /** per day, the clusters with a member that day (one entry per member) */
  members: Cluster[][];
  /** per day, how many ordinary requests remain once the members are counted */
  ordinary: number[];
};

export function planClusters(
  prng: Prng,
  days: readonly Day[],
  dayCounts: readonly number[],
  zones: Weighted<DemoZone>,
  topicFor: (zone: DemoZone, prng: Prng) => string
): ClusterPlan {
  const total = dayCounts.reduce((a, b) => a + b, 0);
  const members: Cluster[][] = days.map(() => []);
  const ordinary = [...dayCounts];
  const clusters: Cluster[] = [];
  let target = Math.round(total * RECURRING.share);
  if (total >= 50 && target < RECURRING.minSize) {
    target = RECURRING.minSize;
  }
  let placed = 0;
  for (let attempt = 0; placed < target && attempt < 2 * target + 100; attempt++) {
    const zone = zones.pick(prng);
    const cluster: Cluster = {
      id: clusters.length + 1,
      zone,
      topic: topicFor(zone, prng),
      centre: pointIn(zone, prng),
    };
    const size = Math.min(prng.int(RECURRING.minSize, RECURRING.maxSize), target - placed);
    const length = Math.min(days.length, prng.int(RECURRING.minDays, RECURRING.maxDays));
    const start = prng.int(0, days.length - length);
    let n = 0;
    for (let k = 0; k < size; k++) {
      const d = start + prng.int(0, length - 1);
      if (ordinary[d] > 0) {
        ordinary[d]--;
        members[d].push(cluster);
        n++;
      }
    }
    if (n) {
      clusters.push(cluster);
      placed += n;
    }
  }
  return { clusters, members, ordinary };
}
