-- A level's accuracy and whether the model is used there: $1 level, $2 series, $3 weeks, $4 model_mae, $5 naive_mae,
-- $6 mase, $7 coverage_80, $8 coverage_95, $9 use_model, $10 source ('backtest' | 'nightly'), $11 evaluated_at.
INSERT INTO forecast_levels (level, series, weeks, model_mae, naive_mae, mase, coverage_80, coverage_95, use_model, source, evaluated_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
ON CONFLICT (level) DO UPDATE SET series = EXCLUDED.series, weeks = EXCLUDED.weeks, model_mae = EXCLUDED.model_mae,
  naive_mae = EXCLUDED.naive_mae, mase = EXCLUDED.mase, coverage_80 = EXCLUDED.coverage_80, coverage_95 = EXCLUDED.coverage_95,
  use_model = EXCLUDED.use_model, source = EXCLUDED.source, evaluated_at = EXCLUDED.evaluated_at
