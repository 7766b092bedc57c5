import { expect } from 'vitest';
import { UserError } from '../../src/errors.js';

/** Runs `run`, expecting it to throw a UserError, and returns it for checks on id and text. */
export function userErrorFrom(run: () => unknown): UserError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(UserError);
    return error as UserError;
  }
  throw new Error('expected a UserError, but nothing was thrown');
}
