import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect, useTheme } from './fixtures';

const LESSON = '/lessons/why-orchestration/';

const question = (page: Page, n: number) =>
  page.getByRole('region', { name: new RegExp(`^Question ${n} of 11 `) });

/**
 * The quiz island hydrates when scrolled into view. The lesson's sandbox islands further up stay
 * unhydrated until they are scrolled to, so this waits for the quiz island only.
 */
async function openQuiz(page: Page): Promise<void> {
  await page.goto(LESSON);
  await scrollToQuiz(page);
}

async function scrollToQuiz(page: Page): Promise<void> {
  await page.getByRole('heading', { name: 'Check your understanding' }).scrollIntoViewIfNeeded();
  await expect(page.locator('#quiz astro-island')).not.toHaveAttribute('ssr');
}

/** Answers every question of the lesson 1 quiz right, first time. */
async function answerAllRight(page: Page): Promise<void> {
  const check = async (n: number) =>
    question(page, n).getByRole('button', { name: 'Check answer' }).click();
  await question(page, 1).getByLabel('Your answer, in containers').fill('25');
  await check(1);
  await question(page, 2).getByLabel('Your answer, in USD').fill('$101.95');
  await check(2);
  for (const name of [
    'How much CPU and memory is left on each server.',
    'Which server the next container should go on.',
    'Which containers are no longer running.',
    'Which servers have run out of resources.',
  ])
    await question(page, 3).getByRole('checkbox', { name }).check();
  await check(3);
  await question(page, 4)
    .getByRole('radio', { name: /^No: the operating system/ })
    .check();
  await check(4);
  const q5 = question(page, 5);
  const pairs: Array<[string, string]> = [
    ['Scheduling', 'Working out which server has room for the next container'],
    ['Restarting', 'Noticing a dead container and starting it again'],
    ['Rescheduling', 'Moving the containers of a failed server onto servers that still work'],
    ['Scaling', 'Stopping and removing five replicas one by one when they are no longer needed'],
    ['Load balancing', 'Sending each request to a replica that is running and healthy'],
  ];
  for (const [left, right] of pairs)
    await q5.getByLabel(left, { exact: true }).selectOption({ label: right });
  await check(5);
  await putInOrder(page, [
    'Launch an EC2 virtual server.',
    'Install Docker on the server.',
    'Check how much CPU and memory is left on each server.',
    'Choose a server with enough room for the container.',
    'Start the container there with docker run.',
    'Keep checking it still runs, and restart it by hand if it dies.',
  ]);
  await check(6);
  for (const name of [
    'Places containers on servers that have room for them.',
    'Restarts containers that die, and moves them off servers that fail.',
    'Scales the number of replicas up and down.',
    'Spreads incoming requests across the replicas.',
  ])
    await question(page, 7).getByRole('checkbox', { name }).check();
  await check(7);
  await question(page, 8).getByRole('radio', { name: 'Kubernetes' }).check();
  await check(8);
  await question(page, 9).getByRole('radio', { name: 'Docker Swarm' }).check();
  await check(9);
  await question(page, 10).getByRole('radio', { name: 'Amazon ECR' }).check();
  await check(10);
  const q11 = question(page, 11);
  await q11.getByRole('radio', { name: /^Between 17 and 19/ }).check();
  await q11.getByRole('button', { name: 'Predict, then run it' }).click();
  await expect(q11.getByText('Correct: 1 point of 1.')).toBeVisible();
}

/** Moves items with the Up buttons only, using the keyboard, until they are in `wanted` order. */
async function putInOrder(page: Page, wanted: string[]): Promise<void> {
  const q6 = question(page, 6);
  for (let target = 0; target < wanted.length; target++) {
    const items = await q6.getByRole('listitem').allInnerTexts();
    let at = items.findIndex((text) => text.includes(wanted[target]!));
    while (at > target) {
      const up = q6.getByRole('button', { name: `Move up: ${wanted[target]}` });
      await up.focus();
      await page.keyboard.press('Enter');
      at--;
      await expect(q6.getByRole('listitem').nth(at)).toContainText(wanted[target]!);
    }
  }
}

test('a learner answers a question wrongly, then rightly, and sees why and the score', async ({
  page,
}) => {
  await openQuiz(page);
  const q1 = question(page, 1);
  await q1.getByLabel('Your answer, in containers').fill('15');
  await q1.getByRole('button', { name: 'Check answer' }).click();
  await expect(
    q1.getByText(
      'Not right: 0 points of 1. Try again: the next attempt can earn at most 0.75 points.',
    ),
  ).toBeVisible();
  await expect(q1.getByRole('listitem')).toHaveText([
    '✗ Wrong: That is 10 + 5: one container per microservice. Each microservice runs 2 replicas, and every replica is its own container.',
  ]);
  await expect(q1.getByText('Attempts: 1 · Score: 0 / 1')).toBeVisible();

  await q1.getByLabel('Your answer, in containers').fill('25');
  await q1.getByRole('button', { name: 'Check answer' }).click();
  await expect(q1.getByText('Correct: 0.75 points of 1.')).toBeVisible();
  await expect(
    q1.getByText(
      'Why: 10 microservices × 2 replicas = 20 containers, plus 5 supporting containers = 25. Replicas multiply the count, and third-party services run as containers too.',
    ),
  ).toBeVisible();
  await expect(q1.getByText('Attempts: 2 · Score: 0.75 / 1')).toBeVisible();
  await expect(q1.getByRole('button', { name: 'Check answer' })).toBeDisabled();
  await expect(page.locator('.sy-quiz-score')).toContainText(
    '0.75 of 11 points (6.8 %), 1 of 11 questions answered. Pass mark: 70 %. Not passed yet.',
  );
});

test('a learner ticks a wrong option and gets partial credit explained per option', async ({
  page,
}) => {
  await openQuiz(page);
  const q3 = question(page, 3);
  await expect(
    q3.getByText(/^Tick every right option\. Partial credit: each right option/),
  ).toBeVisible();
  for (const name of [
    'Which containers are no longer running.',
    'Which servers have run out of resources.',
    'How much memory the ECS agent reserves on each server.',
  ])
    await q3.getByRole('checkbox', { name }).check();
  await q3.getByRole('button', { name: 'Check answer' }).click();
  await expect(
    q3.getByText(
      'Partly right: 0.25 points of 1. Try again: the next attempt can earn at most 0.75 points.',
    ),
  ).toBeVisible();
  await expect(q3.locator('.sy-quiz-why > li')).toHaveText([
    '✓ Right: A container that dies stays dead until someone notices it and starts it again.',
    '✓ Right: Docker starts a container on a full server without complaint, and trouble comes later as out-of-memory kills or slowness. You must spot a full server before you place on it.',
    "✗ Wrong: Servers with only Docker run no ECS agent. And even on ECS, the agent's memory is not reserved unless you set ECS_RESERVED_MEMORY, which defaults to 0.",
  ]);
});

test('an empty or unreadable answer is refused, announced, and not counted', async ({ page }) => {
  await openQuiz(page);
  const q4 = question(page, 4);
  await q4.getByRole('button', { name: 'Check answer' }).click();
  await expect(q4.getByRole('alert')).toHaveText('Choose one option first.');
  await expect(q4.getByText('Attempts: 0')).toBeVisible();
  const q2 = question(page, 2);
  await q2.getByLabel('Your answer, in USD').fill('about a hundred');
  await q2.getByRole('button', { name: 'Check answer' }).click();
  await expect(q2.getByRole('alert')).toHaveText(
    '“about a hundred” is not a number. Type digits, such as 101.95.',
  );
  await expect(q2.getByLabel('Your answer, in USD')).toHaveAttribute('aria-invalid', 'true');
  await expect(q2.getByText('Attempts: 0')).toBeVisible();
});

test('a keyboard-only learner orders the steps with the Up buttons and hears each move', async ({
  page,
}) => {
  await openQuiz(page);
  const q6 = question(page, 6);
  await q6.getByRole('button', { name: 'Move up: Launch an EC2 virtual server.' }).focus();
  await page.keyboard.press('Enter');
  await expect(q6.locator('[aria-live="polite"]').first()).toHaveText(
    '“Launch an EC2 virtual server.” moved to position 1 of 6.',
  );
  // At the top its Up button is disabled, so focus moves to its Down button.
  await expect(
    q6.getByRole('button', { name: 'Move down: Launch an EC2 virtual server.' }),
  ).toBeFocused();
  await putInOrder(page, [
    'Launch an EC2 virtual server.',
    'Install Docker on the server.',
    'Check how much CPU and memory is left on each server.',
    'Choose a server with enough room for the container.',
    'Start the container there with docker run.',
    'Keep checking it still runs, and restart it by hand if it dies.',
  ]);
  await q6.getByRole('button', { name: 'Check answer' }).press('Enter');
  await expect(q6.getByText('Correct: 1 point of 1.')).toBeVisible();
});

test('a learner passes the quiz and the lesson is marked done at the top and in the sidebar', async ({
  page,
}) => {
  await openQuiz(page);
  await answerAllRight(page);
  await expect(page.locator('.sy-quiz-score')).toContainText(
    '11 of 11 points (100 %), 11 of 11 questions answered. Pass mark: 70 %. ✓ Passed.',
  );
  const status = page.locator('[data-lesson-progress]');
  await expect(status).toContainText('Your progress: Done');
  await expect(status).toContainText('Quiz: 11 of 11 points (100 %), passed');
  await expect(
    page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Why containers need an orchestrator (done)' }),
  ).toBeVisible();
});

test('a learner reloads the lesson and finds answers, scores and status kept', async ({ page }) => {
  await openQuiz(page);
  const q8 = question(page, 8);
  await q8.getByRole('radio', { name: 'Docker Swarm' }).check();
  await q8.getByRole('button', { name: 'Check answer' }).click();
  await q8.getByRole('radio', { name: 'Kubernetes' }).check();
  await q8.getByRole('button', { name: 'Check answer' }).click();
  await expect(q8.getByText('Attempts: 2 · Score: 0.75 / 1')).toBeVisible();

  await page.reload();
  await scrollToQuiz(page);
  const again = question(page, 8);
  await expect(again.getByText('Attempts: 2 · Score: 0.75 / 1')).toBeVisible();
  await expect(again.getByRole('radio', { name: 'Kubernetes' })).toBeChecked();
  await expect(again.getByRole('radio', { name: 'Kubernetes' })).toBeDisabled();
  await expect(again.getByText('Correct: 0.75 points of 1.')).toBeVisible();
  await expect(page.locator('[data-lesson-progress]')).toContainText(
    'Your progress: In progress' +
      'My progress' +
      'Quiz: 0.75 of 11 points (6.8 %), pass mark 70 %' +
      'Challenges: none tried yet',
  );
  await expect(
    page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Why containers need an orchestrator (in progress)' }),
  ).toBeVisible();
});

test('a learner predicts what happens, the scenario runs, and the outcome sits next to the prediction', async ({
  page,
}) => {
  await openQuiz(page);
  const q11 = question(page, 11);
  await expect(
    q11.getByText(
      'The run: scenario “Fifteen containers, three Docker hosts, your two hands”, with its solution, for 600 simulated seconds.',
    ),
  ).toBeVisible();
  await q11.getByRole('button', { name: 'Predict, then run it' }).click();
  await expect(q11.getByRole('alert')).toHaveText('Choose one option first.');
  await q11.getByRole('radio', { name: /^All 20/ }).check();
  await q11.getByRole('button', { name: 'Predict, then run it' }).click();
  await expect(q11.getByText('Not right: 0 points of 1.')).toBeVisible();
  await expect(
    q11.getByText('Your prediction: All 20: crashed containers are started again automatically.'),
  ).toBeVisible();
  await expect(
    q11.getByText(
      'What happened: after 600 simulated seconds, containers were running on the three hosts: 17.',
    ),
  ).toBeVisible();
  await expect(q11.locator('.sy-quiz-why > li')).toHaveText([
    '✗ Wrong: On a plain Docker host nothing starts a crashed container again for you here, and nothing moves it to another host. Someone has to notice it and start it.',
    'ℹ Why: Three containers crashed (orders at 5:00, search at 7:00 after running out of memory, payments at 9:00) and nothing brought them back: 20 − 3 = 17. Restarting them is the toil an orchestrator takes over.',
  ]);
  // One attempt: having seen the outcome, the learner cannot change the prediction.
  await expect(q11.getByRole('radio', { name: /^All 20/ })).toBeDisabled();
  await expect(q11.getByText('Attempts: 1 · Score: 0 / 1')).toBeVisible();
});

for (const theme of ['light', 'dark'] as const) {
  test(`the quiz with feedback showing is axe clean in the ${theme} theme`, async ({ page }) => {
    await useTheme(page, theme);
    await openQuiz(page);
    await question(page, 1).getByLabel('Your answer, in containers').fill('15');
    await question(page, 1).getByRole('button', { name: 'Check answer' }).click();
    await question(page, 9).getByRole('radio', { name: 'Docker Swarm' }).check();
    await question(page, 9).getByRole('button', { name: 'Check answer' }).click();
    await question(page, 4).getByRole('button', { name: 'Check answer' }).click();
    await expect(question(page, 9).getByText('Correct: 1 point of 1.')).toBeVisible();
    // The whole page is axe-checked by site.spec.ts; this checks the quiz and lesson status in
    // the states only a learner's answers produce.
    const results = await new AxeBuilder({ page })
      .include('#quiz')
      .include('[data-lesson-progress]')
      .analyze();
    expect(results.passes.map((p) => p.id)).toContain('label');
    expect(
      results.violations.map(
        (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`,
      ),
    ).toEqual([]);
  });
}
