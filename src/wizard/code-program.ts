import { readTextFile } from '../credentials/files.js';
import { readIniValue } from '../credentials/ini.js';
import { configSectionNames } from '../credentials/paths.js';
import type { CodeProcess } from '../ui/code-process.js';
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
): Promise<{ codes: D; program?: string }> {
  const program = await codeProgram(options, profile, deps);
  return program ? { codes: { ...deps, readCode: deps.codesFrom(program) }, program: program.source } : { codes: deps };
}

async function codeProgram(options: Pick<SetupOptions, 'mfaProcess'>, profile: string | undefined, deps: Pick<WizardDeps, 'files'>): Promise<CodeProcess | undefined> {
  if (options.mfaProcess !== undefined) return { command: options.mfaProcess, source: t('mfaProcess.ofFlag', { profile: profile ?? '-' }) };
  if (profile === undefined) return undefined;
  const command = readIniValue(await readTextFile(deps.files.configFile), configSectionNames(profile), 'mfa_process')?.trim();
  return command ? { command, source: t('mfaProcess.ofProfile', { profile }) } : undefined;
}
