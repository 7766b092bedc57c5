import { incomplete, type IamCalls } from './call.js';
import { parseCallerArn, type Identity } from './names.js';

/** An administrator's calls on IAM users: the users, their access keys and their groups. */
export interface UserAdmin {
  /** The IAM user named, as IAM has it (NoSuchEntity when there is none). */
  getUser(userName: string): Promise<Identity>;
  createUser(userName: string, path: string): Promise<{ arn: string }>;
  deleteUser(userName: string): Promise<void>;
  addUserToGroup(userName: string, groupName: string): Promise<void>;
  removeUserFromGroup(userName: string, groupName: string): Promise<void>;
  /**
   * A new access key; the secret is a secret (the caller registers it with the output filter).
   * `tries` over 1: the SDK sent it again, and an earlier try may have made a key too.
   */
  createAccessKey(userName: string): Promise<{ accessKeyId: string; secretAccessKey: string; tries?: number }>;
  deleteAccessKey(userName: string, accessKeyId: string): Promise<void>;
  /** The user's access key ids. `whileStopping`: asked during the clean-up after Ctrl-C, so not cut short by it. */
  listAccessKeys(userName: string, options?: { whileStopping?: boolean }): Promise<string[]>;
  /** The IAM user an access key of this account belongs to (GetAccessKeyLastUsed: no secret needed). */
  accessKeyOwner(accessKeyId: string): Promise<string | undefined>;
}

/** The IAM calls on users; only the reads can be cut short by Ctrl-C. */
export function userAdminCalls({ sdk, client: iam, send, abortable }: IamCalls): UserAdmin {
  return {
    getUser: (userName) =>
      send('iam:GetUser', async () => {
        const out = await iam.send(new sdk.GetUserCommand({ UserName: userName }), abortable);
        const arn = out.User?.Arn ?? '';
        const { account, partition } = parseCallerArn(arn);
        return { arn, account, partition, userName: out.User?.UserName ?? userName, path: out.User?.Path ?? '/' };
      }),
    createUser: (userName, path) =>
      send('iam:CreateUser', async () => {
        const out = await iam.send(new sdk.CreateUserCommand({ UserName: userName, Path: path }));
        return { arn: out.User?.Arn ?? '' };
      }),
    deleteUser: (userName) =>
      send('iam:DeleteUser', async () => {
        await iam.send(new sdk.DeleteUserCommand({ UserName: userName }));
      }),
    addUserToGroup: (userName, groupName) =>
      send('iam:AddUserToGroup', async () => {
        await iam.send(new sdk.AddUserToGroupCommand({ UserName: userName, GroupName: groupName }));
      }),
    removeUserFromGroup: (userName, groupName) =>
      send('iam:RemoveUserFromGroup', async () => {
        await iam.send(new sdk.RemoveUserFromGroupCommand({ UserName: userName, GroupName: groupName }));
      }),
    createAccessKey: (userName) =>
      send('iam:CreateAccessKey', async () => {
        const out = await iam.send(new sdk.CreateAccessKeyCommand({ UserName: userName }));
        const key = out.AccessKey;
        if (!key?.AccessKeyId || !key.SecretAccessKey) incomplete('CreateAccessKey returned no key');
        return { accessKeyId: key.AccessKeyId, secretAccessKey: key.SecretAccessKey, tries: out.$metadata.attempts ?? 1 };
      }),
    deleteAccessKey: (userName, accessKeyId) =>
      send('iam:DeleteAccessKey', async () => {
        await iam.send(new sdk.DeleteAccessKeyCommand({ UserName: userName, AccessKeyId: accessKeyId }));
      }),
    listAccessKeys: (userName, { whileStopping = false } = {}) =>
      send('iam:ListAccessKeys', async () => {
        const keys: string[] = [];
        for await (const page of sdk.paginateListAccessKeys({ client: iam }, { UserName: userName }, whileStopping ? {} : abortable)) {
          for (const k of page.AccessKeyMetadata ?? []) if (k.AccessKeyId) keys.push(k.AccessKeyId);
        }
        return keys;
      }),
    accessKeyOwner: (accessKeyId) =>
      send('iam:GetAccessKeyLastUsed', async () => {
        const out = await iam.send(new sdk.GetAccessKeyLastUsedCommand({ AccessKeyId: accessKeyId }), abortable);
        return out.UserName;
      }),
  };
}
