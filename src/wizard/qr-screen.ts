import { t } from '../ui/messages/index.js';
import type { Output } from '../ui/output.js';
import type { Choice } from '../ui/prompter.js';
import { drawQr, fullLabel, keyLines, layoutQr, type QrLabel, type QrPaint } from '../ui/qr.js';
import { displayWidth, truncateToWidth } from '../ui/width.js';
import type { SetupOptions } from './context.js';

/** What is on the screen: the QR code, or the key to type in by hand. */
export type View = 'qr' | 'key';

/** An answer to the question under the screen. */
export type Action = 'continue' | 'key' | 'qr' | 'png' | 'invert';

/** Lines the enable step takes under the code when --yes asks nothing here (blank, heading, prompt). */
const ROWS_FOR_FIRST_CODE = 3;

/** What the QR screen shows and what changes while it is up (the view, the paint, the note, the PNGs). */
export interface QrScreen {
  readonly label: QrLabel;
  readonly seed: string;
  readonly options: Pick<SetupOptions, 'qrPng' | 'yes'>;
  view: View;
  /** How the code is painted; none without a terminal. `i` flips an ink paint's background. */
  paint: QrPaint | undefined;
  /** False when the terminal's background is a guess: then `i` is offered. */
  readonly sure: boolean | undefined;
  /** Said over the code instead of the scan line (what just happened). */
  note: string | undefined;
  pngs: number;
}

/** The choices under the screen, as keys (one line, when `fits`) or as a menu. */
export function choicesFor(screen: QrScreen, view: View, fits: boolean): Choice<Action>[] {
  const { options, paint, sure, pngs } = screen;
  return [
    { value: 'continue', key: '', name: t(fits || view === 'key' ? 'qr.keyContinue' : 'qr.choiceAdded') },
    view === 'key'
      ? { value: 'qr', key: 'q', name: t('qr.keyShowQr') }
      : { value: 'key', key: 'k', name: t(fits ? 'qr.keyShowKey' : 'qr.choiceKey') },
    ...(options.qrPng || pngs > 0 ? [] : [{ value: 'png' as const, key: 'p', name: t(fits || view === 'key' ? 'qr.keyPng' : 'qr.choicePng') }]),
    ...(paint?.kind === 'ink' && sure === false && view === 'qr' && fits ? [{ value: 'invert' as const, key: 'i', name: t('qr.keyInvert') }] : []),
  ];
}

/** The question and its choices on one line. */
export function compactQuestion(view: View, choices: Choice<Action>[]): string {
  return `${t(view === 'key' ? 'qr.askAdded' : 'qr.askScanned')} ${choices.map((c) => c.name).join(' · ')} `;
}

/** One line, cut to the terminal's width: the alternate screen has no line to spare. */
function oneLine(text: string, columns: number): string {
  return displayWidth(text) <= columns ? text : `${truncateToWidth(text, columns - 1)}…`;
}

/** Draws the screen's view on a clear screen; true when it is asked about on one line. */
export function drawView(screen: QrScreen, out: Output): boolean {
  out.clearScreen();
  const size = out.size();
  if (screen.view === 'qr' && size && screen.paint) return drawCode(screen, out, size, screen.paint);
  if (screen.view === 'qr') out.info(t('qr.noTerminal'));
  else drawKey(screen, out, size);
  return screen.view === 'key';
}

/** The key in groups, for typing in by hand, under the same name as the QR code's. */
function drawKey(screen: QrScreen, out: Output, size: { columns: number } | undefined): void {
  // The same name as the QR code's, so a person who does both sees one entry.
  out.info(t('qr.manualKey', { label: decodeURIComponent(fullLabel(screen.label)) }));
  const width = Math.max(19, (size?.columns ?? 80) - 4);
  out.reveal(`\n${keyLines(screen.seed, width).map((line) => `    ${line}`).join('\n')}\n\n`);
}

/** The QR code as large as fits over the question; the size needed (false) when even the smallest does not. */
function drawCode(screen: QrScreen, out: Output, size: { columns: number; rows: number }, paint: QrPaint): boolean {
  const { label, seed, options } = screen;
  // With --yes nothing is asked here: the first code is, under the code (heading and prompt).
  const questionRows = options.yes ? ROWS_FOR_FIRST_CODE : Math.ceil(displayWidth(compactQuestion('qr', choicesFor(screen, 'qr', true))) / size.columns);
  const space = (rows: number) => layoutQr(label, seed, { columns: size.columns, rows });
  // A line over the code says what to do (or what just happened), unless the label would be cut for it.
  const withLine = space(size.rows - questionRows - 1).layout;
  const { layout, smallest } = withLine?.label === fullLabel(label) ? { layout: withLine, smallest: undefined } : space(size.rows - questionRows);
  if (!layout) {
    out.warn(t('qr.tooSmall', { columns: smallest!.columns, rows: smallest!.rows + questionRows, haveColumns: size.columns, haveRows: size.rows }));
    return false;
  }
  if (size.rows - questionRows - layout.rows >= 1) {
    out.info(oneLine(screen.note ?? t('qr.scan', { label: `AWS:${decodeURIComponent(layout.label)}` }), size.columns));
  }
  out.raw(`${drawQr(layout.qr, layout.quiet, paint).join('\n')}\n`);
  return true;
}
