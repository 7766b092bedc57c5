import { deviceNameOf } from '../../aws/arn.js';
import type { MfaDevice } from '../../aws/client.js';
import { AwsError } from '../../aws/errors.js';
import { readTextFile, updateFile } from '../../credentials/files.js';
import { editIni, readIniValue } from '../../credentials/ini.js';
import { configSection, configSectionNames } from '../../credentials/paths.js';
import { UserError } from '../../errors.js';
import { t } from '../../ui/messages/index.js';
import type { Aws, Identity, SetupOptions, WizardDeps } from '../context.js';

/** Config key naming the device a replacement is retiring, while the replacement is under way. */
const REPLACING = 'mfa_onboard_replacing';

/** What the person wants when the user already has a device. */
export type Existing = 'replace' | 'lost' | 'stop';

/** Virtual devices are `arn:…:mfa/…`; hardware tokens (a bare serial) and passkeys (`u2f/`) can only be deactivated. */
export function isVirtual(serial: string): boolean {
  return /^arn:[^:]+:iam::\d+:mfa\//.test(serial);
}

/** The default name of a second device: `<user>-<yyyymmdd>`, with `-2`, `-3`… when that is taken. */
export function replacementName(user: string, taken: string[], now: number): string {
  const base = `${user}-${new Date(now).toISOString().slice(0, 10).replace(/-/g, '')}`;
  const names = new Set(taken.map(deviceNameOf));
  let name = base;
  for (let n = 2; names.has(name); n++) name = `${base}-${n}`;
  return name;
}

/** The command an administrator runs for a user who cannot remove their own device. */
export function adminResetCommand(user: string, serial?: string): string {
  return `mfa-onboard reset --profile ADMIN --user ${user}${serial ? ` --serial ${serial}` : ''}`;
}

/**
 * The user already has a device: replace it (old phone at hand), or not. `--replace` answers
 * in advance; without a terminal the answer must be given that way.
 */
export async function askAboutExisting(
  assigned: MfaDevice[],
  identity: Identity,
  forAdmin: boolean,
  options: Pick<SetupOptions, 'replace'>,
  deps: Pick<WizardDeps, 'prompter' | 'interactive'>,
): Promise<Existing> {
  if (options.replace) return 'replace';
  const first = assigned[0]!;
  const facts = {
    user: identity.userName,
    count: assigned.length,
    serial: first.serialNumber,
    since: first.enableDate?.toISOString().slice(0, 10) ?? '?',
  };
  if (!deps.interactive) {
    throw new UserError(forAdmin ? 'admin.alreadyEnrolled' : 'preflight.alreadyEnrolled', { ...facts, command: adminResetCommand(identity.userName) });
  }
  return deps.prompter.select<Existing>({
    message: t('replace.ask', facts),
    flag: '--replace',
    choices: [
      { value: 'replace', name: t(forAdmin ? 'replace.choiceAdmin' : 'replace.choiceReplace') },
      ...(forAdmin ? [] : [{ value: 'lost' as const, name: t('replace.choiceLost') }]),
      { value: 'stop', name: t('replace.choiceStop') },
    ],
    default: 'stop',
  });
}

/** Which device the new one replaces: `--serial`, else the only one, else asked. */
export async function chooseOldDevice(
  assigned: MfaDevice[],
  options: Pick<SetupOptions, 'serial'>,
  deps: Pick<WizardDeps, 'prompter'>,
): Promise<MfaDevice> {
  if (options.serial !== undefined) {
    const named = assigned.find((d) => d.serialNumber === options.serial);
    if (!named) {
      throw new UserError('replace.noSuchDevice', { serial: options.serial, devices: assigned.map((d) => d.serialNumber).join(', ') });
    }
    return named;
  }
  if (assigned.length === 1) return assigned[0]!;
  const serial = await deps.prompter.select({
    message: t('replace.whichOld', { count: assigned.length }),
    flag: '--serial',
    choices: assigned.map((d) => ({
      value: d.serialNumber,
      name: `${d.serialNumber} (${d.enableDate?.toISOString().slice(0, 10) ?? '?'})`,
    })),
  });
  return assigned.find((d) => d.serialNumber === serial)!;
}

/**
 * Deactivates the device (unassigns it from the user), then deletes it if it is virtual.
 * Each refusal IAM is known for gets its own message; a device already gone is no error.
 */
export async function removeDevice(
  aws: Aws,
  user: string,
  serial: string,
  deps: Pick<WizardDeps, 'out'>,
  refusedHint: string = adminResetCommand(user, serial),
): Promise<void> {
  const explain = (error: unknown): never => {
    if (!(error instanceof AwsError)) throw error;
    const params = { serial, user, message: error.awsMessage, command: refusedHint };
    if (error.is('AccessDenied')) throw new UserError('remove.denied', params, { cause: error });
    if (error.is('EntityTemporarilyUnmodifiable')) throw new UserError('remove.temporarilyUnmodifiable', params, { cause: error });
    if (error.is('DeleteConflict')) throw new UserError('remove.deleteConflict', params, { cause: error });
    if (error.is('LimitExceeded')) throw new UserError('remove.limitExceeded', params, { cause: error });
    throw error;
  };
  try {
    await aws.deactivateMfaDevice(user, serial);
  } catch (error) {
    // Already unassigned (an earlier run got this far): go on to the delete.
    if (!(error instanceof AwsError && error.is('NoSuchEntity'))) explain(error);
  }
  if (!isVirtual(serial)) {
    deps.out.success(t('remove.deactivated', { serial, user }));
    return;
  }
  try {
    await aws.deleteVirtualMfaDevice(serial);
  } catch (error) {
    if (!(error instanceof AwsError && error.is('NoSuchEntity'))) explain(error);
  }
  deps.out.success(t('remove.deleted', { serial, user }));
}

/** The device a replacement under way is retiring (from the config file), if any. */
export async function readReplacing(configFile: string, profile: string): Promise<string | undefined> {
  return readIniValue(await readTextFile(configFile), configSectionNames(profile), REPLACING);
}

/**
 * Records (or, with `undefined`, clears) the device being retired, so that a run that dies
 * half-way is finished by the next one instead of starting another replacement.
 */
export async function markReplacing(
  profile: string,
  serial: string | undefined,
  deps: Pick<WizardDeps, 'files'>,
): Promise<void> {
  await updateFile(deps.files.configFile, (text) =>
    editIni(text, [
      serial === undefined
        ? { ...configSection(profile), values: {}, remove: [REPLACING] }
        : { ...configSection(profile), values: { [REPLACING]: serial } },
    ]),
  );
}
