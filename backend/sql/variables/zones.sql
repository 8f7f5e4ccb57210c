-- The zones of a variable list: $1 codes, $2 kinds, $3 parent codes (each NULL: no filter). Sorted in
-- the application, by name in the asked language.
SELECT code, name_en, name_ar
FROM zones
WHERE ($1::text[] IS NULL OR code = ANY($1::text[]))
  AND ($2::text[] IS NULL OR kind = ANY($2::text[]))
  AND ($3::text[] IS NULL OR parent_code = ANY($3::text[]))
