import type { MfaDevice } from '../../aws/client.js';
import { CancelledError, UserError } from '../../errors.js';
import { t } from '../../ui/messages/index.js';
import type { Identity, SetupOptions, WizardDeps } from '../context.js';
import { codeDevices, isBackupName } from '../backup.js';
import { adminResetCommand, lostPhone } from '../devices.js';
import { abandoned } from '../enrolment-state.js';
import { known, type SetupRun } from '../run.js';

/** What the person wants when the user already has a device. */
type Existing = 'replace' | 'lost' | 'stop';

/**
 * The user already has a device: replace it (old phone at hand), or not. `--replace` answers
 * in advance; without a terminal the answer must be given that way.
 */
async function askAboutExisting(
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

/** Which device the new one replaces: `--old-serial`, else the only one that shows codes, else asked. */
async function chooseOldDevice(
  assigned: MfaDevice[],
  user: string,
  options: Pick<SetupOptions, 'oldSerial'>,
  deps: Pick<WizardDeps, 'prompter'>,
): Promise<MfaDevice> {
  // A passkey or security key shows no code, so it cannot make the session a replacement needs.
  const withCodes = assigned.filter((d) => !d.serialNumber.includes(':u2f/'));
  if (options.oldSerial !== undefined) {
    const named = withCodes.find((d) => d.serialNumber === options.oldSerial);
    if (!named) {
      throw new UserError('replace.noSuchDevice', { serial: options.oldSerial, devices: withCodes.map((d) => d.serialNumber).join(', ') || '-', flag: '--old-serial' });
    }
    return named;
  }
  if (withCodes.length === 0) throw new UserError('replace.noCodeDevice', { devices: assigned.map((d) => d.serialNumber).join(', ') });
  if (withCodes.length === 1) return withCodes[0]!;
  // A phone and its backup(s): the phone is the one replaced; the backup makes the session.
  const phones = withCodes.filter((d) => !isBackupName(d.serialNumber, user));
  if (phones.length === 1) return phones[0]!;
  const serial = await deps.prompter.select({
    message: t('replace.whichOld', { count: withCodes.length }),
    flag: '--old-serial',
    choices: withCodes.map((d) => ({
      value: d.serialNumber,
      name: `${d.serialNumber} (${d.enableDate?.toISOString().slice(0, 10) ?? '?'})`,
    })),
  });
  return withCodes.find((d) => d.serialNumber === serial)!;
}

/**
 * Step 3, the devices listed: the user has one already: replace it (which one: `--old-serial`, else the one a
 * resumed replacement was retiring, else asked), or stop, or (old phone lost) say who can help.
 */
export async function decideAboutExisting(
  run: Pick<SetupRun, 'assigned' | 'identity' | 'admin' | 'options' | 'underway' | 'profiles' | 'old' | 'csvPath'>,
  deps: Pick<WizardDeps, 'out' | 'prompter' | 'interactive' | 'files' | 'writer'>,
): Promise<void> {
  const { assigned, options } = run;
  const identity = known(run, 'identity');
  // An existing profile and no CSV may be an administrator's own keys, run without --user:
  // before a device is made for the keys' own user (or one is refused), say how to act for someone else.
  // (With a device, the pick-up said so already.)
  const profile = run.profiles.longTerm;
  // A CSV typed at the prompt counts as one given: these are a user's own new keys (seen at 80x24).
  if (!run.admin && run.csvPath === undefined && !options.replace && profile !== undefined && run.assigned.length === 0) deps.out.info(t('replace.forAnother', { profile }));
  if (assigned.length === 0) {
    if (options.replace) deps.out.info(t('replace.nothingToReplace', { user: identity.userName }));
    return;
  }
  const choice = await askAboutExisting(assigned, identity, run.admin?.profile, options, deps);
  const resuming = run.underway.replacing?.old;
  if (choice !== 'replace' && resuming !== undefined) await abandoned(run.profiles.longTerm!, { replacement: true }, deps);
  if (choice === 'stop') throw new CancelledError();
  // Lost, with another device that shows codes (a backup): its code makes the session; no administrator needed.
  const backedUp = codeDevices(assigned).length > 1;
  if (choice === 'lost' && !backedUp) throw lostPhone(identity.userName, assigned[0]!.serialNumber, undefined, run.profiles.longTerm ?? identity.userName);
  // A run resuming a replacement retires the device it was retiring.
  const resumed = assigned.some((d) => d.serialNumber === resuming) ? resuming : undefined;
  run.old = await chooseOldDevice(assigned, identity.userName, { oldSerial: options.oldSerial ?? resumed }, deps);
}
