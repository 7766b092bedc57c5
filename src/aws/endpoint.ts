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
