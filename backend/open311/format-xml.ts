// A small XML writer for Open311's schemaless documents. Objects become elements named by their keys;
// an array becomes an element whose children repeat one item name (the Spark convention the spec's
// JSON follows: `services` holds `service`s, `service_requests` holds `request`s).
export type XmlValue = string | number | boolean | null | undefined | XmlValue[] | { [key: string]: XmlValue };

/** Item element names of the lists that appear in Open311 documents, keyed by the list's element name. */
export const OPEN311_LIST_ITEMS: Readonly<Record<string, string>> = {
  services: 'service',
  service_requests: 'request',
  errors: 'error',
  endpoints: 'endpoint',
  formats: 'format',
  attributes: 'attribute',
  values: 'value',
};

// Characters XML 1.0 cannot carry at all (controls, lone surrogates, U+FFFE/U+FFFF): dropped, since
// escaping cannot make them well-formed.
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  '\r': '&#13;',
};
const ELEMENT_NAME = /^[A-Za-z_][A-Za-z0-9._-]*$/;

export function escapeXml(text: string): string {
  return text.replace(NOT_XML_CHAR, '').replace(/[&<>"'\r]/g, (c) => ENTITIES[c]);
}

/** A whole document: the declaration the spec asks for, then `root` holding `value`. */
export function toXml(
  root: string,
  value: XmlValue,
  listItems: Readonly<Record<string, string>> = OPEN311_LIST_ITEMS
): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n${element(root, value, listItems)}\n`;
}

function element(name: string, value: XmlValue, listItems: Readonly<Record<string, string>>): string {
  // Names come from our own code, never from input; a bad one is a programming error.
  if (!ELEMENT_NAME.test(name)) {
    throw new Error(`"${name}" is not an XML element name`);
  }
  if (value === null || value === undefined) {
    return `<${name}/>`;
  }
  if (Array.isArray(value)) {
    const item = listItems[name];
    if (!item) {
      throw new Error(`no item element name for the list "${name}"`);
    }
    return `<${name}>${value.map((v) => element(item, v, listItems)).join('')}</${name}>`;
  }
  if (typeof value === 'object') {
    return `<${name}>${Object.entries(value)
      .map(([k, v]) => element(k, v, listItems))
      .join('')}</${name}>`;
  }
  if (typeof value === 'number' && !Number.isFinite(value)) {
    return `<${name}/>`;
  }
  return `<${name}>${escapeXml(String(value))}</${name}>`;
}
