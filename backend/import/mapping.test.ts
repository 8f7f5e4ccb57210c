import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { compileMapping, loadMapping, MappingError, sourceFromFileName, withFlags } from './mapping.ts';

test('the shipped mappings load by name', () => {
  assert.equal(loadMapping('services360').columns.external_id, 'external_id');
  assert.deepEqual(loadMapping('open311-bulk').columns.closed_at, {
    column: 'updated_datetime',
    when_status: ['closed'],
  });
});

test('an unknown mapping name or a bad mapping file is a MappingError', () => {
  assert.throws(() => loadMapping('nope'), MappingError);
  assert.throws(() => loadMapping('/dev/null'), /not JSON/);
});

test('--map column=field and --set field=value go on top of the mapping', () => {
  const m = withFlags(loadMapping('services360'), ['Ticket No=external_id'], ['channel=call_centre']);
  assert.equal(m.columns.external_id, 'Ticket No');
  assert.equal(m.defaults.channel, 'call_centre');
  assert.throws(() => withFlags(m, ['x=colour']), /unknown field "colour"/);
  assert.throws(() => withFlags(m, ['nofield']), /expected column=field/);
});

test('columns match exactly, else ignoring case and spaces; unused and missing columns are listed', () => {
  const c = compileMapping(
    loadMapping('services360'),
    ['External_ID ', 'category', 'created_at', 'extra'],
    '/data/history 2025.csv'
  );
  assert.equal(c.fields.external_id?.index, 0);
  assert.equal(c.fields.source?.fallback, 'history-2025');
  assert.equal(c.fields.source?.label, 'source');
  assert.equal(c.fields.channel?.fallback, 'import');
  assert.deepEqual(c.ignored, ['extra']);
  assert.ok(c.missing.includes('lon'));
});

test('a required field with neither a column nor a value is refused before reading rows', () => {
  assert.throws(
    () => compileMapping(loadMapping('services360'), ['external_id', 'created_at'], 'x.csv'),
    /no column for category \(column "category"\)/
  );
});

test('a file name becomes a valid source', () => {
  assert.equal(sourceFromFileName('/tmp/Call centre (2024).csv'), 'Call-centre-2024');
  assert.equal(sourceFromFileName('/tmp/###.csv'), 'import');
});
