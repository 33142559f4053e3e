/**
 * The editor panel's styles, adopted by the component's module when the panel first loads
 * (src/lib/adopted-styles.ts; Astro's build drops CSS imported only by lazily loaded chunks).
 * Monaco's own styles come through src/lib/editor/monaco-styles-plugin.mjs.
 */
export const EDITOR_CSS = `
.shipyard-editor {
  display: grid; grid-template-columns: minmax(0, 1fr); gap: 0.5rem; min-width: 0; max-width: 100%;
  font-size: var(--sl-text-sm, 0.875rem);
  /* Its own surface, so text colours never depend on the panel around it. */
  background: var(--sl-color-bg); color: var(--sl-color-text);
  border: 1px solid var(--sl-color-gray-5); border-radius: 0.5rem; padding: 0.75rem;
}
.shipyard-editor__title { margin: 0; font-size: var(--sl-text-base, 1rem); color: var(--sl-color-white); }
.shipyard-editor h4 { margin: 0; font-size: var(--sl-text-sm, 0.875rem); color: var(--sl-color-white); }
.shipyard-editor__bar { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; }
.shipyard-editor__bar select { max-width: 100%; min-width: 0; flex: 1 1 10rem; padding: 0.3rem; color: var(--sl-color-white); background: var(--sl-color-bg); border: 1px solid var(--sl-color-gray-4); border-radius: 0.25rem; }
.shipyard-editor__host { height: 22rem; width: 100%; min-width: 0; border: 1px solid var(--sl-color-gray-5); border-radius: 0.375rem; overflow: hidden; }
.shipyard-editor__host[data-state='loading'] { display: grid; place-items: center; }
.shipyard-editor__actions { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; }
.shipyard-editor button { font: inherit; cursor: pointer; padding: 0.35rem 0.75rem; border-radius: 0.25rem; border: 1px solid var(--sl-color-gray-4); background: var(--sl-color-bg); color: var(--sl-color-white); }
.shipyard-editor button.shipyard-editor__apply { background: var(--sl-color-accent-high); border-color: var(--sl-color-accent-high); color: var(--sl-color-black); font-weight: 600; }
:root[data-theme='light'] .shipyard-editor button.shipyard-editor__apply { background: var(--sl-color-accent); border-color: var(--sl-color-accent); color: #fff; }
.shipyard-editor button:disabled { opacity: 0.6; cursor: not-allowed; }
.shipyard-editor button:focus-visible, .shipyard-editor select:focus-visible { outline: 2px solid var(--sl-color-accent); outline-offset: 2px; }
.shipyard-editor__status { margin: 0; min-height: 1.25em; }
.shipyard-editor__pending { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; padding: 0.5rem; border: 1px solid var(--sl-color-gray-5); border-left: 4px solid var(--sl-color-orange-high, #b45309); border-radius: 0.375rem; }
.shipyard-editor__pending p { margin: 0; flex: 1 1 16rem; }
.shipyard-editor__status[data-ok='false'] .shipyard-editor__badge { color: var(--sl-color-red-high, #b91c1c); font-weight: 700; }
.shipyard-editor__status[data-ok='true'] .shipyard-editor__badge { color: var(--sl-color-green-high, #166534); font-weight: 700; }
.shipyard-editor__problems ul { list-style: none; margin: 0.25rem 0 0; padding: 0; display: grid; gap: 0.25rem; }
.shipyard-editor button.shipyard-editor__problem { text-align: left; width: 100%; border-color: var(--sl-color-gray-5); }
.shipyard-editor__where { font-weight: 600; }
.shipyard-editor__muted { margin: 0; color: var(--sl-color-gray-2); }
.shipyard-editor__bar label { color: var(--sl-color-white); font-weight: 600; }
.shipyard-editor__count { font-weight: normal; color: var(--sl-color-gray-2); }
.shipyard-editor kbd { font-size: 0.8em; }
.shipyard-editor__output { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.15rem; }
.shipyard-editor__output code { white-space: pre-wrap; overflow-wrap: anywhere; font-size: 0.85em; background: none; }
.shipyard-editor__output [data-status='applied'] .shipyard-editor__badge { color: var(--sl-color-green-high, #166534); font-weight: 700; }
.shipyard-editor__output [data-status='refused'] .shipyard-editor__badge { color: var(--sl-color-red-high, #b91c1c); font-weight: 700; }
.shipyard-editor__sr { position: absolute; width: 1px; height: 1px; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;
