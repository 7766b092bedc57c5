import { promises as fs } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Prompter } from '../../src/ui/prompter.js';
import { askCsvPath } from '../../src/wizard/steps/ask-csv-path.js';
import { makeSandbox, type Sandbox } from '../helpers/sandbox.js';

/** A person at the CSV prompt: types each answer in turn until one is taken; what the prompt said to each is kept. */
function typing(answers: string[]) {
  const said: (string | true)[] = [];
  const prompter: Prompter = {
    async input(q) {
      for (const answer of answers) {
        const verdict = q.validate?.(answer) ?? true;
        said.push(verdict);
        if (verdict === true) return answer;
      }
      throw new Error(`No answer taken for ${q.message}`);
    },
    confirm: () => Promise.reject(new Error('unexpected confirm')),
    select: () => Promise.reject(new Error('unexpected select')),
  };
  return { prompter, said };
}

const CSV = 'Access key ID,Secret access key\nAKIAIOSFODNN7EXAMPLE,wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n';

describe('the CSV path asked by the wizard', () => {
  let box: Sandbox;
  beforeEach(async () => void (box = await makeSandbox()));
  afterEach(() => box.cleanup());

  it('regression (issue 23.14): a typo, a folder, nothing or another file is said precisely and asked again, not the end of the run', async () => {
    const good = await box.write('alice_accessKeys.csv', CSV);
    const other = await box.write('notes.csv', 'name,phone\nalice,123\n');
    await fs.mkdir(`${box.home}/Downloads`);
    const { prompter, said } = typing([`${box.dir}/alice_acessKeys.csv`, `${box.home}/Downloads`, '', other, good]);
    const run: { csvPath?: string; profiles: { region: string } } = { profiles: { region: 'us-east-1' } };
    await askCsvPath(run, { prompter, home: box.home });
    expect(run.csvPath).toBe(good);
    expect(said).toHaveLength(5);
    expect(said[0]).toBe(`There is no file at ${box.dir}/alice_acessKeys.csv. Check the path of the access-key CSV you downloaded from the AWS console (often in your Downloads folder).`);
    expect(said[1]).toContain(`${box.home}/Downloads is not a file`);
    expect(said[2]).toContain('Type the path of the access-key CSV');
    expect(said[3]).toContain(other);
    expect(said[4]).toBe(true);
  });

  it('a path typed with ~ and quotes (a dragged file) is checked as the shell would read it', async () => {
    await fs.writeFile(`${box.home}/my keys.csv`, CSV);
    const { prompter, said } = typing([`'~/my keys.csv'`]);
    const run: { csvPath?: string; profiles: { region: string } } = { profiles: { region: 'us-east-1' } };
    await askCsvPath(run, { prompter, home: box.home });
    expect(said).toEqual([true]);
    expect(run.csvPath).toBe(`${box.home}/my keys.csv`);
  });
});
