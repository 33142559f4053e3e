/**
 * Editor themes matching Starlight's light and dark palettes, and the site's current theme
 * (Starlight sets data-theme on <html>).
 */
import type * as Monaco from 'monaco-editor/editor';

export const LIGHT_THEME = 'shipyard-light';
export const DARK_THEME = 'shipyard-dark';

export function defineThemes(monaco: typeof Monaco): void {
  monaco.editor.defineTheme(LIGHT_THEME, {
    base: 'vs',
    inherit: true,
    rules: [
      { token: 'string.key.json', foreground: '5b21b6' },
      { token: 'string.value.json', foreground: '0f5f3a' },
      { token: 'number', foreground: '9a3412' },
      // YAML keys: vs's teal (#008080) falls under 4.5:1 on the current line's highlight.
      { token: 'type.yaml', foreground: '00676b' },
    ],
    colors: {
      'editor.background': '#ffffff',
      'editor.foreground': '#23262f',
      'editorLineNumber.foreground': '#6b6f7a',
      'editorLineNumber.activeForeground': '#23262f',
      'editor.lineHighlightBackground': '#f3f4f8',
      'editorCursor.foreground': '#4c2fbf',
      focusBorder: '#4c2fbf',
    },
  });
  monaco.editor.defineTheme(DARK_THEME, {
    base: 'vs-dark',
    inherit: true,
    rules: [
      { token: 'string.key.json', foreground: 'c4b5fd' },
      { token: 'string.value.json', foreground: '86efac' },
      { token: 'number', foreground: 'fdba74' },
    ],
    colors: {
      'editor.background': '#17181c',
      'editor.foreground': '#e6e7eb',
      'editorLineNumber.foreground': '#8b8f99',
      'editorLineNumber.activeForeground': '#e6e7eb',
      'editor.lineHighlightBackground': '#23252b',
      'editorCursor.foreground': '#c4b5fd',
      focusBorder: '#a78bfa',
    },
  });
}

export function siteTheme(): typeof LIGHT_THEME | typeof DARK_THEME {
  return document.documentElement.dataset['theme'] === 'light' ? LIGHT_THEME : DARK_THEME;
}

/** Calls back whenever Starlight's theme switcher changes data-theme; returns a disposer. */
export function onSiteThemeChange(callback: (theme: string) => void): () => void {
  const observer = new MutationObserver(() => callback(siteTheme()));
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  return () => observer.disconnect();
}
