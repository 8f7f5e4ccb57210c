// The wall-screen playlist of each language (provisioning/playlists/services360-tv.json, services360-tv-ar.json):
// the same dashboards, each edition's own. Grafana does not provision playlists from files: post each once to
// /api/playlists (docs/provisioning.md).
import { LANGUAGES, uidIn, type Lang } from './language.ts';
import { DASHBOARD_UIDS } from './refs.ts';
import { COMMON_TEXTS } from './texts/common.ts';

/** What the wall cycles through, in order (every map of these is in TV mode: tests/integration/dashboards-wall.test.ts). */
export const WALL = [
  DASHBOARD_UIDS.executive,
  DASHBOARD_UIDS.zones,
  DASHBOARD_UIDS.sla,
  DASHBOARD_UIDS.categories,
] as const;
const INTERVAL = '1m';

export interface Playlist {
  name: string;
  interval: string;
  items: Array<{ type: 'dashboard_by_uid'; value: string }>;
}

export function wallPlaylist(lang: Lang): Playlist {
  return {
    name: COMMON_TEXTS[lang].wallPlaylist,
    interval: INTERVAL,
    items: WALL.map((uid) => ({ type: 'dashboard_by_uid', value: uidIn(uid, lang) })),
  };
}

/** provisioning/playlists/<file> of each language. */
export const playlistFile = (lang: Lang) => `services360-tv${lang === 'en' ? '' : `-${lang}`}.json`;

export const PLAYLISTS = LANGUAGES.map((lang) => ({ file: playlistFile(lang), playlist: wallPlaylist(lang) }));
