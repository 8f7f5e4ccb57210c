// Colour strings as Grafana's display processor returns them (#rgb, #rrggbb, #rrggbbaa, rgb(), rgba()).

export type RGBA = [number, number, number, number];

export function parseColor(color: string): RGBA | null {
  const c = color.trim().toLowerCase();
  let m = /^#([0-9a-f]{3,8})$/.exec(c);
  if (m) {
    let hex = m[1];
    if (hex.length === 3 || hex.length === 4) {
      hex = [...hex].map((ch) => ch + ch).join('');
    }
    if (hex.length !== 6 && hex.length !== 8) {
      return null;
    }
    const n = (i: number) => parseInt(hex.slice(i, i + 2), 16);
    return [n(0), n(2), n(4), hex.length === 8 ? n(6) / 255 : 1];
  }
  m = /^rgba?\(([^)]+)\)$/.exec(c);
  if (m) {
    const parts = m[1]
      .split(/[\s,/]+/)
      .filter(Boolean)
      .map(Number);
    if (parts.length < 3 || parts.some((x) => !Number.isFinite(x))) {
      return null;
    }
    return [parts[0], parts[1], parts[2], parts[3] ?? 1];
  }
  if (c === 'transparent') {
    return [0, 0, 0, 0];
  }
  return null;
}

/** The colour with its alpha multiplied by `alpha`, as rgba(); unknown colours are returned unchanged. */
export function withAlpha(color: string, alpha: number): string {
  const rgba = parseColor(color);
  if (!rgba) {
    return color;
  }
  const a = Math.round(rgba[3] * Math.max(0, Math.min(1, alpha)) * 1000) / 1000;
  return `rgba(${Math.round(rgba[0])}, ${Math.round(rgba[1])}, ${Math.round(rgba[2])}, ${a})`;
}

/** The colour seen when `top` (with alpha) is painted over an opaque `bottom`. */
export function blend(top: string, bottom: string): RGBA | null {
  const t = parseColor(top),
    b = parseColor(bottom);
  if (!t || !b) {
    return null;
  }
  const a = t[3];
  return [0, 1, 2].map((i) => Math.round(t[i] * a + b[i] * (1 - a))).concat(1) as RGBA;
}
