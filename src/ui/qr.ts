import QRCode from 'qrcode';

/**
 * Short, with no space: spaces in the issuer have broken iOS scanners (Google and Microsoft
 * Authenticator), and every byte counts on an 80×24 terminal.
 */
const ISSUER = 'AWS';

/** Error correction L: the screen is not a crumpled sticker, and L keeps the code smallest. */
const ERROR_CORRECTION = 'L';

/** Who the code is for: the app shows `AWS:<device>@<account>`. */
export interface QrLabel {
  device: string;
  /**
   * A mark after the device name that tells this code from an earlier attempt's, still in the
   * app (`.1207-1433`: month, day, hour, minute); kept by every shortened label.
   */
  tag?: string;
  /** The account alias, when the account has one. */
  alias?: string;
  accountId: string;
}

/** Characters an otpauth label keeps as they are; everything else is percent-encoded. */
const LABEL_SAFE = /[A-Za-z0-9._~,=-]/;

function encodeLabelPart(text: string): string {
  // NOTE: '+' is encoded ('+' reads as a space in some apps' decoders), '@' too (it
  // separates the device from the account), and ':' too (FreeOTP splits the label on it).
  return [...text].map((char) => (LABEL_SAFE.test(char) ? char : encodeURIComponent(char))).join('');
}

/**
 * The otpauth URI for an authenticator app: lower-case scheme (an upper-case one breaks
 * Android readers), issuer `AWS` in the label and in `issuer=`, the secret last so that it
 * is one alphanumeric run at the end. 6 digits, 30 s and SHA-1 are the apps' defaults.
 */
export function otpauthUri(label: string, seed: string): string {
  return `otpauth://totp/${ISSUER}:${label}?issuer=${ISSUER}&secret=${seed}`;
}

/**
 * Labels from the most to the least telling: `device@alias`, `device@account id`,
 * `device`, then the device name cut shorter and shorter (marked with `..`).
 */
function labelsToTry(label: QrLabel): string[] {
  const tag = label.tag ? `.${encodeLabelPart(label.tag)}` : '';
  const device = encodeLabelPart(label.device) + tag;
  const labels = [
    ...(label.alias ? [`${device}@${encodeLabelPart(label.alias)}`] : []),
    `${device}@${label.accountId}`,
    device,
  ];
  const chars = [...label.device];
  for (let keep = chars.length - 4; keep >= 4; keep -= 4) labels.push(`${encodeLabelPart(chars.slice(0, keep).join(''))}..${tag}`);
  return labels;
}

/** The full label, as the app will show it when the terminal has room: for the PNG and the record. */
export function fullLabel(label: QrLabel): string {
  return labelsToTry(label)[0]!;
}

/** A QR matrix: `dark(row, column)`, `size` modules a side. */
export interface QrMatrix {
  size: number;
  version: number;
  dark(row: number, column: number): boolean;
  /** The encoding modes used, in order (e.g. byte, numeric, byte, alphanumeric). */
  modes: string[];
}

/**
 * Encodes `text` in as few modules as QR allows: node-qrcode splits it into the cheapest
 * segments (the base32 secret becomes one alphanumeric segment, an account id a numeric one).
 */
export function encodeQr(text: string): QrMatrix {
  const qr = QRCode.create(text, { errorCorrectionLevel: ERROR_CORRECTION });
  const { size, data } = qr.modules;
  return {
    size,
    version: qr.version,
    dark: (row, column) => data[row * size + column] === 1,
    modes: qr.segments.map((segment) => segment.mode.id),
  };
}

/** How the code is painted. */
export type QrPaint =
  /** Explicit colours: black modules on white, whatever the terminal's theme. */
  | { kind: 'color'; palette: '256' | '16' }
  /** No colour codes: glyphs are the terminal's text colour on its background. */
  | { kind: 'ink'; background: 'light' | 'dark' };

const SGR = {
  '256': { fg: { dark: '38;5;16', light: '38;5;231' }, bg: { dark: '48;5;16', light: '48;5;231' } },
  '16': { fg: { dark: '30', light: '97' }, bg: { dark: '40', light: '107' } },
} as const;

/**
 * Draws the matrix in half blocks, two module rows a terminal line, with a quiet zone of
 * `quiet` modules. In colour every cell is '▀' with the top module as foreground and the
 * bottom one as background (no gap between lines can show the wrong colour); in ink the
 * glyphs draw the modules that differ from the terminal's background.
 */
export function drawQr(qr: QrMatrix, quiet: number, paint: QrPaint): string[] {
  const side = qr.size + quiet * 2;
  const dark = (row: number, column: number) => {
    const r = row - quiet;
    const c = column - quiet;
    return r >= 0 && c >= 0 && r < qr.size && c < qr.size && qr.dark(r, c);
  };
  const lines: string[] = [];
  for (let row = 0; row < side; row += 2) {
    let line = '';
    let last = '';
    for (let column = 0; column < side; column++) {
      const top = dark(row, column);
      const bottom = row + 1 < side && dark(row + 1, column);
      if (paint.kind === 'color') {
        const sgr = SGR[paint.palette];
        const codes = `${sgr.fg[top ? 'dark' : 'light']};${sgr.bg[bottom ? 'dark' : 'light']}`;
        if (codes !== last) line += `\u001b[${codes}m`;
        last = codes;
        line += '▀';
      } else {
        // Ink is the terminal's text colour: on a light background it draws the dark modules.
        const inkTop = paint.background === 'light' ? top : !top;
        const inkBottom = paint.background === 'light' ? bottom : row + 1 < side ? !bottom : false;
        line += inkTop ? (inkBottom ? '█' : '▀') : inkBottom ? '▄' : ' ';
      }
    }
    lines.push(paint.kind === 'color' ? `${line}\u001b[0m` : line);
  }
  return lines;
}

/** Terminal lines a code of `size` modules takes with a quiet zone of `quiet`. */
function qrRows(size: number, quiet: number): number {
  return Math.ceil((size + quiet * 2) / 2);
}

/** The quiet zones tried, widest first: 4 is the standard's, 2 still scans (explicit white). */
const QUIET_ZONES = [4, 3, 2] as const;

export interface QrLayout {
  uri: string;
  label: string;
  qr: QrMatrix;
  quiet: number;
  /** Terminal columns and lines the drawing takes. */
  columns: number;
  rows: number;
}

/**
 * The most telling code that fits `space` (columns, and lines left for the code itself):
 * the longest label first, then the widest quiet zone. Undefined when even the smallest
 * code does not fit. `smallest` says the size that smallest code would need.
 */
export function layoutQr(
  label: QrLabel,
  seed: string,
  space: { columns: number; rows: number },
): { layout?: QrLayout; smallest: { columns: number; rows: number } } {
  let smallest = { columns: Infinity, rows: Infinity };
  for (const text of labelsToTry(label)) {
    const uri = otpauthUri(text, seed);
    const qr = encodeQr(uri);
    for (const quiet of QUIET_ZONES) {
      const columns = qr.size + quiet * 2;
      const rows = qrRows(qr.size, quiet);
      if (columns <= space.columns && rows <= space.rows) {
        return { layout: { uri, label: text, qr, quiet, columns, rows }, smallest };
      }
      if (rows < smallest.rows) smallest = { columns, rows };
    }
  }
  return { smallest };
}

/** The seed in groups of four, for typing into an app by hand. */
export function groupedKey(seed: string): string {
  return seed.match(/.{1,4}/g)?.join(' ') ?? seed;
}

/** The grouped key in as few lines of at most `columns` as it takes, the groups shared out evenly. */
export function keyLines(seed: string, columns: number): string[] {
  const groups = groupedKey(seed).split(' ');
  const perLineMax = Math.max(1, Math.floor((columns + 1) / 5));
  const lineCount = Math.ceil(groups.length / perLineMax);
  const perLine = Math.ceil(groups.length / lineCount);
  const lines: string[] = [];
  for (let i = 0; i < groups.length; i += perLine) lines.push(groups.slice(i, i + perLine).join(' '));
  return lines;
}

/** A black-on-white PNG of the QR code (8 px a module, the standard 4-module quiet zone). */
export function qrPng(uri: string): Promise<Buffer> {
  return QRCode.toBuffer(uri, { errorCorrectionLevel: ERROR_CORRECTION, margin: 4, scale: 8, type: 'png' });
}
