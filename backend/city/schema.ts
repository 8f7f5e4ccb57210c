// The city configuration file (YAML), as one zod schema: the shape. The published JSON Schema
// (config/city.schema.json) is generated from it (backend/city/write-schema.ts; a test keeps them equal), and
// the checks that need the whole file (references between sections, duplicates, languages, dates) are in
// check-file.ts. Codes are lower-case identifiers; the six request kinds and four priorities are fixed codes
// whose labels are the city's.
import { z } from 'zod';

export const REQUEST_KINDS = [
  'inquiry',
  'report',
  'observation',
  'complaint',
  'service_request',
  'suggestion',
] as const;
export const PRIORITY_CODES = ['low', 'normal', 'high', 'urgent'] as const;
export const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Day = (typeof DAYS)[number];

const code = z.string().regex(/^[a-z0-9][a-z0-9_.-]*$/, 'must be a code: lower-case letters, digits, "_", "." or "-"');
const language = z
  .string()
  .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a language tag such as "en", "ar" or "fr"');
const text = z.string().trim().min(1, 'must not be empty');
/** Names: English and Arabic always, further languages of the city's `languages` optionally. */
const names = z
  .object({ en: text, ar: text })
  .catchall(text)
  .meta({ description: "English and Arabic names (required) and names in the city's further languages" });
const span = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d-(([01]\d|2[0-3]):[0-5]\d|24:00)$/, 'must be "HH:MM-HH:MM" (end 24:00 allowed)');
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date "YYYY-MM-DD"');

const channel = z.strictObject({
  code,
  name: names,
  digital: z.boolean().optional().meta({
    description:
      'a digital channel (the website, apps, messaging, a virtual assistant): the digital_share metric counts its requests; default false',
  }),
});
const kind = z.strictObject({ code: z.enum(REQUEST_KINDS), name: names });
const priority = z.strictObject({ code: z.enum(PRIORITY_CODES), name: names });

const calendar = z.strictObject({
  code,
  name: names,
  time_zone: z.string().optional().meta({ description: "IANA zone; the city's when absent" }),
  hours: z
    .strictObject(
      Object.fromEntries(DAYS.map((d) => [d, z.array(span).optional()])) as Record<
        Day,
        z.ZodOptional<z.ZodArray<typeof span>>
      >
    )
    .meta({ description: "opening hours per day of the week, wall-clock in the calendar's zone" }),
  weekend: z.array(z.enum(DAYS)).meta({ description: 'the days without opening hours (must match `hours`)' }),
  observes_holidays: z.boolean(),
});

const department = z.strictObject({ code, name: names, calendar: code });

const topic = z.strictObject({
  code: code.meta({ description: 'the topic code, also its Open311 service_code' }),
  name: names,
  department: code,
  default_priority: z.enum(PRIORITY_CODES),
  proactive_action: z.record(language, text).optional().meta({ description: 'a short action text per language' }),
});

const holiday = z.strictObject({
  date,
  name: names,
  calendar: code
    .optional()
    .meta({ description: 'the calendar it closes; absent: every calendar that observes holidays' }),
  provisional: z
    .boolean()
    .optional()
    .meta({ description: 'a date computed ahead (e.g. a lunar holiday before its announcement)' }),
});

const policy = z.strictObject({
  code,
  applies_to: z
    .strictObject({
      kind: z.enum(REQUEST_KINDS).optional(),
      topic: code.optional(),
      priority: z.enum(PRIORITY_CODES).optional(),
      channel: code.optional(),
    })
    .meta({
      description:
        'requests it applies to; an absent key matches any (the most specific policy wins: topic, priority, channel, kind)',
    }),
  first_response_minutes: z.number().int().positive(),
  resolution_minutes: z.number().int().positive(),
  calendar: code,
  warning_pct: z.number().int().min(1).max(99),
  pause_statuses: z.array(z.enum(['received', 'assigned', 'in_progress', 'on_hold'])),
  effective_from: z.string().meta({
    description:
      "a date (midnight in the city's zone) or an ISO 8601 instant with a zone; a changed policy becomes a new version from then",
  }),
});

export const CityFileSchema = z
  .strictObject({
    city: z.strictObject({
      time_zone: z.string().meta({
        description: "the city's IANA time zone (day and month figures, calendars and naive import times follow it)",
      }),
      languages: z.array(language).meta({ description: 'the languages names are given in; en and ar always' }),
    }),
    request_kinds: z
      .array(kind)
      .meta({ description: "the six request kinds, in display order, with the city's labels" }),
    priorities: z.array(priority).meta({ description: "the four priorities, in order, with the city's labels" }),
    channels: z.array(channel).meta({ description: 'in display order' }),
    calendars: z.array(calendar),
    departments: z.array(department),
    topics: z.array(topic),
    holidays: z.array(holiday),
    sla_policies: z.array(policy),
  })
  .meta({ title: 'Services 360 city configuration', description: 'Applied with `services360 config apply FILE`' });

export type CityFile = z.infer<typeof CityFileSchema>;
export type Names = z.infer<typeof names>;
