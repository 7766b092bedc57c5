import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** What goes wrong: an AWS 500, AWS throttling, a reset connection, or no answer at all. */
export type Fault = '500' | 'throttle' | 'reset' | 'stall';

/**
 * A fault for one API action: `before` moto sees the request (AWS did nothing), or `after`
 * moto has carried it out (AWS did it, the answer is lost on the way back). `times` faults
 * the first N matching requests (default: every one).
 */
export interface FaultRule {
  action: string;
  fault: Fault;
  when: 'before' | 'after';
  times?: number;
}

const ERRORS: Record<'500' | 'throttle', { status: number; code: string; message: string }> = {
  '500': { status: 500, code: 'InternalFailure', message: 'We encountered an internal error. Please try again.' },
  throttle: { status: 400, code: 'Throttling', message: 'Rate exceeded' },
};

/**
 * An HTTP proxy in front of moto that injects faults into chosen actions, counting what
 * reached it (`seen`) and what it broke (`faulted`), per action.
 */
export async function faultProxy(motoUrl: string, rules: FaultRule[] = []) {
  const target = new URL(motoUrl);
  const seen: Record<string, number> = {};
  const faulted: Record<string, number> = {};
  const sockets = new Set<Socket>();
  let active = [...rules];

  const inject = (fault: Fault, res: ServerResponse): void => {
    // A stall keeps the request open and never answers.
    if (fault === 'stall') return;
    if (fault === 'reset') {
      res.socket?.resetAndDestroy();
      return;
    }
    const { status, code, message } = ERRORS[fault];
    res.writeHead(status, { 'content-type': 'text/xml', date: new Date().toUTCString() });
    res.end(
      `<ErrorResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><Error><Type>${status >= 500 ? 'Receiver' : 'Sender'}</Type>` +
        `<Code>${code}</Code><Message>${message}</Message></Error><RequestId>00000000-0000-0000-0000-000000000000</RequestId></ErrorResponse>`,
    );
  };

  const handle = (req: IncomingMessage, res: ServerResponse, body: Buffer): void => {
    const action = new URLSearchParams(body.toString('utf8')).get('Action') ?? '';
    seen[action] = (seen[action] ?? 0) + 1;
    const rule = active.find((r) => r.action === action && (r.times === undefined || r.times > (faulted[action] ?? 0)));
    if (rule) faulted[action] = (faulted[action] ?? 0) + 1;
    if (rule?.when === 'before') return inject(rule.fault, res);
    const forward = request({ hostname: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers }, (answer) => {
      const chunks: Buffer[] = [];
      answer.on('data', (chunk: Buffer) => chunks.push(chunk));
      answer.on('end', () => {
        // moto has done the call: now the answer is lost.
        if (rule) return inject(rule.fault, res);
        res.writeHead(answer.statusCode ?? 500, answer.headers);
        res.end(Buffer.concat(chunks));
      });
    });
    forward.on('error', (error) => {
      res.writeHead(502);
      res.end(String(error));
    });
    forward.end(body);
  };

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => handle(req, res, Buffer.concat(chunks)));
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    faulted,
    /** Replaces the rules (the counts go on). */
    setRules(next: FaultRule[]) {
      active = [...next];
    },
    close: () =>
      new Promise<void>((done) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => done());
      }),
  };
}

export type FaultProxy = Awaited<ReturnType<typeof faultProxy>>;
