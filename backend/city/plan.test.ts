import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readCityFile } from './check-file.ts';
import { fromFile, toFile, type State } from './model.ts';
import { formatPlan, planChanges } from './plan.ts';
import type { InUse } from './read-state.ts';

const DUBAI = readCityFile(
  readFileSync(join(fileURLToPath(import.meta.url), '../../../config/cities/dubai.yaml'), 'utf8'),
  'dubai.yaml'
);
const state = (): State => fromFile(structuredClone(DUBAI));
const unused = (): InUse => ({
  channel: new Map(),
  topic: new Map(),
  department: new Map(),
  calendar: new Map(),
  policy: new Map(),
  requests: 0,
});
/** The database's side: the file's State with versions, as read-state gives it. */
function database(): State {
  const s = state();
  for (const p of s.policies.values()) {
    p.version = 1;
  }
  return s;
}

test('the same configuration on both sides: no steps', () => {
  const plan = planChanges(database(), state(), unused());
  assert.deepEqual(plan, { steps: [], problems: [] });
  assert.equal(formatPlan(plan), 'No changes: the database matches the file.');
});

test('toFile then fromFile gives the same State back', () => {
  assert.deepEqual(fromFile(toFile(state())), state());
});

test('a channel marked digital (or no longer): the plan shows the flag', () => {
  const want = state();
  want.channels.get('social_media')!.digital = true;
  want.channels.get('website')!.digital = false;
  assert.equal(
    formatPlan(planChanges(database(), want, unused())),
    [
      '~ channels website',
      '    digital: true → false',
      '~ channels social_media',
      '    digital: false → true',
      '',
      'Plan: 0 to add, 2 to change, 0 to delete or retire.',
    ].join('\n')
  );
  // Only a digital channel says so in the file: false is the default.
  const file = toFile(want);
  assert.deepEqual(
    file.channels.filter((c) => 'digital' in c).map((c) => [c.code, c.digital]),
    [
      ['social_media', true],
      ['whatsapp', true],
      ['virtual_assistant', true],
      ['open311', true],
    ]
  );
  assert.deepEqual(fromFile(file).channels, want.channels);
});

test('a change lists each changed field with its old and new value', () => {
  const want = state();
  want.topics.get('waste.overflowing_bin')!.names.en = 'Full bin';
  want.topics.get('waste.overflowing_bin')!.default_priority = 'high';
  const plan = planChanges(database(), want, unused());
  assert.equal(
    formatPlan(plan),
    [
      '~ topics waste.overflowing_bin',
      '    name.en: "Overflowing bin" → "Full bin"',
      '    default_priority: "normal" → "high"',
      '',
      'Plan: 0 to add, 1 to change, 0 to delete or retire.',
    ].join('\n')
  );
});

test('a topic no longer listed: retired when requests use it, deleted when nothing does', () => {
  const want = state();
  want.topics.delete('environment.noise');
  want.topics.delete('environment.air_quality');
  const inUse = unused();
  inUse.topic.set('environment.noise', 3);
  const steps = planChanges(database(), want, inUse).steps;
  assert.deepEqual(
    steps.map((s) => [s.op, s.code, s.action]),
    [
      ['-', 'environment.air_quality', 'delete'],
      ['-', 'environment.noise', 'retire'],
    ]
  );
});

test('a department whose retired topic stays is retired too, and its calendar stays while it holds it', () => {
  const want = state();
  want.topics.delete('drainage.blocked_drain');
  want.topics.delete('drainage.sewage_overflow');
  want.departments.delete('drainage');
  want.policies.delete('sewage_overflow');
  const inUse = unused();
  inUse.topic.set('drainage.sewage_overflow', 1);
  inUse.policy.set('sewage_overflow', 1);
  const steps = planChanges(database(), want, inUse).steps.filter((s) => s.op === '-');
  assert.deepEqual(
    steps.map((s) => [s.section, s.code, s.action]),
    [
      ['sla_policies', 'sewage_overflow', 'retire'],
      ['topics', 'drainage.blocked_drain', 'delete'],
      ['topics', 'drainage.sewage_overflow', 'retire'],
      ['departments', 'drainage', 'retire'],
    ]
  );
});

test('a policy leaving the file ends now when requests were opened under it, and never applies when none were', () => {
  const want = state();
  want.policies.delete('sewage_overflow');
  want.policies.delete('complaint');
  const inUse = unused();
  inUse.policy.set('complaint', 3);
  const steps = planChanges(database(), want, inUse).steps.filter((s) => s.section === 'sla_policies');
  assert.deepEqual(
    steps.map((s) => [s.code, s.action]),
    [
      ['complaint', 'retire'],
      ['sewage_overflow', 'void'],
    ]
  );
  assert.match(
    formatPlan({ steps, problems: [] }),
    /- sla_policies sewage_overflow: void \(no request was opened under it: it never applies\)/
  );
});

test('a changed policy is a new version from its effective_from; one not after the current version is refused', () => {
  const want = state();
  const p = want.policies.get('complaint')!;
  p.resolution_minutes = 1200;
  p.effective_from = Date.parse('2027-01-01T00:00:00+04:00');
  const plan = planChanges(database(), want, unused());
  assert.deepEqual(
    plan.steps.map((s) => [s.op, s.code, s.action, s.version, s.note, s.fields]),
    [
      [
        '~',
        'complaint',
        'version',
        2,
        'version 2 from 2027-01-01',
        [{ field: 'resolution_minutes', from: '2400', to: '1200' }],
      ],
    ]
  );
  p.effective_from = Date.parse('1999-12-31T00:00:00Z');
  const refused = planChanges(database(), want, unused());
  assert.deepEqual(
    refused.problems.map((x) => x.path),
    ['sla_policies[0].effective_from']
  );
  assert.match(refused.problems[0].message, /^must be after version 1's effective_from \(2000-01-01T00:00:00Z\)/);
});

test("the city's time zone changes while no request is held, and is refused once requests are (their buckets were cut in it)", () => {
  const want = state();
  want.city.time_zone = 'Europe/Paris';
  const empty = planChanges(database(), want, unused());
  assert.deepEqual(empty.problems, []);
  assert.match(formatPlan(empty), /time_zone: "Asia\/Dubai" → "Europe\/Paris"/);
  const held = unused();
  held.requests = 12;
  const refused = planChanges(database(), want, held);
  assert.equal(refused.problems.length, 1);
  assert.equal(refused.problems[0].path, 'city.time_zone');
  assert.match(refused.problems[0].message, /12 request\(s\).*"Asia\/Dubai".*--rebuild-time-zone/);
  assert.equal(refused.rezone, undefined);
});

test('with rebuildTimeZone the change is planned with what it rebuilds: the calendars that move with the city', () => {
  const file = structuredClone(DUBAI);
  file.city.time_zone = 'Europe/Paris';
  const want = fromFile(file);
  const dated = structuredClone(DUBAI);
  dated.sla_policies[0].effective_from = '2000-01-01';
  const datedDb = fromFile(dated);
  for (const p of datedDb.policies.values()) {
    p.version = 1;
  }
  dated.city.time_zone = 'Europe/Paris';
  const held = unused();
  held.requests = 12;
  const plan = planChanges(database(), want, held, { rebuildTimeZone: true });
  assert.deepEqual(plan.problems, []);
  assert.deepEqual(plan.rezone, {
    from: 'Asia/Dubai',
    to: 'Europe/Paris',
    requests: 12,
    calendars: [...want.calendars.keys()].sort(),
  });
  assert.match(
    formatPlan(plan),
    /city city: rebuilds the day and month figures, tile bins and SLA clocks of 12 request\(s\)/
  );
  // Policies' effective_from dates are local: they start at the same local time in the new zone (not a new version);
  // refused, the change of zone is the one problem (not one per policy).
  const moved = planChanges(datedDb, fromFile(dated), held, { rebuildTimeZone: true });
  assert.deepEqual(moved.problems, []);
  assert.deepEqual(
    moved.steps.filter((s) => s.action === 'restamp').map((s) => [s.code, s.fields[0].from, s.fields[0].to]),
    [[dated.sla_policies[0].code, '1999-12-31T20:00:00.000Z', '1999-12-31T23:00:00.000Z']]
  );
  assert.equal(planChanges(datedDb, fromFile(dated), held).problems.length, 1);
  assert.equal(
    planChanges(database(), want, unused(), { rebuildTimeZone: true }).rezone,
    undefined,
    'nothing to rebuild without requests'
  );
});
