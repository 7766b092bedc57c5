import { UserError } from '../errors.js';
import { t } from '../ui/messages/index.js';

/**
 * What a profile name may be. The AWS CLI's own writer refuses no name (it quotes spaces and
 * cannot read back `]`); the AWS SDK for JavaScript ignores a `[profile a=b]` or `[profile a,b]`
 * section of the config file (its section pattern has neither), so `mfa_serial` would be lost
 * there. 128 characters: no AWS name it is made from is longer (users and roles: 64), so a
 * longer one is a pasted value.
 */
export const PROFILE_NAME = /^[\w.@+-]{1,128}$/;

/** Checks a profile name the files can hold safely; returns a message, or true. */
export function checkProfileName(name: string): string | true {
  return PROFILE_NAME.test(name) ? true : t('profile.badName', { name: name.replace(/[\r\n]/g, '⏎') });
}

/** Refuses a profile name given with `flag`, showing a newline in it as ⏎. */
export function assertProfileName(name: string, flag: string): void {
  // NOTE: the pattern itself, not checkProfileName: its message would load the catalogs
  // into the start-up fast path (fast-session.ts), which checks names too.
  if (!PROFILE_NAME.test(name)) throw new UserError('profile.badNameFlag', { name: name.replace(/[\r\n]/g, '⏎'), flag });
}
