-- Calendar $1 as holidays import needs it (absent: no row): whether it observes holidays and is retired.
SELECT code, observes_holidays, retired_at IS NOT NULL AS retired FROM calendars WHERE code = $1
