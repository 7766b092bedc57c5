import { describe } from 'vitest';
import { faultMatrix, useFaultedWizard, WIZARD_ACTIONS } from '../helpers/lost-answers.js';

/** The fault matrix (helpers/lost-answers.ts), second half: the calls from the label to the session. */
describe('every call from ListAccountAliases to GetSessionToken, every fault: held', () => {
  faultMatrix(useFaultedWizard(), WIZARD_ACTIONS.slice(4));
});
