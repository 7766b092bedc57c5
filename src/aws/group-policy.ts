import { isNoSuchEntity, type IamCalls } from './call.js';

/** IAM groups and their inline policies. */
export interface GroupPolicy {
  /** True when the group exists. */
  groupExists(groupName: string): Promise<boolean>;
  createGroup(groupName: string): Promise<void>;
  /** A group's inline policy document (decoded JSON text), undefined when it has none of that name. */
  getGroupPolicy(groupName: string, policyName: string): Promise<string | undefined>;
  putGroupPolicy(groupName: string, policyName: string, document: string): Promise<void>;
}

/** IAM returns policy documents URL-encoded. */
function decodedPolicy(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  try {
    return decodeURIComponent(text);
  } catch {
    return text; // not encoded after all (an emulator, say)
  }
}

/** The IAM calls on groups and their policies; only the reads can be cut short by Ctrl-C. */
export function groupPolicyCalls({ sdk, client: iam, send, abortable }: IamCalls): GroupPolicy {
  return {
    groupExists: (groupName) =>
      send('iam:GetGroup', async () => {
        try {
          await iam.send(new sdk.GetGroupCommand({ GroupName: groupName, MaxItems: 1 }), abortable);
          return true;
        } catch (error) {
          if (isNoSuchEntity(error)) return false;
          throw error;
        }
      }),
    createGroup: (groupName) =>
      send('iam:CreateGroup', async () => {
        await iam.send(new sdk.CreateGroupCommand({ GroupName: groupName }));
      }),
    getGroupPolicy: (groupName, policyName) =>
      send('iam:GetGroupPolicy', async () => {
        try {
          const out = await iam.send(new sdk.GetGroupPolicyCommand({ GroupName: groupName, PolicyName: policyName }), abortable);
          return decodedPolicy(out.PolicyDocument);
        } catch (error) {
          if (isNoSuchEntity(error)) return undefined;
          throw error;
        }
      }),
    putGroupPolicy: (groupName, policyName, document) =>
      send('iam:PutGroupPolicy', async () => {
        await iam.send(new sdk.PutGroupPolicyCommand({ GroupName: groupName, PolicyName: policyName, PolicyDocument: document }));
      }),
  };
}
