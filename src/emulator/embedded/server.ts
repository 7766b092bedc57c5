import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { KeyCredentials } from '../../aws/client.js';
import { authorize } from './authorize.js';
import { IAM_ACTIONS, type Handler } from './iam.js';
import { AwsFault, errorXml, parseParams, responseXml, SERVICES, type Service } from './protocol.js';
import { parseAuthorization, SIGNATURE_FAULTS, verifySignature } from './sigv4.js';
import { EmulatorState, recordKeyUse } from './state.js';
import { STS_ACTIONS } from './sts.js';

const HANDLERS: Record<Service, Record<string, Handler>> = { iam: IAM_ACTIONS, sts: STS_ACTIONS };

/** Every action the embedded emulator answers (the rehearsal faults name one of these). */
export const EMULATED_ACTIONS: readonly string[] = [...Object.keys(IAM_ACTIONS), ...Object.keys(STS_ACTIONS)];

/** A failure rehearsed on a chosen call: AWS throttling it, or a server error. */
export interface Fault {
  action: string;
  kind: 'throttle' | '5xx';
}
export const FAULT_KINDS = ['throttle', '5xx'] as const;

export interface EmbeddedOptions {
  /** The emulator's clock (ms since the epoch): TOTP windows and Date headers follow it. */
  now?: () => number;
  /** How long after EnableMFADevice STS still refuses the device (IAM's eventual consistency). */
  consistencyDelayMs?: number;
  /** Calls that fail: the first call of each action named, with every retry the SDK makes of it. */
  faults?: Fault[];
  /** The loopback port to listen on (default: a free one the system picks). */
  port?: number;
}

export interface EmbeddedEmulator {
  url: string;
  /**
   * The long-term key of the ready administrator, user `admin`, whose inline policy
   * AdministratorAccess allows everything (the demo creates alice with it).
   */
  admin: KeyCredentials;
  /** What the emulator holds, for tests to look into. */
  state: EmulatorState;
  stop(): Promise<void>;
}

/** What AWS's managed policy AdministratorAccess says: everything, everywhere. */
const ADMINISTRATOR_ACCESS = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] };

/** The address a request came from, as aws:SourceIp has it (IPv4 without its IPv6 mapping). */
function sourceIp(request: IncomingMessage): string {
  return (request.socket.remoteAddress ?? '').replace(/^::ffff:(?=\d+\.)/, '');
}

/** The largest request body accepted: a query-protocol request is a few kilobytes. */
const MAX_BODY = 1 << 20;

function faultFor(fault: Fault, service: Service): AwsFault {
  if (fault.kind === 'throttle') return new AwsFault('Throttling', 'Rate exceeded', 400);
  return service === 'iam'
    ? new AwsFault('ServiceFailure', 'The request processing has failed because of an unknown error, exception or failure.', 500)
    : new AwsFault('ServiceUnavailable', 'Service is unavailable', 503);
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new AwsFault('RequestEntityTooLarge', 'Request body too large', 413);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/**
 * Starts the embedded AWS emulator on a free loopback port: IAM and STS over the query
 * protocol, SigV4 checked, AWS's MFA rules applied, everything in memory.
 */
export async function startEmbeddedEmulator(options: EmbeddedOptions = {}): Promise<EmbeddedEmulator> {
  const now = options.now ?? Date.now;
  const state = new EmulatorState();
  const adminUser = state.addUser('admin', '/', now());
  adminUser.policies.set('AdministratorAccess', JSON.stringify(ADMINISTRATOR_ACCESS));
  const admin = state.addKey(adminUser.name, now());
  // Each fault holds the SDK invocation it fails (its retries share the amz-sdk-invocation-id).
  const faults = (options.faults ?? []).map((fault) => ({ ...fault, invocation: undefined as string | undefined, done: false }));

  function rehearsedFault(action: string, invocation: string | undefined): (typeof faults)[number] | undefined {
    const fault = faults.find((f) => f.action === action && !f.done);
    if (!fault) return undefined;
    if (invocation === undefined) {
      fault.done = true; // a client that does not say which call it retries: fail once
      return fault;
    }
    fault.invocation ??= invocation;
    if (invocation !== fault.invocation) {
      fault.done = true; // a later call: the rehearsed one is over
      return undefined;
    }
    return fault;
  }

  async function answer(request: IncomingMessage): Promise<{ service: Service; status: number; body: string; requestId: string }> {
    const requestId = randomUUID();
    let service: Service = 'iam';
    try {
      const url = new URL(request.url ?? '/', 'http://localhost');
      const body = await readBody(request);
      const params = parseParams(request.method === 'POST' ? body.toString('utf8') : '', url.searchParams);
      const version = params.get('Version');
      service = version === SERVICES.sts.version ? 'sts' : 'iam';
      const action = params.get('Action');
      if (!action) throw new AwsFault('MissingAction', 'Missing Action', 400);
      const handler = version === SERVICES[service].version ? HANDLERS[service][action] : undefined;
      if (!handler) throw new AwsFault('InvalidAction', `Could not find operation ${action} for version ${version ?? 'NO_VERSION_SPECIFIED'}`, 400);
      const auth = parseAuthorization(request.headers.authorization);
      const caller = state.caller(auth.accessKeyId);
      if (!caller) throw SIGNATURE_FAULTS.unknownKey();
      const secret = caller.kind === 'user' ? caller.key.secret : caller.session.key.secret;
      verifySignature({ method: request.method ?? 'POST', path: url.pathname, query: url.searchParams, headers: request.headers, body }, auth, secret);
      if (caller.kind === 'session') {
        if (request.headers['x-amz-security-token'] !== caller.session.token) throw SIGNATURE_FAULTS.unknownKey();
        if (caller.session.expires <= now()) throw new AwsFault('ExpiredToken', 'The security token included in the request is expired', 400);
        // AWS: a GetSessionToken session may call IAM only when it was made with an MFA code;
        // without one, IAM takes its token for an invalid one (aws-vault #15, #1056).
        if (service === 'iam' && !caller.session.role && !caller.session.mfa) throw SIGNATURE_FAULTS.unknownKey();
      }
      authorize(state, { service, action, params, caller, sourceIp: sourceIp(request) });
      const fault = rehearsedFault(action, request.headers['amz-sdk-invocation-id'] as string | undefined);
      if (fault) throw faultFor(fault, service);
      const at = now();
      const result = handler({ state, caller, params, now: at, consistencyDelayMs: options.consistencyDelayMs ?? 0 });
      // What GetAccessKeyLastUsed reports: a long-term key's last request carried out (a session's are its own).
      if (caller.kind === 'user') recordKeyUse(caller.key, { date: new Date(at), service, region: auth.region });
      return { service, status: 200, body: responseXml(service, action, result, requestId), requestId };
    } catch (error) {
      if (!(error instanceof AwsFault)) throw error;
      return { service, status: error.status, body: errorXml(service, error, requestId), requestId };
    }
  }

  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    answer(request).then(
      ({ status, body, requestId }) => {
        response.writeHead(status, {
          'Content-Type': 'text/xml',
          'x-amzn-RequestId': requestId,
          Date: new Date(now()).toUTCString(),
        });
        response.end(body);
      },
      (error: unknown) => {
        // A bug of the emulator: answer as AWS does to its own failures, and name it.
        const requestId = randomUUID();
        const fault = new AwsFault('InternalFailure', `The emulator failed: ${(error as Error).message}`, 500);
        response.writeHead(500, { 'Content-Type': 'text/xml', 'x-amzn-RequestId': requestId });
        response.end(errorXml('iam', fault, requestId));
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    admin: { accessKeyId: admin.id, secretAccessKey: admin.secret },
    state,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
