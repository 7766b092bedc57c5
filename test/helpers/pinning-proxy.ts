import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * moto does not evaluate IAM policies for the wizard's calls, so this stands in front of it
 * and plays the usual self-service policy that pins device names to `mfa/${aws:username}`:
 * CreateVirtualMFADevice with a name not in `allowedNames` gets IAM's AccessDenied, exactly
 * as AWS sends it; every other request goes to moto untouched.
 */
export async function pinningProxy(motoUrl: string, allowedNames: string[]): Promise<{ url: string; denied: string[]; close(): Promise<void> }> {
  const target = new URL(motoUrl);
  const denied: string[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const form = new URLSearchParams(body.toString('utf8'));
      const name = form.get('VirtualMFADeviceName');
      if (form.get('Action') === 'CreateVirtualMFADevice' && name !== null && !allowedNames.includes(name)) {
        denied.push(name);
        res.writeHead(403, { 'content-type': 'text/xml', date: new Date().toUTCString() });
        res.end(
          '<ErrorResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><Error><Type>Sender</Type>' +
            '<Code>AccessDenied</Code><Message>User: arn:aws:iam::123456789012:user/alice is not authorized to perform: ' +
            `iam:CreateVirtualMFADevice on resource: arn:aws:iam::123456789012:mfa/${name} because no identity-based policy allows the iam:CreateVirtualMFADevice action` +
            '</Message></Error><RequestId>00000000-0000-0000-0000-000000000000</RequestId></ErrorResponse>',
        );
        return;
      }
      const forward = request(
        { hostname: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers },
        (answer) => {
          res.writeHead(answer.statusCode ?? 500, answer.headers);
          answer.pipe(res);
        },
      );
      forward.on('error', (error) => {
        res.writeHead(502);
        res.end(String(error));
      });
      forward.end(body);
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    denied,
    close: () => new Promise((done) => server.close(() => done())),
  };
}
