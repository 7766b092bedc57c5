import jsqrModule from 'jsqr';
import type xterm from '@xterm/headless';

// jsqr is CommonJS with a default export: unwrap it whichever way the loader presents it.
const jsQR = ((jsqrModule as unknown as { default?: typeof jsqrModule }).default ?? jsqrModule) as unknown as typeof jsqrModule.default;

type Rgb = [number, number, number];

/** A terminal's colours: its default text and background, and its 16-colour palette. */
export interface Theme {
  name: string;
  foreground: Rgb;
  background: Rgb;
  ansi: Rgb[];
}

const XTERM_ANSI: Rgb[] = [
  [0, 0, 0], [205, 0, 0], [0, 205, 0], [205, 205, 0], [0, 0, 238], [205, 0, 205], [0, 205, 205], [229, 229, 229],
  [127, 127, 127], [255, 0, 0], [0, 255, 0], [255, 255, 0], [92, 92, 255], [255, 0, 255], [0, 255, 255], [255, 255, 255],
];

/** macOS Terminal's default profile ("Basic"): dark text on white. */
export const LIGHT_THEME: Theme = { name: 'light', foreground: [0, 0, 0], background: [255, 255, 255], ansi: XTERM_ANSI };
/** A dark profile (GNOME Terminal's default): light grey text on near-black. */
export const DARK_THEME: Theme = { name: 'dark', foreground: [208, 207, 204], background: [23, 20, 33], ansi: XTERM_ANSI };

function paletteColor(index: number, theme: Theme): Rgb {
  if (index < 16) return theme.ansi[index]!;
  if (index < 232) {
    const n = index - 16;
    const level = (v: number) => (v === 0 ? 0 : 55 + v * 40);
    return [level(Math.floor(n / 36)), level(Math.floor(n / 6) % 6), level(n % 6)];
  }
  const grey = 8 + (index - 232) * 10;
  return [grey, grey, grey];
}

type Cell = NonNullable<ReturnType<NonNullable<ReturnType<InstanceType<typeof xterm.Terminal>['buffer']['active']['getLine']>>['getCell']>>;

function cellColors(cell: Cell, theme: Theme): { fg: Rgb; bg: Rgb } {
  const fg: Rgb = cell.isFgDefault()
    ? theme.foreground
    : cell.isFgRGB()
      ? [(cell.getFgColor() >> 16) & 255, (cell.getFgColor() >> 8) & 255, cell.getFgColor() & 255]
      : paletteColor(cell.getFgColor(), theme);
  const bg: Rgb = cell.isBgDefault()
    ? theme.background
    : cell.isBgRGB()
      ? [(cell.getBgColor() >> 16) & 255, (cell.getBgColor() >> 8) & 255, cell.getBgColor() & 255]
      : paletteColor(cell.getBgColor(), theme);
  return cell.isInverse() ? { fg: bg, bg: fg } : { fg, bg };
}

const CELL_WIDTH = 8;
const CELL_HEIGHT = 16;

/**
 * What a phone camera sees of the terminal: each cell painted in its real colours under
 * `theme` (half and full blocks as their halves, other glyphs as background with a little
 * ink), `lines` of the active buffer from `first`.
 */
export function photograph(
  term: InstanceType<typeof xterm.Terminal>,
  theme: Theme,
  first?: number,
  count?: number,
  buffer = term.buffer.active,
) {
  const top = first ?? buffer.viewportY;
  const rows = count ?? term.rows;
  const width = term.cols * CELL_WIDTH;
  const height = rows * CELL_HEIGHT;
  const pixels = new Uint8ClampedArray(width * height * 4);
  const cell = buffer.getNullCell();
  for (let row = 0; row < rows; row++) {
    const line = buffer.getLine(top + row);
    for (let column = 0; column < term.cols; column++) {
      let upper = theme.background;
      let lower = theme.background;
      if (line?.getCell(column, cell)) {
        const { fg, bg } = cellColors(cell, theme);
        const char = cell.getChars();
        upper = char === '█' || char === '▀' ? fg : bg;
        lower = char === '█' || char === '▄' ? fg : bg;
        if (char && !'█▀▄ '.includes(char)) {
          // Text: mostly background, with the glyph's ink mixed in.
          const mix = (a: Rgb, b: Rgb): Rgb => [0, 1, 2].map((i) => Math.round(a[i]! * 0.75 + b[i]! * 0.25)) as Rgb;
          upper = lower = mix(bg, fg);
        }
      }
      for (let y = 0; y < CELL_HEIGHT; y++) {
        const color = y < CELL_HEIGHT / 2 ? upper : lower;
        for (let x = 0; x < CELL_WIDTH; x++) {
          const at = (((row * CELL_HEIGHT + y) * width) + column * CELL_WIDTH + x) * 4;
          pixels[at] = color[0];
          pixels[at + 1] = color[1];
          pixels[at + 2] = color[2];
          pixels[at + 3] = 255;
        }
      }
    }
  }
  return { pixels, width, height };
}

/** Decodes a QR code in the picture as most phone scanners do: never trying it inverted. */
export function scan(picture: { pixels: Uint8ClampedArray; width: number; height: number }): string | undefined {
  return jsQR(picture.pixels, picture.width, picture.height, { inversionAttempts: 'dontInvert' })?.data;
}

/** Shows `lines` on a headless terminal of `size` under `theme` and photographs it. */
export async function photographText(text: string, theme: Theme, size = { cols: 80, rows: 24 }) {
  const { default: headless } = await import('@xterm/headless');
  const term = new headless.Terminal({ ...size, allowProposedApi: true });
  await new Promise<void>((done) => term.write(text.replace(/\n/g, '\r\n'), done));
  const picture = photograph(term, theme);
  term.dispose();
  return picture;
}
