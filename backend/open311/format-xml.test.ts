import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { XMLParser } from 'fast-xml-parser';
import { escapeXml, toXml } from './format-xml.ts';

const parse = (xml: string) =>
  new XMLParser({ parseTagValue: false, trimValues: false, htmlEntities: true }).parse(xml);

test('escapes the five markup characters', () => {
  assert.equal(escapeXml(`a & b < c > d " e ' f`), 'a &amp; b &lt; c &gt; d &quot; e &apos; f');
});

test('drops characters XML 1.0 cannot carry and keeps Arabic and emoji', () => {
  assert.equal(escapeXml('bell\u0007 nul\u0000 lone\uD800 ok'), 'bell nul lone ok');
  assert.equal(escapeXml('حاوية 🗑️'), 'حاوية 🗑️');
});

test('writes the declaration, nested objects and lists with their item names', () => {
  const xml = toXml('service_requests', [{ service_request_id: 'S360-000000001', lat: 25.1, account_id: null }]);
  assert.ok(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<service_requests><request>'));
  assert.match(xml, /<account_id\/>/);
  assert.deepEqual(parse(xml).service_requests.request, {
    service_request_id: 'S360-000000001',
    lat: '25.1',
    account_id: '',
  });
});

test('hostile text round-trips through a real parser unchanged', () => {
  const nasty = `</description><script>alert("x")</script> & 'quotes' ]]> <!-- -->\r\nline two`;
  const xml = toXml('service_requests', [{ description: nasty }]);
  assert.equal(parse(xml).service_requests.request.description, nasty);
});

test('booleans print as true/false and an unnamed list is a programming error', () => {
  assert.match(toXml('service', { metadata: true }), /<metadata>true<\/metadata>/);
  assert.throws(() => toXml('things', [1]), /no item element name/);
  assert.throws(() => toXml('a b', 'x'), /not an XML element name/);
});
