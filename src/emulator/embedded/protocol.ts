/**
 * The AWS query protocol as IAM and STS speak it: form-encoded parameters in, XML out,
 * errors as `<ErrorResponse>`. Nothing here knows about users or devices.
 */

/** The two services the emulator serves, by the API version a request names. */
export const SERVICES = {
  iam: { version: '2010-05-08', namespace: 'https://iam.amazonaws.com/doc/2010-05-08/' },
  sts: { version: '2011-06-15', namespace: 'https://sts.amazonaws.com/doc/2011-06-15/' },
} as const;
export type Service = keyof typeof SERVICES;

/** A refusal as AWS sends it: a code, an HTTP status and AWS's message. */
export class AwsFault extends Error {
  readonly type: 'Sender' | 'Receiver';
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'AwsFault';
    this.type = status >= 500 ? 'Receiver' : 'Sender';
  }
}

/** The request parameters (`Action`, `Version` and the action's own), flat as the form sends them. */
export type Params = Map<string, string>;

export function parseParams(body: string, query: URLSearchParams): Params {
  const params: Params = new Map(query);
  for (const [name, value] of new URLSearchParams(body)) params.set(name, value);
  return params;
}

/** A parameter the action requires: absent, it is refused as AWS's validation does. */
export function required(params: Params, name: string): string {
  const value = params.get(name);
  if (value === undefined || value === '') {
    const member = name.charAt(0).toLowerCase() + name.slice(1);
    throw new AwsFault('ValidationError', `1 validation error detected: Value null at '${member}' failed to satisfy constraint: Member must not be null`, 400);
  }
  return value;
}

/** A value refused by a constraint of the API model (length, pattern, range). */
export function invalid(name: string, value: string, constraint: string): AwsFault {
  const member = name.charAt(0).toLowerCase() + name.slice(1);
  return new AwsFault('ValidationError', `1 validation error detected: Value '${value}' at '${member}' failed to satisfy constraint: ${constraint}`, 400);
}

/** A result value: nested objects become elements, arrays become `<member>` lists. */
export type XmlValue = string | number | boolean | Date | undefined | XmlValue[] | { [name: string]: XmlValue };

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** AWS's timestamps: ISO 8601, whole seconds, UTC. */
function awsTime(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function content(value: XmlValue): string {
  if (value === undefined) return '';
  if (value instanceof Date) return awsTime(value);
  if (Array.isArray(value)) return value.map((item) => `<member>${content(item)}</member>`).join('');
  if (typeof value === 'object') {
    return Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .map(([name, v]) => `<${name}>${content(v)}</${name}>`)
      .join('');
  }
  return escapeXml(String(value));
}

/** `<ActionResponse>` with its `<ActionResult>` (none for actions that return nothing). */
export function responseXml(service: Service, action: string, result: Record<string, XmlValue> | undefined, requestId: string): string {
  const body = result === undefined ? '' : `<${action}Result>${content(result)}</${action}Result>`;
  return (
    `<${action}Response xmlns="${SERVICES[service].namespace}">${body}` +
    `<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${action}Response>`
  );
}

export function errorXml(service: Service, fault: AwsFault, requestId: string): string {
  return (
    `<ErrorResponse xmlns="${SERVICES[service].namespace}"><Error><Type>${fault.type}</Type>` +
    `<Code>${escapeXml(fault.code)}</Code><Message>${escapeXml(fault.message)}</Message></Error>` +
    `<RequestId>${requestId}</RequestId></ErrorResponse>`
  );
}
