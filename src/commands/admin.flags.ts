import { UserError } from '../errors.js';
import { shellLine } from '../ui/command-line.js';
import type { CreateUserOptions } from './admin.js';
import { AWS_FLAGS, AWS_ROWS, awsOptions, defineCommand, GLOBAL_FLAGS } from './flags.js';

/** `mfa-onboard admin create-user NAME`: an administrator creates a user and its key CSV. */
export const admin = defineCommand({
  name: 'admin',
  flags: {
    ...GLOBAL_FLAGS,
    ...AWS_FLAGS,
    group: { type: 'string' },
    out: { type: 'string' },
    path: { type: 'string' },
    existing: { type: 'boolean' },
  },
  positionals: 2,
  help: {
    usage: ['mfa-onboard admin create-user NAME --profile ADMIN [--group G] [--out DIR] [--path /P/] [--existing]'],
    summary: 'help.summary.admin',
    rows: [
      ['--profile NAME', 'flag.adminProfile'],
      ['--group G', 'flag.group'],
      ['--out DIR', 'flag.out'],
      ['--path /P/', 'flag.path'],
      ['--existing', 'flag.existing'],
      ...AWS_ROWS,
    ],
  },
  administrator: ([, name]) => shellLine(['mfa-onboard', 'admin', 'create-user', name ?? 'NAME', '--profile', 'ADMIN']),
  // `admin create-user Bob Smith`: a name typed as a person writes it.
  tooManyWords([verb, ...words], values) {
    if (verb !== 'create-user') return undefined;
    const example = words.join('.');
    const line = shellLine(['mfa-onboard', 'admin', 'create-user', example, ...(values.profile !== undefined ? ['--profile', values.profile] : [])]);
    return new UserError('admin.nameWithSpace', { words: words.join(' '), count: words.length, example, line });
  },
  options(values, [verb, name], env): CreateUserOptions {
    // `admin create-user NAME` is the one admin verb so far.
    if (verb !== 'create-user' || name === undefined) throw new UserError('cli.adminUsage');
    return {
      ...awsOptions(values, env),
      name,
      path: values.path ?? '/',
      ...(values.group !== undefined ? { group: values.group } : {}),
      outDir: values.out ?? '.',
      existing: Boolean(values.existing),
    };
  },
});
