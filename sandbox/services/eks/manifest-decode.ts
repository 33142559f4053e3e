/**
 * Strict decoding of one manifest against the field tables (manifest-fields.ts), as the API
 * server does with `fieldValidation=Strict` (kubectl's default since 1.27): the first type
 * error aborts with the Go decoder's wording; otherwise every unknown field is listed.
 * Fields the sandbox does not simulate are collected so the answer can say so.
 */
import type { Field, FieldType } from './manifest-fields.ts';
import { QUANTITY_ERROR, parseQuantity } from './quantity.ts';

export interface DecodeOutcome {
  /** `json: cannot unmarshal …` or the quantity error; decoding stopped there. */
  typeError: string | null;
  /** JSON paths with indices, in document order: `spec.template.spec.containers[0].imagePullPolice`. */
  unknown: string[];
  /** Present fields the sandbox accepts without simulating, deduplicated ignoring indices. */
  ignored: string[];
}

const jsonKind = (v: unknown): string =>
  v === null
    ? 'null'
    : Array.isArray(v)
      ? 'array'
      : typeof v === 'object'
        ? 'object'
        : typeof v === 'number'
          ? `number ${String(v)}`
          : typeof v === 'boolean'
            ? 'bool'
            : 'string';

const goType = (t: FieldType): string => {
  switch (t.k) {
    case 'int':
      return t.go;
    case 'str':
      return 'string';
    case 'bool':
      return 'bool';
    case 'intstr':
      return 'intstr.IntOrString';
    case 'quantity':
      return 'resource.Quantity';
    case 'strmap':
      return 'map[string]string';
    case 'obj':
      return `v1.${t.go}`;
    case 'list':
    case 'map':
      return t.go;
    case 'any':
      return 'interface {}';
  }
};

export function decode(value: unknown, shape: FieldType): DecodeOutcome {
  const out: DecodeOutcome = { typeError: null, unknown: [], ignored: [] };
  const seenIgnored = new Set<string>();
  /** `struct` is the Go struct that holds the field, for type errors. */
  const walk = (v: unknown, t: Field, path: string, goPath: string, struct: string): void => {
    if (out.typeError !== null || v === null || v === undefined) return;
    if (t.ignored) {
      const key = path.replace(/\[\d+\]/g, '[]');
      if (!seenIgnored.has(key)) {
        seenIgnored.add(key);
        out.ignored.push(path);
      }
    }
    const mismatch = () => {
      out.typeError = `json: cannot unmarshal ${jsonKind(v).split(' ')[0]} into Go struct field ${struct}.${goPath} of type ${goType(t)}`;
    };
    switch (t.k) {
      case 'any':
        return;
      case 'int':
        if (typeof v !== 'number') {
          out.typeError = `json: cannot unmarshal ${jsonKind(v).split(' ')[0]} into Go struct field ${struct}.${goPath} of type ${t.go}`;
        } else if (
          !Number.isInteger(v) ||
          Math.abs(v) > (t.go === 'int32' ? 2 ** 31 - 1 : 2 ** 53)
        ) {
          out.typeError = `json: cannot unmarshal number ${String(v)} into Go struct field ${struct}.${goPath} of type ${t.go}`;
        }
        return;
      case 'str':
        if (typeof v !== 'string') mismatch();
        return;
      case 'bool':
        if (typeof v !== 'boolean') mismatch();
        return;
      case 'intstr':
        if (typeof v === 'number' && !Number.isInteger(v))
          out.typeError = `json: cannot unmarshal number ${String(v)} into Go value of type int32`;
        else if (typeof v !== 'number' && typeof v !== 'string') mismatch();
        return;
      case 'quantity':
        if ((typeof v !== 'string' && typeof v !== 'number') || parseQuantity(v) === null)
          out.typeError = QUANTITY_ERROR;
        return;
      case 'strmap':
        if (typeof v !== 'object' || Array.isArray(v)) return mismatch();
        for (const item of Object.values(v)) {
          if (item !== null && typeof item !== 'string') {
            out.typeError = `json: cannot unmarshal ${jsonKind(item).split(' ')[0]} into Go struct field ${struct}.${goPath} of type string`;
            return;
          }
        }
        return;
      case 'map':
        if (typeof v !== 'object' || Array.isArray(v)) return mismatch();
        for (const [key, item] of Object.entries(v))
          walk(item, t.of, `${path}.${key}`, goPath, struct);
        return;
      case 'list':
        if (!Array.isArray(v)) return mismatch();
        v.forEach((item, i) => walk(item, t.of, `${path}[${i}]`, goPath, struct));
        return;
      case 'obj': {
        if (typeof v !== 'object' || Array.isArray(v)) return mismatch();
        for (const [key, item] of Object.entries(v)) {
          const child = Object.hasOwn(t.fields, key) ? t.fields[key] : undefined;
          const childPath = path ? `${path}.${key}` : key;
          if (!child) {
            out.unknown.push(childPath);
            continue;
          }
          walk(item, child, childPath, goPath ? `${goPath}.${key}` : key, t.go);
          if (out.typeError !== null) return;
        }
        return;
      }
    }
  };
  walk(value, shape, '', '', shape.k === 'obj' ? shape.go : '');
  return out;
}
