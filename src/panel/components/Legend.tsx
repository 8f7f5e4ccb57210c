// The choropleth legend: threshold steps, a gradient for continuous schemes, value mappings and "No data".
import React from 'react';
import type { LegendItem, LegendModel } from '../style/legend.ts';

export const HATCH = (color: string) => `repeating-linear-gradient(135deg, ${color} 0 2px, transparent 2px 6px)`;

/** `scale`: the type scale's factor (style/type-scale.ts): swatches and gaps grow with the type. */
export function Legend({ model, scale, className, rtl = false }: { model: LegendModel; scale: number; className: string; rtl?: boolean }) {
  const swatch = Math.round(12 * scale);
  const gap = Math.round(6 * scale);
  const bar = Math.round(140 * scale);
  const item = (i: LegendItem, key: string) => (
    <li key={key} style={{ display: 'flex', alignItems: 'center', gap }}>
      <span style={{ width: swatch, height: swatch, flex: 'none', borderRadius: 2, background: i.hatch ? HATCH(i.color) : i.color, border: i.hatch ? `1px dashed ${i.color}` : 'none' }} />
      <span>{i.label}</span>
    </li>
  );
  return (
    <div className={className} data-testid="zonemap-legend" dir={rtl ? 'rtl' : 'ltr'}>
      <div style={{ fontWeight: 600, marginBottom: Math.round(4 * scale) }}>{model.title}</div>
      {model.gradient && (
        <div>
          <div style={{ height: swatch, width: bar, borderRadius: 2, background: `linear-gradient(to ${rtl ? 'left' : 'right'}, ${model.gradient.colors.join(', ')})` }} />
          <div style={{ display: 'flex', justifyContent: 'space-between', width: bar }}><span>{model.gradient.min}</span><span>{model.gradient.max}</span></div>
        </div>
      )}
      <ul style={{ listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: Math.round(2 * scale) }}>
        {model.items.map((i, n) => item(i, `i${n}`))}
        {model.noData && item(model.noData, 'nodata')}
      </ul>
    </div>
  );
}
