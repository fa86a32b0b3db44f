import * as z from 'zod';

/** One resource of a CloudFormation template. */
export const cloudFormationResourceSchema = z
  .object({ Type: z.string(), Properties: z.record(z.string(), z.unknown()).optional() })
  .loose();

/** A CloudFormation template as `serverless package` writes it. */
export const cloudFormationTemplateSchema = z
  .object({
    Resources: z.record(z.string(), cloudFormationResourceSchema),
    Outputs: z.record(z.string(), z.unknown()).optional(),
  })
  .loose();

/** A parsed CloudFormation template. */
export type CloudFormationTemplate = z.output<typeof cloudFormationTemplateSchema>;

/** A parsed CloudFormation resource. */
export type CloudFormationResource = z.output<typeof cloudFormationResourceSchema>;

/** Resources of one type, by logical id. */
export function resourcesOfType(
  template: CloudFormationTemplate,
  type: string,
): Array<[string, CloudFormationResource]> {
  return Object.entries(template.Resources).filter(([, resource]) => resource.Type === type);
}

/** Every string leaf of a JSON value with its path (`Resources.X.Properties.Y`). */
export function stringLeaves(value: unknown, path = ''): Array<{ path: string; value: string }> {
  if (typeof value === 'string') return [{ path, value }];
  if (Array.isArray(value))
    return value.flatMap((item, index) => stringLeaves(item, `${path}[${index}]`));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) =>
      stringLeaves(item, path === '' ? key : `${path}.${key}`),
    );
  }
  return [];
}
