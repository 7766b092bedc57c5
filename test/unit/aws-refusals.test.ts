import { describe, expect, it } from 'vitest';
import { AwsError, UserError } from '../../src/errors.js';
import { refusal, type AwsAction } from '../../src/wizard/aws-refusals.js';

const MFA_FAILED = 'MultiFactorAuthentication failed with invalid MFA one time pass code.';
const CANNOT_VALIDATE = 'MultiFactorAuthentication failed, unable to validate MFA code.';

// What each action's refusals said before they shared one table (each row a branch of the old code).
const ROWS: [AwsAction, code: string, awsMessage: string, id: string | undefined][] = [
  ['identify-csv-keys', 'InvalidClientTokenId', 'The security token included in the request is invalid.', 'identify.unknownKey'],
  ['identify-csv-keys', 'SignatureDoesNotMatch', 'The request signature we calculated does not match.', 'identify.wrongSecret'],
  ['identify-csv-keys', 'AccessDenied', 'no', undefined],
  ['find-user', 'NoSuchEntity', 'The user with name kim cannot be found.', 'admin.noSuchUser'],
  ['find-user', 'AccessDenied', 'not authorized to perform: iam:GetUser', 'admin.denied'],
  ['find-user', 'Throttling', 'Rate exceeded', undefined],
  ['create-device', 'AccessDenied', 'not authorized to perform: iam:CreateVirtualMFADevice', 'device.createDenied'],
  ['create-device', 'LimitExceeded', 'Cannot exceed quota for MFADevicesPerUser', 'device.limitExceeded'],
  ['create-device', 'EntityAlreadyExists', 'exists', undefined],
  ['remove-orphan', 'AccessDenied', 'not authorized', 'preflight.orphanDenied'],
  ['remove-orphan', 'DeleteConflict', 'in use', 'preflight.nameInUse'],
  ['remove-orphan', 'NoSuchEntity', 'gone', undefined],
  ['enable-device', 'EntityAlreadyExists', 'MFA device already in use.', 'enable.alreadyEnabled'],
  ['enable-device', 'EntityTemporarilyUnmodifiable', 'busy', 'enable.temporarilyUnmodifiable'],
  ['enable-device', 'LimitExceeded', 'quota', 'device.limitExceeded'],
  ['enable-device', 'NoSuchEntity', 'no device', 'enable.noSuchEntity'],
  ['enable-device', 'AccessDenied', 'not authorized', 'enable.accessDenied'],
  ['enable-device', 'InvalidAuthenticationCode', 'wrong codes', undefined],
  ['remove-old-device', 'AccessDenied', 'explicit deny', 'remove.denied'],
  ['reset-device', 'AccessDenied', 'explicit deny', 'reset.denied'],
  ['remove-old-device', 'EntityTemporarilyUnmodifiable', 'busy', 'remove.temporarilyUnmodifiable'],
  ['reset-device', 'DeleteConflict', 'still assigned', 'remove.deleteConflict'],
  ['remove-old-device', 'LimitExceeded', 'quota', 'remove.limitExceeded'],
  ['reset-device', 'NoSuchEntity', 'gone', undefined],
  ['get-session', 'AccessDenied', CANNOT_VALIDATE, 'session.badSerial'],
  ['get-session', 'AccessDenied', 'not authorized to perform: sts:GetSessionToken', 'session.denied'],
  ['get-session', 'AccessDenied', MFA_FAILED, undefined],
  ['get-session', 'ExpiredToken', 'expired', undefined],
  ['assume-role', 'ValidationError', 'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.', 'role.maxSession'],
  ['assume-role', 'ValidationError', 'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.', 'role.chaining'],
  ['assume-role', 'AccessDenied', 'not authorized to perform: sts:AssumeRole', 'role.denied'],
  ['assume-role', 'AccessDenied', CANNOT_VALIDATE, 'session.badSerial'],
  ['assume-role', 'AccessDenied', MFA_FAILED, undefined],
  ['create-user', 'AccessDenied', 'not authorized to perform: iam:CreateUser', 'admin.createDenied'],
  ['attach-policy', 'AccessDenied', 'not authorized to perform: iam:PutGroupPolicy', 'policy.denied'],
  ['attach-policy', 'NoSuchEntity', 'no group', undefined],
];

describe('one table turns AWS refusals into user errors, by action and code', () => {
  it.each(ROWS)('%s, %s (%s) → %s', (action, code, awsMessage, id) => {
    const error = new AwsError(code, 'iam:Something', awsMessage, 400);
    const explained = refusal(action, error, { user: 'kim' });
    if (id === undefined) {
      expect(explained).toBeUndefined();
      return;
    }
    expect(explained).toBeInstanceOf(UserError);
    expect(explained).toMatchObject({ id, params: { user: 'kim', message: awsMessage }, cause: error });
  });

  it('a code named like an object property is no entry', () => {
    expect(refusal('find-user', new AwsError('constructor', 'iam:GetUser', 'x', 400), {})).toBeUndefined();
  });
});
