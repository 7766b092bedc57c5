import { deviceNameOf } from '../../aws/arn.js';
import type { MfaDevice } from '../../aws/client.js';
import { AwsError } from '../../aws/errors.js';
import { readTextFile } from '../../credentials/files.js';
import { editIni, listIniSections, readIniValue, type SectionEdit } from '../../credentials/ini.js';
import { configSection, configSectionNames } from '../../credentials/paths.js';
import { UserError } from '../../errors.js';
import { t } from '../../ui/messages/index.js';
import type { Aws, Identity, SetupOptions, WizardDeps } from '../context.js';

/** Config key naming the device a replacement is retiring, while the replacement is under way. */
const REPLACING = 'mfa_onboard_replacing';
/** Config key naming the device the replacement adds, from the moment it exists. */
const REPLACEMENT = 'mfa_onboard_replacement';

/**
 * Config key naming the device this computer is enrolling, from its creation until its
 * session is saved: a run that stops after AWS enabled it is finished by the next one.
 */
const ENROLLING = 'mfa_onboard_enrolling';

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
export function adminResetCommand(user: string, serial?: string, adminProfile = 'ADMIN'): string {
  return `mfa-onboard reset --profile ${adminProfile} --user ${user}${serial ? ` --serial ${serial}` : ''}`;
}

/**
 * The user already has a device: replace it (old phone at hand), or not. `--replace` answers
 * in advance; without a terminal the answer must be given that way.
 */
export async function askAboutExisting(
  assigned: MfaDevice[],
  identity: Identity,
  /** The administrator's profile, when one acts for the user. */
  adminProfile: string | undefined,
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
    const command = adminResetCommand(identity.userName, undefined, adminProfile);
    throw new UserError(adminProfile ? 'admin.alreadyEnrolled' : 'preflight.alreadyEnrolled', { ...facts, command });
  }
  return deps.prompter.select<Existing>({
    message: t('replace.ask', facts),
    flag: '--replace',
    choices: [
      { value: 'replace', name: t(adminProfile ? 'replace.choiceAdmin' : 'replace.choiceReplace') },
      ...(adminProfile ? [] : [{ value: 'lost' as const, name: t('replace.choiceLost') }]),
      { value: 'stop', name: t('replace.choiceStop') },
    ],
    default: 'stop',
  });
}

/** Which device the new one replaces: `--serial`, else the only one that shows codes, else asked. */
export async function chooseOldDevice(
  assigned: MfaDevice[],
  options: Pick<SetupOptions, 'serial'>,
  deps: Pick<WizardDeps, 'prompter'>,
): Promise<MfaDevice> {
  // A passkey or security key shows no code, so it cannot make the session a replacement needs.
  const withCodes = assigned.filter((d) => !d.serialNumber.includes(':u2f/'));
  if (options.serial !== undefined) {
    const named = withCodes.find((d) => d.serialNumber === options.serial);
    if (!named) {
      throw new UserError('replace.noSuchDevice', { serial: options.serial, devices: withCodes.map((d) => d.serialNumber).join(', ') || '-' });
    }
    return named;
  }
  if (withCodes.length === 0) throw new UserError('replace.noCodeDevice', { devices: assigned.map((d) => d.serialNumber).join(', ') });
  if (withCodes.length === 1) return withCodes[0]!;
  const serial = await deps.prompter.select({
    message: t('replace.whichOld', { count: withCodes.length }),
    flag: '--serial',
    choices: withCodes.map((d) => ({
      value: d.serialNumber,
      name: `${d.serialNumber} (${d.enableDate?.toISOString().slice(0, 10) ?? '?'})`,
    })),
  });
  return withCodes.find((d) => d.serialNumber === serial)!;
}

/** IAM is eventually consistent: a device just deactivated may still count as assigned. */
const DELETE_RETRIES = 3;
const DELETE_RETRY_MS = 2_000;

/**
 * Deactivates the device (unassigns it from the user), then deletes it if it is virtual.
 * Each refusal IAM is known for gets its own message; a device already gone is no error.
 * `onDeactivated` runs the moment the user no longer has it.
 */
export async function removeDevice(
  aws: Aws,
  user: string,
  serial: string,
  deps: Pick<WizardDeps, 'out' | 'clock' | 'signal'>,
  refused: { id: 'remove.denied' | 'reset.denied'; command: string },
  onDeactivated: () => void = () => {},
): Promise<void> {
  const explain = (error: unknown): never => {
    if (!(error instanceof AwsError)) throw error;
    const params = { serial, user, message: error.awsMessage, command: refused.command };
    if (error.is('AccessDenied')) throw new UserError(refused.id, params, { cause: error });
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
  onDeactivated();
  if (!isVirtual(serial)) {
    deps.out.success(t('remove.deactivated', { serial, user }));
    return;
  }
  for (let attempt = 0; ; attempt++) {
    try {
      await aws.deleteVirtualMfaDevice(serial);
      break;
    } catch (error) {
      if (!(error instanceof AwsError && error.is('DeleteConflict')) || attempt >= DELETE_RETRIES) explain(error);
      await deps.clock.sleep(DELETE_RETRY_MS, deps.signal);
    }
  }
  deps.out.success(t('remove.deleted', { serial, user }));
}

/** A replacement under way: the device it retires and, once created, the one it adds. */
export interface Replacing {
  old: string;
  new?: string;
}

/** The replacement under way for the profile (from the config file), if any. */
export async function readReplacing(configFile: string, profile: string): Promise<Replacing | undefined> {
  const text = await readTextFile(configFile);
  const old = readIniValue(text, configSectionNames(profile), REPLACING);
  const added = readIniValue(text, configSectionNames(profile), REPLACEMENT);
  return old === undefined ? undefined : { old, ...(added ? { new: added } : {}) };
}

/**
 * Records (or, with `undefined`, clears) the replacement under way, so that a run that dies
 * half-way is finished by the next one instead of starting another.
 */
export async function markReplacing(profile: string, replacing: Replacing | undefined, deps: Pick<WizardDeps, 'files' | 'writer'>): Promise<void> {
  await deps.writer.update(deps.files.configFile, (text) =>
    editIni(text, [
      replacing === undefined
        ? { ...configSection(profile), values: {}, remove: [REPLACING, REPLACEMENT] }
        : {
            ...configSection(profile),
            values: { [REPLACING]: replacing.old, ...(replacing.new ? { [REPLACEMENT]: replacing.new } : {}) },
            remove: replacing.new ? [] : [REPLACEMENT],
          },
    ]),
  );
}

/** The device an earlier run was enrolling for the profile (from the config file), if any. */
export async function readEnrolling(configFile: string, profile: string): Promise<string | undefined> {
  return readIniValue(await readTextFile(configFile), configSectionNames(profile), ENROLLING);
}

/** Records (or, with `undefined`, clears) the device being enrolled for the profile. */
export async function markEnrolling(profile: string, serial: string | undefined, deps: Pick<WizardDeps, 'files' | 'writer'>): Promise<void> {
  // Nothing to clear: leave the file alone (and do not create one).
  if (serial === undefined && (await readEnrolling(deps.files.configFile, profile)) === undefined) return;
  const edit: Pick<SectionEdit, 'values' | 'remove'> = serial === undefined ? { values: {}, remove: [ENROLLING] } : { values: { [ENROLLING]: serial } };
  await deps.writer.update(deps.files.configFile, (text) => editIni(text, [{ ...configSection(profile), ...edit }]));
}

/**
 * Points every profile whose `mfa_serial` names the retired device (role profiles using
 * it as their source, say) at the new one.
 */
export async function repointMfaSerial(retired: string, serial: string, deps: Pick<WizardDeps, 'files' | 'writer'>): Promise<void> {
  await deps.writer.update(deps.files.configFile, (text) => {
    const edits = listIniSections(text)
      .filter((section) => readIniValue(text, section, 'mfa_serial') === retired)
      .map((section) => ({ section, values: { mfa_serial: serial } }));
    return edits.length ? editIni(text, edits) : text;
  });
}
