import { accountOfArn, deviceNameOf, parseCallerArn } from '../aws/names.js';
import { readTextFile } from '../credentials/files.js';
import { listIniSections, readIniValue } from '../credentials/ini.js';
import { configSectionNames } from '../credentials/paths.js';
import { UserError } from '../errors.js';
import { t } from '../ui/messages/index.js';
import { table } from '../ui/width.js';
import type { WizardDeps } from '../wizard/context.js';
import { orphansOf } from '../wizard/devices.js';
import { hiresLeftHere, reportOthersProfiles, type HireLeftHere } from '../wizard/earlier-hires.js';
import { readSavedSession } from '../credentials/profiles.js';
import { resolveProfiles, withLongTerm } from '../wizard/resolve-profiles.js';
import { nextRun, underwayIn, type NextRun } from '../wizard/enrolment-state.js';
import { whenText } from '../ui/when.js';

export interface StatusOptions {
  profile: string;
  user?: string;
  sessionProfile?: string;
  json: boolean;
  region?: string;
  envRegion?: string;
}

/** Where a user stands, as `--json` prints it. */
export interface Status {
  caller: string;
  account: string;
  user: string;
  devices: { name: string; serialNumber: string; enabled?: string }[];
  configuredSerial?: string;
  /** Whether the configured mfa_serial is one of the user's devices; null when none is configured. */
  configuredSerialIsCurrent: boolean | null;
  session?: { profile: string; expires: string; valid: boolean };
  /** The profile on this computer the mfa_serial and session are read from (none when an admin looks at a user who has none here). */
  localProfile?: string;
  /** Unassigned virtual devices named after the user; undefined when IAM did not let us look. */
  orphans?: string[];
  /** Other users' profiles an earlier version's admin mode left here (to delete; never touched). */
  othersProfiles?: HireLeftHere[];
  /** What an earlier run on this computer left under way, and the command whose next run finishes it. */
  underway?: NextRun & { command: string };
}

/** The row that says what is under way, and the line after the table that says what the next run does. */
function underwayText(next: NextRun, command: string): { row: string; then: string } {
  switch (next.next) {
    case 'finish-enrolment':
      return { row: t('status.underwayEnabled', { serial: next.serial }), then: t('status.nextFinishes', { command }) };
    case 'start-afresh':
      return { row: t('status.underwayNotEnabled', { serial: next.serial }), then: t('status.nextStartsAfresh', { command }) };
    case 'finish-replacement':
      return {
        row: t('status.underwayReplaced', { serial: next.serial, old: next.old }),
        then: t(next.oldLeft ? 'status.nextRetires' : 'status.nextFinishes', { old: next.old, command }),
      };
    case 'replace-again':
      return { row: t('status.underwayReplacing', { old: next.old }), then: t('status.nextReplaces', { old: next.old, command }) };
    case 'enrol-afresh':
      return { row: t('status.underwayOldGone', { old: next.old }), then: t('status.nextEnrols', { old: next.old, command }) };
  }
}

/**
 * `mfa-onboard status`: who the keys belong to, the user's MFA devices, the mfa_serial
 * configured, the saved session and its expiry, and orphan devices under the user's name.
 */
export async function runStatus(options: StatusOptions, deps: WizardDeps): Promise<Status> {
  const { out, clock } = deps;
  const profiles = await resolveProfiles(options, deps.files);
  const aws = await deps.awsFor(profiles.region)({ profile: options.profile });
  const who = await aws.getCallerIdentity();
  const caller = parseCallerArn(who.arn);
  const user = options.user ?? caller.userName;
  const [credentials, config] = await Promise.all([readTextFile(deps.files.credentialsFile), readTextFile(deps.files.configFile)]);
  const othersProfiles = await hiresLeftHere(aws, options.profile, caller.userName, { credentials, config });
  if (!user) {
    // An administrator acting through a role: what is left of hires here is said all the same.
    if (othersProfiles.length) reportOthersProfiles(othersProfiles, deps);
    throw new UserError('status.noUser', { arn: who.arn });
  }

  const listed = await aws.listMfaDevices(user);
  const devices = listed.map((d) => ({
    name: deviceNameOf(d.serialNumber),
    serialNumber: d.serialNumber,
    ...(d.enableDate ? { enabled: d.enableDate.toISOString() } : {}),
  }));
  const orphans = await orphansOf(aws, user);
  // Someone else looked at: that user's own profile (named after them, as the wizard suggests
  // on their computer, or as earlier versions' admin mode wrote it here) holds their
  // mfa_serial and session, if it is here.
  const forOther = options.user !== undefined && caller.userName?.toLowerCase() !== options.user.toLowerCase();
  const serialOf = (profile: string) => readIniValue(config, configSectionNames(profile), 'mfa_serial');
  const localProfile = !forOther ? options.profile : profileOf(user, who.account, { credentials, config }, serialOf);
  const configuredSerial = localProfile === undefined ? undefined : serialOf(localProfile);
  const sessionProfile = withLongTerm(profiles, localProfile).session;
  const saved = sessionProfile === undefined ? undefined : readSavedSession(credentials, sessionProfile);
  const next = localProfile === undefined ? undefined : nextRun(underwayIn(config, localProfile), devices.map((d) => d.serialNumber));
  const localFlag = localProfile === undefined || localProfile === 'default' ? '' : ` --profile ${localProfile}`;
  const underway = next && { ...next, command: `mfa-onboard${localFlag}${next.next === 'replace-again' ? ' --replace' : ''}` };
  const status: Status = {
    caller: who.arn,
    account: who.account,
    user,
    devices,
    ...(configuredSerial ? { configuredSerial } : {}),
    configuredSerialIsCurrent: configuredSerial === undefined ? null : devices.some((d) => d.serialNumber === configuredSerial),
    ...(localProfile !== undefined ? { localProfile } : {}),
    ...(saved && sessionProfile
      ? { session: { profile: sessionProfile, expires: saved.expiration.toISOString(), valid: saved.expiration.getTime() > clock.now() } }
      : {}),
    ...(orphans ? { orphans } : {}),
    ...(othersProfiles.length ? { othersProfiles } : {}),
    ...(underway ? { underway } : {}),
  };

  if (options.json) {
    out.data(JSON.stringify(status, null, 2));
    return status;
  }
  const profileFlag = options.profile === 'default' ? '' : ` --profile ${options.profile}`;
  const sessionCommand = `mfa-onboard session${localProfile === undefined || localProfile === 'default' ? '' : ` --profile ${localProfile}`}`;
  // No mfa_serial here: `session` records the device it uses (the only one, or the one named).
  const noSerial =
    devices.length === 0
      ? t('status.noSerialNoDevice')
      : t('status.noSerial', { command: devices.length === 1 ? sessionCommand : `${sessionCommand} --mfa-serial ARN` });
  const enrol = forOther ? `mfa-onboard${profileFlag} --user ${user}` : `mfa-onboard${profileFlag}`;
  const notHere = t('status.notHere', { user });
  const rows: [string, string][] = [
    [t('status.caller'), who.arn],
    [t('status.user'), user],
    ...(devices.length
      ? listed.map((d): [string, string] => [
          t('status.device'),
          // People read local times; --json keeps ISO 8601.
          t('status.deviceValue', { name: deviceNameOf(d.serialNumber), serial: d.serialNumber, enabled: d.enableDate ? whenText(d.enableDate, clock.now()) : '?' }),
        ])
      : [[t('status.device'), t('status.noDevice', { command: enrol })] as [string, string]]),
    [
      t('status.mfaSerial'),
      configuredSerial
        ? t(status.configuredSerialIsCurrent ? 'status.serialCurrent' : 'status.serialStale', { serial: configuredSerial })
        : localProfile === undefined ? notHere : noSerial,
    ],
    [
      t('status.session'),
      status.session
        ? t(status.session.valid ? 'status.sessionValid' : 'status.sessionEnded', {
            profile: status.session.profile,
            expires: whenText(saved!.expiration, clock.now()),
            command: sessionCommand,
          })
        : localProfile === undefined ? notHere : t('status.none'),
    ],
    [t('status.orphans'), orphans === undefined ? t('status.orphansUnknown') : orphans.length ? orphans.join(', ') : t('status.none')],
  ];
  const said = underway && underwayText(underway, underway.command);
  if (said) rows.push([t('status.underway'), said.row]);
  for (const line of table(rows, out.size()?.columns)) out.info(line);
  if (said) out.info(said.then);
  if (othersProfiles.length) reportOthersProfiles(othersProfiles, deps);
  return status;
}

/**
 * The profile on this computer that is `user`'s: named after them in any case (IAM names are
 * case-blind), and not one whose mfa_serial is in another account (an admin with several).
 */
function profileOf(
  user: string,
  account: string,
  { credentials, config }: { credentials: string; config: string },
  serialOf: (profile: string) => string | undefined,
): string | undefined {
  const names = [...listIniSections(credentials), ...listIniSections(config).map((section) => section.replace(/^profile\s+/, ''))];
  const profile = names.find((name) => name === user) ?? names.find((name) => name.toLowerCase() === user.toLowerCase());
  if (profile === undefined) return undefined;
  const serial = serialOf(profile);
  return serial === undefined || accountOfArn(serial) === account ? profile : undefined;
}
