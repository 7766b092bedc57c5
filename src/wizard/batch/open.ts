import { constants as fsConstants, promises as fs } from 'node:fs';
import { dirname } from 'node:path';
import { audited } from '../../aws/audit.js';
import type { AwsFactory } from '../../aws/client.js';
import { parseCallerArn } from '../../aws/names.js';
import { resolveAdminProfile } from '../resolve-profiles.js';
import { UserError } from '../../errors.js';
import { t } from '../../ui/messages/index.js';
import { readTextFile } from '../../credentials/files.js';
import type { Aws, Identity, WizardDeps } from '../context.js';
import { hiresLeftHere, reportOthersProfiles } from '../earlier-hires.js';
import { userExists } from '../create-user.js';
import { batchAgain } from './again.js';
import { AuditLog } from './audit-log.js';
import type { BatchOptions, BatchRun } from './types.js';
import { readState, saveState, skippedNow, type State } from './state-file.js';
import { namesIn, readUsersCsv, type Hire } from './users.js';

/** A batch's run: users.csv, the state file and the administrator, each checked before any hire. */
export async function openBatch(options: BatchOptions, deps: WizardDeps): Promise<BatchRun> {
  const all = await readUsersCsv(options.usersCsv);
  const only = namesIn(all, options.only, options.usersCsv);
  const skip = namesIn(all, options.skip, options.usersCsv);
  const statePath = `${options.usersCsv}.state.json`;
  const state = await readState(statePath);
  // What would stop every hire is found before the first one is created.
  await checkReportFolder(options.report);
  const { region } = await resolveAdminProfile(options, deps.files);
  const adminAws = await deps.awsFor(region)({ profile: options.profile });
  const admin = await adminAws.getCallerIdentity();
  checkAdmin(admin, all, state, statePath, options.profile);
  state.account = admin.account;
  await warnOthersProfiles(adminAws, options.profile, admin.arn, deps);
  const audit = new AuditLog(`${options.usersCsv}.audit.jsonl`, admin.arn, deps.clock);
  // The hires this run is about (--only), in the file's order.
  const selected = all.filter((h) => only.length === 0 || only.includes(h.user));
  const auditing = (seams: WizardDeps): WizardDeps => ({ ...seams, awsFor: auditedFactory(options.profile, audit, seams) });
  const turn = () => {
    const held = deps.ownInterrupts?.();
    return { deps: auditing(held?.deps ?? deps), release: held?.release ?? (() => undefined) };
  };
  return { options, selected, only, skip, statePath, state, adminAws, audit, wizardDeps: auditing(deps), turn, shown: false };
}

/**
 * Hires' keys and sessions an earlier version wrote on this computer are said before any
 * hire (this version writes none): which sections, and that they should go. Nothing is touched.
 */
async function warnOthersProfiles(adminAws: Pick<Aws, 'accessKeyOwner'>, profile: string, arn: string, deps: Pick<WizardDeps, 'out' | 'files'>): Promise<void> {
  const [credentials, config] = await Promise.all([readTextFile(deps.files.credentialsFile), readTextFile(deps.files.configFile)]);
  const found = await hiresLeftHere(adminAws, profile, parseCallerArn(arn).userName, { credentials, config });
  if (found.length) reportOthersProfiles(found, deps);
}

/** `--report FILE` goes in a folder that can be written to. */
async function checkReportFolder(report: string | undefined): Promise<void> {
  if (report === undefined) return;
  const folder = dirname(report);
  await fs.access(folder, fsConstants.W_OK).catch(() => {
    throw new UserError('batch.reportFolder', { path: report, folder });
  });
}

/** The administrator is not one of the hires, and works in the account the state file is about. */
function checkAdmin(admin: Pick<Identity, 'arn' | 'account'>, all: Hire[], state: State, statePath: string, profile: string): void {
  const caller = parseCallerArn(admin.arn);
  if (caller.kind === 'user' && all.some((h) => h.user.toLowerCase() === caller.userName?.toLowerCase())) {
    throw new UserError('batch.selfInFile', { arn: admin.arn });
  }
  if (state.account !== undefined && state.account !== admin.account) {
    throw new UserError('batch.otherAccount', { path: statePath, recorded: state.account, account: admin.account, profile });
  }
}

/** Clients for the wizard: the administrator's (not a hire's own keys) with its changes audited. */
function auditedFactory(profile: string, audit: AuditLog, deps: Pick<WizardDeps, 'awsFor'>): (region: string) => AwsFactory {
  return (forRegion) => async (source) => {
    const client = await deps.awsFor(forRegion)(source);
    // Only the administrator's calls are admin actions; a hire's own keys act for the hire.
    return 'profile' in source && source.profile === profile ? audited(client, audit) : client;
  };
}

/**
 * Without --create, every hire to enrol has an IAM user already: one that has none would fail
 * the same way at every run, so the run stops before the first, naming --create.
 */
async function checkUsersExist(run: BatchRun, todo: Hire[]): Promise<void> {
  const missing: string[] = [];
  for (const hire of todo) if (!(await userExists(run.adminAws, hire.user))) missing.push(hire.user);
  if (missing.length === 0) return;
  throw new UserError('batch.noSuchUsers', {
    users: missing.join(', '),
    account: run.state.account ?? '',
    profile: run.options.profile,
    command: batchAgain({ ...run.options, only: run.only, skip: run.skip }, { create: true }),
    skip: missing.map((name) => `--skip ${name}`).join(' '),
  });
}

/**
 * The hires left to enrol: not done, not left out by --skip this time, and not skipped at an
 * earlier hand-over unless named with --only. Also checked and said before the first one.
 */
export async function hiresToDo(run: BatchRun, deps: Pick<WizardDeps, 'out' | 'writer'>): Promise<Hire[]> {
  const { options, selected, state, only, skip } = run;
  for (const hire of selected.filter((h) => skippedNow(run, h.user))) await run.audit.skipped(hire.user);
  const todo = selected.filter((h) => {
    const status = state.hires[h.user]?.status;
    if (status === 'done' || skip.includes(h.user)) return false;
    return status !== 'skipped' || only.includes(h.user);
  });
  // Someone to enrol, and no way to show them a QR code: said before the first is created.
  if (todo.length > 0 && !deps.out.size() && !options.setup.showSecret && !options.setup.qrPng) throw new UserError('qr.noWayToShow');
  if (!options.create) await checkUsersExist(run, todo);
  const handled = selected.length - todo.length;
  if (handled > 0) deps.out.info(t(todo.length > 0 ? 'batch.resuming' : 'batch.nothingLeft', { done: handled, total: selected.length, path: run.statePath }));
  // Skipped at an earlier hand-over, and not asked for this time: said, with how to enrol them.
  const skippedBefore = selected.filter((h) => state.hires[h.user]?.status === 'skipped' && !todo.includes(h) && !skip.includes(h.user)).map((h) => h.user);
  if (skippedBefore.length > 0) deps.out.info(t('batch.skippedBefore', { users: skippedBefore.join(', '), command: batchAgain(options, { only: skippedBefore }) }));
  await saveState(run.statePath, state, deps);
  return todo;
}
