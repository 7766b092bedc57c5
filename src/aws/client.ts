import { readTextFile } from '../credentials/files.js';
import { listIniSections } from '../credentials/ini.js';
import { awsFiles, listProfiles } from '../credentials/paths.js';
import { narrowFilesForSdk } from '../credentials/sdk-view.js';
import { UserError } from '../errors.js';
import { t } from '../ui/messages/index.js';
import { AwsError, toAwsError } from './errors.js';
import { parseCallerArn, type Identity } from './names.js';

/** Where AWS is: a region (always set: the SDK refuses to work without one) and an optional endpoint. */
export interface AwsTarget {
  region: string;
  /** `--endpoint-url`; AWS_ENDPOINT_URL(_IAM|_STS) are honoured by the SDK itself. */
  endpoint?: string;
  /** How long to wait for AWS (tests shorten it); the README documents the defaults. */
  patience?: Patience;
}

/** How long a call waits for AWS before saying it is slow, and each try before giving up. */
export interface Patience {
  /** A call still unanswered after this long is said to be slow (once). */
  slowMs: number;
  /** Each try (connection included) gets this long; the SDK tries a call up to ATTEMPTS times. */
  attemptMs: number;
}

/** The SDK's default number of tries of a call (a timeout, a 5xx or throttling is tried again). */
const ATTEMPTS = 3;

/** Documented in the README: "AWS is slow" after 5 s; a call gives up after 3 tries of 10 s. */
export const DEFAULT_PATIENCE: Patience = { slowMs: 5_000, attemptMs: 10_000 };

/** The longest a call waits for AWS, in seconds (said with the slow notice). */
export function giveUpSeconds(patience: Patience = DEFAULT_PATIENCE): number {
  return Math.round((patience.attemptMs * ATTEMPTS) / 1000);
}

export interface KeyCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/** Explicit keys, or a named profile read by the SDK's own chain. */
export type CredentialSource = { keys: KeyCredentials } | { profile: string };

/** What STS says of the keys in use: their ARN (read it with `parseCallerArn`) and account. */
export type CallerIdentity = Pick<Identity, 'arn' | 'account'>;

export interface MfaDevice {
  serialNumber: string;
  enableDate?: Date;
}

export interface SessionCredentials extends Required<KeyCredentials> {
  expiration: Date;
}

/** STS: who the keys are, sessions made with them, and what AWS's clock says. */
export interface Sts {
  getCallerIdentity(): Promise<CallerIdentity>;
  getSessionToken(serialNumber: string, tokenCode: string, durationSeconds: number): Promise<SessionCredentials>;
  assumeRole(input: {
    roleArn: string;
    sessionName: string;
    serialNumber: string;
    tokenCode: string;
    durationSeconds: number;
  }): Promise<SessionCredentials>;
  /** AWS's clock minus the wizard's, from the Date header of the first response (undefined before one). */
  clockOffsetMs(): number | undefined;
  /** True when the credentials in use are temporary (a session token, or an ASIA key id). */
  usesTemporaryCredentials(): Promise<boolean>;
}

/** A user's MFA devices, and the account's virtual devices nobody has (orphans). */
export interface MfaDevices {
  /**
   * The user's MFA devices. `whileStopping`: asked during the clean-up after Ctrl-C, so not
   * cut short by it (the answer decides whether a device is kept or deleted).
   */
  listMfaDevices(userName: string, options?: { whileStopping?: boolean }): Promise<MfaDevice[]>;
  listUnassignedVirtualMfaDevices(): Promise<string[]>;
  createVirtualMfaDevice(name: string, path: string): Promise<{ serialNumber: string; seed: string }>;
  /** Deletes an unassigned virtual device; one already gone is no error (a retried delete whose answer was lost). */
  deleteVirtualMfaDevice(serialNumber: string): Promise<void>;
  enableMfaDevice(userName: string, serialNumber: string, code1: string, code2: string): Promise<void>;
  /** Unassigns a device from the user (it is not deleted). */
  deactivateMfaDevice(userName: string, serialNumber: string): Promise<void>;
}

/** An administrator's calls on IAM users: the users, their access keys and their groups. */
export interface UserAdmin {
  /** The IAM user named, as IAM has it (NoSuchEntity when there is none). */
  getUser(userName: string): Promise<Identity>;
  createUser(userName: string, path: string): Promise<{ arn: string }>;
  deleteUser(userName: string): Promise<void>;
  addUserToGroup(userName: string, groupName: string): Promise<void>;
  removeUserFromGroup(userName: string, groupName: string): Promise<void>;
  /** A new access key; the secret is a secret (the caller registers it with the output filter). */
  createAccessKey(userName: string): Promise<{ accessKeyId: string; secretAccessKey: string }>;
  deleteAccessKey(userName: string, accessKeyId: string): Promise<void>;
  listAccessKeys(userName: string): Promise<string[]>;
}

/** IAM groups and their inline policies. */
export interface GroupPolicy {
  /** True when the group exists. */
  groupExists(groupName: string): Promise<boolean>;
  createGroup(groupName: string): Promise<void>;
  /** A group's inline policy document (decoded JSON text), undefined when it has none of that name. */
  getGroupPolicy(groupName: string, policyName: string): Promise<string | undefined>;
  putGroupPolicy(groupName: string, policyName: string, document: string): Promise<void>;
}

/** The account's alias (the name an authenticator app shows beside the user's). */
export interface AccountAlias {
  listAccountAliases(): Promise<string[]>;
}

/** How many API calls a client made (for the benchmark). */
export interface CallCount {
  readonly calls: number;
}

/**
 * Every IAM and STS call the program makes, typed, with errors turned into AwsError: the
 * capabilities together. Code takes only the capabilities (or `Pick<Aws, …>`) it uses, so a
 * test's fake implements only those.
 */
export type Aws = Sts & MfaDevices & UserAdmin & GroupPolicy & AccountAlias & CallCount;

/**
 * AWS's clock minus ours, from an HTTP Date header (1 s resolution: the header drops the
 * fraction, so half a second is added back). Undefined when the header does not parse.
 */
export function serverClockOffset(dateHeader: string, localNow: number): number | undefined {
  const server = Date.parse(dateHeader);
  return Number.isNaN(server) ? undefined : server + 500 - localNow;
}

/** At most this many profile names in a message: a file may hold thousands. */
const LISTED_PROFILES = 20;

function shownProfiles(profiles: string[]): string {
  if (profiles.length === 0) return t('profile.noneThere');
  const listed = profiles.slice(0, LISTED_PROFILES).join(', ');
  return profiles.length > LISTED_PROFILES ? t('profile.andMore', { listed, count: profiles.length - LISTED_PROFILES }) : listed;
}

/**
 * Why the SDK found no keys for `profile`: there is no such profile (the message lists those
 * there are), or it has none. The files are the ones the SDK read, from the same variables.
 */
async function noCredentialsFor(profile: string, error: unknown): Promise<UserError> {
  const files = awsFiles(process.env);
  const [credentials, config] = await Promise.all([readTextFile(files.credentialsFile), readTextFile(files.configFile)]);
  const profiles = listProfiles(listIniSections(credentials), listIniSections(config));
  if (!profiles.includes(profile)) {
    return new UserError(
      'profile.notFound',
      { profile, profiles: shownProfiles(profiles), credentials: files.credentialsFile, config: files.configFile },
      { cause: error },
    );
  }
  return new UserError('profile.noKeys', { profile, reason: (error as Error).message }, { cause: error });
}

/** Builds the clients; the SDK is loaded here, on first use, never at start-up. */
export type AwsFactory = (credentials: CredentialSource) => Promise<Aws>;

/** The real factory, over HTTP with the AWS SDK v3. */
export function sdkAwsFactory(
  target: AwsTarget,
  signal?: AbortSignal,
  now: () => number = Date.now,
  /** Told once per call still unanswered after `patience.slowMs`. */
  onSlow: (action: string) => void = () => {},
): AwsFactory {
  const patience = target.patience ?? DEFAULT_PATIENCE;
  return async (source) => {
    const [iamModule, stsModule] = await Promise.all([
      import('@aws-sdk/client-iam'),
      import('@aws-sdk/client-sts'),
      narrowFilesForSdk('profile' in source ? source.profile : undefined),
    ]);
    const config = {
      region: target.region,
      maxAttempts: ATTEMPTS,
      // NOTE: without these a stalled endpoint is waited on for ever (the SDK's default has no limit).
      requestHandler: { connectionTimeout: patience.attemptMs, requestTimeout: patience.attemptMs, throwOnRequestTimeout: true },
      ...(target.endpoint ? { endpoint: target.endpoint } : {}),
      ...('keys' in source ? { credentials: source.keys } : { profile: source.profile }),
    };
    const iam = new iamModule.IAMClient(config);
    const sts = new stsModule.STSClient(config);
    let calls = 0;
    let clockOffsetMs: number | undefined;
    // AWS's own time, for the TOTP checks: a computer clock that is off must not be blamed on the phone.
    for (const client of [iam, sts] as const) {
      (client.middlewareStack as { add: (m: unknown, o: unknown) => void }).add(
        (next: (args: unknown) => Promise<{ response: { headers?: Record<string, string> } }>) => async (args: unknown) => {
          const result = await next(args);
          const date = result.response.headers?.date;
          if (clockOffsetMs === undefined && date) clockOffsetMs = serverClockOffset(date, now());
          return result;
        },
        { step: 'deserialize', name: 'mfaOnboardServerClock' },
      );
    }
    const explain = async (error: unknown, action: string): Promise<Error> =>
      'profile' in source && (error as { name?: string } | undefined)?.name === 'CredentialsProviderError'
        ? noCredentialsFor(source.profile, error)
        : toAwsError(error, action);
    const send = async <T>(action: string, run: () => Promise<T>): Promise<T> => {
      calls++;
      const slow = setTimeout(() => onSlow(action), patience.slowMs);
      try {
        return await run();
      } catch (error) {
        const failed = await explain(error, action);
        if (failed instanceof AwsError && failed.is('TimeoutError')) {
          const message = t('aws.timedOut', { seconds: patience.attemptMs / 1000, attempts: ATTEMPTS });
          throw new AwsError(failed.code, action, message, undefined, { cause: error });
        }
        throw failed;
      } finally {
        clearTimeout(slow);
      }
    };
    const options = signal ? { abortSignal: signal } : {};
    const {
      paginateListMFADevices, paginateListVirtualMFADevices, paginateListAccessKeys, CreateVirtualMFADeviceCommand,
      DeleteVirtualMFADeviceCommand, EnableMFADeviceCommand, ListAccountAliasesCommand,
      DeactivateMFADeviceCommand, GetUserCommand, GetGroupCommand, CreateGroupCommand, GetGroupPolicyCommand,
      PutGroupPolicyCommand, CreateUserCommand, DeleteUserCommand, AddUserToGroupCommand, RemoveUserFromGroupCommand,
      CreateAccessKeyCommand, DeleteAccessKeyCommand,
    } = iamModule;
    const { AssumeRoleCommand, GetCallerIdentityCommand, GetSessionTokenCommand } = stsModule;
    const credentialsOf = (c: { AccessKeyId?: string; SecretAccessKey?: string; SessionToken?: string; Expiration?: Date } | undefined) => {
      if (!c?.AccessKeyId || !c.SecretAccessKey || !c.SessionToken || !c.Expiration) {
        throw Object.assign(new Error('STS returned no credentials'), { name: 'IncompleteResponse' });
      }
      return {
        accessKeyId: c.AccessKeyId,
        secretAccessKey: c.SecretAccessKey,
        sessionToken: c.SessionToken,
        expiration: new Date(c.Expiration),
      };
    };
    return {
      get calls() {
        return calls;
      },
      getCallerIdentity: () =>
        send('sts:GetCallerIdentity', async () => {
          const out = await sts.send(new GetCallerIdentityCommand({}), options);
          return { account: out.Account ?? '', arn: out.Arn ?? '' };
        }),
      getSessionToken: (serialNumber, tokenCode, durationSeconds) =>
        send('sts:GetSessionToken', async () => {
          const out = await sts.send(
            new GetSessionTokenCommand({ SerialNumber: serialNumber, TokenCode: tokenCode, DurationSeconds: durationSeconds }),
            options,
          );
          return credentialsOf(out.Credentials);
        }),
      assumeRole: (input) =>
        send('sts:AssumeRole', async () => {
          const out = await sts.send(
            new AssumeRoleCommand({
              RoleArn: input.roleArn,
              RoleSessionName: input.sessionName,
              SerialNumber: input.serialNumber,
              TokenCode: input.tokenCode,
              DurationSeconds: input.durationSeconds,
            }),
            options,
          );
          return credentialsOf(out.Credentials);
        }),
      listMfaDevices: (userName, { whileStopping = false } = {}) =>
        send('iam:ListMFADevices', async () => {
          const devices: MfaDevice[] = [];
          for await (const page of paginateListMFADevices({ client: iam }, { UserName: userName }, whileStopping ? {} : options)) {
            for (const d of page.MFADevices ?? []) {
              devices.push({ serialNumber: d.SerialNumber ?? '', ...(d.EnableDate ? { enableDate: d.EnableDate } : {}) });
            }
          }
          return devices;
        }),
      listUnassignedVirtualMfaDevices: () =>
        send('iam:ListVirtualMFADevices', async () => {
          const serials: string[] = [];
          for await (const page of paginateListVirtualMFADevices({ client: iam }, { AssignmentStatus: 'Unassigned' }, options)) {
            for (const d of page.VirtualMFADevices ?? []) if (d.SerialNumber) serials.push(d.SerialNumber);
          }
          return serials;
        }),
      createVirtualMfaDevice: (name, path) =>
        send('iam:CreateVirtualMFADevice', async () => {
          const out = await iam.send(
            new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: name, Path: path }),
          );
          const device = out.VirtualMFADevice;
          if (!device?.SerialNumber || !device.Base32StringSeed) {
            throw Object.assign(new Error('CreateVirtualMFADevice returned no seed'), { name: 'IncompleteResponse' });
          }
          // The blob holds the ASCII base32 secret, not raw key bytes.
          return { serialNumber: device.SerialNumber, seed: Buffer.from(device.Base32StringSeed).toString('ascii') };
        }),
      // NOTE: mutating calls get no abort signal: Ctrl-C must not leave AWS in a state we
      // did not learn about (a device created or enabled without us knowing).
      deleteVirtualMfaDevice: (serialNumber) =>
        send('iam:DeleteVirtualMFADevice', async () => {
          try {
            await iam.send(new DeleteVirtualMFADeviceCommand({ SerialNumber: serialNumber }));
          } catch (error) {
            if ((error as { name?: string }).name !== 'NoSuchEntityException') throw error;
          }
        }),
      enableMfaDevice: (userName, serialNumber, code1, code2) =>
        send('iam:EnableMFADevice', async () => {
          await iam.send(
            new EnableMFADeviceCommand({
              UserName: userName,
              SerialNumber: serialNumber,
              AuthenticationCode1: code1,
              AuthenticationCode2: code2,
            }),
          );
        }),
      deactivateMfaDevice: (userName, serialNumber) =>
        send('iam:DeactivateMFADevice', async () => {
          await iam.send(new DeactivateMFADeviceCommand({ UserName: userName, SerialNumber: serialNumber }));
        }),
      getUser: (userName) =>
        send('iam:GetUser', async () => {
          const out = await iam.send(new GetUserCommand({ UserName: userName }), options);
          const arn = out.User?.Arn ?? '';
          const { account, partition } = parseCallerArn(arn);
          return { arn, account, partition, userName: out.User?.UserName ?? userName, path: out.User?.Path ?? '/' };
        }),
      createUser: (userName, path) =>
        send('iam:CreateUser', async () => {
          const out = await iam.send(new CreateUserCommand({ UserName: userName, Path: path }));
          return { arn: out.User?.Arn ?? '' };
        }),
      deleteUser: (userName) =>
        send('iam:DeleteUser', async () => {
          await iam.send(new DeleteUserCommand({ UserName: userName }));
        }),
      addUserToGroup: (userName, groupName) =>
        send('iam:AddUserToGroup', async () => {
          await iam.send(new AddUserToGroupCommand({ UserName: userName, GroupName: groupName }));
        }),
      removeUserFromGroup: (userName, groupName) =>
        send('iam:RemoveUserFromGroup', async () => {
          await iam.send(new RemoveUserFromGroupCommand({ UserName: userName, GroupName: groupName }));
        }),
      createAccessKey: (userName) =>
        send('iam:CreateAccessKey', async () => {
          const key = (await iam.send(new CreateAccessKeyCommand({ UserName: userName }))).AccessKey;
          if (!key?.AccessKeyId || !key.SecretAccessKey) {
            throw Object.assign(new Error('CreateAccessKey returned no key'), { name: 'IncompleteResponse' });
          }
          return { accessKeyId: key.AccessKeyId, secretAccessKey: key.SecretAccessKey };
        }),
      deleteAccessKey: (userName, accessKeyId) =>
        send('iam:DeleteAccessKey', async () => {
          await iam.send(new DeleteAccessKeyCommand({ UserName: userName, AccessKeyId: accessKeyId }));
        }),
      listAccessKeys: (userName) =>
        send('iam:ListAccessKeys', async () => {
          const keys: string[] = [];
          for await (const page of paginateListAccessKeys({ client: iam }, { UserName: userName }, options)) {
            for (const k of page.AccessKeyMetadata ?? []) if (k.AccessKeyId) keys.push(k.AccessKeyId);
          }
          return keys;
        }),
      groupExists: (groupName) =>
        send('iam:GetGroup', async () => {
          try {
            await iam.send(new GetGroupCommand({ GroupName: groupName, MaxItems: 1 }), options);
            return true;
          } catch (error) {
            if ((error as { name?: string }).name === 'NoSuchEntityException') return false;
            throw error;
          }
        }),
      createGroup: (groupName) =>
        send('iam:CreateGroup', async () => {
          await iam.send(new CreateGroupCommand({ GroupName: groupName }));
        }),
      getGroupPolicy: (groupName, policyName) =>
        send('iam:GetGroupPolicy', async () => {
          try {
            const out = await iam.send(new GetGroupPolicyCommand({ GroupName: groupName, PolicyName: policyName }), options);
            // IAM returns policy documents URL-encoded.
            const text = out.PolicyDocument;
            if (text === undefined) return undefined;
            try {
              return decodeURIComponent(text);
            } catch {
              return text; // not encoded after all (an emulator, say)
            }
          } catch (error) {
            if ((error as { name?: string }).name === 'NoSuchEntityException') return undefined;
            throw error;
          }
        }),
      putGroupPolicy: (groupName, policyName, document) =>
        send('iam:PutGroupPolicy', async () => {
          await iam.send(new PutGroupPolicyCommand({ GroupName: groupName, PolicyName: policyName, PolicyDocument: document }));
        }),
      clockOffsetMs: () => clockOffsetMs,
      usesTemporaryCredentials: async () => {
        const resolved = await sts.config.credentials().catch(async (error: unknown) => {
          throw await explain(error, 'sts:GetCallerIdentity');
        });
        return Boolean(resolved.sessionToken) || resolved.accessKeyId.startsWith('ASIA');
      },
      listAccountAliases: () =>
        send('iam:ListAccountAliases', async () => {
          const out = await iam.send(new ListAccountAliasesCommand({}), options);
          return out.AccountAliases ?? [];
        }),
    };
  };
}
