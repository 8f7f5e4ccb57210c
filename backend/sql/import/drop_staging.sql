DROP TABLE IF EXISTS pg_temp.import_staging
