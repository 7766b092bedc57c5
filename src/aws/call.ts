import type * as IamSdk from '@aws-sdk/client-iam';
import { readTextFile } from '../credentials/files.js';
import { listIniSections } from '../credentials/ini.js';
import { awsFiles, listProfiles } from '../credentials/paths.js';
import { UserError } from '../errors.js';
import { t } from '../ui/messages/index.js';
import type { CredentialSource, Patience } from './client.js';
import { AwsError, toAwsError } from './errors.js';

/** Makes one API call (`action`, e.g. `iam:GetUser`): counted, said to be slow, its failure explained. */
export type Send = <T>(action: string, run: () => Promise<T>) => Promise<T>;

/** What the calls of one capability are built from. */
export interface SdkCalls<Sdk, Client> {
  /** The SDK package (its commands and paginators), loaded on first use. */
  sdk: Sdk;
  client: Client;
  send: Send;
  /**
   * Given to reads, so Ctrl-C cuts them short. NOTE: mutating calls get no abort signal:
   * Ctrl-C must not leave AWS in a state we did not learn about (a device created or
   * enabled without us knowing).
   */
  abortable: { abortSignal?: AbortSignal };
}

/** What the IAM calls of a capability are built from. */
export type IamCalls = SdkCalls<typeof IamSdk, IamSdk.IAMClient>;

/** At most this many profile names in a message: a file may hold thousands. */
const LISTED_PROFILES = 20;

/** The profile names a message lists: the first few, and how many more. */
export function shownProfiles(profiles: string[]): string {
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

/** Turns what the SDK threw during `action` into our error: a profile without keys is named, the rest is an AwsError. */
export type Explain = (error: unknown, action: string) => Promise<Error>;

/** The `Explain` for calls made with `source`'s credentials (a profile it lacks keys for is looked up). */
export function explainer(source: CredentialSource): Explain {
  return async (error, action) =>
    'profile' in source && (error as { name?: string } | undefined)?.name === 'CredentialsProviderError'
      ? noCredentialsFor(source.profile, error)
      : toAwsError(error, action);
}

/**
 * The one way every call is made: counted (`calls()`), `onSlow(action)` told once when it
 * is still unanswered after `patience.slowMs`, and a failure explained (a timeout says how
 * long was waited).
 */
export function counted({ patience, attempts, explain, onSlow }: {
  patience: Patience;
  /** How many times the SDK tries a call (said when it times out). */
  attempts: number;
  explain: Explain;
  onSlow: (action: string) => void;
}): { send: Send; calls: () => number } {
  let calls = 0;
  const send: Send = async (action, run) => {
    calls++;
    const slow = setTimeout(() => onSlow(action), patience.slowMs);
    try {
      return await run();
    } catch (error) {
      const failed = await explain(error, action);
      if (failed instanceof AwsError && failed.is('TimeoutError')) {
        const waited = { seconds: patience.attemptMs / 1000, attempts };
        throw new AwsError(failed.code, action, failed.awsMessage, undefined, { cause: error, waited });
      }
      throw failed;
    } finally {
      clearTimeout(slow);
    }
  };
  return { send, calls: () => calls };
}

/** Throws for an answer that lacks what it must hold (an `IncompleteResponse`, explained like any AWS error). */
export function incomplete(what: string): never {
  throw Object.assign(new Error(what), { name: 'IncompleteResponse' });
}

/** True when IAM said there is no such thing (a user, group, policy or device). */
export function isNoSuchEntity(error: unknown): boolean {
  return (error as { name?: string }).name === 'NoSuchEntityException';
}
