// @grafana/ui's global styles load Inter and Roboto Mono from public/fonts/; npm ships neither, so the host
// serves an installed font of the same kind (Inter when present, else Noto/DejaVu/Liberation) in their place.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const FONT_DIRS = ['/usr/share/fonts', '/usr/local/share/fonts'];
const SANS = [
  /^Inter-Regular\.(woff2|otf|ttf)$/,
  /^NotoSans-Regular\.ttf$/,
  /^DejaVuSans\.ttf$/,
  /^LiberationSans-Regular\.ttf$/,
];
const MONO = [
  /^RobotoMono-Regular\.ttf$/,
  /^NotoSansMono-Regular\.ttf$/,
  /^DejaVuSansMono\.ttf$/,
  /^LiberationMono-Regular\.ttf$/,
];

function allFonts(): string[] {
  const out: string[] = [];
  const walk = (dir: string, depth: number) => {
    if (depth > 4 || !existsSync(dir)) {
      return;
    }
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) {
        walk(p, depth + 1);
      } else if (/\.(woff2?|otf|ttf)$/i.test(name)) {
        out.push(p);
      }
    }
  };
  for (const d of FONT_DIRS) {
    walk(d, 0);
  }
  return out;
}

let cache: { sans?: string; mono?: string } | undefined;

/** The installed font file to serve for a /public/fonts/<family>/<file> request, or undefined. */
export function substituteFont(requestPath: string): string | undefined {
  if (!cache) {
    const fonts = allFonts();
    const pick = (patterns: RegExp[]) => {
      for (const re of patterns) {
        const hit = fonts.find((f) => re.test(f.split('/').pop()!));
        if (hit) {
          return hit;
        }
      }
      return undefined;
    };
    cache = { sans: pick(SANS), mono: pick(MONO) };
  }
  return requestPath.startsWith('roboto/') ? (cache.mono ?? cache.sans) : cache.sans;
}
