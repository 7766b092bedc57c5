/** `mfa-onboard [setup] [CSV]`: the wizard (src/wizard/setup.ts runs its steps). */
export { runSetup } from '../wizard/setup.js';
