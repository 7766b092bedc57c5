import { promises as fs } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MfaDevice } from '../../src/aws/client.js';
import type { Profiles } from '../../src/wizard/resolve-profiles.js';
import { UserError } from '../../src/errors.js';
import type { Admin } from '../../src/wizard/acting-for-user.js';
import type { Aws, SetupOptions, WizardDeps } from '../../src/wizard/context.js';
import { newRun, type SetupRun, type Step, type StepFn } from '../../src/wizard/run.js';
import { runSetupSteps, SETUP_STEPS } from '../../src/wizard/setup.js';
import { settled } from '../../src/wizard/steps/save-keys.js';
import { Timings } from '../../src/wizard/timings.js';

const STEPS_DIR = join(import.meta.dirname, '../../src/wizard/steps');

/** Every step of the lists, each once (record-serial, record-finished and the END list are in two). */
function leaves(steps: readonly Step[]): { id: string; does: StepFn }[] {
  return steps.flatMap((entry) => ('does' in entry ? [entry] : leaves(entry.steps)));
}
const ALL = [...new Map([...SETUP_STEPS.begin, ...SETUP_STEPS.enrol, ...SETUP_STEPS.finish, ...SETUP_STEPS.setUp].flatMap((s) => leaves([s])).map((s) => [s.id, s])).values()];

const camel = (id: string) => id.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

describe("a step's id, function and file have one name", () => {
  it('each id is kebab-case, and the step is the function of that name in camelCase', () => {
    const mismatched = ALL.filter((s) => !/^[a-z]+(-[a-z]+)*$/.test(s.id) || s.does.name !== camel(s.id));
    expect(mismatched.map((s) => `${s.id} runs ${s.does.name}`)).toEqual([]);
  });

  it('the files in steps/ are the steps, one a file: each exports its step and no other', async () => {
    const files = (await fs.readdir(STEPS_DIR)).filter((f) => f.endsWith('.ts')).map((f) => basename(f, '.ts'));
    expect(files.sort()).toEqual(ALL.map((s) => s.id).sort());
    const stepFunctions = new Set(ALL.map((s) => s.does));
    for (const step of ALL) {
      const exported = Object.values(await import(join(STEPS_DIR, `${step.id}.ts`)));
      expect(exported, step.id).toContain(step.does);
      expect(exported.filter((value) => stepFunctions.has(value as StepFn)), step.id).toEqual([step.does]);
    }
  });

  it('no two steps share an id', () => {
    const ids = [...SETUP_STEPS.begin, ...SETUP_STEPS.enrol, ...SETUP_STEPS.finish, ...SETUP_STEPS.setUp].flatMap((s) => leaves([s]));
    const byName = new Map<string, Set<StepFn>>();
    for (const s of ids) byName.set(s.id, (byName.get(s.id) ?? new Set()).add(s.does));
    expect([...byName].filter(([, fns]) => fns.size > 1).map(([name]) => name)).toEqual([]);
  });
});

/** What a stand-in step does to the run, as the real one would (the guards read it). */
type Effect = (run: SetupRun, deps: WizardDeps) => void | WizardDeps;

/** The wizard's lists with every step a stand-in that records its id (and a failure handler that records and rethrows). */
function standIns(log: string[], effects: Record<string, Effect>, used: Set<string>): typeof SETUP_STEPS {
  const standIn = (entry: Step): Step => {
    if ('does' in entry) {
      return {
        ...entry,
        does: async (run, deps) => {
          log.push(entry.id);
          const effect = effects[entry.id];
          if (!effect) return;
          used.add(entry.id);
          return effect(run, deps) ?? undefined;
        },
      };
    }
    return {
      ...entry,
      steps: entry.steps.map(standIn),
      onError: async (error) => {
        log.push(`${entry.id} failed`);
        throw error;
      },
    };
  };
  return { begin: SETUP_STEPS.begin.map(standIn), enrol: SETUP_STEPS.enrol.map(standIn), finish: SETUP_STEPS.finish.map(standIn), setUp: SETUP_STEPS.setUp.map(standIn) };
}

/** Seams no stand-in may touch: any use fails the test. */
const untouchable = new Proxy({} as WizardDeps, {
  get: (_, key) => {
    // `then`: the seams pass through promises, which ask whether they are one.
    if (key === 'then' || typeof key === 'symbol') return undefined;
    throw new Error(`a stand-in step used the seam ${String(key)}`);
  },
});

const OPTIONS: SetupOptions = { replace: false, durationSeconds: 3600, showSecret: false, replaceProfile: false, yes: false };
const AWS = {} as Aws;
const OLD: MfaDevice = { serialNumber: 'arn:aws:iam::123456789012:mfa/alice' };
const ADMIN: Admin = { profile: 'admin', arn: 'arn:aws:iam::123456789012:user/admin', caller: { kind: 'user', account: '123456789012', userName: 'admin' } as Admin['caller'], aws: AWS };

/** The steps that run, in order, for a run that starts with `profiles` and whose stand-ins do `effects`. */
async function stepsRun(start: { profiles: Profiles; csvPath?: string }, effects: Record<string, Effect>, deps: WizardDeps = untouchable): Promise<string[]> {
  const log: string[] = [];
  const used = new Set<string>();
  const run = newRun({ options: OPTIONS, hooks: {}, profiles: start.profiles, awsFactory: () => expect.unreachable('no AWS'), ...(start.csvPath ? { csvPath: start.csvPath } : {}) });
  try {
    await runSetupSteps(run, deps, new Timings(), standIns(log, effects, used));
  } finally {
    // Fakes fail loudly: an effect given for a step that never ran is a test that tests nothing.
    expect(Object.keys(effects).filter((name) => !used.has(name)), 'effects of steps that did not run').toEqual([]);
  }
  return log;
}

// What the real steps settle, as the guards read it.
const ownKeysFound: Effect = (run) => {
  run.own = AWS;
  run.iam = AWS;
};
const namesSettled: Effect = (run) => {
  run.profiles = settled(run.profiles, run.admin, run.key || !run.admin ? (run.profiles.longTerm ?? 'alice') : undefined);
};
const adminFound: Effect = (run) => {
  run.admin = ADMIN;
  run.iam = AWS;
};
const oldChosen: Effect = (run) => {
  run.old = OLD;
};
const ALICE_CSV = { profiles: { region: 'us-east-1' }, csvPath: 'alice_accessKeys.csv' };
const ADMIN_FOR_ALICE = { profiles: { admin: 'admin', region: 'us-east-1' } };
/** Her own run's beginning; with nothing to finish, a device she has is looked at (set up here, or to pick up). */
const BEGIN_FINISHING = ['ask-csv-path', 'identify-own-keys', 'correct-clock', 'save-keys', 'check-session-profile', 'choose-region', 'list-devices', 'resume-earlier-run'];
const BEGIN_OWN = [...BEGIN_FINISHING, 'already-set-up', 'pick-up'];
const END = ['record-finished', 'summarize', 'export-session', 'offer-csv-deletion'];
/** Admin mode's end: nothing recorded in the administrator's files, the hire's CSV not offered for deletion. */
const ADMIN_END = ['summarize', 'export-session'];

/** The steps that ran, her own run's, when the step `failing` throws `error` (which the run must end with). */
async function failingAt(failing: string, error: Error): Promise<string[]> {
  const log: string[] = [];
  const run = newRun({ options: OPTIONS, hooks: {}, profiles: { longTerm: 'alice', session: 'alice-mfa', region: 'us-east-1' }, awsFactory: () => expect.unreachable('no AWS') });
  const fail: Effect = () => {
    throw error;
  };
  const lists = standIns(log, { 'identify-own-keys': ownKeysFound, [failing]: fail }, new Set());
  await expect(runSetupSteps(run, untouchable, new Timings(), lists)).rejects.toBe(error);
  return log;
}

describe("runSteps over setup.ts's lists: which steps run, in which order", () => {
  it('own keys, no device yet: the keys, the names, the new device, the session, the end', async () => {
    const ran = await stepsRun(ALICE_CSV, { 'identify-own-keys': ownKeysFound, 'save-keys': namesSettled });
    expect(ran).toEqual([
      ...BEGIN_OWN,
      ...['decide-about-existing', 'check-way-to-show', 'caller-acts', 'name-device', 'create-new-device', 'show-and-enable', 'record-serial', 'verify-new-session'],
      ...END,
    ]);
  });

  it('an administrator for a user, without her keys: identified for the admin, no profile, no region, IAM lists the device instead of a session', async () => {
    const ran = await stepsRun(ADMIN_FOR_ALICE, { 'act-as-admin': adminFound, 'save-keys': namesSettled });
    expect(ran).toEqual([
      ...['ask-csv-path', 'act-as-admin', 'identify-for-admin', 'correct-clock', 'save-keys', 'list-devices'],
      ...['decide-about-existing', 'check-way-to-show', 'caller-acts', 'name-device', 'create-new-device', 'show-and-enable', 'confirm-device-listed'],
      ...ADMIN_END,
    ]);
  });

  it('issue 22: an administrator with her keys: the session is checked in memory, nothing saved or recorded, her CSV not offered for deletion', async () => {
    const ran = await stepsRun({ ...ADMIN_FOR_ALICE, csvPath: 'alice_accessKeys.csv' }, { 'act-as-admin': adminFound, 'identify-for-admin': ownKeysFound, 'save-keys': namesSettled });
    expect(ran).toEqual([
      ...['ask-csv-path', 'act-as-admin', 'identify-for-admin', 'correct-clock', 'save-keys', 'list-devices'],
      ...['decide-about-existing', 'check-way-to-show', 'caller-acts', 'name-device', 'create-new-device', 'show-and-enable', 'check-session'],
      ...ADMIN_END,
    ]);
  });

  it('issue 20 item 9: set up here already (the profile\'s mfa_serial is one of her devices): said so, the CSV offered for deletion, nothing enrolled', async () => {
    const ran = await stepsRun(ALICE_CSV, {
      'identify-own-keys': ownKeysFound,
      'save-keys': namesSettled,
      'already-set-up': (run) => {
        run.setUp = OLD.serialNumber;
      },
    });
    expect(ran).toEqual([...BEGIN_FINISHING, 'already-set-up', 'report-set-up', 'offer-csv-deletion']);
  });

  it('issue 22: a device an administrator enrolled, picked up with one code: the session is there, recorded and saved; no new device', async () => {
    const ran = await stepsRun(ALICE_CSV, {
      'identify-own-keys': ownKeysFound,
      'save-keys': namesSettled,
      'pick-up': (run) => {
        run.finishing = { serial: OLD.serialNumber };
        run.session = { accessKeyId: 'ASIA', secretAccessKey: 's', sessionToken: 't', expiration: new Date(0) };
      },
    });
    // Her session is saved: a backup device is offered (issue 21), before the summary lists her devices.
    expect(ran).toEqual([...BEGIN_OWN, 'record-serial', 'save-new-session', 'record-finished', 'offer-backup', ...END.slice(1)]);
  });

  it('issue 21: her own session verified, a backup device is offered once the enrolment is recorded, before the summary', async () => {
    const session = { accessKeyId: 'ASIA', secretAccessKey: 's', sessionToken: 't', expiration: new Date(0) };
    const ran = await stepsRun(ALICE_CSV, {
      'identify-own-keys': ownKeysFound,
      'save-keys': namesSettled,
      'verify-new-session': (run) => {
        run.session = session;
      },
    });
    expect(ran).toEqual([
      ...BEGIN_OWN,
      ...['decide-about-existing', 'check-way-to-show', 'caller-acts', 'name-device', 'create-new-device', 'show-and-enable', 'record-serial', 'verify-new-session'],
      ...['record-finished', 'offer-backup', 'summarize', 'export-session', 'offer-csv-deletion'],
    ]);
  });

  it('a profile given with --user that proves to be the user\'s own: her keys, as without --user', async () => {
    const ran = await stepsRun({ profiles: { admin: 'alice', longTerm: 'alice', region: 'us-east-1' } }, { 'act-as-admin': ownKeysFound, 'save-keys': namesSettled });
    expect(ran).toEqual(['ask-csv-path', 'act-as-admin', ...BEGIN_OWN.slice(1), ...['decide-about-existing', 'check-way-to-show', 'caller-acts', 'name-device', 'create-new-device', 'show-and-enable', 'record-serial', 'verify-new-session'], ...END]);
  });

  it('replacing her own device: the old phone acts, the replacement is recorded before the create, and the old device retires last', async () => {
    const ran = await stepsRun(ALICE_CSV, {
      'identify-own-keys': ownKeysFound,
      'save-keys': namesSettled,
      'decide-about-existing': oldChosen,
    });
    expect(ran).toEqual([
      ...BEGIN_OWN,
      ...['decide-about-existing', 'check-way-to-show', 'caller-acts', 'old-phone-acts', 'name-device'],
      ...['record-replacement', 'create-new-device', 'show-and-enable', 'record-serial', 'verify-new-session', 'retire-old'],
      ...END,
    ]);
  });

  it('a replacement whose old device had to go first (a policy pins the name): nothing is retired after', async () => {
    const ran = await stepsRun(ALICE_CSV, {
      'identify-own-keys': ownKeysFound,
      'save-keys': namesSettled,
      'decide-about-existing': oldChosen,
      'create-new-device': (run) => {
        run.removedFirst = true;
      },
    });
    expect(ran.slice(ran.indexOf('show-and-enable'))).toEqual(['show-and-enable', 'record-serial', 'verify-new-session', ...END]);
  });

  it('an administrator replacing a user\'s device: the administrator acts (no old phone, no replacement recorded), then retires the old one', async () => {
    const ran = await stepsRun(ADMIN_FOR_ALICE, { 'act-as-admin': adminFound, 'save-keys': namesSettled, 'decide-about-existing': oldChosen });
    expect(ran.slice(ran.indexOf('decide-about-existing'))).toEqual([
      ...['decide-about-existing', 'check-way-to-show', 'caller-acts', 'name-device', 'create-new-device', 'show-and-enable', 'confirm-device-listed', 'retire-old'],
      ...ADMIN_END,
    ]);
  });

  it('finishing a device an earlier run enabled: one code gives the session, saved; no new device', async () => {
    const ran = await stepsRun(ALICE_CSV, {
      'identify-own-keys': ownKeysFound,
      'save-keys': namesSettled,
      'resume-earlier-run': (run) => {
        run.finishing = { serial: 'arn:aws:iam::123456789012:mfa/alice' };
      },
    });
    expect(ran).toEqual([...BEGIN_FINISHING, 'session-for-enabled', 'record-serial', 'save-new-session', ...END]);
  });

  it('finishing a replacement an earlier run left: the session from the new device retires the old one', async () => {
    const ran = await stepsRun(ALICE_CSV, {
      'identify-own-keys': ownKeysFound,
      'save-keys': namesSettled,
      'resume-earlier-run': (run) => {
        run.finishing = { serial: 'arn:aws:iam::123456789012:mfa/alice-20261207', old: OLD.serialNumber };
      },
      'session-for-enabled': oldChosen,
    });
    expect(ran).toEqual([...BEGIN_FINISHING, 'session-for-enabled', 'record-serial', 'save-new-session', 'retire-left-old', ...END]);
  });

  it('a failure before the device is enabled goes to the roll-back, and nothing after it runs', async () => {
    const refused = new UserError('enable.gaveUp');
    const log = await failingAt('show-and-enable', refused);
    expect(log.slice(log.indexOf('create-new-device'))).toEqual(['create-new-device', 'show-and-enable', 'until-enabled failed']);
  });

  it('a failure in the session check goes to the handler that keeps the old device; the device stays enabled', async () => {
    const refused = new UserError('session.gaveUp');
    const log = await failingAt('verify-new-session', refused);
    expect(log.slice(log.indexOf('show-and-enable'))).toEqual(['show-and-enable', 'record-serial', 'verify-new-session', 'until-retired failed']);
  });

  it('the clock corrected at correct-clock is the clock of every step after it, in either list', async () => {
    const seen: unknown[] = [];
    const corrected = { corrected: true } as unknown as WizardDeps;
    const record: Effect = (_run, deps) => {
      seen.push(deps);
    };
    await stepsRun(ALICE_CSV, { 'identify-own-keys': ownKeysFound, 'correct-clock': () => corrected, 'save-keys': namesSettled, 'name-device': record, 'summarize': record });
    expect(seen).toEqual([corrected, corrected]);
  });
});
