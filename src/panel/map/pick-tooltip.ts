// Which tooltip answers the pointer when a zone lies beneath something drawn over it (a bin, request or hot spot).
import type { TooltipModel } from '../layers/types.ts';

/**
 * The tooltip for what is under the pointer: `zone` (the zone beneath) and `over` (a hot spot, request or bin
 * drawn over it). A click answers with the zone; at city zoom a bin gives way to the zone, its count added as a
 * row; otherwise what is drawn on top answers. Pure.
 */
export function pickTooltip(
  zone: TooltipModel | null,
  over: TooltipModel | null,
  at: { click: boolean; cityZoom: boolean },
  binLabel: string
): TooltipModel | null {
  if (!over) {
    return zone;
  }
  if (!zone) {
    return at.click ? null : over;
  }
  if (at.click) {
    return zone;
  }
  if (over.aggregate && at.cityZoom) {
    const detail = [over.title, ...over.rows.map((r) => `${r.label}: ${r.value}`)].join(' · ');
    return { ...zone, rows: [...zone.rows, { key: 'bin', label: binLabel, value: detail }] };
  }
  return over;
}
