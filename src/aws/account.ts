import type { IamCalls } from './call.js';

/** The account's alias (the name an authenticator app shows beside the user's). */
export interface AccountAlias {
  listAccountAliases(): Promise<string[]>;
}

/** The IAM call on the account itself. */
export function accountCalls({ sdk, client: iam, send, abortable }: IamCalls): AccountAlias {
  return {
    listAccountAliases: () =>
      send('iam:ListAccountAliases', async () => {
        const out = await iam.send(new sdk.ListAccountAliasesCommand({}), abortable);
        return out.AccountAliases ?? [];
      }),
  };
}
