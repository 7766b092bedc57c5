import { promises as fs } from 'node:fs';
import { readIniValue, sectionsByName } from './ini.js';
import { awsFiles } from './paths.js';

/** Above this size the SDK is shown only the sections it needs. */
const LARGE_FILE_BYTES = 1024 * 1024;

/**
 * The AWS SDK parses the credentials and config files again for every setting it looks up
 * (about ten times before the first request), and a 10 MB file takes 0.3 s each time. For a
 * file that large, the SDK is handed (through its own file interceptor) only the sections
 * that the profiles in play use: the profile, `default`, AWS_PROFILE, and what they name
 * (`source_profile`, `sso_session`, `services`), every occurrence in file order, so it
 * reads the same values. Smaller files are left to the SDK as they are.
 */
export async function narrowFilesForSdk(profile: string | undefined, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const { externalDataInterceptor } = await import('@smithy/shared-ini-file-loader');
  const record = externalDataInterceptor.getFileRecord();
  const files = awsFiles(env);
  const paths = [files.credentialsFile, files.configFile];
  for (const path of paths) delete record[path];
  const sizes = await Promise.all(paths.map((path) => fs.stat(path).then((stat) => stat.size, () => 0)));
  if (sizes.every((size) => size <= LARGE_FILE_BYTES)) return;
  const texts = await Promise.all(paths.map((path) => fs.readFile(path, 'utf8').catch(() => '')));
  const indexes = texts.map(sectionsByName);
  const sectionsOf = (spellings: string[]) => indexes.map((index) => spellings.map((name) => index.get(name) ?? '').join(''));

  const sections = new Set<string>();
  const pending = [profile, env.AWS_PROFILE, 'default'].filter((name): name is string => Boolean(name));
  while (pending.length > 0) {
    const name = pending.pop()!;
    if (sections.has(name)) continue;
    const spellings = [name, `profile ${name}`];
    for (const spelling of spellings) sections.add(spelling);
    const [inCredentials = '', inConfig = ''] = sectionsOf(spellings);
    const value = (key: string) => readIniValue(inConfig, spellings, key) ?? readIniValue(inCredentials, spellings, key);
    const source = value('source_profile');
    if (source && !sections.has(source)) pending.push(source);
    const ssoSession = value('sso_session');
    if (ssoSession) sections.add(`sso-session ${ssoSession}`);
    const services = value('services');
    if (services) sections.add(`services ${services}`);
  }
  const kept = sectionsOf([...sections]);
  paths.forEach((path, index) => {
    if (sizes[index]! > LARGE_FILE_BYTES) externalDataInterceptor.interceptFile(path, kept[index]!);
  });
}
