-- Services 360 domain model. See ARCHITECTURE.md ("Domain model").
CREATE EXTENSION IF NOT EXISTS postgis;

-- Reference data ----------------------------------------------------------------------------------
CREATE TABLE calendars (
  code        text PRIMARY KEY,
  name_en     text NOT NULL,
  name_ar     text NOT NULL,
  timezone    text NOT NULL,  -- the city's zone unless the city file says otherwise (config apply)
  -- [{ "dow": 1..7 (ISO, Monday = 1), "from": "07:30", "to": "15:30" }, ...]
  weekly_hours jsonb NOT NULL
);

CREATE TABLE holidays (
  id            serial PRIMARY KEY,
  calendar_code text REFERENCES calendars(code),  -- NULL: every calendar
  day           date NOT NULL,
  name_en       text NOT NULL,
  name_ar       text NOT NULL,
  UNIQUE NULLS NOT DISTINCT (calendar_code, day)
);

CREATE TABLE departments (
  code          text PRIMARY KEY,
  name_en       text NOT NULL,
  name_ar       text NOT NULL,
  calendar_code text NOT NULL REFERENCES calendars(code)
);

CREATE TABLE channels (
  code    text PRIMARY KEY,
  name_en text NOT NULL,
  name_ar text NOT NULL,
  sort    smallint NOT NULL DEFAULT 0
);

CREATE TABLE categories (
  code    text PRIMARY KEY,
  name_en text NOT NULL,
  name_ar text NOT NULL,
  sort    smallint NOT NULL DEFAULT 0
);

CREATE TABLE topics (
  code             text PRIMARY KEY,
  name_en          text NOT NULL,
  name_ar          text NOT NULL,
  department_code  text NOT NULL REFERENCES departments(code),
  default_priority text NOT NULL DEFAULT 'normal' CHECK (default_priority IN ('low','normal','high','urgent'))
);

-- Statuses are the states of the journey's state machine; stages refine a status with a progress %.
CREATE TABLE statuses (
  code         text PRIMARY KEY,
  name_en      text NOT NULL,
  name_ar      text NOT NULL,
  status_class text NOT NULL CHECK (status_class IN ('open','closed','cancelled')),
  sort         smallint NOT NULL
);

CREATE TABLE stages (
  code         text PRIMARY KEY,
  status_code  text NOT NULL REFERENCES statuses(code),
  name_en      text NOT NULL,
  name_ar      text NOT NULL,
  progress_pct smallint CHECK (progress_pct BETWEEN 0 AND 100),  -- NULL: keeps the current progress
  sort         smallint NOT NULL
);

-- Zones -------------------------------------------------------------------------------------------
CREATE TABLE zones (
  id                   serial PRIMARY KEY,
  code                 text NOT NULL UNIQUE,
  name_en              text NOT NULL,
  name_ar              text NOT NULL,
  kind                 text NOT NULL CHECK (kind IN ('community','public_site')),
  parent_code          text,
  population           integer CHECK (population >= 0),
  population_year      smallint,
  population_synthetic boolean NOT NULL DEFAULT false,
  geom                 geometry(MultiPolygon, 4326) NOT NULL CHECK (ST_IsValid(geom)),
  geom_3857            geometry(MultiPolygon, 3857) NOT NULL,
  area_km2             double precision NOT NULL,
  updated_at           timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX zones_geom_idx ON zones USING gist (geom);
CREATE INDEX zones_geom_3857_idx ON zones USING gist (geom_3857);

-- Small pieces of each zone (ST_Subdivide) make point-in-zone lookups fast whatever the polygon.
CREATE TABLE zone_parts (
  zone_id  integer NOT NULL REFERENCES zones(id) ON DELETE CASCADE,
  area_km2 double precision NOT NULL,      -- the whole zone's area: the smallest containing zone wins
  geom     geometry(Polygon, 4326) NOT NULL
);
CREATE INDEX zone_parts_geom_idx ON zone_parts USING gist (geom);
CREATE INDEX zone_parts_zone_idx ON zone_parts (zone_id);

CREATE TABLE zone_population (
  zone_id    integer NOT NULL REFERENCES zones(id) ON DELETE CASCADE,
  year       smallint NOT NULL,
  population integer NOT NULL CHECK (population >= 0),
  synthetic  boolean NOT NULL DEFAULT false,
  PRIMARY KEY (zone_id, year)
);

-- People ------------------------------------------------------------------------------------------
CREATE TABLE advisors (
  id              serial PRIMARY KEY,
  code            text NOT NULL UNIQUE,
  name            text NOT NULL,
  department_code text NOT NULL REFERENCES departments(code),
  team            text
);

-- Personal data, kept apart from requests: read only with the `pii` scope, every read audited.
CREATE TABLE customers (
  id           bigserial PRIMARY KEY,
  name         text,
  phone        text,
  email        text,
  national_id  text,
  language     text CHECK (language IN ('en','ar')),
  home_zone_id integer REFERENCES zones(id),
  created_at   timestamptz NOT NULL DEFAULT now()
);

-- SLA policies ------------------------------------------------------------------------------------
CREATE TABLE sla_policies (
  id                     serial PRIMARY KEY,
  code                   text NOT NULL,
  version                integer NOT NULL,
  category_code          text REFERENCES categories(code),  -- NULL: any
  topic_code             text REFERENCES topics(code),      -- NULL: any
  priority               text CHECK (priority IN ('low','normal','high','urgent')),
  first_response_minutes integer NOT NULL CHECK (first_response_minutes > 0),
  resolution_minutes     integer NOT NULL CHECK (resolution_minutes > 0),
  calendar_code          text NOT NULL REFERENCES calendars(code),
  pause_statuses         text[] NOT NULL DEFAULT '{on_hold}',
  warning_pct            smallint NOT NULL DEFAULT 80 CHECK (warning_pct BETWEEN 1 AND 99),
  valid_from             timestamptz NOT NULL DEFAULT '2000-01-01',
  valid_to               timestamptz,
  UNIQUE (code, version)
);

-- Requests and their journey ----------------------------------------------------------------------
CREATE TABLE requests (
  id                      bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  reference               text GENERATED ALWAYS AS ('S360-' || lpad(id::text, greatest(9, length(id::text)), '0')) STORED UNIQUE,
  source                  text NOT NULL,
  external_id             text NOT NULL,
  channel_code            text NOT NULL REFERENCES channels(code),
  category_code           text NOT NULL REFERENCES categories(code),
  topic_code              text REFERENCES topics(code),
  department_code         text REFERENCES departments(code),
  priority                text NOT NULL DEFAULT 'normal' CHECK (priority IN ('low','normal','high','urgent')),
  zone_id                 integer REFERENCES zones(id),     -- NULL: outside every zone ("unzoned")
  location                geometry(Point, 4326),
  address                 text,
  description             text,
  customer_id             bigint REFERENCES customers(id),
  status                  text NOT NULL DEFAULT 'received' REFERENCES statuses(code),
  stage                   text NOT NULL DEFAULT 'received' REFERENCES stages(code),
  progress_pct            smallint NOT NULL DEFAULT 0 CHECK (progress_pct BETWEEN 0 AND 100),
  advisor_id              integer REFERENCES advisors(id),
  created_at              timestamptz NOT NULL,
  ingested_at             timestamptz NOT NULL DEFAULT now(),
  first_response_at       timestamptz,
  resolved_at             timestamptz,
  closed_at               timestamptz,
  cancelled_at            timestamptz,
  satisfaction            smallint CHECK (satisfaction BETWEEN 1 AND 5),
  sla_policy_id           integer REFERENCES sla_policies(id),
  first_response_due_at   timestamptz,
  resolution_due_at       timestamptz,
  sla_state               text NOT NULL DEFAULT 'in_progress'
                          CHECK (sla_state IN ('in_progress','warning','breached','met','paused','cancelled')),
  updated_at              timestamptz NOT NULL DEFAULT now(),
  UNIQUE (source, external_id)
);
CREATE INDEX requests_created_idx ON requests (created_at);
CREATE INDEX requests_zone_created_idx ON requests (zone_id, created_at);
CREATE INDEX requests_location_idx ON requests USING gist (location);
CREATE INDEX requests_open_idx ON requests (status) WHERE status NOT IN ('closed','cancelled');

CREATE TABLE request_events (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  request_id   bigint NOT NULL REFERENCES requests(id),
  kind         text NOT NULL CHECK (kind IN ('received','assigned','first_response','stage','on_hold','resumed',
                                             'resolved','closed','reopened','cancelled','note')),
  from_status  text REFERENCES statuses(code),
  to_status    text NOT NULL REFERENCES statuses(code),
  stage        text NOT NULL REFERENCES stages(code),
  progress_pct smallint NOT NULL CHECK (progress_pct BETWEEN 0 AND 100),
  advisor_id   integer REFERENCES advisors(id),
  actor        text,
  note         text,
  occurred_at  timestamptz NOT NULL,
  recorded_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX request_events_request_idx ON request_events (request_id, occurred_at, id);
CREATE INDEX request_events_recorded_idx ON request_events (recorded_at);

-- The journey is append-only.
CREATE FUNCTION request_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'request_events is append-only (% refused)', TG_OP;
END $$;
CREATE TRIGGER request_events_no_update BEFORE UPDATE OR DELETE ON request_events
  FOR EACH ROW EXECUTE FUNCTION request_events_append_only();

-- Requests whose figures changed since the rollup job last ran (marked by every ingest transaction).
CREATE TABLE rollup_pending (
  request_id bigint PRIMARY KEY REFERENCES requests(id),
  marked_at  timestamptz NOT NULL DEFAULT now()
);

-- Access ------------------------------------------------------------------------------------------
CREATE TABLE api_tokens (
  id           serial PRIMARY KEY,
  name         text NOT NULL UNIQUE,
  token_hash   bytea NOT NULL UNIQUE,      -- sha256 of the token; the token itself is never stored
  scopes       text[] NOT NULL CHECK (scopes <@ ARRAY['ingest','read','pii']::text[] AND cardinality(scopes) > 0),
  created_at   timestamptz NOT NULL DEFAULT now(),
  revoked_at   timestamptz
);

CREATE TABLE audit_log (
  id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at         timestamptz NOT NULL DEFAULT now(),
  token_id   integer REFERENCES api_tokens(id),
  token_name text,
  action     text NOT NULL,
  subject    text NOT NULL,
  subject_id text,
  detail     jsonb
);
CREATE INDEX audit_log_at_idx ON audit_log (at);

-- Annotations (major incidents, policy changes) ---------------------------------------------------
CREATE TABLE annotations (
  id        serial PRIMARY KEY,
  kind      text NOT NULL CHECK (kind IN ('incident','policy_change','campaign','other')),
  title_en  text NOT NULL,
  title_ar  text NOT NULL,
  text      text,
  starts_at timestamptz NOT NULL,
  ends_at   timestamptz,
  zone_id   integer REFERENCES zones(id),
  tags      text[] NOT NULL DEFAULT '{}'
);
CREATE INDEX annotations_time_idx ON annotations (starts_at);
