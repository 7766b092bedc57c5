import type { MfaDevice } from '../../aws/client.js';
import { CancelledError, UserError } from '../../errors.js';
import { t } from '../../ui/messages/index.js';
import type { Identity, SetupOptions, WizardDeps } from '../context.js';
import { adminResetCommand, orphansOf, removalRefused, removeDevice } from '../devices.js';
import { abandoned } from '../enrolment-state.js';
import { known, type SetupRun } from '../run.js';
import { askForSession } from '../session.js';

/** What the person wants when the user already has a device. */
export type Existing = 'replace' | 'lost' | 'stop';

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

/** The old phone is gone: an administrator removes the device (`retired`, when known). */
export function lostPhone(run: Pick<SetupRun, 'identity' | 'assigned' | 'profiles'>, retired?: string): UserError {
  const user = known(run, 'identity').userName;
  return new UserError('replace.lostPhone', {
    user,
    serial: retired ?? run.assigned[0]!.serialNumber,
    command: adminResetCommand(user, retired),
    profile: run.profiles.longTerm ?? user,
  });
}

/**
 * Step 3, the devices listed: the user has one already: replace it (which one: `--old-serial`, else the one a
 * resumed replacement was retiring, else asked), or stop, or (old phone lost) say who can help.
 */
export async function decideAboutExisting(
  run: Pick<SetupRun, 'assigned' | 'identity' | 'admin' | 'options' | 'underway' | 'profiles' | 'old'>,
  deps: Pick<WizardDeps, 'out' | 'prompter' | 'interactive' | 'files' | 'writer'>,
): Promise<void> {
  const { assigned, options } = run;
  const identity = known(run, 'identity');
  // An existing profile and no CSV may be an administrator's own keys, run without --user:
  // before a device is made for the keys' own user (or one is refused), say how to act for someone else.
  const profile = run.profiles.longTerm;
  if (!run.admin && options.csvPath === undefined && !options.replace && profile !== undefined) deps.out.info(t('replace.forAnother', { profile }));
  if (assigned.length === 0) {
    if (options.replace) deps.out.info(t('replace.nothingToReplace', { user: identity.userName }));
    return;
  }
  const choice = await askAboutExisting(assigned, identity, run.admin?.profile, options, deps);
  const resuming = run.underway.replacing?.old;
  if (choice !== 'replace' && resuming !== undefined) await abandoned(run.profiles.longTerm!, { replacement: true }, deps);
  if (choice === 'stop') throw new CancelledError();
  if (choice === 'lost') throw lostPhone(run);
  // A run resuming a replacement retires the device it was retiring.
  const resumed = assigned.some((d) => d.serialNumber === resuming) ? resuming : undefined;
  run.old = await chooseOldDevice(assigned, { oldSerial: options.oldSerial ?? resumed }, deps);
}

/** Only long enough to enrol the new phone: the old phone's session is used for nothing else. */
const OLD_SESSION_SECONDS = 3600;

/** Who creates and enables the new device: the IAM caller (the administrator, or the user's own keys)… */
export async function callerActs(run: Pick<SetupRun, 'iam' | 'actor'>): Promise<void> {
  run.actor = known(run, 'iam');
}

/**
 * …or, when the user replaces their own device, a session made with the old phone (policies
 * allow a second device only with MFA).
 */
export async function oldPhoneActs(
  run: Pick<SetupRun, 'old' | 'own' | 'actor' | 'awsFactory' | 'identity' | 'assigned' | 'profiles'>,
  deps: Pick<WizardDeps, 'out' | 'readCode'>,
): Promise<void> {
  const old = known(run, 'old');
  deps.out.heading(t('replace.oldHeading'));
  const oldSession = await askForSession(known(run, 'own'), old.serialNumber, OLD_SESSION_SECONDS, deps, {
    // No code: the old phone is not at hand after all (--replace skips the question).
    noCode: () => lostPhone(run, old.serialNumber),
  });
  run.actor = await run.awsFactory({ keys: oldSession });
}

/** After steps 7–8: the device replaced goes, with the new device's session (or the administrator's calls). */
export async function retireOld(
  run: Pick<SetupRun, 'old' | 'admin' | 'awsFactory' | 'session' | 'identity'>,
  deps: Pick<WizardDeps, 'out' | 'clock' | 'signal'>,
): Promise<void> {
  const old = known(run, 'old');
  const user = known(run, 'identity').userName;
  const remover = run.admin ? run.admin.aws : await run.awsFactory({ keys: known(run, 'session') });
  await removeDevice(remover, user, old.serialNumber, deps, removalRefused(user, old.serialNumber));
}

/**
 * Finishing an earlier run's replacement: the old device goes with the new session, if it is
 * still there (deactivated but not deleted counts too: removeDevice takes it from wherever it stopped).
 */
export async function retireLeftOld(
  run: Pick<SetupRun, 'old' | 'own' | 'identity' | 'awsFactory' | 'session'>,
  deps: Pick<WizardDeps, 'out' | 'clock' | 'signal'>,
): Promise<void> {
  const old = known(run, 'old').serialNumber;
  const own = known(run, 'own');
  const user = known(run, 'identity').userName;
  const stillThere = (await own.listMfaDevices(user)).some((d) => d.serialNumber === old);
  const orphaned = (await orphansOf(own, user))?.includes(old) ?? false;
  if (stillThere || orphaned) await removeDevice(await run.awsFactory({ keys: known(run, 'session') }), user, old, deps, removalRefused(user, old));
}

/** A failure before the old device is retired: it is kept, and said so; a stop then is one to run again. */
export async function keepOldOnFailure(
  error: unknown,
  run: Pick<SetupRun, 'old' | 'removedFirst'>,
  deps: Pick<WizardDeps, 'out'>,
): Promise<never> {
  const retiring = run.old && !run.removedFirst ? run.old : undefined;
  if (retiring) deps.out.warn(t('replace.oldKept', { old: retiring.serialNumber }));
  if (error instanceof CancelledError && retiring) throw new CancelledError('error.cancelledRunAgain');
  throw error;
}
