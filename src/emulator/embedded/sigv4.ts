import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { AwsFault } from './protocol.js';

/** What a request carries for Signature Version 4, as the server received it. */
export interface SignedRequest {
  method: string;
  /** The path as sent (already URI-encoded by the signer). */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export interface Authorization {
  accessKeyId: string;
  /** yyyymmdd/region/service/aws4_request */
  scope: string;
  /** The region and service the request was signed for (from the scope). */
  region: string;
  service: string;
  signedHeaders: string[];
  signature: string;
}

/** AWS's answers when the signature cannot be checked or does not match. */
export const SIGNATURE_FAULTS = {
  missing: () => new AwsFault('MissingAuthenticationToken', 'Request is missing Authentication Token', 403),
  incomplete: () =>
    new AwsFault('IncompleteSignature', 'Authorization header requires \'Credential\', \'Signature\' and \'SignedHeaders\' parameters.', 403),
  unknownKey: () => new AwsFault('InvalidClientTokenId', 'The security token included in the request is invalid.', 403),
  mismatch: () =>
    new AwsFault(
      'SignatureDoesNotMatch',
      'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
      403,
    ),
};

const ALGORITHM = 'AWS4-HMAC-SHA256';

/** Reads the Authorization header: `AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…`. */
export function parseAuthorization(header: string | undefined): Authorization {
  if (!header) throw SIGNATURE_FAULTS.missing();
  if (!header.startsWith(`${ALGORITHM} `)) throw SIGNATURE_FAULTS.incomplete();
  const fields = new Map(
    header
      .slice(ALGORITHM.length + 1)
      .split(',')
      .map((part) => part.trim().split('=', 2) as [string, string | undefined]),
  );
  const credential = fields.get('Credential')?.split('/');
  const signedHeaders = fields.get('SignedHeaders');
  const signature = fields.get('Signature');
  if (!credential || credential.length !== 5 || !signedHeaders || !signature) throw SIGNATURE_FAULTS.incomplete();
  const [accessKeyId, ...scope] = credential as [string, string, string, string, string];
  return { accessKeyId, scope: scope.join('/'), region: scope[1]!, service: scope[2]!, signedHeaders: signedHeaders.split(';'), signature };
}

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest();

/** RFC 3986 encoding, as SigV4 wants it for the canonical query string. */
function uriEncode(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function headerValue(headers: IncomingHttpHeaders, name: string): string {
  const value = headers[name];
  return (Array.isArray(value) ? value.join(',') : (value ?? '')).trim().replace(/\s+/g, ' ');
}

/** The signature the request should carry if it was signed with `secret`. */
function expectedSignature(request: SignedRequest, auth: Authorization, secret: string): string {
  const query = [...request.query]
    .map(([name, value]) => [uriEncode(name), uriEncode(value)] as const)
    .sort(([a, x], [b, y]) => (a === b ? (x < y ? -1 : 1) : a < b ? -1 : 1))
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
  const payloadHash = headerValue(request.headers, 'x-amz-content-sha256') || sha256(request.body);
  const canonicalRequest = [
    request.method,
    request.path || '/',
    query,
    ...auth.signedHeaders.map((name) => `${name}:${headerValue(request.headers, name)}`),
    '',
    auth.signedHeaders.join(';'),
    payloadHash,
  ].join('\n');
  const amzDate = headerValue(request.headers, 'x-amz-date');
  const stringToSign = [ALGORITHM, amzDate, auth.scope, sha256(canonicalRequest)].join('\n');
  const [date, region, service, terminator] = auth.scope.split('/') as [string, string, string, string];
  const key = hmac(hmac(hmac(hmac(`AWS4${secret}`, date), region), service), terminator);
  return createHmac('sha256', key).update(stringToSign).digest('hex');
}

/** Throws SignatureDoesNotMatch unless the request was signed with `secret`. */
export function verifySignature(request: SignedRequest, auth: Authorization, secret: string): void {
  const expected = Buffer.from(expectedSignature(request, auth, secret));
  const given = Buffer.from(auth.signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw SIGNATURE_FAULTS.mismatch();
}
