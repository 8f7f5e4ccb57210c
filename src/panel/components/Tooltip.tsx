// Hover tooltip (and, after a click, the pinned one with data links): zone name in English and Arabic
// (right to left, in a font with Arabic glyphs), value with unit, population.
import React from 'react';
import type { HoverInfo } from '../map/ZoneMapController.ts';
import { LABEL_FONT_FAMILY } from '../style/labels.ts';

/** `rtl`: the panel speaks Arabic: the tooltip is mirrored and the Arabic name leads (the English one under it). */
export function Tooltip({
  hover,
  pinned,
  className,
  width,
  height,
  onClose,
  rtl = false,
  closeLabel = 'Close',
}: {
  hover: HoverInfo;
  pinned: boolean;
  className: string;
  width: number;
  height: number;
  onClose(): void;
  rtl?: boolean;
  closeLabel?: string;
}) {
  const { model, x, y } = hover;
  const arabic = model.titleAr ? (
    <div
      dir="rtl"
      lang="ar"
      style={{ fontFamily: LABEL_FONT_FAMILY, fontWeight: rtl ? 600 : 400, textAlign: 'right', unicodeBidi: 'isolate' }}
      data-testid="zonemap-tooltip-ar"
    >
      {model.titleAr}
    </div>
  ) : null;
  const left = x > width * 0.6 ? undefined : x + 14;
  const right = x > width * 0.6 ? width - x + 14 : undefined;
  const top = y > height * 0.6 ? undefined : y + 14;
  const bottom = y > height * 0.6 ? height - y + 14 : undefined;
  return (
    <div
      className={className}
      style={{ left, right, top, bottom, pointerEvents: pinned ? 'auto' : 'none' }}
      data-testid="zonemap-tooltip"
      data-zone={model.zoneCode ?? ''}
      dir={rtl ? 'rtl' : 'ltr'}
    >
      {pinned && (
        <button
          type="button"
          aria-label={closeLabel}
          onClick={onClose}
          style={{
            float: rtl ? 'left' : 'right',
            background: 'none',
            border: 'none',
            color: 'inherit',
            cursor: 'pointer',
          }}
        >
          ×
        </button>
      )}
      {rtl && arabic}
      <div
        style={{ fontWeight: rtl && model.titleAr ? 400 : 600 }}
        dir={model.titleAr ? 'ltr' : undefined}
        data-testid="zonemap-tooltip-title"
      >
        {model.title}
      </div>
      {!rtl && arabic}
      <table style={{ borderCollapse: 'collapse' }}>
        <tbody>
          {model.rows.map((r) => (
            <tr key={r.label}>
              <td style={{ opacity: 0.75 }}>{r.label}</td>
              <td
                style={{ fontWeight: 500 }}
                dir={r.dir}
                lang={r.lang}
                data-testid={`zonemap-tooltip-${r.key ?? r.label}`}
              >
                {r.value}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {pinned && !!model.links?.length && (
        <ul style={{ listStyle: 'none', margin: '4px 0 0', padding: 0 }} data-testid="zonemap-tooltip-links">
          {model.links.map((l) => (
            <li key={l.href + l.title}>
              <a href={l.href} target={l.target} rel="noreferrer" style={{ textDecoration: 'underline' }}>
                {l.title}
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
