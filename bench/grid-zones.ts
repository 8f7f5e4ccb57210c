// A grid of square zones over Dubai's extent, for the benchmarks when the communities file is absent.
export function gridZones(cells = 15) {
  const [x0, y0, x1, y1] = [54.9, 24.75, 55.65, 25.35];
  const dx = (x1 - x0) / cells,
    dy = (y1 - y0) / cells;
  const features = [];
  for (let i = 0; i < cells; i++) {
    for (let j = 0; j < cells; j++) {
      const x = x0 + i * dx,
        y = y0 + j * dy;
      features.push({
        type: 'Feature',
        properties: { code: `G${i}-${j}`, name_en: `Grid ${i}-${j}`, name_ar: `شبكة ${i}-${j}` },
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [x, y],
              [x + dx, y],
              [x + dx, y + dy],
              [x, y + dy],
              [x, y],
            ],
          ],
        },
      });
    }
  }
  return { type: 'FeatureCollection', features };
}
