import { UserError } from '../errors.js';

/**
 * What a profile name may be. The AWS CLI's own writer refuses no name (it quotes spaces and
 * cannot read back `]`); the AWS SDK for JavaScript ignores a `[profile a=b]` or `[profile a,b]`
 * section of the config file (its section pattern has neither), so `mfa_serial` would be lost
 * there. 128 characters: no AWS name it is made from is longer (users and roles: 64), so a
 * longer one is a pasted value.
 */
export const PROFILE_NAME = /^[\w.@+-]{1,128}$/;

/** A name as a message shows it: a newline in it as ⏎. */
export function shownProfileName(name: string): string {
  return name.replace(/[\r\n]/g, '⏎');
}

/** Refuses a profile name given with `flag`. */
export function assertProfileName(name: string, flag: string): void {
  if (!PROFILE_NAME.test(name)) throw new UserError('profile.badNameFlag', { name: shownProfileName(name), flag });
}
