import { BlockList, isIPv4, isIPv6 } from 'node:net';
import { AwsFault } from './protocol.js';

/**
 * IAM's evaluation of identity-based policies, for the calls the emulator serves: an
 * explicit Deny wins, else an Allow allows, else the call is implicitly denied. Statements
 * match by Action/NotAction (wildcards, any case), Resource/NotResource (wildcards, policy
 * variables) and the condition operators below; every operator of a Condition and every key
 * under one must hold, any of a key's values may match.
 */

/** What a request brings to evaluation: IAM's "request context". */
export interface RequestContext {
  /** `iam:ListUsers`: service prefix and action. */
  action: string;
  /** The resource's ARN, or `*` for actions that take none. */
  resource: string;
  /** Condition keys and policy variables: `aws:username`, `aws:MultiFactorAuthPresent`, `aws:SourceIp`. Absent keys are absent. */
  keys: Record<string, string | undefined>;
}

export type Decision = 'allow' | 'implicitDeny' | 'explicitDeny';

interface Statement {
  Effect: 'Allow' | 'Deny';
  Action?: string | string[];
  NotAction?: string | string[];
  Resource?: string | string[];
  NotResource?: string | string[];
  Condition?: Record<string, Record<string, string | boolean | (string | boolean)[]>>;
}

/** A condition operator: does the request's value match one of the policy's? */
type Operator = (actual: string, wanted: string) => boolean;

function inRange(ip: string, cidr: string): boolean {
  const [address = '', prefix] = cidr.split('/');
  const family = isIPv4(address) ? 'ipv4' : isIPv6(address) ? 'ipv6' : undefined;
  const ipFamily = isIPv4(ip) ? 'ipv4' : isIPv6(ip) ? 'ipv6' : undefined;
  if (!family || family !== ipFamily) return false;
  const list = new BlockList();
  list.addSubnet(address, prefix === undefined ? (family === 'ipv4' ? 32 : 128) : Number(prefix), family);
  return list.check(ip, family);
}

/** `*` and `?` as IAM's wildcards; everything else literal. */
function wildcard(pattern: string, flags = ''): RegExp {
  const body = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${body}$`, `s${flags}`);
}

/** The operators our `policy` command writes, and the common string ones a hand-written policy uses. */
const OPERATORS: Record<string, { test: Operator; negated?: boolean }> = {
  Bool: { test: (actual, wanted) => actual.toLowerCase() === wanted.toLowerCase() },
  IpAddress: { test: inRange },
  NotIpAddress: { test: inRange, negated: true },
  StringEquals: { test: (actual, wanted) => actual === wanted },
  StringNotEquals: { test: (actual, wanted) => actual === wanted, negated: true },
  StringEqualsIgnoreCase: { test: (actual, wanted) => actual.toLowerCase() === wanted.toLowerCase() },
  StringLike: { test: (actual, wanted) => wildcard(wanted).test(actual) },
  StringNotLike: { test: (actual, wanted) => wildcard(wanted).test(actual), negated: true },
  ArnLike: { test: (actual, wanted) => wildcard(wanted).test(actual) },
  ArnEquals: { test: (actual, wanted) => wildcard(wanted).test(actual) },
};

/** An operator name with its `…IfExists` suffix taken off, or undefined when IAM has no such operator here. */
function operatorOf(name: string): { test: Operator; negated?: boolean; ifExists: boolean } | undefined {
  const ifExists = name.endsWith('IfExists');
  const base = OPERATORS[ifExists ? name.slice(0, -'IfExists'.length) : name];
  return base && { ...base, ifExists };
}

const list = (value: unknown): string[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]).map(String);

/** Condition keys are case-insensitive: the request's value for `key`. */
function keyValue(keys: RequestContext['keys'], key: string): string | undefined {
  const found = Object.keys(keys).find((name) => name.toLowerCase() === key.toLowerCase());
  return found === undefined ? undefined : keys[found];
}

function conditionHolds(condition: Statement['Condition'], keys: RequestContext['keys']): boolean {
  return Object.entries(condition ?? {}).every(([name, pairs]) => {
    if (name === 'Null') {
      return Object.entries(pairs).every(([key, wanted]) => list(wanted).some((w) => (keyValue(keys, key) === undefined) === (w.toLowerCase() === 'true')));
    }
    const operator = operatorOf(name)!;
    return Object.entries(pairs).every(([key, wanted]) => {
      const actual = keyValue(keys, key);
      // A missing key: …IfExists holds, a negated operator holds (nothing to match), others fail.
      if (actual === undefined) return operator.ifExists || Boolean(operator.negated);
      const matched = list(wanted).some((w) => operator.test(actual, w));
      return operator.negated ? !matched : matched;
    });
  });
}

/**
 * `${aws:username}` and the like, from the request's keys; `${*}`, `${?}` and `${$}` are the
 * literal characters. Undefined when a variable has no value: the pattern then matches nothing.
 */
function substituted(pattern: string, keys: RequestContext['keys']): string | undefined {
  let missing = false;
  const text = pattern.replace(/\$\{([^}]+)\}/g, (_, name: string) => {
    if (name === '*' || name === '?' || name === '$') return `\u0000${name}`;
    const value = keyValue(keys, name);
    if (value === undefined) missing = true;
    return value ?? '';
  });
  return missing ? undefined : text;
}

function resourceMatches(pattern: string, resource: string, keys: RequestContext['keys']): boolean {
  const text = substituted(pattern, keys);
  if (text === undefined) return false;
  // Escaped characters (from ${*} and the like) stand for themselves.
  const parts = text.split(/\u0000(.)/);
  const body = parts.map((part, i) => (i % 2 ? part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : wildcard(part).source.slice(1, -1))).join('');
  return new RegExp(`^${body}$`, 's').test(resource);
}

function statementApplies(statement: Statement, request: RequestContext): boolean {
  const actions = statement.Action !== undefined ? list(statement.Action) : list(statement.NotAction);
  const actionMatched = actions.some((pattern) => wildcard(pattern, 'i').test(request.action));
  if (actionMatched !== (statement.Action !== undefined)) return false;
  const resources = statement.Resource !== undefined ? list(statement.Resource) : list(statement.NotResource);
  const resourceMatched = resources.some((pattern) => resourceMatches(pattern, request.resource, request.keys));
  if (resourceMatched !== (statement.Resource !== undefined)) return false;
  return conditionHolds(statement.Condition, request.keys);
}

const MALFORMED = (why: string) => new AwsFault('MalformedPolicyDocument', why, 400);

/** A policy document's statements, checked as IAM checks a document it is given; MalformedPolicyDocument otherwise. */
export function parsePolicy(text: string): Statement[] {
  let document: { Version?: unknown; Statement?: unknown };
  try {
    document = JSON.parse(text) as typeof document;
  } catch {
    throw MALFORMED('Syntax errors in policy.');
  }
  if (!document || typeof document !== 'object') throw MALFORMED('Syntax errors in policy.');
  if (document.Version !== undefined && document.Version !== '2012-10-17' && document.Version !== '2008-10-17') {
    throw MALFORMED('The policy failed legacy parsing');
  }
  const statements = (Array.isArray(document.Statement) ? document.Statement : [document.Statement]) as Statement[];
  for (const statement of statements) {
    if (!statement || typeof statement !== 'object') throw MALFORMED('Syntax errors in policy.');
    if (statement.Effect !== 'Allow' && statement.Effect !== 'Deny') throw MALFORMED('Syntax errors in policy.');
    if ((statement.Action === undefined) === (statement.NotAction === undefined)) throw MALFORMED('Policy statement must contain actions.');
    if ((statement.Resource === undefined) === (statement.NotResource === undefined)) throw MALFORMED('Policy statement must contain resources.');
    for (const name of Object.keys(statement.Condition ?? {})) {
      if (name !== 'Null' && !operatorOf(name)) throw MALFORMED(`Syntax errors in policy. Unsupported condition operator: ${name}`);
    }
  }
  return statements;
}

/** IAM's decision for `request` under `policies` (documents already checked by parsePolicy). */
export function evaluate(policies: readonly string[], request: RequestContext): Decision {
  let allowed = false;
  for (const policy of policies) {
    for (const statement of parsePolicy(policy)) {
      if (!statementApplies(statement, request)) continue;
      if (statement.Effect === 'Deny') return 'explicitDeny';
      allowed = true;
    }
  }
  return allowed ? 'allow' : 'implicitDeny';
}

/** AccessDenied in AWS's words, naming the caller, the action, the resource and why. */
export function accessDenied(callerArn: string, request: Pick<RequestContext, 'action' | 'resource'>, decision: Exclude<Decision, 'allow'>): AwsFault {
  const why = decision === 'explicitDeny' ? 'with an explicit deny in an identity-based policy' : `because no identity-based policy allows the ${request.action} action`;
  return new AwsFault('AccessDenied', `User: ${callerArn} is not authorized to perform: ${request.action} on resource: ${request.resource} ${why}`, 403);
}
