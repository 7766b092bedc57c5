/** Who a set of keys belongs to, read from the caller ARN. */
export interface ParsedIdentity {
  partition: string;
  account: string;
  kind: 'user' | 'root' | 'assumed-role' | 'federated-user' | 'other';
  /** IAM user name, for kind 'user'. */
  userName?: string;
  /** IAM path of the user (`/` or `/eng/`), for kind 'user'. */
  path?: string;
}

/** Parses `arn:aws:iam::123456789012:user/eng/alice` and its root, role and federated siblings. */
export function parseCallerArn(arn: string): ParsedIdentity {
  const [, partition = 'aws', service = '', , account = '', resource = ''] = arn.split(':');
  const base = { partition, account };
  if (service === 'iam' && resource === 'root') return { ...base, kind: 'root' };
  if (service === 'iam' && resource.startsWith('user/')) {
    const parts = resource.slice('user/'.length).split('/');
    const userName = parts.pop() ?? '';
    const path = parts.length ? `/${parts.join('/')}/` : '/';
    return { ...base, kind: 'user', userName, path };
  }
  if (service === 'sts' && resource.startsWith('assumed-role/')) return { ...base, kind: 'assumed-role' };
  if (service === 'sts' && resource.startsWith('federated-user/')) return { ...base, kind: 'federated-user' };
  return { ...base, kind: 'other' };
}

/** The serial (ARN) IAM gives a virtual device: `arn:<partition>:iam::<account>:mfa<path><name>`. */
export function virtualDeviceSerial(partition: string, account: string, path: string, name: string): string {
  return `arn:${partition}:iam::${account}:mfa${path}${name}`;
}

/** The region STS is called in when none is configured: the partition's usual one. */
export function defaultRegionFor(partition: string): string {
  if (partition === 'aws-cn') return 'cn-north-1';
  if (partition === 'aws-us-gov') return 'us-gov-west-1';
  return 'us-east-1';
}

/** A device's name: the last part of its serial ARN (or the serial of a hardware token). */
export function deviceNameOf(serial: string): string {
  return serial.slice(serial.lastIndexOf('/') + 1);
}
