-- Each level's accuracy and whether the model is used there (forecast_levels), all levels or those in $1.
SELECT level, series, weeks, model_mae, naive_mae, mase, coverage_80, coverage_95, use_model, source, evaluated_at
FROM forecast_levels WHERE $1::text[] IS NULL OR level = ANY($1::text[])
ORDER BY array_position(ARRAY['city','department','channel','category','topic','zone','zone_topic'], level)
