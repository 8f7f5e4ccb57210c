// Sends an Open311 document as JSON or XML (the same value; XML by the Spark convention).
import type { Response } from 'express';
import { toXml, type XmlValue } from '../../open311/format-xml.ts';
import { formatOf, type Format } from './negotiate.ts';

export function send(res: Response, status: number, root: string, value: XmlValue): void {
  // Set by chooseFormat; read from the path when an error came before the router (a body parser's).
  const format: Format = (res.locals.open311Format as Format | undefined) ?? formatOf(res.req?.path ?? '');
  res.status(status);
  if (format === 'xml') {
    res.type('text/xml; charset=utf-8').send(toXml(root, value));
  } else {
    res.type('application/json; charset=utf-8').send(JSON.stringify(value));
  }
}
