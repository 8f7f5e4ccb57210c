-- A new fit replaces the previous one whole (in the same transaction as its rows).
DELETE FROM forecasts; DELETE FROM forecast_models
