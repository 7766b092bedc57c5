import { defaultRegionFor } from '../aws/arn.js';
import { promises as fs } from 'node:fs';
import type { AwsFactory, CredentialSource, MfaDevice } from '../aws/client.js';
import { deviceNameOf } from '../aws/arn.js';
import { askForSession } from './session.js';
import { asAdmin, confirmListed, profileExists, targetUser, type Admin } from '../wizard/steps/admin.js';
import { adminResetCommand, askAboutExisting, chooseOldDevice, markEnrolling, markReplacing, readEnrolling, readReplacing, removeDevice, replacementName, repointMfaSerial } from '../wizard/steps/replace.js';
import { AwsError } from '../aws/errors.js';
import { exportLines } from '../credentials/export.js';
import type { FileChange } from '../credentials/files.js';
import { CancelledError, UserError } from '../errors.js';
import { t } from '../ui/messages/index.js';
import type { Aws, Device, Identity, SetupOptions, WizardDeps } from '../wizard/context.js';
import { Journal } from '../wizard/journal.js';
import { Timings } from '../wizard/timings.js';
import { shiftedClock } from '../totp/clock.js';
import { createDevice } from '../wizard/steps/create-device.js';
import { enableDevice, enabledFor } from '../wizard/steps/enable-device.js';
import { identify } from '../wizard/steps/identify.js';
import { importCsv } from '../wizard/steps/import-csv.js';
import { clearOrphan, orphansOf } from '../wizard/steps/preflight.js';
import { assertProfileName, saveLongTermProfile } from '../wizard/steps/save-long-term.js';
import { configuredRegion, guardSessionProfile, regionForCalls, saveMfaSerial, saveSession } from '../wizard/steps/save-profiles.js';
import { onOwnScreen, showQr } from '../wizard/steps/show-qr.js';
import { offerCsvDeletion, printSummary } from '../wizard/steps/summary.js';
import { verifySession } from '../wizard/steps/verify-session.js';

const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;

/**
 * A path typed at the prompt, as a shell would have read it: `~/` expanded, and the quotes
 * or backslash-escaped spaces a terminal adds when a file is dragged in removed.
 */
export function typedPath(answer: string, home: string | undefined): string {
  let path = answer.trim();
  const quoted = /^(['"])(.*)\1$/.exec(path);
  path = quoted ? quoted[2]! : path.replace(/\\(.)/g, '$1');
  return home && (path === '~' || path.startsWith('~/')) ? home + path.slice(1) : path;
}


/**
 * The profile's region: `--region` (written), else the one the profile has (kept), else
 * asked (default: the environment's, else the partition's usual one) and written.
 */
async function chooseRegion(
  profile: string,
  identity: Identity,
  options: Pick<SetupOptions, 'region' | 'envRegion'>,
  deps: Pick<WizardDeps, 'prompter' | 'files'>,
): Promise<{ name: string; forProfile: boolean }> {
  if (options.region !== undefined) return { name: options.region, forProfile: true };
  const configured = await configuredRegion(deps.files.configFile, profile);
  if (configured) return { name: configured, forProfile: false };
  const name = await deps.prompter.input({
    message: t('region.ask', { profile }),
    flag: '--region',
    default: options.envRegion ?? defaultRegionFor(identity.partition),
    validate: (value) => REGION.test(value) || t('region.invalid', { value }),
  });
  return { name, forProfile: true };
}


/**
 * After a failure or Ctrl-C before the device was known to be enabled: keep it if IAM says
 * it is enabled after all (an answer lost on the way back), else delete it, saying why
 * when that fails.
 */
async function undoUnfinished(
  journal: Journal,
  aws: Aws,
  identity: Identity,
  device: Device | undefined,
  deps: Pick<WizardDeps, 'out'>,
): Promise<'kept' | 'removed' | 'left'> {
  const { out } = deps;
  if (!journal.pending) return device ? 'kept' : 'removed';
  const kept = () => {
    journal.commit();
    out.warn(t('rollback.keptEnabled', { serial: device!.serialNumber, user: identity.userName }));
    return 'kept' as const;
  };
  if (device && (await enabledFor(aws, identity.userName, device.serialNumber)) === true) return kept();
  out.info(t('rollback.removing'));
  const results = await journal.rollback();
  // IAM refuses to delete a device that is assigned: that refusal is its answer that the device
  // was enabled after all (kept, and recorded for the next run), whatever a listing that may
  // lag behind a moment said.
  if (device && results.some((r) => r.label === device.serialNumber && r.error instanceof AwsError && r.error.is('DeleteConflict'))) return kept();
  for (const result of results) {
    if (result.error === undefined) {
      out.success(t('rollback.removed', { serial: result.label }));
    } else {
      const reason = result.error instanceof AwsError ? result.error.code : String((result.error as Error | undefined)?.message ?? result.error);
      out.warn(t('rollback.failed', { serial: result.label, reason }));
    }
  }
  return results.every((result) => result.error === undefined) ? 'removed' : 'left';
}

/** What a caller (a batch) is told as the wizard goes. */
export interface SetupHooks {
  /** The new device is enabled for the user (from here on, the user is enrolled whatever follows). */
  onEnabled?: (serialNumber: string) => void;
}

/** `mfa-onboard [setup] [CSV]`: the wizard, steps 1 to 9 of DESIGN.md. */
export async function runSetup(options: SetupOptions, rawDeps: WizardDeps, hooks: SetupHooks = {}): Promise<void> {
  const timings = new Timings();
  try {
    await wizard(options, timings.measure(rawDeps), timings, rawDeps.endpoint, hooks);
  } finally {
    await timings.save(rawDeps.timingsFile);
  }
}

/** A computer clock off by this much or more is corrected with AWS's time for the code checks. */
const CLOCK_SKEW_MS = 30_000;

async function wizard(options: SetupOptions, measured: WizardDeps, timings: Timings, endpoint: string | undefined, hooks: SetupHooks): Promise<void> {
  let deps = measured;
  const { out } = deps;
  const step = timings.step.bind(timings);
  if (options.region !== undefined && !REGION.test(options.region)) {
    throw new UserError('region.invalidFlag', { value: options.region });
  }
  if (options.profile !== undefined) assertProfileName(options.profile, '--profile');
  if (options.sessionProfile !== undefined) assertProfileName(options.sessionProfile, '--session-profile');

  // 1a. The keys: from the CSV, or an existing profile. With --user and a profile that is
  // someone else's (an administrator's), that profile acts for the user; a CSV is then the user's.
  let csvPath = options.csvPath;
  const profileName = options.profile ?? options.envProfile;
  // With a CSV, AWS_PROFILE plays no part, and --profile is an administrator's only if it exists.
  const adminProfile = csvPath === undefined ? profileName : options.profile;
  const mayBeAdmin =
    options.user !== undefined && adminProfile !== undefined && (csvPath === undefined || (await profileExists(adminProfile, deps)));
  const existingProfile = csvPath === undefined ? profileName : undefined;
  if (csvPath === undefined && existingProfile === undefined) {
    const answer = await deps.prompter.input({ message: t('csv.askPath'), flag: 'CSV (the file argument) or --profile' });
    csvPath = typedPath(answer, deps.home);
  }
  const callRegion = await regionForCalls(options, deps.files.configFile, mayBeAdmin ? adminProfile : existingProfile);
  const sdkFactory = deps.awsFor(callRegion);
  const awsFactory: typeof sdkFactory = async (credentials) => {
    const client = await sdkFactory(credentials);
    timings.countAwsCalls(() => client.calls);
    return client;
  };

  // 2. Who are these keys, and who is being enrolled?
  let admin: Admin | undefined;
  /** The user's own long-term keys (for the session check); absent when an admin acts without them. */
  let own: Aws | undefined;
  if (mayBeAdmin) {
    const profileAws = await step('load-sdk', () => awsFactory({ profile: adminProfile! }));
    const asking = asAdmin(adminProfile!, options.user!, profileAws);
    // Beside a CSV, a profile whose keys do not work is just the name to import into.
    admin = await step('identify', () => (csvPath === undefined ? asking : asking.catch(() => undefined)));
    if (!admin && csvPath === undefined) own = profileAws;
  }
  let identity: Identity;
  let key;
  if (admin) {
    const acting = admin;
    identity = await step('identify', () => targetUser(acting, options.user!, deps));
    if (csvPath !== undefined) {
      const path = csvPath;
      key = await step('import-csv', () => importCsv({ csvPath: path, forUser: options.user }, deps));
      own = await awsFactory({ keys: { accessKeyId: key.accessKeyId, secretAccessKey: key.secretAccessKey } });
      const hers = await identify(own, { fromCsv: path, fresh: options.freshKey === true }, deps);
      if (hers.arn !== identity.arn) throw new UserError('admin.csvOtherUser', { path, arn: hers.arn, user: identity.userName });
    }
  } else {
    if (csvPath !== undefined) {
      const path = csvPath;
      key = await step('import-csv', () => importCsv({ csvPath: path, user: options.user }, deps));
    }
    const source: CredentialSource = key
      ? { keys: { accessKeyId: key.accessKeyId, secretAccessKey: key.secretAccessKey } }
      : { profile: existingProfile! };
    const self = own ?? (await step('load-sdk', () => awsFactory(source)));
    own = self;
    identity = await step('identify', async () => {
      if (existingProfile !== undefined && (await self.usesTemporaryCredentials())) {
        throw new UserError('identify.temporaryProfile', { profile: existingProfile });
      }
      return identify(self, { fromCsv: csvPath, profile: existingProfile }, deps);
    });
  }
  /** Makes the IAM calls for the user: the administrator, else the user's own keys. */
  const iam = admin?.aws ?? own!;
  const offset = iam.clockOffsetMs();
  if (offset !== undefined && Math.abs(offset) >= CLOCK_SKEW_MS) {
    const seconds = Math.round(Math.abs(offset) / 1000);
    out.warn(t('clock.computerOff', { seconds, direction: t(offset > 0 ? 'time.behind' : 'time.ahead') }));
    deps = { ...deps, clock: shiftedClock(deps.clock, offset) };
  }

  // 1b. Import the keys (only now that AWS has accepted them) and settle the names.
  const changes: FileChange[] = [];
  let profile: string | undefined;
  if (key) {
    const imported = key;
    // An administrator's profile is not the user's: the user's keys go to a profile named after them.
    const target = admin ? { profile: identity.userName, replaceProfile: options.replaceProfile } : options;
    const saved = await step('save-long-term', () => saveLongTermProfile(imported, identity, target, deps));
    profile = saved.profile;
    changes.push(saved.change);
  } else if (!admin) {
    profile = existingProfile!;
  }
  const sessionProfile = profile === undefined ? undefined : (options.sessionProfile ?? `${profile}-mfa`);
  let region: { name: string; forProfile: boolean } | undefined;
  if (profile !== undefined && sessionProfile !== undefined) {
    const named = profile;
    assertProfileName(sessionProfile, '--session-profile');
    await guardSessionProfile(sessionProfile, named, options, deps);
    region = await step('choose-region', () => chooseRegion(named, identity, options, deps));
  }
  // 3. Pre-flight: a device the user has already means re-enrolment; a replacement an
  // earlier run left half-done (recorded in the config file) is finished first.
  const user = identity.userName;
  let assigned = await step('preflight', () => iam.listMfaDevices(user));
  const has = (serial: string | undefined) => assigned.some((d) => d.serialNumber === serial);
  const underway = profile !== undefined && !admin ? await readReplacing(deps.files.configFile, profile) : undefined;
  if (underway && profile !== undefined && sessionProfile !== undefined) {
    if (underway.new !== undefined && has(underway.new)) {
      // The new device works: what is left is to retire the old one (if still there) with its session.
      return finishEnrolment(
        { serial: underway.new, old: underway.old },
        { user, profile, sessionProfile, own: own!, awsFactory, identity, changes, endpoint, options, region, callRegion, csvPath },
        deps,
      );
    }
    if (!has(underway.old)) {
      // The old device went (path b) and the new one never got enabled: simply enrol.
      out.info(t('replace.resumeEnrol', { old: underway.old }));
      await markReplacing(profile, undefined, deps);
      assigned = [];
    }
  }
  // An earlier run of this computer got the device enabled, then stopped (or lost the answer):
  // finish it (one code, the session) instead of calling it someone else's device.
  const enrolling = profile !== undefined && own ? await readEnrolling(deps.files.configFile, profile) : undefined;
  if (enrolling !== undefined && profile !== undefined && sessionProfile !== undefined) {
    if (has(enrolling) && !underway) {
      return finishEnrolment(
        { serial: enrolling },
        { user, profile, sessionProfile, own: own!, awsFactory, identity, changes, endpoint, options, region, callRegion, csvPath },
        deps,
      );
    }
    // It never got enabled (an orphan, if anything, which the pre-flight clears): start afresh.
    await markEnrolling(profile, undefined, deps);
  }
  /** The old phone is gone: an administrator removes the device (`retired`, when known). */
  const lostPhone = (retired?: string) =>
    new UserError('replace.lostPhone', { user, serial: retired ?? assigned[0]!.serialNumber, command: adminResetCommand(user, retired), profile: profile ?? user });
  let old: MfaDevice | undefined;
  if (assigned.length > 0) {
    const choice = await askAboutExisting(assigned, identity, admin?.profile, options, deps);
    if (choice !== 'replace' && underway && profile !== undefined) await markReplacing(profile, undefined, deps);
    if (choice === 'stop') throw new CancelledError();
    if (choice === 'lost') throw lostPhone();
    // A run resuming a replacement retires the device it was retiring.
    old = await chooseOldDevice(assigned, { serial: options.serial ?? (has(underway?.old) ? underway?.old : undefined) }, deps);
  } else if (options.replace) {
    out.info(t('replace.nothingToReplace', { user }));
  }
  // Without a terminal to draw on, the person needs the key or a PNG: say so before creating anything.
  if (!out.size() && !options.showSecret && !options.qrPng) throw new UserError('qr.noWayToShow');
  if (options.qrPng && (await fs.stat(options.qrPng).catch(() => undefined))) {
    throw new UserError('qr.pngExists', { path: options.qrPng });
  }

  // The calls that create and enable: an administrator's, or, when replacing, a session
  // made with the old phone (policies allow a second device only with MFA).
  let actor = iam;
  if (old && !admin) {
    out.heading(t('replace.oldHeading'));
    const retired = old;
    const oldSession = await step('old-session', () =>
      askForSession(own!, retired.serialNumber, OLD_SESSION_SECONDS, deps, {
        // No code: the old phone is not at hand after all (--replace skips the question).
        noCode: () => lostPhone(retired.serialNumber),
      }),
    );
    actor = await awsFactory({ keys: oldSession });
  }
  // A user whose only device is named after them gets `<user>-<yyyymmdd>`; IAM needs a free name.
  const nameTaken = assigned.some((d) => deviceNameOf(d.serialNumber) === user);
  const deviceName = options.deviceName ?? (nameTaken ? replacementName(user, assigned.map((d) => d.serialNumber), deps.clock.now()) : user);
  /** Where the replacement is recorded, so the next run finishes it (the user's own runs only). */
  let record = old && !admin && profile !== undefined ? { profile, old: old.serialNumber } : undefined;
  const refused = { id: 'remove.denied' as const, command: adminResetCommand(user, old?.serialNumber) };

  // 4–6. Create, show, enable: until enabled, any failure deletes the device.
  const journal = new Journal();
  let device: Device | undefined;
  let history;
  let removedFirst = false;
  /** The QR PNGs written for the new device. */
  const pngs: string[] = [];
  const created = async (name: string) => {
    const made = await step('create-device', () => createDevice(actor, identity, name, journal, deps));
    if (record) await markReplacing(record.profile, { old: record.old, new: made.serialNumber }, deps);
    // Recorded before enabling: should the run stop once AWS has enabled it, the next one finishes.
    else if (profile !== undefined && own) await markEnrolling(profile, made.serialNumber, deps);
    return made;
  };
  try {
    if (record) await markReplacing(record.profile, { old: record.old }, deps);
    await step('preflight', () => clearOrphan(actor, identity, deviceName, deps));
    try {
      device = await created(deviceName);
    } catch (error) {
      const pinned = old && !admin && options.deviceName === undefined && deviceName !== user && deniedByNamePolicy(error);
      if (!pinned) throw error;
      // Path b: a policy pins the device name to the user name, and the old device holds it:
      // the old device goes first (said before), then the new one takes the name.
      const retired = old!;
      out.warn(t('replace.namePinned', { name: deviceName, user }));
      const go = await deps.prompter.confirm({ message: t('replace.removeFirstAsk', { serial: retired.serialNumber, user }), flag: '--yes', default: true });
      if (!go) throw new CancelledError();
      await step('remove-old', () =>
        removeDevice(actor, user, retired.serialNumber, deps, refused, () => {
          removedFirst = true;
        }),
      );
      // With no device left, the next run simply enrols: nothing to record any more.
      if (record) await markReplacing(record.profile, undefined, deps);
      record = undefined;
      await clearOrphan(actor, identity, user, deps);
      device = await created(user);
    }
    const made = device;
    // The QR code and the key are secrets: shown, with the codes typed, on a screen of their own.
    history = await onOwnScreen(
      deps,
      async () => {
        await step('show-qr', () => showQr(actor, identity, made, options, deps, (path) => pngs.push(path)));
        return step('enable-device', () => enableDevice(actor, identity, made, options, deps));
      },
      { done: () => t('enable.done', { serial: made.serialNumber, user }), pngs: () => pngs },
    );
    journal.commit();
    hooks.onEnabled?.(made.serialNumber);
  } catch (error) {
    const undone = await undoUnfinished(journal, actor, identity, device, deps);
    const kept = undone === 'kept';
    if (kept && device) hooks.onEnabled?.(device.serialNumber);
    // A PNG of a device that is gone is a secret with no use: it goes too (only then).
    if (undone === 'removed') for (const path of pngs) if (await fs.rm(path).then(() => true, () => false)) out.info(t('rollback.pngRemoved', { path }));
    if (removedFirst) out.warn(t('replace.withoutMfa', { user, profile: profile ?? user }));
    // Nothing of the replacement is left to finish: the old device is there, the new one is gone.
    else if (record && !kept) await markReplacing(record.profile, undefined, deps);
    // The marker goes only with the device: one that could not be removed is finished or cleared by the next run.
    if (undone === 'removed' && profile !== undefined) await markEnrolling(profile, undefined, deps);
    if (error instanceof CancelledError && (removedFirst || kept)) throw new CancelledError('error.cancelledRunAgain');
    throw error;
  }

  // 6b–9. Record the device, verify a session (or, without the user's keys, IAM's listing),
  // retire the old device with the new session, summarize.
  const enrolled = device;
  const codes = history;
  if (profile !== undefined && sessionProfile !== undefined) {
    const named = profile;
    changes.push(
      await step('save-mfa-serial', () => saveMfaSerial({ profile: named, sessionProfile, serialNumber: enrolled.serialNumber, region }, deps)),
    );
  }
  const retiring = old && !removedFirst ? old : undefined;
  let session;
  try {
    if (own && profile !== undefined && sessionProfile !== undefined) {
      const self = own;
      const named = profile;
      try {
        session = await step('verify-session', () => verifySession(self, awsFactory, identity, enrolled, codes, options, deps));
        const credentials = session.credentials;
        changes.push(
          await step('save-session', () => saveSession({ sessionProfile, session: credentials, origin: { sourceProfile: named, serialNumber: enrolled.serialNumber } }, deps)),
        );
      } catch (error) {
        out.warn(t('setup.enabledNotVerified', { serial: enrolled.serialNumber, profile: named, config: deps.files.configFile }));
        // Not "nothing was left half-done": the device is enabled; the next run asks for one code.
        if (error instanceof CancelledError) throw new CancelledError('error.cancelledRunAgain');
        throw error;
      }
    } else {
      await step('verify-session', () => confirmListed(iam, identity, enrolled.serialNumber, deps));
    }
    if (retiring) {
      const remover = admin ? admin.aws : await awsFactory({ keys: session!.credentials });
      await step('remove-old', () => removeDevice(remover, user, retiring.serialNumber, deps, refused));
    }
  } catch (error) {
    if (retiring) out.warn(t('replace.oldKept', { old: retiring.serialNumber }));
    if (error instanceof CancelledError && retiring) throw new CancelledError('error.cancelledRunAgain');
    throw error;
  }
  if (old) await repointMfaSerial(old.serialNumber, enrolled.serialNumber, deps);
  if (record) await markReplacing(record.profile, undefined, deps);
  if (profile !== undefined) await markEnrolling(profile, undefined, deps);
  printSummary(
    {
      user,
      serialNumber: enrolled.serialNumber,
      ...(old && old.serialNumber !== enrolled.serialNumber ? { removed: old.serialNumber } : {}),
      ...(session && profile !== undefined && sessionProfile !== undefined
        ? { session: { profile, sessionProfile, expiration: session.credentials.expiration } }
        : {}),
      changes,
      endpoint,
    },
    deps,
  );
  if (options.exportShell && session) out.secretData(exportLines(options.exportShell, session.credentials, region?.name ?? callRegion));
  if (csvPath !== undefined) {
    const path = csvPath;
    await step('delete-csv', () => offerCsvDeletion(path, deps.files.credentialsFile, options, deps));
  }
}

/**
 * An enrolment an earlier run left with the device enabled (a replacement: the new one):
 * a code from the phone gives the session; a replacement's session then retires the old
 * device, and the config points at the new one.
 */
async function finishEnrolment(
  underway: { serial: string; old?: string },
  context: {
    user: string;
    profile: string;
    sessionProfile: string;
    own: Aws;
    awsFactory: AwsFactory;
    identity: Identity;
    changes: FileChange[];
    endpoint: string | undefined;
    options: SetupOptions;
    region: { name: string; forProfile: boolean } | undefined;
    /** Where the calls went, when the profile has no region of its own. */
    callRegion: string;
    /** The CSV this run imported: it holds the secret key in plain text, offered for deletion at the end. */
    csvPath: string | undefined;
  },
  deps: WizardDeps,
): Promise<void> {
  const { user, profile, sessionProfile, changes, region } = context;
  const { serial, old } = underway;
  deps.out.info(old === undefined ? t('enrol.finishing', { serial, user }) : t('replace.finishing', { old, serial }));
  const credentials = await askForSession(context.own, serial, context.options.durationSeconds, deps).catch((error: unknown) => {
    // Stopped again: what was recorded stays, and the run after this one carries on.
    throw error instanceof CancelledError ? new CancelledError('error.cancelledRunAgain') : error;
  });
  changes.push(await saveMfaSerial({ profile, sessionProfile, serialNumber: serial, region }, deps));
  changes.push(await saveSession({ sessionProfile, session: credentials, origin: { sourceProfile: profile, serialNumber: serial } }, deps));
  if (old !== undefined) {
    // Deactivated but not deleted counts too: removeDevice takes it from wherever it stopped.
    const stillThere = (await context.own.listMfaDevices(user)).some((d) => d.serialNumber === old);
    const orphaned = (await orphansOf(context.own, user))?.includes(old) ?? false;
    if (stillThere || orphaned) {
      const refused = { id: 'remove.denied' as const, command: adminResetCommand(user, old) };
      await removeDevice(await context.awsFactory({ keys: credentials }), user, old, deps, refused);
    }
    await repointMfaSerial(old, serial, deps);
    await markReplacing(profile, undefined, deps);
  }
  await markEnrolling(profile, undefined, deps);
  printSummary(
    {
      user,
      serialNumber: serial,
      ...(old !== undefined ? { removed: old } : {}),
      session: { profile, sessionProfile, expiration: credentials.expiration },
      changes,
      endpoint: context.endpoint,
    },
    deps,
  );
  if (context.options.exportShell) deps.out.secretData(exportLines(context.options.exportShell, credentials, region?.name ?? context.callRegion));
  if (context.csvPath !== undefined) await offerCsvDeletion(context.csvPath, deps.files.credentialsFile, context.options, deps);
}

/** Only long enough to enrol the new phone: the old phone's session is used for nothing else. */
const OLD_SESSION_SECONDS = 3600;

/**
 * CreateVirtualMFADevice refused for want of an allow (the usual policy allows only
 * `mfa/${aws:username}`); an explicit deny (an SCP, say) would refuse any name.
 */
function deniedByNamePolicy(error: unknown): boolean {
  const cause = error instanceof UserError && error.id === 'device.createDenied' ? error.cause : undefined;
  return cause instanceof AwsError && !/explicit deny/i.test(cause.awsMessage);
}
