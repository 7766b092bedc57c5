import { parseCallerArn, type ParsedIdentity } from '../../aws/names.js';
import { AwsError } from '../../aws/errors.js';
import { readTextFile } from '../../credentials/files.js';
import { listIniSections } from '../../credentials/ini.js';
import { listProfiles } from '../../credentials/paths.js';
import { UserError } from '../../errors.js';
import { t } from '../../ui/messages/index.js';
import type { Aws, Identity, WizardDeps } from '../context.js';
import { known, type SetupRun } from '../run.js';
import { identify } from './identify.js';
import { importCsv } from './import-csv.js';

const LIST_RETRIES = 3;
const LIST_RETRY_MS = 2_000;

/** An administrator's profile, acting for another IAM user. */
export interface Admin {
  profile: string;
  aws: Aws;
  arn: string;
  caller: ParsedIdentity;
}

/** True when the credentials or config file has a section for `profile`. */
export async function profileExists(profile: string, deps: Pick<WizardDeps, 'files'>): Promise<boolean> {
  const [credentials, config] = await Promise.all([readTextFile(deps.files.credentialsFile), readTextFile(deps.files.configFile)]);
  return listProfiles(listIniSections(credentials), listIniSections(config)).includes(profile);
}

/** Who the profile's credentials are; an administrator when that is not the IAM user `user`. */
export async function asAdmin(profile: string, user: string, aws: Aws): Promise<Admin | undefined> {
  const { arn } = await aws.getCallerIdentity();
  const caller = parseCallerArn(arn);
  // IAM user names are unique regardless of case: Alice is alice.
  if (caller.kind === 'user' && caller.userName?.toLowerCase() === user.toLowerCase()) return undefined;
  return { profile, aws, arn, caller };
}

/** The user an administrator acts for, as IAM has it (a missing user or a refusal explained). */
export async function targetUser(admin: Admin, user: string, deps: Pick<WizardDeps, 'out'>): Promise<Identity> {
  let found;
  try {
    found = await admin.aws.getUser(user);
  } catch (error) {
    if (error instanceof AwsError && error.is('NoSuchEntity')) {
      throw new UserError('admin.noSuchUser', { user, account: admin.caller.account, profile: admin.profile }, { cause: error });
    }
    if (error instanceof AwsError && error.is('AccessDenied')) {
      throw new UserError('admin.denied', { profile: admin.profile, arn: admin.arn, message: error.awsMessage }, { cause: error });
    }
    throw error;
  }
  const identity = found;
  deps.out.success(t('admin.actingFor', { user: identity.userName, arn: identity.arn, admin: admin.arn }));
  return identity;
}

/**
 * Without the user's own keys there is no session to try: the check is that IAM lists the
 * device as enabled for the user.
 */
export async function confirmListed(
  aws: Aws,
  identity: Identity,
  serial: string,
  deps: Pick<WizardDeps, 'out' | 'clock' | 'signal'>,
): Promise<void> {
  // IAM is eventually consistent: a device enabled a moment ago may not be listed yet.
  for (let attempt = 0; !(await aws.listMfaDevices(identity.userName)).some((d) => d.serialNumber === serial); attempt++) {
    if (attempt >= LIST_RETRIES) throw new UserError('admin.notListed', { serial, user: identity.userName });
    await deps.clock.sleep(LIST_RETRY_MS, deps.signal);
  }
  deps.out.success(t('admin.listed', { serial, user: identity.userName }));
}

/**
 * Step 2, admin mode: with `--user`, a profile that is someone else's (an administrator's)
 * acts for the user. Beside a CSV, a profile whose keys do not work is just the name to
 * import into; without one, a profile that is the user's own is simply the user's keys.
 */
export async function actAsAdmin(
  run: Pick<SetupRun, 'profiles' | 'options' | 'csvPath' | 'awsFactory' | 'admin' | 'own'>,
): Promise<void> {
  const { admin: candidate, ...others } = run.profiles;
  if (candidate === undefined) return;
  const profileAws = await run.awsFactory({ profile: candidate });
  const asking = asAdmin(candidate, run.options.user!, profileAws);
  const admin = await (run.csvPath === undefined ? asking : asking.catch(() => undefined));
  if (admin) {
    run.admin = admin;
    return;
  }
  run.profiles = others;
  if (run.csvPath === undefined) run.own = profileAws;
}

/**
 * Step 2, admin mode: the user is who IAM says; a CSV given beside is the user's own keys
 * (for the session check), and must be theirs.
 */
export async function identifyForAdmin(
  run: Pick<SetupRun, 'admin' | 'options' | 'csvPath' | 'awsFactory' | 'identity' | 'key' | 'own' | 'iam'>,
  deps: Pick<WizardDeps, 'out' | 'prompter' | 'clock' | 'signal'>,
): Promise<void> {
  const { admin } = run;
  if (!admin) return;
  const identity = await targetUser(admin, run.options.user!, deps);
  run.identity = identity;
  run.iam = admin.aws;
  const path = run.csvPath;
  if (path === undefined) return;
  const key = await importCsv({ csvPath: path, forUser: run.options.user }, deps);
  run.key = key;
  run.own = await run.awsFactory({ keys: { accessKeyId: key.accessKeyId, secretAccessKey: key.secretAccessKey } });
  const hers = await identify(run.own, { fromCsv: path, fresh: run.options.freshKey === true }, deps);
  if (hers.arn !== identity.arn) throw new UserError('admin.csvOtherUser', { path, arn: hers.arn, user: identity.userName });
}

/** Step 7 without the user's keys: IAM lists the device as the user's. */
export async function confirmListedStep(
  run: Pick<SetupRun, 'own' | 'profiles' | 'iam' | 'identity' | 'enrolled'>,
  deps: Pick<WizardDeps, 'out' | 'clock' | 'signal'>,
): Promise<void> {
  if (run.own && run.profiles.session !== undefined) return;
  await confirmListed(known(run, 'iam'), known(run, 'identity'), known(run, 'enrolled'), deps);
}
