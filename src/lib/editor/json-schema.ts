/** The JSON Schema subset Monaco's JSON worker and monaco-yaml read (with their VS Code extensions). */
export interface JSONSchema {
  $schema?: string;
  title?: string;
  type?: string | string[];
  description?: string;
  markdownDescription?: string;
  properties?: Record<string, JSONSchema>;
  additionalProperties?: boolean | JSONSchema;
  required?: string[];
  items?: JSONSchema;
  enum?: (string | number | boolean)[];
  enumDescriptions?: string[];
  const?: string | number | boolean;
  pattern?: string;
  patternErrorMessage?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  default?: unknown;
  examples?: unknown[];
  /** Valid but left out of completion. */
  doNotSuggest?: boolean;
  defaultSnippets?: { label?: string; description?: string; body: unknown }[];
}
