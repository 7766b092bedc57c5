import { takeUnstubbedCalls } from './aws-mock.js';
import { takeScriptedPrompters } from './prompter.js';

/**
 * What the fakes of the test that just ended were left holding: scripted answers nobody asked
 * for and AWS calls no stub answered, one line each (empty when all is well). Forgets them, so
 * each test answers for its own. When the test failed already, unused answers are a
 * consequence, not news, and are left out; an unstubbed call may be the cause and is kept.
 */
export function fakeLeftovers(testFailed = false): string[] {
  const problems: string[] = [];
  for (const prompter of takeScriptedPrompters()) {
    try {
      prompter.assertDone();
    } catch (error) {
      if (!testFailed) problems.push((error as Error).message);
    }
  }
  const calls = takeUnstubbedCalls();
  if (calls.length) problems.push(`AWS calls no stub answered: ${calls.join(', ')}`);
  return problems;
}
