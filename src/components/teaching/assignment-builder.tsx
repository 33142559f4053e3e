/**
 * The assignment builder: pick challenges (each with optional scheduled faults) and quizzes,
 * a title, a due date and an optional seed; sign with the instructor's key; hand out the link.
 */
import { useId, useRef, useState } from 'react';
import { assignmentSchema, ASSIGNMENT_VERSION, type Assignment } from '@lib/assignments/payload.ts';
import { describeZodIssues } from '@lib/assignments/problems.ts';
import { randomId } from '@lib/assignments/signing.ts';
import { assignmentLink, createToken } from '@lib/assignments/token.ts';
import { copyText } from './assignment-files.ts';
import { AssignmentKeyPanel, useSigningKey } from './assignment-key-panel.tsx';
import {
  FAULT_KINDS,
  faultAction,
  faultTargets,
  type ChallengeOption,
  type FaultKind,
  type QuizOption,
} from './assignment-options.ts';

interface FaultDraft {
  kind: FaultKind;
  target: string;
  minute: string;
  rps: string;
}

interface Props {
  challenges: ChallengeOption[];
  quizzes: QuizOption[];
}

const MAX_SEED = 0xffffffff;

function FaultRow({
  option,
  fault,
  index,
  onChange,
  onRemove,
}: {
  option: ChallengeOption;
  fault: FaultDraft;
  index: number;
  onChange: (f: FaultDraft) => void;
  onRemove: () => void;
}) {
  const base = `${useId()}-fault`;
  const kinds = FAULT_KINDS.filter((k) => faultTargets(option, k.type).length > 0);
  const targets = faultTargets(option, fault.kind);
  return (
    <fieldset className="sy-teach-fault">
      <legend>Fault {index + 1}</legend>
      <label htmlFor={`${base}-kind`}>What</label>
      <select
        id={`${base}-kind`}
        value={fault.kind}
        onChange={(e) => {
          const kind = e.currentTarget.value as FaultKind;
          onChange({ ...fault, kind, target: faultTargets(option, kind)[0] ?? '' });
        }}
      >
        {kinds.map((k) => (
          <option key={k.type} value={k.type}>
            {k.label}
          </option>
        ))}
      </select>
      <label htmlFor={`${base}-target`}>Where</label>
      <select
        id={`${base}-target`}
        value={fault.target}
        onChange={(e) => onChange({ ...fault, target: e.currentTarget.value })}
      >
        {targets.map((t) => (
          <option key={t} value={t}>
            {t}
          </option>
        ))}
      </select>
      <label htmlFor={`${base}-minute`}>At minute (sim time)</label>
      <input
        id={`${base}-minute`}
        inputMode="decimal"
        value={fault.minute}
        onChange={(e) => onChange({ ...fault, minute: e.currentTarget.value })}
        size={6}
      />
      {fault.kind === 'fault.traffic' ? (
        <>
          <label htmlFor={`${base}-rps`}>Requests per second</label>
          <input
            id={`${base}-rps`}
            inputMode="numeric"
            value={fault.rps}
            onChange={(e) => onChange({ ...fault, rps: e.currentTarget.value })}
            size={8}
          />
        </>
      ) : null}
      <button type="button" onClick={onRemove}>
        Remove fault {index + 1}
      </button>
    </fieldset>
  );
}

export default function AssignmentBuilder({ challenges, quizzes }: Props) {
  const [key, setKey] = useSigningKey();
  const [title, setTitle] = useState('');
  const [due, setDue] = useState('');
  const [seed, setSeed] = useState('');
  const [picked, setPicked] = useState<Record<string, FaultDraft[]>>({});
  const [pickedQuizzes, setPickedQuizzes] = useState<string[]>([]);
  const [errors, setErrors] = useState<string[]>([]);
  const [link, setLink] = useState<string | null>(null);
  const [copied, setCopied] = useState('');
  const errorBox = useRef<HTMLDivElement>(null);
  const linkBox = useRef<HTMLTextAreaElement>(null);

  const toggleChallenge = (id: string, on: boolean) =>
    setPicked((p) => {
      const next = { ...p };
      if (on) next[id] = [];
      else delete next[id];
      return next;
    });
  const setFaults = (id: string, faults: FaultDraft[]) =>
    setPicked((p) => ({ ...p, [id]: faults }));

  const build = async () => {
    setLink(null);
    setCopied('');
    const problems: string[] = [];
    if (key.status !== 'ready') problems.push('Create or import a signing key first (above).');
    const seedValue = seed.trim() === '' ? null : Number(seed.trim());
    if (
      seedValue !== null &&
      (!Number.isInteger(seedValue) || seedValue < 0 || seedValue > MAX_SEED)
    )
      problems.push(`Seed: "${seed}" is not a whole number from 0 to ${MAX_SEED}.`);
    const chosen = challenges.filter((c) => Object.hasOwn(picked, c.id));
    const assignedChallenges = chosen.map((option) => ({
      scenario: option.id,
      faults: picked[option.id]!.flatMap((f, i) => {
        const where = `${option.title}, fault ${i + 1}`;
        const minute = Number(f.minute.trim().replace(',', '.'));
        if (f.minute.trim() === '' || !Number.isFinite(minute) || minute < 0) {
          problems.push(`${where}: "${f.minute}" is not a minute of sim time (0 or more).`);
          return [];
        }
        const at = Math.round(minute * 60);
        if (at > option.duration) {
          problems.push(
            `${where}: minute ${f.minute} is after the challenge ends (${option.duration / 60} minutes).`,
          );
          return [];
        }
        const rps = Number(f.rps);
        if (f.kind === 'fault.traffic' && (!Number.isInteger(rps) || rps < 0 || rps > 1_000_000)) {
          problems.push(
            `${where}: "${f.rps}" requests per second is not a whole number from 0 to 1,000,000.`,
          );
          return [];
        }
        if (!f.target) {
          problems.push(`${where}: choose where the fault happens.`);
          return [];
        }
        return [{ at, action: faultAction(option, f.kind, f.target, rps) }];
      }),
    }));
    const assignment: Assignment | null =
      key.status === 'ready'
        ? {
            v: ASSIGNMENT_VERSION,
            id: randomId(),
            title: title.trim(),
            due: due || null,
            seed: seedValue !== null && Number.isInteger(seedValue) ? seedValue : null,
            challenges: assignedChallenges,
            quizzes: quizzes.filter((q) => pickedQuizzes.includes(q.id)).map((q) => q.id),
            createdAt: new Date().toISOString(),
            key: key.key.publicJwk,
          }
        : null;
    if (assignment) {
      const checked = assignmentSchema.safeParse(assignment);
      if (!checked.success)
        for (const p of describeZodIssues(checked.error.issues)) {
          const field =
            p.path === 'title'
              ? 'Title'
              : p.path === 'challenges'
                ? 'Challenges and quizzes'
                : p.path;
          problems.push(`${field}: ${p.message}.`);
        }
    }
    if (problems.length > 0 || !assignment || key.status !== 'ready') {
      setErrors(problems);
      requestAnimationFrame(() => errorBox.current?.focus());
      return;
    }
    setErrors([]);
    const token = await createToken(assignment, key.key.privateKey);
    setLink(assignmentLink(window.location.origin, token));
    requestAnimationFrame(() => linkBox.current?.focus());
  };

  const byLesson = new Map<string, ChallengeOption[]>();
  for (const c of challenges)
    byLesson.set(c.lessonTitle, [...(byLesson.get(c.lessonTitle) ?? []), c]);

  return (
    <div className="sy-teach">
      <AssignmentKeyPanel state={key} onChange={setKey} />
      <form
        className="sy-teach-panel"
        aria-labelledby="sy-build-title"
        onSubmit={(e) => {
          e.preventDefault();
          void build();
        }}
        noValidate
      >
        <h2 id="sy-build-title">The assignment</h2>
        <p className="sy-teach-field">
          <label htmlFor="sy-a-title">Title</label>
          <input
            id="sy-a-title"
            value={title}
            maxLength={200}
            onChange={(e) => setTitle(e.currentTarget.value)}
            required
          />
        </p>
        <p className="sy-teach-field">
          <label htmlFor="sy-a-due">Due date (optional)</label>
          <input
            id="sy-a-due"
            type="date"
            value={due}
            onChange={(e) => setDue(e.currentTarget.value)}
          />
        </p>
        <p className="sy-teach-field">
          <label htmlFor="sy-a-seed">Seed (optional)</label>
          <input
            id="sy-a-seed"
            inputMode="numeric"
            value={seed}
            onChange={(e) => setSeed(e.currentTarget.value)}
            aria-describedby="sy-a-seed-help"
            size={12}
          />
          <span id="sy-a-seed-help" className="sy-teach-help">
            Every learner gets the same instance ids and random delays. Empty: each challenge keeps
            its own seed.
          </span>
        </p>
        <fieldset className="sy-teach-group">
          <legend>Challenges</legend>
          {[...byLesson].map(([lessonTitle, options]) => (
            <div key={lessonTitle} className="sy-teach-lesson">
              <h3>{lessonTitle}</h3>
              <ul className="sy-teach-choices">
                {options.map((option) => {
                  const on = Object.hasOwn(picked, option.id);
                  const faults = picked[option.id] ?? [];
                  const firstKind = FAULT_KINDS.find(
                    (k) => faultTargets(option, k.type).length > 0,
                  );
                  return (
                    <li key={option.id}>
                      <label>
                        <input
                          type="checkbox"
                          checked={on}
                          onChange={(e) => toggleChallenge(option.id, e.currentTarget.checked)}
                        />{' '}
                        {option.title}{' '}
                        <span className="sy-teach-help">
                          ({option.duration / 60} min of sim time)
                        </span>
                      </label>
                      {on ? (
                        <div className="sy-teach-faults">
                          {faults.map((f, i) => (
                            <FaultRow
                              key={i}
                              option={option}
                              fault={f}
                              index={i}
                              onChange={(next) =>
                                setFaults(
                                  option.id,
                                  faults.map((x, j) => (j === i ? next : x)),
                                )
                              }
                              onRemove={() =>
                                setFaults(
                                  option.id,
                                  faults.filter((_, j) => j !== i),
                                )
                              }
                            />
                          ))}
                          {firstKind && faults.length < 20 ? (
                            <button
                              type="button"
                              onClick={() =>
                                setFaults(option.id, [
                                  ...faults,
                                  {
                                    kind: firstKind.type,
                                    target: faultTargets(option, firstKind.type)[0] ?? '',
                                    minute: '5',
                                    rps: '500',
                                  },
                                ])
                              }
                            >
                              Schedule a fault in “{option.title}”
                            </button>
                          ) : null}
                        </div>
                      ) : null}
                    </li>
                  );
                })}
              </ul>
            </div>
          ))}
        </fieldset>
        <fieldset className="sy-teach-group">
          <legend>Quizzes</legend>
          <ul className="sy-teach-choices">
            {quizzes.map((q) => (
              <li key={q.id}>
                <label>
                  <input
                    type="checkbox"
                    checked={pickedQuizzes.includes(q.id)}
                    onChange={(e) => {
                      const on = e.currentTarget.checked;
                      setPickedQuizzes((p) => (on ? [...p, q.id] : p.filter((x) => x !== q.id)));
                    }}
                  />{' '}
                  {q.title} <span className="sy-teach-help">({q.questions} questions)</span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
        <div
          ref={errorBox}
          tabIndex={-1}
          className={errors.length ? 'sy-teach-alert' : undefined}
          role={errors.length ? 'alert' : undefined}
        >
          {errors.length ? (
            <>
              <strong>The assignment was not made:</strong>
              <ul>
                {errors.map((e) => (
                  <li key={e}>{e}</li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
        <div className="sy-teach-buttons">
          <button type="submit" className="sy-primary">
            Sign and make the link
          </button>
        </div>
      </form>
      {link ? (
        <section className="sy-teach-panel sy-teach-result" aria-labelledby="sy-link-title">
          <h2 id="sy-link-title">The link to hand out</h2>
          <p>
            Send this link to your learners. It holds the whole assignment, signed; nothing is
            stored on a server. Keep it too: the gradebook reads results with the key in this
            browser.
          </p>
          <label htmlFor="sy-a-link">Assignment link</label>
          <textarea
            id="sy-a-link"
            ref={linkBox}
            readOnly
            rows={4}
            value={link}
            onFocus={(e) => e.currentTarget.select()}
          />
          <div className="sy-teach-buttons">
            <button
              type="button"
              className="sy-primary"
              onClick={() =>
                void copyText(link).then((ok) =>
                  setCopied(
                    ok
                      ? 'The link was copied.'
                      : 'Copying was refused by the browser: select the link and copy it.',
                  ),
                )
              }
            >
              Copy the link
            </button>
            <a href={link} target="_blank" rel="noopener">
              Open it as a learner (new tab)
            </a>
          </div>
          <p role="status" className="sy-teach-status">
            {copied}
          </p>
        </section>
      ) : null}
    </div>
  );
}
