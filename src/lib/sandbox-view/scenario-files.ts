/**
 * Finds a scenario's YAML among the files Vite globbed at build time, with an error that
 * names the missing id and lists the ones that exist.
 */

export type FileLookup =
  { ok: true; fileName: string; text: string } | { ok: false; message: string };

/** `/sandbox/scenarios/ecs-no-agent.yaml` → `ecs-no-agent`. */
export function scenarioIdFromPath(path: string): string {
  const base = path.slice(path.lastIndexOf('/') + 1);
  return base.replace(/\.ya?ml$/, '');
}

export function findScenarioFile(files: Record<string, string>, id: string): FileLookup {
  const byId = new Map(
    Object.entries(files).map(([path, text]) => [scenarioIdFromPath(path), { path, text }]),
  );
  const found = byId.get(id);
  if (found) return { ok: true, fileName: found.path.replace(/^\//, ''), text: found.text };
  const available = [...byId.keys()].sort();
  return {
    ok: false,
    message:
      `<Sandbox scenario="${id}">: there is no scenario "${id}" (expected sandbox/scenarios/${id}.yaml). ` +
      (available.length ? `Available: ${available.join(', ')}.` : 'No scenario files exist yet.'),
  };
}
