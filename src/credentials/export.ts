import type { SessionCredentials } from '../keys.js';

export const SHELLS = ['sh', 'fish', 'powershell', 'cmd'] as const;
export type Shell = (typeof SHELLS)[number];

/** POSIX sh: single quotes keep everything; a quote itself is closed, escaped, reopened. */
const sh = (value: string) => `'${value.replace(/'/g, `'\\''`)}'`;
/** fish: inside single quotes only \ and ' are special, each escaped with a backslash. */
const fish = (value: string) => `'${value.replace(/[\\']/g, '\\$&')}'`;
/** PowerShell: single-quoted strings are literal; a quote is doubled. */
const powershell = (value: string) => `'${value.replace(/'/g, "''")}'`;

/**
 * The variables both SDKs and the AWS CLI read, for a session made in `region`: botocore
 * reads AWS_DEFAULT_REGION, the JS and Go SDKs AWS_REGION (as aws-vault exports both).
 */
function variables(session: SessionCredentials, region: string): [string, string][] {
  return [
    ['AWS_ACCESS_KEY_ID', session.accessKeyId],
    ['AWS_SECRET_ACCESS_KEY', session.secretAccessKey],
    ['AWS_SESSION_TOKEN', session.sessionToken],
    // Read by the JS SDK; tells a person when the session ends.
    ['AWS_CREDENTIAL_EXPIRATION', session.expiration.toISOString()],
    ['AWS_REGION', region],
    ['AWS_DEFAULT_REGION', region],
  ];
}

/**
 * Lines that set the session in a shell: `eval "$(mfa-onboard session --export sh)"`.
 * cmd.exe has no quoting that survives every character, but these values are base64,
 * ISO dates and region names: `set "NAME=value"` keeps them whole.
 */
export function exportLines(shell: Shell, session: SessionCredentials, region: string): string {
  return variables(session, region)
    .map(([name, value]) => {
      switch (shell) {
        case 'sh':
          return `export ${name}=${sh(value)}`;
        case 'fish':
          return `set -gx ${name} ${fish(value)}`;
        case 'powershell':
          return `$Env:${name} = ${powershell(value)}`;
        case 'cmd':
          return `set "${name}=${value}"`;
      }
    })
    .join('\n');
}

/** How `shell` runs what `command` (an `--export SHELL` command line) prints: the line a person types. */
export function runExported(shell: Shell, command: string): string {
  switch (shell) {
    case 'sh':
      return `eval "$(${command})"`;
    case 'fish':
      return `${command} | source`;
    case 'powershell':
      return `${command} | Invoke-Expression`;
    case 'cmd':
      return `for /f "delims=" %i in ('${command}') do %i`;
  }
}

/** Session values are base64 and an ISO date: anything else would not survive a shell's quoting. */
export function printableSession(session: SessionCredentials): boolean {
  const plain = [session.accessKeyId, session.secretAccessKey, session.sessionToken].every((v) => /^[A-Za-z0-9+/=]+$/.test(v));
  return plain && !Number.isNaN(session.expiration.getTime());
}

/** The JSON a `credential_process` prints (Version 1). */
export function credentialProcessJson(session: SessionCredentials): string {
  return JSON.stringify({
    Version: 1,
    AccessKeyId: session.accessKeyId,
    SecretAccessKey: session.secretAccessKey,
    SessionToken: session.sessionToken,
    Expiration: session.expiration.toISOString(),
  });
}
