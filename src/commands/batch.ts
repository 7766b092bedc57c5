import { constants as fsConstants, promises as fs } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { audited } from '../aws/audit.js';
import { parseCallerArn, USER_NAME } from '../aws/names.js';
import type { AwsFactory } from '../aws/client.js';
import { AwsError } from '../aws/errors.js';
import { CancelledError, UserError } from '../errors.js';
import { t } from '../ui/messages/index.js';
import { errorText } from '../ui/error-text.js';
import { grid } from '../ui/width.js';
import { createUserWithKey, userExists } from '../wizard/create-user.js';
import type { SetupOptions, WizardDeps } from '../wizard/context.js';
import { checkProfileFlags, resolveProfiles } from '../credentials/profiles.js';
import { runSetup } from '../wizard/setup.js';

/** One hire of users.csv. */
export interface Hire {
  user: string;
  path?: string;
  group?: string;
  /** The hire's access-key CSV, when the admin has it (relative to users.csv). */
  csv?: string;
}

export interface BatchOptions {
  usersCsv: string;
  profile: string;
  /** Create users that do not exist (with --group/path from the file), and their key CSV. */
  create: boolean;
  only: string[];
  skip: string[];
  report?: string;
  region?: string;
  envRegion?: string;
  /** The wizard's own options, for each enrolment. */
  setup: SetupOptions;
}

/** What became of one hire: kept in the state file (never a secret) and in the report. */
export interface Outcome {
  user: string;
  status: 'done' | 'skipped' | 'failed';
  serialNumber?: string;
  enabledAt?: string;
  sessionVerified?: boolean;
  error?: string;
}

interface State {
  version: 1;
  /** The account the hires are in: the same file run against another account is refused. */
  account?: string;
  hires: Record<string, Outcome>;
}

const STATUS = { done: 'batch.statusDone', skipped: 'batch.statusSkipped', failed: 'batch.statusFailed' } as const;
/** Clears the screen and its scrollback (the last hire's QR code must not be scrolled back to). */
const CLEAR_ALL = '\u001b[H\u001b[2J\u001b[3J';

/** Reads users.csv: a header with `user` (or `user name`), and optionally `path`, `group`, `csv`. */
export function parseUsersCsv(text: string, file: string): Hire[] {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text.replace(/^\uFEFF/, ''), { skip_empty_lines: true, trim: true, relax_column_count: true, info: true }) as unknown as typeof records;
  } catch {
    throw new UserError('batch.badFile', { path: file });
  }
  // A row of empty cells (",,", as a spreadsheet saves a blank row) is a blank line too.
  const rows = records.filter(({ record }) => record.some((cell) => cell !== ''));
  const header = (rows.shift()?.record ?? []).map((cell) => cell.toLowerCase().replace(/[^a-z]/g, ''));
  const column = (...names: string[]) => header.findIndex((cell) => names.includes(cell));
  const [user, path, group, csv] = [column('user', 'username'), column('path'), column('group'), column('csv', 'accesskeycsv', 'keys')];
  if (user < 0) throw new UserError('batch.noUserColumn', { path: file });
  const hires: Hire[] = [];
  const seen = new Set<string>();
  for (const { record: row, info } of rows) {
    const name = row[user] ?? '';
    if (!USER_NAME.test(name)) throw new UserError('batch.badUser', { path: file, line: info.lines, name });
    if (seen.has(name.toLowerCase())) throw new UserError('batch.duplicate', { path: file, name });
    seen.add(name.toLowerCase());
    const cell = (at: number) => (at >= 0 && row[at] ? row[at] : undefined);
    const [p, g, c] = [cell(path), cell(group), cell(csv)];
    hires.push({ user: name, ...(p ? { path: p } : {}), ...(g ? { group: g } : {}), ...(c ? { csv: c } : {}) });
  }
  if (hires.length === 0) throw new UserError('batch.empty', { path: file });
  return hires;
}

/** True for an outcome as this tool writes it: a state file edited by hand may hold anything. */
function isOutcome(value: unknown): value is Outcome {
  if (value === null || typeof value !== 'object') return false;
  const o = value as Record<string, unknown>;
  const optional = (key: string, type: string) => o[key] === undefined || typeof o[key] === type;
  return (
    typeof o.user === 'string' &&
    Object.hasOwn(STATUS, String(o.status)) &&
    optional('serialNumber', 'string') &&
    optional('enabledAt', 'string') &&
    optional('error', 'string') &&
    optional('sessionVerified', 'boolean')
  );
}

async function readState(path: string): Promise<State> {
  const text = await fs.readFile(path, 'utf8').catch(() => undefined);
  if (text === undefined) return { version: 1, hires: {} };
  try {
    const state = JSON.parse(text) as State;
    const hires: unknown = state?.hires;
    // typeof null is 'object': a state file with "hires": null (or a list) is damaged too.
    if (state?.version === 1 && hires !== null && typeof hires === 'object' && !Array.isArray(hires)) {
      if (Object.values(hires as Record<string, unknown>).every(isOutcome)) return state;
    }
  } catch {
    // fall through
  }
  throw new UserError('batch.badState', { path });
}

/**
 * `mfa-onboard batch users.csv --profile ADMIN`: each hire in turn (created first with
 * --create), enrolled with their own phone in admin mode, with a hand-over screen between
 * hires. Resumable from a state file; a report and an audit log at the end.
 */
export async function runBatch(options: BatchOptions, deps: WizardDeps): Promise<void> {
  const { out } = deps;
  checkProfileFlags(options);
  const text = await fs.readFile(options.usersCsv, 'utf8').catch(() => {
    throw new UserError('csv.notFound', { path: options.usersCsv });
  });
  const all = parseUsersCsv(text, options.usersCsv);
  // IAM user names are unique regardless of case: --only Alice is alice.
  const listed = (name: string) => {
    const hire = all.find((h) => h.user.toLowerCase() === name.toLowerCase());
    if (!hire) throw new UserError('batch.notInFile', { name, path: options.usersCsv });
    return hire.user;
  };
  const only = options.only.map(listed);
  const skip = options.skip.map(listed);
  const statePath = `${options.usersCsv}.state.json`;
  const auditPath = `${options.usersCsv}.audit.jsonl`;
  const state = await readState(statePath);
  const saveState = () => deps.writer.write(statePath, `${JSON.stringify(state, null, 2)}\n`, 'replace');
  const log = async (entry: object) => {
    await fs.appendFile(auditPath, `${JSON.stringify(entry)}\n`, { mode: 0o600 });
  };
  // What would stop every hire is found before the first one is created.
  if (options.report !== undefined) {
    const folder = dirname(options.report);
    await fs.access(folder, fsConstants.W_OK).catch(() => {
      throw new UserError('batch.reportFolder', { path: options.report!, folder });
    });
  }

  const { region } = await resolveProfiles({ profile: options.profile, ...(options.region !== undefined ? { region: options.region } : {}), ...(options.envRegion !== undefined ? { envRegion: options.envRegion } : {}) }, deps.files);
  const adminAws = await deps.awsFor(region)({ profile: options.profile });
  const admin = await adminAws.getCallerIdentity();
  const adminArn = admin.arn;
  if (parseCallerArn(adminArn).kind === 'user' && all.some((h) => h.user.toLowerCase() === parseCallerArn(adminArn).userName?.toLowerCase())) {
    throw new UserError('batch.selfInFile', { arn: adminArn });
  }
  if (state.account !== undefined && state.account !== admin.account) {
    throw new UserError('batch.otherAccount', { path: statePath, recorded: state.account, account: admin.account, profile: options.profile });
  }
  state.account = admin.account;
  let current = '';
  /** The administrator's changes, one JSON line each in the audit log, for the hire being enrolled. */
  /** Now, as the audit log and the state file write it (the run's clock). */
  const now = () => new Date(deps.clock.now());
  const trail = { write: log, now, admin: adminArn, user: () => current };
  const auditedFactory = (forRegion: string): AwsFactory => async (source) => {
    const client = await deps.awsFor(forRegion)(source);
    // Only the administrator's calls are admin actions; a hire's own keys act for the hire.
    return 'profile' in source && source.profile === options.profile ? audited(client, trail) : client;
  };
  const batchDeps: WizardDeps = { ...deps, awsFor: auditedFactory };
  /** The hire's newest enabled device as the state records it; undefined when none (or no user yet). */
  const enrolled = async (user: string): Promise<Outcome | undefined> => {
    const devices = await adminAws.listMfaDevices(user).catch((error: unknown) => {
      if (error instanceof AwsError && error.is('NoSuchEntity')) return [];
      throw error;
    });
    const newest = devices.sort((a, b) => (b.enableDate?.getTime() ?? 0) - (a.enableDate?.getTime() ?? 0))[0];
    return newest && { user, status: 'done', serialNumber: newest.serialNumber, ...(newest.enableDate ? { enabledAt: newest.enableDate.toISOString() } : {}) };
  };

  // The hires this run is about (--only), in the file's order; --skip leaves some out this
  // time. A hire skipped at the hand-over is not asked again, unless named with --only.
  const selected = all.filter((h) => only.length === 0 || only.includes(h.user));
  /** Left out of this run by --skip (and not done before): reported as skipped, not recorded as such. */
  const skippedNow = (user: string) => skip.includes(user) && state.hires[user]?.status !== 'done';
  for (const hire of selected.filter((h) => skippedNow(h.user))) {
    await log({ time: now().toISOString(), admin: adminArn, action: 'skip', user: hire.user, result: 'ok' });
  }
  const todo = selected.filter((h) => {
    const status = state.hires[h.user]?.status;
    if (status === 'done' || skip.includes(h.user)) return false;
    return status !== 'skipped' || only.includes(h.user);
  });
  // Someone to enrol, and no way to show them a QR code: said before the first is created.
  if (todo.length > 0 && !out.size() && !options.setup.showSecret && !options.setup.qrPng) throw new UserError('qr.noWayToShow');
  const handled = selected.length - todo.length;
  if (handled > 0) out.info(t('batch.resuming', { done: handled, total: selected.length, path: statePath }));
  await saveState();

  /** A hire's enrolment was on screen (maybe a QR code): cleared, with the scrollback, before anything else. */
  let shown = false;
  const clear = () => {
    if (shown && out.size()) out.raw(CLEAR_ALL);
    shown = false;
  };
  try {
    for (const [index, hire] of todo.entries()) {
      current = hire.user;
      /** The device the wizard enabled for this hire, as it said so (after a Ctrl-C no AWS call gets through). */
      let enabledNow: Outcome | undefined;
      let csv: string | undefined;
      try {
        // Enrolled already (by an earlier run that stopped after enabling, or before the batch):
        // recorded as done; replacing a device is the single-user wizard's job.
        const already = await enrolled(hire.user);
        if (already) {
          out.info(t('batch.alreadyEnrolled', { user: hire.user, serial: already.serialNumber!, profile: options.profile }));
          const verified = state.hires[hire.user]?.sessionVerified;
          state.hires[hire.user] = { ...already, ...(verified !== undefined ? { sessionVerified: verified } : {}) };
          await saveState();
          continue;
        }
        // The hand-over: the last hire's QR code leaves the screen and the scrollback.
        clear();
        out.heading(t('batch.handOver', { k: handled + index + 1, n: selected.length, user: hire.user }));
        const go = await deps.prompter.select({
          message: t('batch.ready', { user: hire.user }),
          flag: '--yes',
          choices: [
            { value: 'enrol', name: t('batch.enrol', { user: hire.user }) },
            { value: 'skip', name: t('batch.skip', { user: hire.user }) },
          ],
          default: 'enrol',
        });
        if (go === 'skip') {
          state.hires[hire.user] = { user: hire.user, status: 'skipped' };
          await log({ time: now().toISOString(), admin: adminArn, action: 'skip', user: hire.user, result: 'ok' });
          await saveState();
          continue;
        }
        shown = true;
        csv = hire.csv === undefined ? undefined : isAbsolute(hire.csv) ? hire.csv : join(dirname(options.usersCsv), hire.csv);
        const outDir = dirname(options.usersCsv);
        const madeHere = join(outDir, `${hire.user}_accessKeys.csv`);
        let made = false;
        if (options.create && !(await userExists(adminAws, hire.user))) {
          made = true;
          await createUserWithKey(
            audited(adminAws, trail),
            { announceNext: false, profile: options.profile, name: hire.user, path: hire.path ?? '/', ...(hire.group ? { group: hire.group } : {}), outDir, existing: false },
            deps,
          );
        }
        // The key CSV --create wrote (in this run or in one that stopped) is the hire's keys,
        // also when the file's csv column names one that is not there.
        const exists = (path: string | undefined) => (path === undefined ? Promise.resolve(false) : fs.stat(path).then(() => true, () => false));
        if (options.create && !(await exists(csv)) && (await exists(madeHere))) csv = madeHere;
        // One PNG per hire (the wizard never writes over a file): qr.png → qr-alice.png.
        const qrPng = options.setup.qrPng?.replace(/(\.png)?$/i, `-${hire.user}$1`);
        await runSetup(
          { ...options.setup, profile: options.profile, user: hire.user, ...(csv ? { csvPath: csv } : {}), ...(qrPng ? { qrPng } : {}), deleteCsv: false, freshKey: made },
          batchDeps,
          {
            onEnabled: (serialNumber) => {
              enabledNow = { user: hire.user, status: 'done', serialNumber, enabledAt: now().toISOString() };
            },
          },
        );
        state.hires[hire.user] = { ...((await enrolled(hire.user)) ?? enabledNow ?? { user: hire.user, status: 'done' }), sessionVerified: csv !== undefined };
      } catch (error) {
        // Enabled before it went wrong (the session check, a Ctrl-C while waiting for a code):
        // the hire is enrolled, and the next run must not try again.
        const enabled = enabledNow ?? (error instanceof CancelledError ? undefined : await enrolled(hire.user).catch(() => undefined));
        if (error instanceof CancelledError) {
          if (enabled) state.hires[hire.user] = { ...enabled, sessionVerified: false };
          await saveState();
          clear();
          const again = `mfa-onboard batch ${options.usersCsv} --profile ${options.profile}${options.create ? ' --create' : ''}`;
          out.info(t(enabled ? 'batch.stoppedEnrolled' : 'batch.stopped', { user: hire.user, command: again }));
          throw new CancelledError('error.cancelledRunAgain');
        }
        const message = errorText(error);
        state.hires[hire.user] = enabled ? { ...enabled, sessionVerified: false, error: message } : { user: hire.user, status: 'failed', error: message };
        out.warn(t(enabled ? 'batch.enabledNotVerified' : 'batch.failed', { user: hire.user, message }));
      }
      await saveState();
    }
  } finally {
    // The last hire's QR code does not stay above the summary, nor above an error.
    clear();
  }
  current = '';
  const outcomes = selected.map((h): Outcome => (skippedNow(h.user) ? { user: h.user, status: 'skipped' } : state.hires[h.user] ?? { user: h.user, status: 'skipped' }));
  await report(outcomes, options, deps);
}

/** The summary table on screen, and `--report FILE` as JSON (.json) or CSV (anything else). */
async function report(outcomes: Outcome[], options: BatchOptions, deps: Pick<WizardDeps, 'out' | 'writer'>): Promise<void> {
  const { out } = deps;
  const done = outcomes.filter((o) => o.status === 'done').length;
  out.heading(t('batch.summary', { done, total: outcomes.length }));
  const rows: string[][] = [
    [t('batch.colUser'), t('batch.colStatus'), t('batch.colDevice'), t('batch.colEnabled'), t('batch.colSession'), t('batch.colError')],
    ...outcomes.map((o) => [
      o.user,
      t(STATUS[o.status]),
      o.serialNumber ?? '-',
      o.enabledAt ?? '-',
      o.status !== 'done' || o.sessionVerified === undefined ? '-' : t(o.sessionVerified ? 'batch.sessionYes' : 'batch.sessionNo'),
      o.error ?? '',
    ]),
  ];
  for (const line of grid(rows)) out.info(line);
  if (options.report !== undefined) {
    // A cell a spreadsheet would run as a formula (=, +, -, @, or a tab or CR before one) gets
    // the usual leading apostrophe; the JSON report keeps every value as it is.
    const inert = (cell: string) => (/^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell);
    const quote = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
    const text = options.report.endsWith('.json')
      ? `${JSON.stringify(outcomes, null, 2)}\n`
      : ['user,status,serial_number,enabled_at,session_verified,error', ...outcomes.map((o) =>
          [o.user, o.status, o.serialNumber ?? '', o.enabledAt ?? '', o.status === 'done' && o.sessionVerified !== undefined ? String(o.sessionVerified) : '', o.error ?? ''].map((cell) => quote(inert(cell))).join(','),
        )].join('\n') + '\n';
    await deps.writer.write(options.report, text, 'replace');
    out.success(t('batch.reportWritten', { path: options.report }));
  }
  if (done + outcomes.filter((o) => o.status === 'skipped').length < outcomes.length) {
    throw new UserError('batch.someFailed', { failed: outcomes.filter((o) => o.status === 'failed').map((o) => o.user).join(', ') });
  }
}
