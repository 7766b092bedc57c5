/**
 * AWS keys as the program holds them: aws/ signs calls with them and gets sessions, credentials/
 * reads and writes them in the files. They live here, below both, so neither imports the other.
 */

/** An access key (long-term, or a session's with its token). Secret: never shown. */
export interface KeyCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/** A session STS made (GetSessionToken, AssumeRole): keys with a token, and when they end. */
export interface SessionCredentials extends Required<KeyCredentials> {
  expiration: Date;
}
