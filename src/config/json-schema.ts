import { z } from 'zod';
import { configSchema } from './schema.js';

/** The JSON Schema of faultline.yaml, generated from the zod schema so the two cannot drift. */
export function configJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(configSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return {
    ...generated,
    $id: 'https://faultline.dev/schema/faultline.schema.json',
    title: 'faultline configuration (faultline.yaml)',
    description: 'Spec, target, credentials (roles with scopes), dependencies for fault injection, and the audit budget. Strings may use ${VAR} and ${VAR:-default}.',
  };
}
