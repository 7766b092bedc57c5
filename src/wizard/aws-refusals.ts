import { type AwsError, UserError } from '../errors.js';
import type { MessageId, MessageParams } from '../ui/messages/index.js';

/** What the wizard (or a command) was doing when AWS refused: each has its own explanations. */
export type AwsAction =
  | 'identify-csv-keys'
  | 'find-user'
  | 'create-device'
  | 'remove-orphan'
  | 'enable-device'
  | 'remove-old-device'
  | 'reset-device'
  | 'resync-device'
  | 'get-session'
  | 'assume-role'
  | 'create-user'
  | 'attach-policy';

/** A message for the AWS messages `when` matches and `unless` does not (any, without them). */
interface Reading {
  id: MessageId;
  when?: RegExp;
  unless?: RegExp;
}

/** A wrong code: not a refusal to explain, the person types another. */
const CODE_REJECTED = /MultiFactorAuthentication failed/i;
/** A serial STS cannot validate for the caller: the wrong device (its message also says the above). */
const BAD_SERIAL: Reading = { id: 'session.badSerial', when: /unable to validate MFA code/i };

/** What removing a device runs into, whoever removes it. */
const REMOVING = {
  EntityTemporarilyUnmodifiable: 'remove.temporarilyUnmodifiable',
  DeleteConflict: 'remove.deleteConflict',
  LimitExceeded: 'remove.limitExceeded',
} as const;

/**
 * AWS error code → the message that explains it, by action; `*` reads any code's message
 * (first). A code not here is reported as AWS said it (`errorText`, with a hint).
 */
const REFUSALS: Record<AwsAction, Record<string, MessageId | Reading[]>> = {
  'identify-csv-keys': { InvalidClientTokenId: 'identify.unknownKey', SignatureDoesNotMatch: 'identify.wrongSecret' },
  'find-user': { NoSuchEntity: 'admin.noSuchUser', AccessDenied: 'admin.denied' },
  'create-device': { AccessDenied: 'device.createDenied', LimitExceeded: 'device.limitExceeded' },
  'remove-orphan': { AccessDenied: 'preflight.orphanDenied', DeleteConflict: 'preflight.nameInUse' },
  'enable-device': {
    EntityAlreadyExists: 'enable.alreadyEnabled',
    EntityTemporarilyUnmodifiable: 'enable.temporarilyUnmodifiable',
    LimitExceeded: 'device.limitExceeded',
    NoSuchEntity: 'enable.noSuchEntity',
    AccessDenied: 'enable.accessDenied',
  },
  'remove-old-device': { AccessDenied: 'remove.denied', ...REMOVING },
  'reset-device': { AccessDenied: 'reset.denied', ...REMOVING },
  // Codes AWS would not match are for the caller to ask again.
  'resync-device': { AccessDenied: 'resync.denied', NoSuchEntity: 'resync.noSuchDevice' },
  // A wrong code is for the caller to ask again.
  'get-session': { AccessDenied: [BAD_SERIAL, { id: 'session.denied', unless: CODE_REJECTED }] },
  // AssumeRole's limits are said in its message, whatever the code.
  'assume-role': {
    '*': [
      { id: 'role.maxSession', when: /MaxSessionDuration/i },
      { id: 'role.chaining', when: /role chaining/i },
    ],
    AccessDenied: [BAD_SERIAL, { id: 'role.denied', unless: CODE_REJECTED }],
  },
  'create-user': { AccessDenied: 'admin.createDenied' },
  'attach-policy': { AccessDenied: 'policy.denied' },
};

function reads(entry: MessageId | Reading[] | undefined, awsMessage: string): MessageId | undefined {
  if (entry === undefined || typeof entry === 'string') return entry;
  return entry.find((r) => (!r.when || r.when.test(awsMessage)) && !r.unless?.test(awsMessage))?.id;
}

/**
 * The user's error for AWS refusing `action` with `error` (its message as `message` beside
 * `params`), or undefined when the table has none: then the AWS error is reported as it is.
 */
export function refusal(action: AwsAction, error: AwsError, params: MessageParams): UserError | undefined {
  const table = REFUSALS[action];
  const id = reads(table['*'], error.awsMessage) ?? reads(Object.hasOwn(table, error.code) ? table[error.code] : undefined, error.awsMessage);
  return id && new UserError(id, { ...params, message: error.awsMessage }, { cause: error });
}
