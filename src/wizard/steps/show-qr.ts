import { promises as fs } from 'node:fs';
import { AwsError } from '../../aws/errors.js';
import { CancelledError, UserError } from '../../errors.js';
import { t } from '../../ui/messages/index.js';
import type { Choice } from '../../ui/prompter.js';
import { drawQr, fullLabel, keyLines, layoutQr, otpauthUri, qrPng, type QrLabel } from '../../ui/qr.js';
import { displayWidth, truncateToWidth } from '../../ui/width.js';
import type { Aws, Device, Identity, SetupOptions, WizardDeps } from '../context.js';
import type { SetupRun } from '../run.js';

/**
 * The account alias the console shows; none when the account has none, or when IAM does not
 * tell (no permission, a 500, throttling): the account id serves, a label is not worth stopping for.
 */
async function accountAlias(aws: Pick<Aws, 'listAccountAliases'>): Promise<string | undefined> {
  try {
    return (await aws.listAccountAliases())[0];
  } catch (error) {
    if (error instanceof AwsError) return undefined;
    throw error;
  }
}

/** Writes the PNG (mode 0600, whole or not at all, never over an existing file); false if the name is taken. */
async function writePng(path: string, uri: string, deps: Pick<WizardDeps, 'out' | 'writer'>): Promise<boolean> {
  const png = await qrPng(uri);
  try {
    await deps.writer.write(path, png, 'create');
  } catch (error) {
    if (error instanceof UserError || error instanceof CancelledError) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    if (code === 'EEXIST') return false;
    throw new UserError('qr.pngFailed', { path, reason: code });
  }
  deps.out.success(t('qr.pngWritten', { path }));
  return true;
}

type View = 'qr' | 'key';

/** Lines the enable step takes under the code when --yes asks nothing here (blank, heading, prompt). */
const ROWS_FOR_FIRST_CODE = 3;
type Action = 'continue' | 'key' | 'qr' | 'png' | 'invert';

/**
 * Runs `moment` (the QR code and the two codes) on the terminal's alternate screen, so that
 * neither the code nor the key stays in the scrollback, and leaves it however `moment` ends.
 * What stays on the normal screen is `record`'s line (success) and the PNGs written.
 */
export async function onOwnScreen<T>(
  deps: Pick<WizardDeps, 'out'>,
  moment: () => Promise<T>,
  record: { done: (result: T) => string; pngs: () => string[] },
): Promise<T> {
  const { out } = deps;
  const separate = out.isTTY;
  out.heading(t('qr.heading'));
  out.enterAlternateScreen();
  let result: T;
  try {
    result = await moment();
  } finally {
    out.leaveAlternateScreen();
    // The PNG lines said on the alternate screen are gone with it: the files are still there.
    if (separate) for (const path of record.pngs()) out.success(t('qr.pngWritten', { path }));
  }
  out.success(record.done(result));
  return result;
}

/** One line, cut to the terminal's width: the alternate screen has no line to spare. */
function oneLine(text: string, columns: number): string {
  return displayWidth(text) <= columns ? text : `${truncateToWidth(text, columns - 1)}…`;
}

/**
 * Step 5: shows the QR code for the authenticator app, as large as the terminal allows and
 * right way round on any theme, redrawn when the window is resized; offers the key for manual
 * entry and a PNG (mode 0600). The key is shown only when asked for. With no room for even
 * the smallest code it says the size needed and offers the key and the PNG.
 */
export async function showQr(
  aws: Pick<Aws, 'listAccountAliases'>,
  identity: Identity,
  device: Device,
  options: Pick<SetupOptions, 'showSecret' | 'qrPng' | 'yes'>,
  deps: Pick<WizardDeps, 'out' | 'prompter' | 'interactive' | 'qrPaint' | 'writer'>,
  /** Told of each PNG written (it holds the seed: a device rolled back takes its PNG along). */
  wrote: (path: string) => void = () => {},
): Promise<void> {
  const { out, prompter } = deps;
  const label: QrLabel = { device: device.name, alias: await accountAlias(aws), accountId: identity.account };
  /** The PNG has room for the whole label. */
  const pngUri = otpauthUri(fullLabel(label), device.seed);
  const painting = out.size() ? await deps.qrPaint() : undefined;
  let paint = painting?.paint;
  let note: string | undefined;
  let pngs = 0;

  if (options.qrPng) {
    if (!(await writePng(options.qrPng, pngUri, deps))) throw new UserError('qr.pngExists', { path: options.qrPng });
    wrote(options.qrPng);
    pngs++;
  }

  /** The choices under the screen, as keys (one line) or as a menu. */
  const choicesFor = (view: View, fits: boolean): Choice<Action>[] => [
    { value: 'continue', key: '', name: t(fits || view === 'key' ? 'qr.keyContinue' : 'qr.choiceAdded') },
    view === 'key'
      ? { value: 'qr', key: 'q', name: t('qr.keyShowQr') }
      : { value: 'key', key: 'k', name: t(fits ? 'qr.keyShowKey' : 'qr.choiceKey') },
    ...(options.qrPng || pngs > 0 ? [] : [{ value: 'png' as const, key: 'p', name: t(fits || view === 'key' ? 'qr.keyPng' : 'qr.choicePng') }]),
    ...(paint?.kind === 'ink' && painting?.sure === false && view === 'qr' && fits ? [{ value: 'invert' as const, key: 'i', name: t('qr.keyInvert') }] : []),
  ];
  const compactQuestion = (view: View, choices: Choice<Action>[]) =>
    `${t(view === 'key' ? 'qr.askAdded' : 'qr.askScanned')} ${choices.map((c) => c.name).join(' · ')} `;

  /** Draws the view on a clear screen; true when it is asked about on one line. */
  const draw = (view: View): boolean => {
    out.clearScreen();
    const size = out.size();
    if (view === 'key' || !size || !paint) {
      if (view === 'qr') out.info(t('qr.noTerminal'));
      else {
        // The same name as the QR code's, so a person who does both sees one entry.
        out.info(t('qr.manualKey', { label: decodeURIComponent(fullLabel(label)) }));
        const width = Math.max(19, (size?.columns ?? 80) - 4);
        out.reveal(`\n${keyLines(device.seed, width).map((line) => `    ${line}`).join('\n')}\n\n`);
      }
      return view === 'key';
    }
    // With --yes nothing is asked here: the first code is, under the code (heading and prompt).
    const questionRows = options.yes ? ROWS_FOR_FIRST_CODE : Math.ceil(displayWidth(compactQuestion('qr', choicesFor('qr', true))) / size.columns);
    const space = (rows: number) => layoutQr(label, device.seed, { columns: size.columns, rows });
    // A line over the code says what to do (or what just happened), unless the label would be cut for it.
    const withLine = space(size.rows - questionRows - 1).layout;
    const { layout, smallest } = withLine?.label === fullLabel(label) ? { layout: withLine, smallest: undefined } : space(size.rows - questionRows);
    if (!layout) {
      out.warn(t('qr.tooSmall', { columns: smallest!.columns, rows: smallest!.rows + questionRows, haveColumns: size.columns, haveRows: size.rows }));
      return false;
    }
    if (size.rows - questionRows - layout.rows >= 1) {
      out.info(oneLine(note ?? t('qr.scan', { label: `AWS:${decodeURIComponent(layout.label)}` }), size.columns));
    }
    out.raw(`${drawQr(layout.qr, layout.quiet, paint).join('\n')}\n`);
    return true;
  };

  let view: View = options.showSecret ? 'key' : 'qr';
  let compact = draw(view);
  if (!deps.interactive || options.showSecret) return;

  for (;;) {
    const choices = choicesFor(view, compact);
    const resized = new AbortController();
    const stopListening = out.onResize(() => resized.abort());
    let action: Action;
    try {
      action = await prompter.select({
        message: compact ? compactQuestion(view, choices) : t('qr.askNoQr'),
        flag: '--yes',
        choices,
        // NOTE: with no code on screen, --yes shows the key (once: the key view's default moves on).
        default: compact ? 'continue' : 'key',
        compact,
        signal: resized.signal,
      });
    } catch (error) {
      // A new window size: draw again for it, and ask again.
      if (error instanceof CancelledError && resized.signal.aborted) {
        compact = draw(view);
        continue;
      }
      throw error;
    } finally {
      stopListening();
    }
    if (action === 'continue') {
      // The codes are typed on a clear screen; with --yes the code stays up while the first is asked.
      if (!options.yes) out.clearScreen();
      return;
    }
    if (action === 'key' || action === 'qr') view = action;
    else if (action === 'invert' && paint?.kind === 'ink') {
      // Still offered: a press by mistake is undone by another.
      paint = { kind: 'ink', background: paint.background === 'dark' ? 'light' : 'dark' };
    } else if (action === 'png') {
      const path = await prompter.input({ message: t('qr.askPngPath'), flag: '--qr-png', default: `${device.name}-mfa-qr.png` });
      if (await writePng(path, pngUri, deps)) {
        wrote(path);
        pngs++;
        note = t('qr.pngSaved', { path });
      } else {
        note = t('qr.pngExists', { path });
      }
    }
    compact = draw(view);
  }
}

/** Without a terminal to draw on, the person needs the key or a PNG: said before anything is created. */
export async function checkWayToShow(run: Pick<SetupRun, 'options'>, deps: Pick<WizardDeps, 'out'>): Promise<void> {
  const { options } = run;
  if (!deps.out.size() && !options.showSecret && !options.qrPng) throw new UserError('qr.noWayToShow');
  if (options.qrPng && (await fs.stat(options.qrPng).catch(() => undefined))) {
    throw new UserError('qr.pngExists', { path: options.qrPng });
  }
}
