-- Forecasts of requests received per day (issue 18), written by the nightly `forecast` job (backend/forecast/).
--  * forecasts: one row per series and city-local day ahead: the point and the 80 % and 95 % prediction intervals,
--    the method that made them (augurs MSTL + ETS, or seasonal-naive) and when.
--    level: city (key ''), department / channel / category / topic (key: the code), zone (key: the zone's code),
--    zone_topic (key: zone code '|' topic code). zone_id and code hold the same key for joins.
--  * forecast_models: each series' model and its recent accuracy (a holdout of the last weeks at each fit).
--  * forecast_levels: each level's accuracy (backtest or the nightly holdout) and whether the model is used there:
--    a level where the model does not beat seasonal-naive (MASE >= 1) is forecast seasonal-naive.
--  * forecast_intraday: the share of a day's requests received by the end of each city-local hour (last 4 weeks),
--    to scale a day's forecast to "so far today".
CREATE TABLE forecasts (
  level      text NOT NULL CHECK (level IN ('city','department','channel','category','topic','zone','zone_topic')),
  key        text NOT NULL,
  zone_id    integer,
  code       text,
  day        date NOT NULL,
  point      float8 NOT NULL,
  lower_80   float8 NOT NULL,
  upper_80   float8 NOT NULL,
  lower_95   float8 NOT NULL,
  upper_95   float8 NOT NULL,
  method     text NOT NULL CHECK (method IN ('mstl_ets','seasonal_naive')),
  fitted_at  timestamptz NOT NULL,
  PRIMARY KEY (level, key, day)
);
CREATE INDEX forecasts_day_idx ON forecasts (day, level);

CREATE TABLE forecast_models (
  level        text NOT NULL,
  key          text NOT NULL,
  zone_id      integer,
  code         text,
  method       text NOT NULL CHECK (method IN ('mstl_ets','seasonal_naive')),
  history_days integer NOT NULL,
  holidays_replaced integer NOT NULL,
  mean_daily   float8 NOT NULL,
  -- holdout over the last weeks: mean absolute error of the model and of seasonal-naive on the same days
  model_mae    float8,
  naive_mae    float8,
  mase         float8,
  coverage_80  float8,
  coverage_95  float8,
  fitted_at    timestamptz NOT NULL,
  PRIMARY KEY (level, key)
);

CREATE TABLE forecast_levels (
  level        text PRIMARY KEY,
  series       integer NOT NULL,
  weeks        integer NOT NULL,
  model_mae    float8,
  naive_mae    float8,
  mase         float8,
  coverage_80  float8,
  coverage_95  float8,
  use_model    boolean NOT NULL,
  source       text NOT NULL CHECK (source IN ('backtest','nightly')),
  evaluated_at timestamptz NOT NULL
);

CREATE TABLE forecast_intraday (
  hour  smallint PRIMARY KEY CHECK (hour BETWEEN 0 AND 23),
  share float8 NOT NULL CHECK (share BETWEEN 0 AND 1)   -- received by the END of this local hour, of the day's
);

-- The share of a day's requests expected by instant `at` (city-local time of day), interpolated within the hour;
-- the elapsed fraction of the day while no profile is stored.
-- SECURITY DEFINER (search_path fixed) like the views themselves: the alerting role reads through the view only.
CREATE FUNCTION forecast_day_share(at timestamptz) RETURNS float8
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  WITH l AS (SELECT (at AT TIME ZONE (SELECT time_zone FROM city_settings)) AS t),
  p AS (SELECT extract(hour FROM t)::int AS h, (extract(epoch FROM t - date_trunc('hour', t)) / 3600.0) AS frac,
               extract(epoch FROM t - date_trunc('day', t)) / 86400.0 AS day_frac FROM l)
  SELECT CASE WHEN (SELECT count(*) FROM forecast_intraday) < 24 THEN p.day_frac ELSE
    coalesce((SELECT share FROM forecast_intraday WHERE hour = p.h - 1), 0) * (1 - p.frac)
      + (SELECT share FROM forecast_intraday WHERE hour = p.h) * p.frac END
  FROM p
$$;

-- Zones and zone × topic series running above their forecast at instant `at`: the requests received since the
-- start of the city-local day against the day's forecast scaled to the share s expected by now:
--   expected = s·point;  upper = s·upper_95 + 1.96·sqrt(s·(1−s)·point)
-- (the day's 95 % upper bound scaled, plus the binomial spread of how a day's total falls before and after now).
-- topic is NULL on a zone's own row. Every series with a forecast today is returned; the caller filters on above.
CREATE FUNCTION forecast_running(at timestamptz)
RETURNS TABLE (zone_id integer, topic text, received int, expected float8, upper_so_far float8, point float8,
               upper_95 float8, share float8)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  WITH tz AS (SELECT time_zone FROM city_settings),
  d AS (SELECT (at AT TIME ZONE tz.time_zone)::date AS day,
               date_trunc('day', at, tz.time_zone) AS day_start, forecast_day_share(at) AS s FROM tz),
  counts AS (
    SELECT r.zone_id, r.topic_code AS topic, GROUPING(r.topic_code) AS zone_row, count(*)::int AS n
    FROM requests r, d WHERE r.created_at >= d.day_start AND r.created_at < at AND r.zone_id IS NOT NULL
    GROUP BY GROUPING SETS ((r.zone_id, r.topic_code), (r.zone_id))
  )
  SELECT f.zone_id, CASE WHEN f.level = 'zone_topic' THEN f.code END, coalesce(c.n, 0),
         d.s * f.point, d.s * f.upper_95 + 1.96 * sqrt(greatest(d.s * (1 - d.s) * f.point, 0)), f.point, f.upper_95, d.s
  FROM d JOIN forecasts f ON f.day = d.day AND f.level IN ('zone', 'zone_topic')
  LEFT JOIN counts c ON c.zone_id = f.zone_id
    AND ((f.level = 'zone' AND c.zone_row = 1) OR (f.level = 'zone_topic' AND c.zone_row = 0 AND c.topic = f.code))
$$;

-- For the alert rule "Running above forecast": the series above their upper bound now, with how far above.
CREATE VIEW alerting.running_above_forecast AS
SELECT now() AS "time", z.code AS zone_code, z.name_en AS zone_name, coalesce(f.topic, 'all') AS topic,
       coalesce(t.name_en, 'All topics') AS topic_name, coalesce(t.department_code, 'all') AS department,
       f.received, round(f.expected::numeric, 1) AS expected_so_far, round(f.upper_so_far::numeric, 1) AS upper_so_far,
       round((f.received - f.upper_so_far)::numeric, 1) AS above_by,
       CASE WHEN f.upper_so_far > 0 THEN round((100 * (f.received - f.upper_so_far) / f.upper_so_far)::numeric, 0) END AS above_pct
FROM forecast_running(now()) f
JOIN zones z ON z.id = f.zone_id
LEFT JOIN topics t ON t.code = f.topic
WHERE f.received > f.upper_so_far AND f.received >= 5;   -- 5: S360_FORECAST_ABOVE_MIN_COUNT's default (the query metric's)

-- A view's user must be allowed to call the functions it calls: the alerting role may call forecast_running (the
-- aggregate counts and bounds the view shows, at any instant) and nothing else of this migration.
REVOKE ALL ON FUNCTION forecast_day_share(timestamptz), forecast_running(timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION forecast_running(timestamptz) TO services360_alerting;
GRANT SELECT ON alerting.running_above_forecast TO services360_alerting;
