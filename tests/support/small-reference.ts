// A small city's reference data for unit tests of filters: two channels, one topic of one department, three
// statuses (two open, one closed, none cancelled), one advisor (id 7) and two zones (ids 3 and 4).
import { indexReference, type ReferenceData, type ReferenceIndex } from '../../backend/domain/reference.ts';

const named = (code: string) => ({ code, name_en: code, name_ar: code });

export function smallReference(): ReferenceIndex {
  return indexReference({
    channels: [named('whatsapp'), named('website')],
    categories: [named('complaint')],
    departments: [{ ...named('waste'), calendar_code: 'field' }],
    topics: [{ ...named('waste.overflowing_bin'), department_code: 'waste', default_priority: 'normal' }],
    statuses: [
      { ...named('received'), status_class: 'open' },
      { ...named('on_hold'), status_class: 'open' },
      { ...named('closed'), status_class: 'closed' },
    ],
    stages: [],
    advisors: [{ id: 7, code: 'adv-1', department_code: 'waste' }],
    zones: [
      { id: 3, code: '332' },
      { id: 4, code: '333' },
    ],
  } as unknown as ReferenceData);
}
