/**
 * The registry panel's styles, adopted by the component's module when the panel first loads
 * (src/lib/adopted-styles.ts): Astro's build drops CSS imported only by lazily loaded chunks,
 * and this panel loads on demand.
 */
export const REGISTRY_CSS = `
.shipyard-registry { display: grid; gap: 0.5rem; min-width: 0; font-size: var(--sl-text-sm, 0.875rem); }
.shipyard-registry h3, .shipyard-registry h4 { margin: 0.25rem 0 0; }
.shipyard-registry h3 code { font-size: 0.85em; overflow-wrap: anywhere; }
.shipyard-registry p { margin: 0; }
.shipyard-registry__repo { border: 1px solid var(--sl-color-gray-5); border-radius: 0.5rem; padding: 0.5rem 0.75rem; min-width: 0; }
.shipyard-registry__facts { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: 0.15rem 0.75rem; margin: 0.35rem 0; }
.shipyard-registry__facts dt { color: var(--sl-color-gray-2); }
.shipyard-registry__facts dd { margin: 0; overflow-wrap: anywhere; }
.shipyard-registry__scroll { overflow-x: auto; max-width: 100%; }
.shipyard-registry__scroll:focus-visible { outline: 2px solid var(--sl-color-accent); outline-offset: 2px; }
.shipyard-registry__scroll td { white-space: nowrap; }
.shipyard-registry ul { margin: 0; padding-left: 1.1rem; }
.shipyard-registry li code { overflow-wrap: anywhere; }
`;
