// Recurrence (scope `read`): the "act before it recurs" list.
//   GET /v1/recurrence/topics?from=&to=&topN=&language=&<filters>      topics by volume with their trend
//   GET /v1/recurrence/hotspots?from=&to=&language=&format=table&limit=&<filters>   hot spots as rows, largest first
//   GET /v1/recurrence/hotspots.geojson?from=&to=&geometry=centroid|hull&limit=&<filters>   as a FeatureCollection
// Hot spots without from/to are the current ones (the refreshed table); with them, that window.
import type { Router, Request } from 'express';
import type { AppContext } from '../http/context.ts';
import { handle } from '../http/async.ts';
import { requireScope } from '../http/auth.ts';
import {
  parseChoice,
  parseInstant,
  parseInteger,
  parseLanguage,
  parseTimeRange,
  rejectUnknown,
  single,
  type TimeRange,
} from '../geo/read-params.ts';
import { FILTER_PARAMS } from '../geo/request-filters.ts';
import { readFilters } from '../geo/read-filters.ts';
import { previousPeriod, topicTrends, type TopicTrend } from '../recurrence/topic-trends.ts';
import { inReadOnlySnapshot } from '../db/transaction.ts';
import { rollupSnapshotOf, rollupSnapshotSql, type RollupSnapshotRow } from '../query/snapshot.ts';
import { filtersOfRequest } from '../query/target-filters.ts';
import { findHotspots, hotspotWindow, type Hotspot } from '../recurrence/hotspots.ts';

const TOPIC_PARAMS = ['from', 'to', 'topN', 'language', ...FILTER_PARAMS];
const HOTSPOT_PARAMS = ['from', 'to', 'language', 'format', 'limit', ...FILTER_PARAMS];
const GEOJSON_PARAMS = ['from', 'to', 'language', 'geometry', 'limit', ...FILTER_PARAMS];

/** The asked window: none (the current hot spots), `to` alone (windowDays ending there), or from/to. */
function hotspotWindowOf(req: Request, windowDays: number): TimeRange | undefined {
  const toText = single(req.query, 'to');
  if (single(req.query, 'from') === undefined && toText === undefined) {
    return undefined;
  }
  if (single(req.query, 'from') === undefined && toText !== undefined) {
    const to = parseInstant(toText, 'to');
    return hotspotWindow(to, windowDays);
  }
  return parseTimeRange(req.query, windowDays);
}

const geometryOf = (h: Hotspot, which: 'centroid' | 'hull') => (which === 'hull' ? h.hull : h.centroid);

export function registerRecurrence(router: Router, ctx: AppContext): void {
  const read = requireScope(ctx.tokens, 'read');

  router.get(
    '/v1/recurrence/topics',
    read,
    handle(async (req, res) => {
      rejectUnknown(req.query, TOPIC_PARAMS);
      const range = parseTimeRange(req.query, ctx.config.hotspotWindowDays);
      const topN = parseInteger(req.query, 'topN', 1, ctx.config.recurrenceMaxTopN, 10);
      const language = parseLanguage(req.query);
      const filters = await readFilters(ctx, req.query);
      const ref = await ctx.reference.get();
      // As POST /v1/query answers its `recurring_topics` metric: the rollups and the pending marks read in one snapshot.
      const query = {
        from: range.from.getTime(),
        to: range.to.getTime(),
        filters: filtersOfRequest(filters, ref),
        topN,
        language,
      };
      const limits = {
        maxRows: ctx.config.queryMaxRows,
        maxSeries: ctx.config.queryMaxSeries,
        target: { refId: 'topics', path: 'query' },
      };
      const topics = await ctx.reads.run((pool) =>
        inReadOnlySnapshot<RollupSnapshotRow, TopicTrend[]>(pool, rollupSnapshotSql(), (client, [row]) =>
          topicTrends(client, ref, { ...query, snapshot: rollupSnapshotOf(row), limits })
        )
      );
      const previous = previousPeriod(range);
      res.json({
        from: range.from.toISOString(),
        to: range.to.toISOString(),
        previous_from: previous.from.toISOString(),
        previous_to: previous.to.toISOString(),
        topics,
      });
    })
  );

  router.get(
    '/v1/recurrence/hotspots',
    read,
    handle(async (req, res) => {
      rejectUnknown(req.query, HOTSPOT_PARAMS);
      parseChoice(req.query, 'format', ['table'] as const, 'table');
      const window = hotspotWindowOf(req, ctx.config.hotspotWindowDays);
      const language = parseLanguage(req.query);
      const filters = await readFilters(ctx, req.query);
      const limit = parseInteger(req.query, 'limit', 1, ctx.config.hotspotMaxRows, ctx.config.hotspotMaxRows);
      const answer = await ctx.reads.run((pool) =>
        findHotspots(pool, { window, filters, language, limit }, ctx.config)
      );
      res.json({
        source: answer.source,
        from: answer.window.from.toISOString(),
        to: answer.window.to.toISOString(),
        computed_at: answer.computed_at,
        rows: answer.hotspots.map(({ centroid, hull, ...row }) => {
          void centroid;
          void hull;
          return row;
        }),
      });
    })
  );

  router.get(
    '/v1/recurrence/hotspots.geojson',
    read,
    handle(async (req, res) => {
      rejectUnknown(req.query, GEOJSON_PARAMS);
      const geometry = parseChoice(req.query, 'geometry', ['centroid', 'hull'] as const, 'centroid');
      const window = hotspotWindowOf(req, ctx.config.hotspotWindowDays);
      const language = parseLanguage(req.query);
      const filters = await readFilters(ctx, req.query);
      const limit = parseInteger(req.query, 'limit', 1, ctx.config.hotspotMaxRows, ctx.config.hotspotMaxRows);
      const answer = await ctx.reads.run((pool) =>
        findHotspots(pool, { window, filters, language, limit }, ctx.config)
      );
      res.setHeader('Content-Type', 'application/geo+json; charset=utf-8');
      res.setHeader('X-Hotspots-Source', answer.source);
      res.end(
        JSON.stringify({
          type: 'FeatureCollection',
          features: answer.hotspots.map(({ centroid, hull, ...props }) => ({
            type: 'Feature',
            geometry: geometryOf({ centroid, hull } as Hotspot, geometry),
            properties: props,
          })),
        })
      );
    })
  );
}
