/**
 * Reads a lesson page the way a learner copies from it: the shell code blocks' commands, the
 * files the page shows (a `title="…"` code block, a `cat > file <<'EOF'` heredoc) and the
 * sandboxes it embeds.
 *
 * A command the sandbox terminal cannot run is marked in the lesson, visibly, by a comment line
 * directly above it (or at the top of its code block, for the whole block):
 *
 *   # Real AWS account only: the sandbox terminal has no elbv2.
 *   aws elbv2 describe-target-health --target-group-arn …
 */

/** The programs whose commands must run in the sandbox terminal. */
export const SANDBOX_PROGRAMS = ['aws', 'docker', 'kubectl', 'eksctl', 'helm'] as const;

export const REAL_ACCOUNT_MARKER = /^#\s*Real AWS account only\b/i;

const SHELL_LANGUAGES = new Set(['bash', 'sh', 'shell', 'console', 'zsh']);

export interface LessonCommand {
  /** 1-based line in the .mdx where the command starts. */
  line: number;
  /** The command as the terminal receives it: continuation lines joined. */
  command: string;
  /** Marked in the lesson as needing a real AWS account. */
  realAccountOnly: boolean;
  /** Index of its code block on the page: a block's commands run in order, in one world. */
  block: number;
  /**
   * The sandbox the command belongs to: the first one after it in its `##` section, or else the
   * last one before it on the page (a section that sends the learner back to the sandbox above).
   */
  sandbox: string | null;
}

export interface LessonPage {
  commands: LessonCommand[];
  /** Files the page shows, by name: what `file://name` reads. */
  files: Record<string, string>;
  /** The `<Sandbox scenario="…">` ids, in page order. */
  scenarios: string[];
}

interface CodeBlock {
  lang: string;
  meta: string;
  /** Line of the first body line. */
  start: number;
  body: string[];
}

function codeBlocks(text: string): CodeBlock[] {
  const lines = text.split(/\r?\n/);
  const blocks: CodeBlock[] = [];
  let open: CodeBlock | null = null;
  let fence = '';
  lines.forEach((raw, index) => {
    const trimmed = raw.trim();
    if (open === null) {
      const m = /^(`{3,}|~{3,})\s*([\w-]*)\s*(.*)$/.exec(trimmed);
      if (m) {
        fence = m[1] as string;
        open = {
          lang: (m[2] as string).toLowerCase(),
          meta: m[3] as string,
          start: index + 2,
          body: [],
        };
      }
      return;
    }
    if (trimmed.startsWith(fence) && trimmed.replace(/[`~]/g, '') === '') {
      blocks.push(open);
      open = null;
      return;
    }
    open.body.push(raw);
  });
  return blocks;
}

function isProgram(command: string, programs: readonly string[]): boolean {
  const program = command.trimStart().split(/\s+/, 1)[0] ?? '';
  return programs.includes(program);
}

interface PlacedSandbox {
  line: number;
  scenario: string;
  /** Line of the `##` heading that opens its section (0 before the first). */
  section: number;
}

function sandboxesOf(text: string): PlacedSandbox[] {
  const placed: PlacedSandbox[] = [];
  let section = 0;
  text.split(/\r?\n/).forEach((line, index) => {
    if (/^##\s/.test(line)) section = index + 1;
    const m = /<Sandbox\b[^>]*\bscenario="([^"]+)"/.exec(line);
    if (m) placed.push({ line: index + 1, scenario: m[1] as string, section });
  });
  return placed;
}

function sectionOf(text: string, line: number): number {
  let section = 0;
  text.split(/\r?\n/).forEach((l, index) => {
    if (index + 1 <= line && /^##\s/.test(l)) section = index + 1;
  });
  return section;
}

function sandboxFor(placed: PlacedSandbox[], section: number, line: number): string | null {
  const after = placed.find((p) => p.line > line && p.section === section);
  if (after) return after.scenario;
  const before = placed.filter((p) => p.line < line);
  return before[before.length - 1]?.scenario ?? null;
}

export function readLessonPage(
  text: string,
  programs: readonly string[] = SANDBOX_PROGRAMS,
): LessonPage {
  const placed = sandboxesOf(text);
  const commands: LessonCommand[] = [];
  const files: Record<string, string> = {};
  for (const [blockIndex, block] of codeBlocks(text).entries()) {
    const title = /\btitle="([^"]+)"/.exec(block.meta)?.[1];
    if (title !== undefined && !SHELL_LANGUAGES.has(block.lang)) {
      files[title] = block.body.join('\n') + '\n';
      continue;
    }
    if (!SHELL_LANGUAGES.has(block.lang)) continue;
    const blockMarked = REAL_ACCOUNT_MARKER.test((block.body[0] ?? '').trim());
    let markedNext = false;
    for (let i = 0; i < block.body.length; i++) {
      const line = (block.body[i] as string).trim();
      if (line === '') {
        markedNext = false;
        continue;
      }
      if (line.startsWith('#')) {
        if (REAL_ACCOUNT_MARKER.test(line)) markedNext = true;
        continue;
      }
      const heredoc = /^cat\s+>\s*(\S+)\s+<<-?\s*'?(\w+)'?\s*$/.exec(line);
      if (heredoc) {
        const body: string[] = [];
        i++;
        while (i < block.body.length && (block.body[i] as string).trim() !== heredoc[2]) {
          body.push(block.body[i] as string);
          i++;
        }
        files[heredoc[1] as string] = body.join('\n') + '\n';
        continue;
      }
      const startLine = block.start + i;
      let command = line;
      while (command.endsWith('\\') && i + 1 < block.body.length) {
        i++;
        command = `${command.slice(0, -1).trimEnd()} ${(block.body[i] as string).trim()}`;
      }
      if (!isProgram(command, programs)) continue;
      commands.push({
        line: startLine,
        command,
        realAccountOnly: blockMarked || markedNext,
        block: blockIndex,
        sandbox: sandboxFor(placed, sectionOf(text, startLine), startLine),
      });
      markedNext = false;
    }
  }
  return { commands, files, scenarios: placed.map((p) => p.scenario) };
}
