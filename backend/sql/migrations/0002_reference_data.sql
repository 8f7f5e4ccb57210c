-- Reference data in English and Arabic.
INSERT INTO calendars (code, name_en, name_ar, timezone, weekly_hours) VALUES
 ('24x7', 'Around the clock', 'على مدار الساعة', 'Asia/Dubai',
  '[{"dow":1,"from":"00:00","to":"24:00"},{"dow":2,"from":"00:00","to":"24:00"},{"dow":3,"from":"00:00","to":"24:00"},
    {"dow":4,"from":"00:00","to":"24:00"},{"dow":5,"from":"00:00","to":"24:00"},{"dow":6,"from":"00:00","to":"24:00"},
    {"dow":7,"from":"00:00","to":"24:00"}]'),
 ('field', 'Field working hours', 'ساعات العمل الميداني', 'Asia/Dubai',
  '[{"dow":1,"from":"07:30","to":"15:30"},{"dow":2,"from":"07:30","to":"15:30"},{"dow":3,"from":"07:30","to":"15:30"},
    {"dow":4,"from":"07:30","to":"15:30"},{"dow":5,"from":"07:30","to":"12:00"}]');

INSERT INTO channels (code, name_en, name_ar, sort) VALUES
 ('website',           'Website',           'الموقع الإلكتروني',          1),
 ('social_media',      'Social media',      'وسائل التواصل الاجتماعي',   2),
 ('call_centre',       'Call centre',       'مركز الاتصال',               3),
 ('whatsapp',          'WhatsApp',          'واتساب',                     4),
 ('virtual_assistant', 'Virtual assistant', 'المساعد الافتراضي',          5),
 ('open311',           'Open311',           'واجهة Open311',              6),
 ('import',            'Import',            'استيراد',                    7),
 ('walk_in',           'Walk-in',           'الحضور الشخصي',              8);

INSERT INTO categories (code, name_en, name_ar, sort) VALUES
 ('inquiry',         'Inquiry',         'استفسار',   1),
 ('report',          'Report',          'بلاغ',      2),
 ('observation',     'Observation',     'ملاحظة',    3),
 ('complaint',       'Complaint',       'شكوى',      4),
 ('service_request', 'Service request', 'طلب خدمة',  5),
 ('suggestion',      'Suggestion',      'اقتراح',    6);

INSERT INTO departments (code, name_en, name_ar, calendar_code) VALUES
 ('waste',            'Waste Management',        'إدارة النفايات',                'field'),
 ('public_health',    'Public Health',           'الصحة العامة',                  'field'),
 ('food_safety',      'Food Safety',             'سلامة الغذاء',                  'field'),
 ('buildings',        'Buildings',               'المباني',                       'field'),
 ('drainage',         'Drainage and Sewerage',   'الصرف الصحي ومياه الأمطار',     '24x7'),
 ('parks',            'Public Parks and Agriculture', 'الحدائق العامة والزراعة', 'field'),
 ('environment',      'Environment',             'البيئة',                        'field'),
 ('customer_service', 'Customer Happiness',      'إسعاد المتعاملين',              '24x7');

INSERT INTO topics (code, name_en, name_ar, department_code, default_priority) VALUES
 ('waste.overflowing_bin',         'Overflowing bin',             'حاوية نفايات ممتلئة',           'waste',            'normal'),
 ('waste.illegal_dumping',         'Illegal dumping',             'رمي النفايات بشكل غير قانوني',  'waste',            'high'),
 ('waste.bulk_collection',         'Bulk waste collection',       'جمع النفايات الكبيرة',          'waste',            'low'),
 ('public_health.pest_control',    'Pest control',                'مكافحة الآفات',                 'public_health',    'normal'),
 ('public_health.stray_animals',   'Stray animals',               'الحيوانات الضالة',              'public_health',    'normal'),
 ('food_safety.violation',         'Food safety violation',       'مخالفة سلامة الغذاء',           'food_safety',      'high'),
 ('food_safety.hygiene',           'Restaurant hygiene',          'نظافة المطاعم',                 'food_safety',      'normal'),
 ('buildings.violation',           'Building violation',          'مخالفة بناء',                   'buildings',        'normal'),
 ('buildings.permit',              'Building permit',             'تصريح بناء',                    'buildings',        'low'),
 ('drainage.blocked_drain',        'Blocked rainwater drain',     'انسداد تصريف مياه الأمطار',     'drainage',         'high'),
 ('drainage.sewage_overflow',      'Sewage overflow',             'طفح مياه الصرف الصحي',          'drainage',         'urgent'),
 ('parks.damaged_facility',        'Damaged park facility',       'مرفق متضرر في حديقة',           'parks',            'normal'),
 ('parks.irrigation_leak',         'Irrigation leak',             'تسرب مياه الري',                'parks',            'normal'),
 ('environment.beach_cleanliness', 'Beach cleanliness',           'نظافة الشاطئ',                  'environment',      'normal'),
 ('environment.noise',             'Noise',                       'الضوضاء',                       'environment',      'low'),
 ('environment.air_quality',       'Air quality',                 'جودة الهواء',                   'environment',      'normal'),
 ('customer_service.general',      'General inquiry',             'استفسار عام',                   'customer_service', 'low'),
 ('customer_service.fees',         'Fees and payments',           'الرسوم والمدفوعات',             'customer_service', 'low');

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

-- SLA policies, version 1. The most specific match wins (topic+priority, topic, category+priority, category).
INSERT INTO sla_policies (code, version, category_code, topic_code, priority, first_response_minutes, resolution_minutes, calendar_code, warning_pct) VALUES
 ('inquiry',            1, 'inquiry',         NULL, NULL,   60,   1440, '24x7',  80),
 ('report',             1, 'report',          NULL, NULL,   240,  2400, 'field', 80),
 ('observation',        1, 'observation',     NULL, NULL,   480,  4800, 'field', 80),
 ('complaint',          1, 'complaint',       NULL, NULL,   240,  2400, 'field', 80),
 ('service_request',    1, 'service_request', NULL, NULL,   480,  4800, 'field', 80),
 ('suggestion',         1, 'suggestion',      NULL, NULL,   1440, 10080, '24x7', 80),
 ('urgent_any',         1, NULL,              NULL, 'urgent', 30,  240,  '24x7',  75),
 ('sewage_overflow',    1, NULL, 'drainage.sewage_overflow', NULL, 30, 360, '24x7', 75);

INSERT INTO holidays (calendar_code, day, name_en, name_ar) VALUES
 (NULL, '2025-01-01', 'New Year''s Day', 'رأس السنة الميلادية'),
 (NULL, '2025-03-30', 'Eid al-Fitr', 'عيد الفطر'),
 (NULL, '2025-03-31', 'Eid al-Fitr', 'عيد الفطر'),
 (NULL, '2025-04-01', 'Eid al-Fitr', 'عيد الفطر'),
 (NULL, '2025-06-05', 'Arafat Day', 'يوم عرفة'),
 (NULL, '2025-06-06', 'Eid al-Adha', 'عيد الأضحى'),
 (NULL, '2025-06-07', 'Eid al-Adha', 'عيد الأضحى'),
 (NULL, '2025-06-26', 'Islamic New Year', 'رأس السنة الهجرية'),
 (NULL, '2025-09-04', 'Prophet''s Birthday', 'المولد النبوي'),
 (NULL, '2025-12-01', 'Commemoration Day', 'يوم الشهيد'),
 (NULL, '2025-12-02', 'National Day', 'اليوم الوطني'),
 (NULL, '2025-12-03', 'National Day', 'اليوم الوطني'),
 (NULL, '2026-01-01', 'New Year''s Day', 'رأس السنة الميلادية'),
 (NULL, '2026-03-20', 'Eid al-Fitr', 'عيد الفطر'),
 (NULL, '2026-03-21', 'Eid al-Fitr', 'عيد الفطر'),
 (NULL, '2026-03-22', 'Eid al-Fitr', 'عيد الفطر'),
 (NULL, '2026-05-26', 'Arafat Day', 'يوم عرفة'),
 (NULL, '2026-05-27', 'Eid al-Adha', 'عيد الأضحى'),
 (NULL, '2026-05-28', 'Eid al-Adha', 'عيد الأضحى'),
 (NULL, '2026-06-16', 'Islamic New Year', 'رأس السنة الهجرية'),
 (NULL, '2026-08-25', 'Prophet''s Birthday', 'المولد النبوي'),
 (NULL, '2026-12-01', 'Commemoration Day', 'يوم الشهيد'),
 (NULL, '2026-12-02', 'National Day', 'اليوم الوطني'),
 (NULL, '2026-12-03', 'National Day', 'اليوم الوطني');
