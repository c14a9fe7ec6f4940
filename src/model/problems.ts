/** A problem found in a scenario file: where it is and what is wrong, in words. */
export interface Problem {
  file: string;
  /** path inside the file, e.g. `levers[2].default` */
  path: string;
  message: string;
  line?: number;
  column?: number;
}

export type PathPart = string | number;

export function formatPath(parts: readonly PathPart[]): string {
  let out = '';
  for (const p of parts) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out === '' ? p : `.${p}`;
  }
  return out || '(top level)';
}

export function formatProblem(p: Problem): string {
  const where = p.line !== undefined ? `${p.file}:${p.line}:${p.column ?? 1}` : p.file;
  return `${where}  ${p.path}: ${p.message}`;
}

/** Thrown when a scenario cannot be used; carries every problem found, not just the first. */
export class ScenarioError extends Error {
  constructor(readonly problems: readonly Problem[]) {
    super(
      `${problems.length} problem${problems.length === 1 ? '' : 's'} in ${problems[0]?.file ?? 'scenario'}:\n` +
        problems.map((p) => `  ${formatProblem(p)}`).join('\n'),
    );
    this.name = 'ScenarioError';
  }
}
