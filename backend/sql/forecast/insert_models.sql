-- One row per series: $1 level, $2 key, $3 zone_id, $4 code, $5 method, $6 history_days, $7 holidays_replaced,
-- $8 mean_daily, $9 model_mae, $10 naive_mae, $11 mase, $12 coverage_80, $13 coverage_95 (arrays), $14 fitted_at.
INSERT INTO forecast_models (level, key, zone_id, code, method, history_days, holidays_replaced, mean_daily, model_mae,
                             naive_mae, mase, coverage_80, coverage_95, fitted_at)
SELECT u.*, $14::timestamptz
FROM unnest($1::text[], $2::text[], $3::int[], $4::text[], $5::text[], $6::int[], $7::int[], $8::float8[], $9::float8[],
            $10::float8[], $11::float8[], $12::float8[], $13::float8[])
     AS u(level, key, zone_id, code, method, history_days, holidays_replaced, mean_daily, model_mae, naive_mae, mase,
          coverage_80, coverage_95)
