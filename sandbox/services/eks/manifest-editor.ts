/**
 * What the manifest editor takes from `kubectl apply`'s pure parser, as one module: the site
 * loads it with a single dynamic import (sandbox/index.ts `loadManifestParser`), so the YAML
 * parser and the manifest code travel in one lazily loaded chunk.
 */
export { parseManifests, applyVerb } from './manifest.ts';
export { parseYamlDocuments, MANIFEST_LIMITS } from './manifest-yaml.ts';
export { indexYamlDocuments } from './manifest-locate.ts';
