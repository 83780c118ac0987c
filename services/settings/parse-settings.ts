import { z } from 'zod';
import { DEFAULT_SETTINGS, settingsSchema, type Settings } from './settings-schema';

export interface ParsedSettings {
  settings: Settings;
  /** One line per stored value that was invalid and replaced by its default, e.g. "provider.baseUrl: must be an http(s) URL". */
  warnings: string[];
}

/**
 * Reads a stored settings value field by field: every valid field is kept, every invalid or missing
 * one falls back to its default and, when it was present but wrong, is reported. Never throws.
 */
export function parseSettings(stored: unknown): ParsedSettings {
  const warnings: string[] = [];
  if (stored === undefined || stored === null) return { settings: structuredClone(DEFAULT_SETTINGS), warnings };
  const settings = salvageObject(settingsSchema, stored, DEFAULT_SETTINGS, '', warnings) as Settings;
  return { settings, warnings };
}

function salvageObject(
  schema: z.ZodObject,
  value: unknown,
  fallback: Record<string, unknown>,
  path: string,
  warnings: string[],
): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    warnings.push(`${path || 'settings'}: expected an object`);
    return structuredClone(fallback);
  }
  const record = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, fieldSchema] of Object.entries(schema.shape)) {
    const fieldPath = path ? `${path}.${key}` : key;
    const fieldValue = record[key];
    const fieldFallback = fallback[key];
    if (fieldValue === undefined) {
      out[key] = structuredClone(fieldFallback);
    } else if (fieldSchema instanceof z.ZodObject) {
      out[key] = salvageObject(fieldSchema, fieldValue, fieldFallback as Record<string, unknown>, fieldPath, warnings);
    } else {
      const result = (fieldSchema as z.ZodType).safeParse(fieldValue);
      if (result.success) out[key] = result.data;
      else {
        warnings.push(`${fieldPath}: ${result.error.issues[0]?.message ?? 'invalid value'}`);
        out[key] = structuredClone(fieldFallback);
      }
    }
  }
  return out;
}
