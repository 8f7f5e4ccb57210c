// The choropleth legend: threshold steps, a gradient for continuous schemes, value mappings and "No data".
import React from 'react';
import type { LegendItem, LegendModel } from '../style/legend.ts';

/** The swatch of an item: a fill (zones), a dot (a request), a translucent circle (a bin), a ring (a hot spot). */
function symbol(i: LegendItem, size: number): React.CSSProperties {
  const base: React.CSSProperties = { width: size, height: size, flex: 'none', boxSizing: 'border-box' };
  switch (i.shape) {
    case 'dot':
      return {
        ...base,
        width: size * 0.6,
        height: size * 0.6,
        margin: size * 0.2,
        borderRadius: '50%',
        background: i.color,
      };
    case 'bin':
      return { ...base, borderRadius: '50%', background: i.color, opacity: 0.75 };
    case 'ring':
      return { ...base, borderRadius: '50%', border: `${Math.max(2, size / 6)}px solid ${i.color}` };
    default:
      return {
        ...base,
        borderRadius: 2,
        background: i.hatch ? HATCH(i.color) : i.color,
        border: i.hatch ? `1px dashed ${i.color}` : 'none',
      };
  }
}

export const HATCH = (color: string) => `repeating-linear-gradient(135deg, ${color} 0 2px, transparent 2px 6px)`;

/** `scale`: the type scale's factor (style/type-scale.ts): swatches and gaps grow with the type. */
export function Legend({
  model,
  scale,
  className,
  rtl = false,
}: {
  model: LegendModel;
  scale: number;
  className: string;
  rtl?: boolean;
}) {
  const swatch = Math.round(12 * scale);
  const gap = Math.round(6 * scale);
  const bar = Math.round(140 * scale);
  const item = (i: LegendItem, key: string) => (
    <li key={key} style={{ display: 'flex', alignItems: 'center', gap }}>
      <span style={symbol(i, swatch)} data-shape={i.shape ?? 'fill'} />
      <span>{i.label}</span>
    </li>
  );
  return (
    <div className={className} data-testid="zonemap-legend" dir={rtl ? 'rtl' : 'ltr'}>
      <div style={{ fontWeight: 600, marginBottom: Math.round(4 * scale) }}>{model.title}</div>
      {model.gradient && (
        <div>
          <div
            style={{
              height: swatch,
              width: bar,
              borderRadius: 2,
              background: `linear-gradient(to ${rtl ? 'left' : 'right'}, ${model.gradient.colors.join(', ')})`,
            }}
          />
          <div style={{ display: 'flex', justifyContent: 'space-between', width: bar }}>
            <span>{model.gradient.min}</span>
            <span>{model.gradient.max}</span>
          </div>
        </div>
      )}
      <ul
        style={{
          listStyle: 'none',
          margin: 0,
          padding: 0,
          display: 'flex',
          flexDirection: 'column',
          gap: Math.round(2 * scale),
        }}
      >
        {model.items.map((i, n) => item(i, `i${n}`))}
        {model.noData && item(model.noData, 'nodata')}
      </ul>
      {model.sections?.map((s, n) => (
        <div key={`s${n}`} style={{ marginTop: gap }} data-testid="zonemap-legend-section">
          {s.title && <div style={{ fontWeight: 600, marginBottom: Math.round(4 * scale) }}>{s.title}</div>}
          <ul
            style={{
              listStyle: 'none',
              margin: 0,
              padding: 0,
              display: 'flex',
              flexDirection: 'column',
              gap: Math.round(2 * scale),
            }}
          >
            {s.items.map((i, k) => item(i, `s${n}-${k}`))}
          </ul>
        </div>
      ))}
    </div>
  );
}
