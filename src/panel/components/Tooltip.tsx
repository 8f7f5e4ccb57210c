// Hover tooltip (and, after a click, the pinned one with data links): zone name in English and Arabic
// (right to left, in a font with Arabic glyphs), value with unit, population.
import React from 'react';
import type { HoverInfo } from '../map/ZoneMapController.ts';
import { LABEL_FONT_FAMILY } from '../style/labels.ts';

export function Tooltip({ hover, pinned, className, width, height, onClose }: { hover: HoverInfo; pinned: boolean; className: string; width: number; height: number; onClose(): void }) {
  const { model, x, y } = hover;
  const left = x > width * 0.6 ? undefined : x + 14;
  const right = x > width * 0.6 ? width - x + 14 : undefined;
  const top = y > height * 0.6 ? undefined : y + 14;
  const bottom = y > height * 0.6 ? height - y + 14 : undefined;
  return (
    <div className={className} style={{ left, right, top, bottom, pointerEvents: pinned ? 'auto' : 'none' }} data-testid="zonemap-tooltip" data-zone={model.zoneCode ?? ''}>
      {pinned && <button type="button" aria-label="Close" onClick={onClose} style={{ float: 'right', background: 'none', border: 'none', color: 'inherit', cursor: 'pointer' }}>×</button>}
      <div style={{ fontWeight: 600 }} data-testid="zonemap-tooltip-title">{model.title}</div>
      {model.titleAr && <div dir="rtl" lang="ar" style={{ fontFamily: LABEL_FONT_FAMILY, textAlign: 'right', unicodeBidi: 'isolate' }} data-testid="zonemap-tooltip-ar">{model.titleAr}</div>}
      <table style={{ borderSpacing: '8px 1px', marginLeft: -8 }}>
        <tbody>
          {model.rows.map((r) => (
            <tr key={r.label}><td style={{ opacity: 0.75 }}>{r.label}</td><td style={{ fontWeight: 500 }} dir={r.dir} lang={r.lang} data-testid={`zonemap-tooltip-${r.key ?? r.label}`}>{r.value}</td></tr>
          ))}
        </tbody>
      </table>
      {pinned && !!model.links?.length && (
        <ul style={{ listStyle: 'none', margin: '4px 0 0', padding: 0 }} data-testid="zonemap-tooltip-links">
          {model.links.map((l) => <li key={l.href + l.title}><a href={l.href} target={l.target} rel="noreferrer" style={{ textDecoration: 'underline' }}>{l.title}</a></li>)}
        </ul>
      )}
    </div>
  );
}
