/** `mfa-onboard [setup] [CSV]`: the wizard (src/wizard/setup.ts runs its steps). */
export { runSetup, type SetupHooks } from '../wizard/setup.js';
