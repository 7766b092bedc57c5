import { readTextFile } from '../credentials/files.js';
import { readIniValue } from '../credentials/ini.js';
import { configSectionNames } from '../credentials/paths.js';
import { t } from '../ui/messages/index.js';
import type { SetupOptions, WizardDeps } from './context.js';

/**
 * The wizard's seams for asking the code of a device enabled already (or just verified):
 * codes from `--mfa-process`, else from the profile's `mfa_process` (aws-vault's key), else
 * as they are. Enabling's two codes are never a program's: the person reads them off the phone.
 */
export async function withCodeProgram<D extends Pick<WizardDeps, 'readCode' | 'codesFrom' | 'files'>>(
  options: Pick<SetupOptions, 'mfaProcess'>,
  profile: string | undefined,
  deps: D,
): Promise<D> {
  if (options.mfaProcess !== undefined) {
    return { ...deps, readCode: deps.codesFrom({ command: options.mfaProcess, source: t('mfaProcess.ofFlag', { profile: profile ?? '-' }) }) };
  }
  if (profile === undefined) return deps;
  const command = readIniValue(await readTextFile(deps.files.configFile), configSectionNames(profile), 'mfa_process')?.trim();
  return command ? { ...deps, readCode: deps.codesFrom({ command, source: t('mfaProcess.ofProfile', { profile }) }) } : deps;
}
