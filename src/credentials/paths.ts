import { homedir } from 'node:os';
import { join } from 'node:path';

/** The two files the AWS CLI and SDKs read, honouring the same variables they do. */
export interface AwsFiles {
  credentialsFile: string;
  configFile: string;
}

function expandHome(path: string, home: string): string {
  return path.startsWith('~/') ? join(home, path.slice(2)) : path;
}

/** Locates the credentials and config files as the SDKs do (HOME, AWS_*_FILE). */
export function awsFiles(env: NodeJS.ProcessEnv): AwsFiles {
  const home = env.HOME || env.USERPROFILE || homedir();
  return {
    credentialsFile: expandHome(env.AWS_SHARED_CREDENTIALS_FILE || join(home, '.aws', 'credentials'), home),
    configFile: expandHome(env.AWS_CONFIG_FILE || join(home, '.aws', 'config'), home),
  };
}

/** The section a profile has in the config file: `[default]` or `[profile NAME]`. */
export function configSection(profile: string): { section: string; aliases: string[] } {
  return profile === 'default'
    ? { section: 'default', aliases: ['profile default'] }
    : { section: `profile ${profile}`, aliases: [] };
}

/** Every spelling of a profile's config section, for reading: `default` is also `profile default`. */
export function configSectionNames(profile: string): string[] {
  const { section, aliases } = configSection(profile);
  return [section, ...aliases];
}

/**
 * The profiles the two files name, in file order without repeats: `[NAME]` in credentials,
 * `[default]` and `[profile NAME]` in config (other config sections are not profiles).
 */
export function listProfiles(credentialsSections: string[], configSections: string[]): string[] {
  const fromConfig = configSections.flatMap((section) =>
    section === 'default' ? ['default'] : section.startsWith('profile ') ? [section.slice('profile '.length)] : [],
  );
  return [...new Set([...credentialsSections, ...fromConfig])];
}
