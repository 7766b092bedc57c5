import { promises as fs } from 'node:fs';
import { AwsError } from '../../aws/errors.js';
import { UserError } from '../../errors.js';
import { t } from '../../ui/messages/index.js';
import { groupedKey, otpauthUri, qrPng, renderQr } from '../../ui/qr.js';
import type { Aws, Device, Identity, SetupOptions, WizardDeps } from '../context.js';

/**
 * Lines kept free below the QR for the menu that follows it (question, three choices,
 * a blank line and the key hint), so the top quiet zone stays on screen while scanning.
 */
const ROWS_BELOW_QR = 6;

/**
 * The account alias the console shows, or the account id when there is none, or when IAM
 * does not tell (no permission, a 500, throttling): a label is not worth stopping for.
 */
async function accountLabel(aws: Aws, identity: Identity): Promise<string> {
  try {
    return (await aws.listAccountAliases())[0] ?? identity.account;
  } catch (error) {
    if (error instanceof AwsError) return identity.account;
    throw error;
  }
}

/** Writes the PNG (mode 0600, never over an existing file); false if the name is taken. */
async function writePng(path: string, uri: string, deps: Pick<WizardDeps, 'out'>): Promise<boolean> {
  try {
    await fs.writeFile(path, qrPng(uri), { mode: 0o600, flag: 'wx' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    if (code === 'EEXIST') return false;
    // 'wx' made the file before the write failed (a full disk): a part of a PNG is ours to remove.
    await fs.rm(path, { force: true });
    throw new UserError('qr.pngFailed', { path, reason: code });
  }
  deps.out.success(t('qr.pngWritten', { path }));
  return true;
}

function showKey(device: Device, deps: Pick<WizardDeps, 'out'>): void {
  deps.out.info(t('qr.manualKey', { device: device.name }));
  deps.out.reveal(`\n    ${groupedKey(device.seed)}\n\n`);
}

/**
 * Step 5: draws the QR code for the authenticator app, if the terminal can hold it;
 * offers the key for manual entry or a PNG (mode 0600) instead. The key is shown only
 * when asked for.
 */
export async function showQr(
  aws: Aws,
  identity: Identity,
  device: Device,
  options: Pick<SetupOptions, 'showSecret' | 'qrPng'>,
  deps: Pick<WizardDeps, 'out' | 'prompter' | 'interactive'>,
  /** Told of each PNG written (it holds the seed: a device rolled back takes its PNG along). */
  wrote: (path: string) => void = () => {},
): Promise<void> {
  const { out, prompter } = deps;
  const label = await accountLabel(aws, identity);
  const uri = otpauthUri(device.name, label, device.seed);
  const qr = renderQr(uri);
  const draw = () => {
    const size = out.size();
    const fits = size !== undefined && size.columns >= qr.columns && size.rows >= qr.rows + ROWS_BELOW_QR;
    if (fits) {
      out.info(t('qr.scan', { label: `${device.name}@${label}` }));
      out.raw(`${qr.text}\n`);
    } else if (size) {
      out.warn(t('qr.tooSmall', { columns: qr.columns, rows: qr.rows + ROWS_BELOW_QR, haveColumns: size.columns, haveRows: size.rows }));
    } else {
      out.info(t('qr.noTerminal'));
    }
    return fits;
  };

  out.heading(t('qr.heading'));
  let fits = draw();
  if (options.qrPng) {
    if (!(await writePng(options.qrPng, uri, deps))) throw new UserError('qr.pngExists', { path: options.qrPng });
    wrote(options.qrPng);
  }
  if (options.showSecret) showKey(device, deps);
  if (!deps.interactive || options.showSecret) return;

  let keyShown = false;
  for (;;) {
    const next = await prompter.select({
      message: t(fits ? 'qr.askScanned' : 'qr.askNoQr'),
      flag: '--yes',
      // NOTE: once the key is on screen the default moves on, so --yes cannot repeat it.
      default: fits || keyShown ? 'continue' : 'key',
      choices: [
        { value: 'continue', name: t(fits || keyShown ? 'qr.choiceScanned' : 'qr.choiceAdded') },
        ...(fits ? [] : [{ value: 'redraw', name: t('qr.choiceRedraw') }]),
        { value: 'key', name: t('qr.choiceKey') },
        ...(options.qrPng ? [] : [{ value: 'png', name: t('qr.choicePng') }]),
      ],
    });
    if (next === 'continue') return;
    if (next === 'redraw') fits = draw();
    else if (next === 'key') {
      showKey(device, deps);
      keyShown = true;
    } else {
      const path = await prompter.input({ message: t('qr.askPngPath'), flag: '--qr-png', default: `${device.name}-mfa-qr.png` });
      if (await writePng(path, uri, deps)) wrote(path);
      else out.warn(t('qr.pngExists', { path }));
    }
  }
}
