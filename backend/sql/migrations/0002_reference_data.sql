-- The product's own reference data in English and Arabic: the six request kinds (a city relabels them in its file),
-- the statuses and the stages of the request state machine. Everything a city decides (channels, departments,
-- topics, working calendars, holidays, SLA policies, its time zone) comes from its city file
-- (`services360 config apply`, config/cities/*.yaml), never from a migration. Amended 2026-12-06: this migration
-- used to seed Dubai's catalogue; a database that ran that text keeps it (migrations/amendments.json), and Dubai's
-- file applies onto it without a change but for its later holidays.

INSERT INTO categories (code, name_en, name_ar, sort) VALUES
 ('inquiry',         'Inquiry',         'استفسار',   1),
 ('report',          'Report',          'بلاغ',      2),
 ('observation',     'Observation',     'ملاحظة',    3),
 ('complaint',       'Complaint',       'شكوى',      4),
 ('service_request', 'Service request', 'طلب خدمة',  5),
 ('suggestion',      'Suggestion',      'اقتراح',    6);

INSERT INTO statuses (code, name_en, name_ar, status_class, sort) VALUES
 ('received',    'Received',    'تم الاستلام',  'open',      1),
 ('assigned',    'Assigned',    'تم الإسناد',   'open',      2),
 ('in_progress', 'In progress', 'قيد التنفيذ',  'open',      3),
 ('on_hold',     'On hold',     'معلق',         'open',      4),
 ('resolved',    'Resolved',    'تم الحل',      'closed',    5),
 ('closed',      'Closed',      'مغلق',         'closed',    6),
 ('cancelled',   'Cancelled',   'ملغى',         'cancelled', 7);

INSERT INTO stages (code, status_code, name_en, name_ar, progress_pct, sort) VALUES
 ('received',          'received',    'Received',                    'تم الاستلام',              0,   1),
 ('assigned',          'assigned',    'Assigned to a team',          'تم الإسناد إلى فريق',      10,  2),
 ('in_progress',       'in_progress', 'In progress',                 'قيد التنفيذ',              30,  3),
 ('inspection',        'in_progress', 'Inspection',                  'التفتيش',                  40,  4),
 ('field_visit',       'in_progress', 'Field visit',                 'زيارة ميدانية',            55,  5),
 ('work_order',        'in_progress', 'Work order issued',           'إصدار أمر عمل',            70,  6),
 ('work_done',         'in_progress', 'Work completed',              'اكتمال العمل',             85,  7),
 ('on_hold',           'on_hold',     'On hold (awaiting customer)', 'معلق (بانتظار المتعامل)',  NULL, 8),
 ('resolved',          'resolved',    'Resolved',                    'تم الحل',                  95,  9),
 ('closed',            'closed',      'Closed',                      'مغلق',                     100, 10),
 ('cancelled',         'cancelled',   'Cancelled',                   'ملغى',                     NULL, 11);
