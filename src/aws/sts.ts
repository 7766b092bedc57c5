import type * as StsSdk from '@aws-sdk/client-sts';
import type { SessionCredentials } from '../keys.js';
import { incomplete, type Explain, type SdkCalls } from './call.js';
import type { Identity } from './names.js';

/** What STS says of the keys in use: their ARN (read it with `parseCallerArn`) and account. */
export type CallerIdentity = Pick<Identity, 'arn' | 'account'>;

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

function credentialsOf(c: StsSdk.Credentials | undefined): SessionCredentials {
  if (!c?.AccessKeyId || !c.SecretAccessKey || !c.SessionToken || !c.Expiration) incomplete('STS returned no credentials');
  return {
    accessKeyId: c.AccessKeyId,
    secretAccessKey: c.SecretAccessKey,
    sessionToken: c.SessionToken,
    expiration: new Date(c.Expiration),
  };
}

/**
 * The STS calls. `clockOffsetMs` is read from every response (see `sdkAwsFactory`);
 * `explain` words a failure to find the credentials, which is no API call.
 */
export function stsCalls(
  { sdk, client: sts, send, abortable }: SdkCalls<typeof StsSdk, StsSdk.STSClient>,
  clockOffsetMs: () => number | undefined,
  explain: Explain,
): Sts {
  return {
    getCallerIdentity: () =>
      send('sts:GetCallerIdentity', async () => {
        const out = await sts.send(new sdk.GetCallerIdentityCommand({}), abortable);
        return { account: out.Account ?? '', arn: out.Arn ?? '' };
      }),
    getSessionToken: (serialNumber, tokenCode, durationSeconds) =>
      send('sts:GetSessionToken', async () => {
        const input = { SerialNumber: serialNumber, TokenCode: tokenCode, DurationSeconds: durationSeconds };
        const out = await sts.send(new sdk.GetSessionTokenCommand(input), abortable);
        return credentialsOf(out.Credentials);
      }),
    assumeRole: (input) =>
      send('sts:AssumeRole', async () => {
        const out = await sts.send(
          new sdk.AssumeRoleCommand({
            RoleArn: input.roleArn,
            RoleSessionName: input.sessionName,
            SerialNumber: input.serialNumber,
            TokenCode: input.tokenCode,
            DurationSeconds: input.durationSeconds,
          }),
          abortable,
        );
        return credentialsOf(out.Credentials);
      }),
    clockOffsetMs,
    usesTemporaryCredentials: async () => {
      const resolved = await sts.config.credentials().catch(async (error: unknown) => {
        throw await explain(error, 'sts:GetCallerIdentity');
      });
      return Boolean(resolved.sessionToken) || resolved.accessKeyId.startsWith('ASIA');
    },
  };
}
