// One of our requests as an Open311 service request (GET requests, GET requests/{id}). Only public
// fields: the customer and any personal data stay out by construction (the SQL never selects them);
// the description, the address and the exact point only as the city chose (privacy.ts).
import type { ReferenceIndex, Status } from '../domain/reference.ts';
import { w3, w3Time } from './datetime.ts';
import { nameIn, type Lang } from './lang.ts';
import { serviceNotice } from './service-notice.ts';
import { shownCoordinate, type Open311Privacy } from './privacy.ts';
import { statusNotes, toOpen311Status, type Open311Status, type StatusClass } from './status-map.ts';

/** A row of sql/open311/find_requests.sql or find_by_references.sql. */
export type RequestRow = {
  reference: string;
  status: Status;
  stage: string;
  topic_code: string | null;
  department_code: string | null;
  description: string | null;
  address: string | null;
  media_url: string | null;
  lon: number | null;
  lat: number | null;
  created_at: Date;
  updated_at: Date;
  resolution_due_at: Date | null;
  first_response_minutes: number | null;
  resolution_minutes: number | null;
  calendar_name_en: string | null;
  calendar_name_ar: string | null;
};

export type Open311Request = {
  service_request_id: string;
  status: Open311Status;
  status_notes: string;
  service_name: string | null;
  service_code: string | null;
  description: string | null;
  agency_responsible: string | null;
  service_notice: string | null;
  requested_datetime: string;
  updated_datetime: string;
  expected_datetime: string | null;
  address: string | null;
  lat: number | null;
  long: number | null;
  media_url: string | null;
};

export function toOpen311Request(
  row: RequestRow,
  ref: ReferenceIndex,
  lang: Lang,
  privacy: Open311Privacy
): Open311Request {
  const status = ref.statuses.find((s) => s.code === row.status);
  const stage = ref.stage.get(row.stage);
  const department = nameIn(
    ref.departments.find((d) => d.code === row.department_code),
    lang
  );
  return {
    service_request_id: row.reference,
    status: toOpen311Status((status?.status_class ?? 'open') as StatusClass),
    status_notes: statusNotes(nameIn(status, lang) ?? row.status, nameIn(stage, lang)),
    service_name: row.topic_code ? nameIn(ref.topic.get(row.topic_code), lang) : null,
    service_code: row.topic_code,
    description: privacy.description ? row.description : null,
    agency_responsible: department,
    service_notice: serviceNotice(
      {
        department,
        firstResponseMinutes: row.first_response_minutes,
        resolutionMinutes: row.resolution_minutes,
        calendar: lang === 'ar' ? row.calendar_name_ar : row.calendar_name_en,
      },
      lang
    ),
    requested_datetime: w3Time(row.created_at),
    updated_datetime: w3Time(row.updated_at),
    expected_datetime: w3(row.resolution_due_at),
    address: privacy.address ? row.address : null,
    lat: shownCoordinate(row.lat, privacy),
    long: shownCoordinate(row.lon, privacy),
    // Not stored yet: the requests table has no media column (see the Open311 notes in the report).
    media_url: row.media_url,
  };
}
