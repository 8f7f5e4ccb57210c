// The Arabic copies of the provisioned dashboards (provisioning/dashboards/services360-ar), read as Grafana reads them
// and compared with the English ones: the same panels, queries, options and layout — only what a person reads
// differs, and there it is Arabic. No database.
//
// "What a person reads" is every string under a key Grafana shows: a dashboard's, panel's, row's, link's or
// variable's `title`, `description`, `label` and `text` (a variable's current value, the language names), and an
// annotation's `name` (a variable's `name` is an identifier). In the Arabic copy none of them holds a Latin letter, except inside a dashboard path (/d/...) and
// the reference prefix "S360-" a user types. Uids and tags take the edition's suffix; links point at Arabic copies.
import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EDITIONS, uidIn } from '../../provisioning/generate/language.ts';
import { WALL, playlistFile } from '../../provisioning/generate/playlists.ts';
import { provisionedDashboards } from '../browser/zonemap-harness/provisioned.ts';
import { dashboardLinks } from '../../backend/forecast/metrics/proactive-actions.ts';

const ROOT = join(fileURLToPath(import.meta.url), '../../..');
const TEXT_KEYS = new Set(['title', 'description', 'label', 'text']);
const isText = (path: string, key: string) =>
  TEXT_KEYS.has(key) || (key === 'name' && path.includes('.annotations.list['));
/** Latin allowed in Arabic text: a dashboard path and the reference prefix. */
const NOT_WORDS = [/\/d\/[^\s)]+/g, /\bS360-/g];
const LATIN = /[A-Za-z]/;
const latinIn = (text: string) => LATIN.test(NOT_WORDS.reduce((s, re) => s.replace(re, ''), text));

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Difference = { path: string; key: string; en: string; ar: string };

/** The strings that differ between two documents of the same shape; throws where the shapes or non-strings differ. */
function differences(en: Json, ar: Json, path: string, key: string, out: Difference[]): Difference[] {
  if (typeof en === 'string' && typeof ar === 'string') {
    if (en !== ar) {
      out.push({ path, key, en, ar });
    }
    return out;
  }
  if (Array.isArray(en) && Array.isArray(ar)) {
    assert.equal(ar.length, en.length, `${path}: as many items`);
    en.forEach((x, i) => differences(x, ar[i], `${path}[${i}]`, key, out));
    return out;
  }
  if (en && ar && typeof en === 'object' && typeof ar === 'object' && !Array.isArray(en) && !Array.isArray(ar)) {
    assert.deepEqual(Object.keys(ar), Object.keys(en), `${path}: the same keys`);
    for (const k of Object.keys(en)) {
      differences(en[k], ar[k], `${path}.${k}`, k, out);
    }
    return out;
  }
  assert.deepEqual(ar, en, `${path}: the same value`);
  return out;
}

/** Every human-read string of a document (TEXT_KEYS), with its path. */
function texts(doc: Json, path = '', key = ''): Array<{ path: string; text: string }> {
  if (typeof doc === 'string') {
    return isText(path, key) ? [{ path, text: doc }] : [];
  }
  if (Array.isArray(doc)) {
    return doc.flatMap((x, i) => texts(x, `${path}[${i}]`, key));
  }
  if (doc && typeof doc === 'object') {
    return Object.entries(doc).flatMap(([k, v]) => texts(v, `${path}.${k}`, k));
  }
  return [];
}

const english = provisionedDashboards('en') as unknown as Array<{ uid: string } & Json>;
const arabic = provisionedDashboards('ar') as unknown as Array<{ uid: string } & Json>;
const englishUids = english.map((d) => d.uid);

test('every English dashboard has one Arabic copy, its uid with -ar', () => {
  assert.equal(english.length, 7);
  assert.deepEqual(arabic.map((d) => d.uid).sort(), englishUids.map((u) => uidIn(u, 'ar')).sort());
});

for (const en of english) {
  const ar = arabic.find((d) => d.uid === uidIn(en.uid, 'ar'))!;
  test(`${ar.uid} is ${en.uid} with only what a person reads in Arabic`, () => {
    const diff = differences(en, ar, ar.uid, '', []);
    const allowed = (d: Difference) => {
      if (d.key === 'uid') {
        return d.ar === uidIn(d.en, 'ar');
      }
      if (d.key === 'tags') {
        return d.en === EDITIONS.en.tag && d.ar === EDITIONS.ar.tag;
      }
      if (d.key === 'value') {
        return d.en === 'en' && d.ar === 'ar';
      } // the language variable's default
      if (d.key === 'language') {
        return d.en === 'both' && d.ar === 'ar';
      } // zone labels: the Arabic name alone
      if (d.key === 'url' || d.key === 'description') {
        // Links (and the kiosk path in a description) go to the Arabic copies.
        for (const uid of englishUids) {
          if (d.en.includes(`/d/${uid}?`)) {
            assert.ok(
              d.ar.includes(`/d/${uidIn(uid, 'ar')}?`),
              `${d.path}: ${d.ar} links to the Arabic copy of ${uid}`
            );
          }
        }
        return (
          d.key === 'description' ||
          d.ar === englishUids.reduce((u, uid) => u.replace(`/d/${uid}?`, `/d/${uidIn(uid, 'ar')}?`), d.en)
        );
      }
      return isText(d.path, d.key);
    };
    for (const d of diff) {
      assert.ok(allowed(d), `${d.path}: "${d.en}" → "${d.ar}" is not a text, uid, tag or link`);
    }
    assert.ok(
      diff.filter((d) => d.key === 'title').length >= 2,
      "the dashboard's and its panels' titles are translated"
    );
    const text = JSON.stringify(ar);
    for (const uid of englishUids) {
      assert.doesNotMatch(
        text,
        new RegExp(`/d/${uid}(?!${EDITIONS.ar.uidSuffix})\\b`),
        `no link to the English ${uid}`
      );
    }
  });

  test(`${ar.uid}: no Latin letter in any title, description, label or name`, () => {
    const latin = texts(ar)
      .filter(({ text }) => latinIn(text))
      .map(({ path, text }) => `${path}: ${text}`);
    // The language variable offers "English" by its own name: the one Latin text allowed.
    assert.deepEqual(
      latin.filter((l) => !/\.templating\.list\[0\]\.(options|current)|: English$/.test(l)),
      []
    );
    const language = (
      ar as unknown as { templating: { list: Array<{ name: string; current: { value: string } }> } }
    ).templating.list.find((v) => v.name === 'language');
    assert.equal(language?.current.value, 'ar', 'the language variable defaults to Arabic');
  });
}

test('the Arabic wall playlist cycles the Arabic copies of the English wall', () => {
  const read = (lang: 'en' | 'ar') =>
    JSON.parse(readFileSync(join(ROOT, 'provisioning/playlists', playlistFile(lang)), 'utf8')) as {
      name: string;
      items: Array<{ value: string }>;
    };
  assert.deepEqual(
    read('en').items.map((i) => i.value),
    [...WALL]
  );
  assert.deepEqual(
    read('ar').items.map((i) => i.value),
    WALL.map((uid) => uidIn(uid, 'ar'))
  );
  assert.doesNotMatch(read('ar').name, LATIN);
  const arabicUids = new Set(arabic.map((d) => d.uid));
  for (const i of read('ar').items) {
    assert.ok(arabicUids.has(i.value), `${i.value} is provisioned`);
  }
});

test("the aggregator's links in an Arabic answer (the Act now table) open the Arabic copies, in English the English ones", () => {
  for (const [lang, dashboards] of [
    ['en', english],
    ['ar', arabic],
  ] as const) {
    const uids = new Set(dashboards.map((d) => d.uid));
    for (const url of Object.values(dashboardLinks(lang))) {
      const uid = /^\/d\/([\w-]+)\?/.exec(url)?.[1];
      assert.ok(uid && uids.has(uid), `${lang}: ${url} opens a provisioned dashboard of its language`);
      assert.match(url, new RegExp(`var-language=${lang}$`));
    }
  }
});
