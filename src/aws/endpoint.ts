import { UserError } from '../errors.js';

/**
 * Refuses what is not an http(s) URL with a host, naming where it came from (`name`: the flag
 * or variable): `127.0.0.1:5000` or `http://` would otherwise reach the SDK as "Invalid URL".
 */
export function checkEndpoint(value: string, name: string): void {
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    // reported below
  }
  if (!url || !['http:', 'https:'].includes(url.protocol) || url.hostname === '') {
    throw new UserError('cli.badEndpoint', { name, value });
  }
}

const ENDPOINT_VARIABLES = ['AWS_ENDPOINT_URL', 'AWS_ENDPOINT_URL_IAM', 'AWS_ENDPOINT_URL_STS'] as const;

/**
 * Checks --endpoint-url, or without it the variables the SDK takes as they are (unless
 * AWS_IGNORE_CONFIGURED_ENDPOINT_URLS turns them off), as the flag is checked.
 */
export function checkEndpoints(flag: string | undefined, env: NodeJS.ProcessEnv): void {
  if (flag !== undefined) checkEndpoint(flag, '--endpoint-url');
  else if (env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS?.toLowerCase() !== 'true') {
    for (const name of ENDPOINT_VARIABLES) if (env[name]) checkEndpoint(env[name], name);
  }
}

/** Where IAM and STS calls go when not to AWS's own endpoints (undefined: AWS's own). */
export interface Endpoints {
  iam?: string;
  sts?: string;
}

/**
 * Where this run's IAM and STS calls go, as the SDK decides it: --endpoint-url for both, else
 * each service's variable, else AWS_ENDPOINT_URL (none of them with
 * AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true). Another computer (a hire's) has none of these
 * variables: a command shown for it carries what they say.
 */
export function endpointsInUse(flag: string | undefined, env: NodeJS.ProcessEnv): Endpoints {
  if (flag !== undefined) return { iam: flag, sts: flag };
  if (env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS?.toLowerCase() === 'true') return {};
  const iam = env.AWS_ENDPOINT_URL_IAM || env.AWS_ENDPOINT_URL;
  const sts = env.AWS_ENDPOINT_URL_STS || env.AWS_ENDPOINT_URL;
  return { ...(iam ? { iam } : {}), ...(sts ? { sts } : {}) };
}
