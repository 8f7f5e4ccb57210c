-- When the forecasts were last fitted (NULL: never).
SELECT max(fitted_at) AS fitted_at FROM forecast_models
