import { AwsError, CancelledError, UserError } from '../errors.js';
import { t } from '../ui/messages/index.js';
import { fullLabel, otpauthUri, qrPng, type QrLabel } from '../ui/qr.js';
import type { Aws, Device, Identity, SetupOptions, WizardDeps } from './context.js';
import { type Action, choicesFor, compactQuestion, drawView, type QrScreen } from './qr-screen.js';

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
  /**
   * `earlier`: the label of an earlier attempt's code still in the app, and the tag that tells
   * this one from it; `shown`: told the label before the code is shown (a Ctrl-C at it counts).
   */
  labels: { earlier?: { label: string; tag: string }; shown?: (label: string) => void } = {},
): Promise<void> {
  const { earlier } = labels;
  const label: QrLabel = { device: device.name, alias: await accountAlias(aws), accountId: identity.account, ...(earlier ? { tag: earlier.tag } : {}) };
  const shown = `AWS:${decodeURIComponent(fullLabel(label))}`;
  if (earlier) await deleteEarlier(earlier.label, shown, options, deps);
  labels.shown?.(shown);
  /** The PNG has room for the whole label. */
  const pngUri = otpauthUri(fullLabel(label), device.seed);
  const painting = deps.out.size() ? await deps.qrPaint() : undefined;
  const screen: QrScreen = {
    label,
    seed: device.seed,
    options,
    view: options.showSecret ? 'key' : 'qr',
    paint: painting?.paint,
    sure: painting?.sure,
    note: undefined,
    pngs: 0,
  };
  if (options.qrPng) {
    if (!(await writePng(options.qrPng, pngUri, deps))) throw new UserError('qr.pngExists', { path: options.qrPng });
    wrote(options.qrPng);
    screen.pngs++;
  }
  let compact = drawView(screen, deps.out);
  if (!deps.interactive || options.showSecret) return;
  for (;;) {
    const action = await ask(screen, compact, deps);
    if (action === 'continue') {
      // The codes are typed on a clear screen; with --yes the code stays up while the first is asked.
      if (!options.yes) deps.out.clearScreen();
      return;
    }
    // A new window size (no answer): draw again for it, and ask again.
    if (action) await answer(screen, action, { pngUri, name: device.name, wrote }, deps);
    compact = drawView(screen, deps.out);
  }
}

/**
 * An earlier attempt's code is still in the app, for a device that is gone: the person deletes
 * it before scanning (and, at a terminal, says so), and the new one's label tells them apart.
 */
async function deleteEarlier(earlier: string, label: string, options: Pick<SetupOptions, 'yes'>, deps: Pick<WizardDeps, 'out' | 'prompter' | 'interactive'>): Promise<void> {
  deps.out.warn(t('qr.deleteEarlier', { earlier, label }));
  if (deps.interactive && !options.yes) await deps.prompter.confirm({ message: t('qr.deletedEarlier', { earlier }), flag: '--yes', default: true });
}

/** Asks what next under the screen; undefined when the window is resized meanwhile. */
async function ask(screen: QrScreen, compact: boolean, deps: Pick<WizardDeps, 'out' | 'prompter'>): Promise<Action | undefined> {
  const choices = choicesFor(screen, screen.view, compact);
  const resized = new AbortController();
  const stopListening = deps.out.onResize(() => resized.abort());
  try {
    return await deps.prompter.select<Action>({
      message: compact ? compactQuestion(screen.view, choices) : t('qr.askNoQr'),
      flag: '--yes',
      choices,
      // NOTE: with no code on screen, --yes shows the key (once: the key view's default moves on).
      default: compact ? 'continue' : 'key',
      compact,
      signal: resized.signal,
    });
  } catch (error) {
    if (error instanceof CancelledError && resized.signal.aborted) return undefined;
    throw error;
  } finally {
    stopListening();
  }
}

/** Acts on one answer that keeps the screen up: another view, the other background, or a PNG. */
async function answer(
  screen: QrScreen,
  action: Exclude<Action, 'continue'>,
  png: { pngUri: string; name: string; wrote: (path: string) => void },
  deps: Pick<WizardDeps, 'out' | 'prompter' | 'writer'>,
): Promise<void> {
  if (action === 'key' || action === 'qr') screen.view = action;
  else if (action === 'invert' && screen.paint?.kind === 'ink') {
    // Still offered: a press by mistake is undone by another.
    screen.paint = { kind: 'ink', background: screen.paint.background === 'dark' ? 'light' : 'dark' };
  } else if (action === 'png') {
    const path = await deps.prompter.input({ message: t('qr.askPngPath'), flag: '--qr-png', default: `${png.name}-mfa-qr.png` });
    if (await writePng(path, png.pngUri, deps)) {
      png.wrote(path);
      screen.pngs++;
      screen.note = t('qr.pngSaved', { path });
    } else {
      screen.note = t('qr.pngExists', { path });
    }
  }
}
