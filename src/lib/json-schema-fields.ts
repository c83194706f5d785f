/**
 * The fields of a zod object as a reader sees them: name (dotted for nested objects), type,
 * whether required, and what it means (the schema's own descriptions), read from the JSON Schema
 * zod generates. The open-data codebook and the field tables of docs/content-model.md use it.
 */
import { z } from 'zod';

export interface JsonSchemaNode {
  type?: string | string[];
  description?: string;
  properties?: Record<string, JsonSchemaNode>;
  required?: string[];
  items?: JsonSchemaNode;
  anyOf?: JsonSchemaNode[];
  enum?: unknown[];
  const?: unknown;
}

export interface FieldRow {
  name: string;
  type: string;
  required: boolean;
  description: string;
}

/** A short type name: `string`, `string[]`, `"a" | "b"`, `{ start, end }`. */
export function describeType(node: JsonSchemaNode): string {
  if (node.anyOf) return node.anyOf.map(describeType).join(' | ');
  if (node.enum) return node.enum.map((value) => JSON.stringify(value)).join(' | ');
  if (node.const !== undefined) return JSON.stringify(node.const);
  if (node.type === 'array') {
    const item = node.items ? describeType(node.items) : 'any';
    return item.includes(' | ') ? `(${item})[]` : `${item}[]`;
  }
  if (node.type === 'object' && node.properties) return `{ ${Object.keys(node.properties).join(', ')} }`;
  return Array.isArray(node.type) ? node.type.join(' | ') : (node.type ?? 'any');
}

/** The JSON Schema of what a zod schema accepts as input (the form editors write files in). */
export function jsonSchemaOf(schema: z.ZodType): JsonSchemaNode {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchemaNode;
}

/**
 * One row per field of an object node; fields that are objects themselves also get a row per
 * sub-field (`period.start`), and lists of objects a row per item field (`links[].url`).
 */
export function fieldRows(node: JsonSchemaNode, prefix = ''): FieldRow[] {
  return Object.entries(node.properties ?? {}).flatMap(([field, child]) => {
    const name = `${prefix}${field}`;
    const row: FieldRow = {
      name,
      type: describeType(child),
      required: (node.required ?? []).includes(field),
      description: child.description ?? child.items?.description ?? '',
    };
    const nested = child.type === 'object' && child.properties ? child : child.type === 'array' && child.items?.properties ? child.items : undefined;
    return nested ? [row, ...fieldRows(nested, child.type === 'array' ? `${name}[].` : `${name}.`)] : [row];
  });
}
