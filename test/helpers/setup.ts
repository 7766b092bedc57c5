import { afterEach } from 'vitest';
import { fakeLeftovers } from './fakes.js';

// Fakes fail loudly in every test, not only where a test remembers to ask (STYLE.md habit 6):
// a scripted answer nobody asked for, or an AWS call no stub answered, fails the test that
// left it, even when the code under test swallowed the error.
afterEach(({ task }) => {
  const problems = fakeLeftovers(task.result?.state === 'fail');
  if (problems.length) throw new Error(problems.join('\n'));
});
