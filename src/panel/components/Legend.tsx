// The choropleth legend: threshold steps, a gradient for continuous schemes, value mappings and "No data".
import React from 'react';
import type { LegendItem, LegendModel } from '../style/legend.ts';

export const HATCH = (color: string) => `repeating-linear-gradient(135deg, ${color} 0 2px, transparent 2px 6px)`;

export function Legend({ model, tv, className }: { model: LegendModel; tv: boolean; className: string }) {
  const swatch = tv ? 22 : 12;
  const item = (i: LegendItem, key: string) => (
    <li key={key} style={{ display: 'flex', alignItems: 'center', gap: tv ? 10 : 6 }}>
      <span style={{ width: swatch, height: swatch, flex: 'none', borderRadius: 2, background: i.hatch ? HATCH(i.color) : i.color, border: i.hatch ? `1px dashed ${i.color}` : 'none' }} />
      <span>{i.label}</span>
    </li>
  );
  return (
    <div className={className} data-testid="zonemap-legend">
      <div style={{ fontWeight: 600, marginBottom: tv ? 8 : 4 }}>{model.title}</div>
      {model.gradient && (
        <div>
          <div style={{ height: swatch, width: tv ? 260 : 140, borderRadius: 2, background: `linear-gradient(to right, ${model.gradient.colors.join(', ')})` }} />
          <div style={{ display: 'flex', justifyContent: 'space-between', width: tv ? 260 : 140 }}><span>{model.gradient.min}</span><span>{model.gradient.max}</span></div>
        </div>
      )}
      <ul style={{ listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tv ? 6 : 2 }}>
        {model.items.map((i, n) => item(i, `i${n}`))}
        {model.noData && item(model.noData, 'nodata')}
      </ul>
    </div>
  );
}
