/**
 * Output in the real CLIs' shapes: the AWS CLI's json / table / text styles, Docker's
 * columns and durations, and ISO timestamps derived from the simulated clock.
 */
import type { OutputFormat } from './types.ts';

/** Sim time 0 is this instant (a fixed date keeps outputs deterministic). */
const EPOCH_LABEL = { year: 2026, month: 1, day: 5 };

/** ISO-8601 like the AWS CLI prints (`2026-01-05T09:00:12+00:00`), from simulated seconds. */
export function isoTime(simSeconds: number): string {
  const total = Math.max(0, Math.floor(simSeconds)) + 9 * 3600;
  const day = EPOCH_LABEL.day + Math.floor(total / 86400);
  const rem = total % 86400;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${EPOCH_LABEL.year}-${pad(EPOCH_LABEL.month)}-${pad(day)}T${pad(Math.floor(rem / 3600))}:${pad(
    Math.floor((rem % 3600) / 60),
  )}:${pad(rem % 60)}+00:00`;
}

export function formatAws(value: unknown, format: OutputFormat, title: string): string {
  if (format === 'json') return JSON.stringify(value, null, 4);
  if (format === 'text') return textLines(value, null).join('\n');
  return awsTable(value, title);
}

// ---- text -------------------------------------------------------------------------------

function isScalar(v: unknown): v is string | number | boolean | null {
  return v === null || typeof v !== 'object';
}

function scalarText(v: unknown): string {
  if (v === null || v === undefined) return 'None';
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  return String(v);
}

function textLines(value: unknown, identifier: string | null): string[] {
  if (isScalar(value)) return [scalarText(value)];
  if (Array.isArray(value)) {
    if (value.every(isScalar)) {
      return [[...(identifier ? [identifier] : []), ...value.map(scalarText)].join('\t')];
    }
    return value.flatMap((item) => textLines(item, identifier));
  }
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj).sort();
  const scalars = keys.filter((k) => isScalar(obj[k]));
  const lines: string[] = [];
  if (scalars.length > 0) {
    lines.push(
      [...(identifier ? [identifier] : []), ...scalars.map((k) => scalarText(obj[k]))].join('\t'),
    );
  }
  for (const k of keys) {
    if (!isScalar(obj[k])) lines.push(...textLines(obj[k], k.toUpperCase()));
  }
  return lines;
}

// ---- table (the AWS CLI's nested boxes) ---------------------------------------------------

interface Section {
  title: string;
  headers: string[];
  rows: string[][];
  children: Section[];
}

function buildSections(title: string, value: unknown): Section {
  const section: Section = { title, headers: [], rows: [], children: [] };
  const items = Array.isArray(value) ? value : [value];
  if (items.every(isScalar)) {
    section.rows = items.map((v) => [scalarText(v)]);
    return section;
  }
  // A list of lists (`--query 'Reservations[].Instances[].[InstanceId, State.Name]'`): one row each.
  if (items.every((v) => Array.isArray(v) && v.every(isScalar))) {
    section.rows = (items as unknown[][]).map((v) => v.map(scalarText));
    return section;
  }
  const objects = items.filter(
    (v): v is Record<string, unknown> => !isScalar(v) && !Array.isArray(v),
  );
  const headerSet = new Set<string>();
  for (const o of objects)
    for (const [k, v] of Object.entries(o)) if (isScalar(v)) headerSet.add(k);
  section.headers = [...headerSet].sort();
  // Many fields: one key/value row each, so the table stays readable in a narrow terminal.
  const keyValue = section.headers.length > 5;
  const keys = section.headers;
  if (keyValue) section.headers = [];
  for (const o of objects) {
    if (keyValue) {
      for (const k of keys) if (k in o) section.rows.push([k, scalarText(o[k])]);
    } else if (section.headers.length > 0)
      section.rows.push(section.headers.map((h) => (h in o ? scalarText(o[h]) : '')));
    for (const k of Object.keys(o).sort()) {
      const v = o[k];
      if (!isScalar(v) && !(Array.isArray(v) && v.length === 0))
        section.children.push(buildSections(k, v));
    }
  }
  return section;
}

function renderSection(section: Section, width: number): string[] {
  const inner = width - 2;
  const lines: string[] = [];
  const center = (text: string) => {
    const left = Math.floor((inner - text.length) / 2);
    return (
      '|' +
      ' '.repeat(Math.max(0, left)) +
      text +
      ' '.repeat(Math.max(0, inner - left - text.length)) +
      '|'
    );
  };
  lines.push(center(section.title));
  if (section.rows.length > 0) {
    const cols = Math.max(1, section.headers.length, ...section.rows.map((r) => r.length));
    const natural = Array.from(
      { length: cols },
      (_, c) =>
        Math.max(
          (section.headers[c] ?? '').length,
          ...section.rows.map((r) => (r[c] ?? '').length),
        ) + 4,
    );
    const sum = natural.reduce((a, b) => a + b, 0) + (cols - 1);
    const widths = [...natural];
    widths[cols - 1] = (widths[cols - 1] ?? 0) + Math.max(0, inner - sum);
    const rule = '+' + widths.map((w) => '-'.repeat(w)).join('+') + '+';
    const row = (cells: string[]) =>
      '|' + widths.map((w, c) => ('  ' + (cells[c] ?? '')).padEnd(w)).join('|') + '|';
    lines.push(rule);
    if (section.headers.length > 0) {
      lines.push(row(section.headers));
      lines.push(rule);
    }
    for (const r of section.rows) lines.push(row(r));
    lines.push(rule);
  } else {
    lines.push('+' + '-'.repeat(inner) + '+');
  }
  for (const child of section.children) {
    for (const l of renderSection(child, width - 2)) lines.push('|' + l + '|');
  }
  return lines;
}

function sectionWidth(section: Section, depth: number): number {
  const cols = Math.max(1, section.headers.length, ...section.rows.map((r) => r.length));
  const natural =
    section.rows.length === 0
      ? 0
      : Array.from(
          { length: cols },
          (_, c) =>
            Math.max(
              (section.headers[c] ?? '').length,
              ...section.rows.map((r) => (r[c] ?? '').length),
            ) + 4,
        ).reduce((a, b) => a + b, 0) +
        cols +
        1;
  const own = Math.max(natural, section.title.length + 4) + depth * 2;
  return Math.max(own, ...section.children.map((c) => sectionWidth(c, depth + 1)));
}

function awsTable(value: unknown, title: string): string {
  const root = buildSections(title, value);
  const width = sectionWidth(root, 0);
  return ['-'.repeat(width), ...renderSection(root, width)].join('\n');
}

// ---- Docker -------------------------------------------------------------------------------

/** Docker's human durations (`go-units.HumanDuration`). */
export function humanDuration(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  if (s < 1) return 'Less than a second';
  if (s === 1) return '1 second';
  if (s < 60) return `${s} seconds`;
  const m = Math.floor(s / 60);
  if (m === 1) return 'About a minute';
  if (m < 60) return `${m} minutes`;
  const h = Math.round(s / 3600);
  if (h === 1) return 'About an hour';
  if (h < 48) return `${h} hours`;
  return `${Math.floor(h / 24)} days`;
}

/** Left-aligned columns separated by three spaces, as `docker ps` prints them. */
export function columns(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, c) => (c === cells.length - 1 ? cell : cell.padEnd((widths[c] ?? 0) + 3)))
      .join('')
      .trimEnd();
  return [line(headers), ...rows.map(line)].join('\n');
}
