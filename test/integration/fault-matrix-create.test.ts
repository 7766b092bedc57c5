import { describe } from 'vitest';
import { faultMatrix, useFaultedWizard, WIZARD_ACTIONS } from '../helpers/lost-answers.js';

/** The fault matrix (helpers/lost-answers.ts), first half: the calls up to creating the device. */
describe('every call up to CreateVirtualMFADevice, every fault: held', () => {
  faultMatrix(useFaultedWizard(), WIZARD_ACTIONS.slice(0, 4));
});
