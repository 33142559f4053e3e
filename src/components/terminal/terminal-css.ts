/**
 * The terminal's styles, adopted by the component's module when the panel first loads
 * (src/lib/adopted-styles.ts): Astro's build drops CSS imported only by lazily loaded chunks,
 * and this panel loads on demand.
 */
export const TERMINAL_CSS = `
.shipyard-terminal {
  display: grid; grid-template-columns: minmax(0, 1fr); gap: 0.5rem; min-width: 0; max-width: 100%;
  font-size: var(--sl-text-sm, 0.875rem);
  /* Its own surface, so text colours never depend on the panel around it. */
  background: var(--sl-color-bg); color: var(--sl-color-text);
  border: 1px solid var(--sl-color-gray-5); border-radius: 0.5rem; padding: 0.75rem;
}
.shipyard-terminal__title { margin: 0; font-size: var(--sl-text-base, 1rem); color: var(--sl-color-white); }
.shipyard-terminal__sub { font-weight: normal; color: var(--sl-color-gray-2); font-size: var(--sl-text-sm, 0.875rem); }
.shipyard-terminal__output {
  background: var(--sl-color-gray-6); color: var(--sl-color-white);
  border: 1px solid var(--sl-color-gray-5); border-radius: 0.375rem;
  padding: 0.5rem 0.75rem; max-height: 24rem; min-height: 8rem; overflow: auto;
}
.shipyard-terminal__output:focus-visible, .shipyard-terminal__input:focus-visible {
  outline: 2px solid var(--sl-color-accent); outline-offset: 2px;
}
.shipyard-terminal pre {
  margin: 0; padding: 0; background: transparent; border: 0; white-space: pre-wrap; word-break: break-word;
  font-family: var(--__sl-font-mono, ui-monospace, monospace); font-size: 0.8125rem; line-height: 1.45;
}
.shipyard-terminal pre.shipyard-terminal__stdout { white-space: pre; overflow-x: auto; }
.shipyard-terminal__entry + .shipyard-terminal__entry { margin-top: 0.5rem; }
.shipyard-terminal__cmd { color: var(--sl-color-accent-high); font-weight: 600; }
.shipyard-terminal__stderr { color: var(--sl-color-red-high, #b91c1c); }
.shipyard-terminal__stderr[data-exit='0'] { color: var(--sl-color-gray-2); }
.shipyard-terminal__label { font-weight: 700; }
.shipyard-terminal__form { display: flex; flex-wrap: wrap; align-items: center; gap: 0.25rem 0.5rem; }
.shipyard-terminal__prompt { font-family: var(--__sl-font-mono, ui-monospace, monospace); color: var(--sl-color-gray-2); overflow-wrap: anywhere; }
.shipyard-terminal__input {
  flex: 1 1 12rem; min-width: 0; font-family: var(--__sl-font-mono, ui-monospace, monospace); font-size: 0.875rem;
  padding: 0.4rem 0.5rem; color: var(--sl-color-white); background: var(--sl-color-bg);
  border: 1px solid var(--sl-color-gray-4); border-radius: 0.25rem;
}
.shipyard-terminal__hint { margin: 0; min-height: 1em; font-family: var(--__sl-font-mono, ui-monospace, monospace); color: var(--sl-color-gray-2); overflow-wrap: anywhere; }
.shipyard-terminal__hint:empty { display: none; }
.shipyard-terminal__muted { margin: 0; color: var(--sl-color-gray-2); }
.shipyard-terminal kbd, .shipyard-terminal code { font-size: 0.8125rem; }
.shipyard-terminal .sr-only { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
`;
