import type { CollectionTag, ScalarTag } from 'yaml';

/** CloudFormation short-form intrinsic functions that may appear in serverless.yml. */
const INTRINSICS = [
  'And',
  'Base64',
  'Cidr',
  'Condition',
  'Equals',
  'FindInMap',
  'GetAtt',
  'GetAZs',
  'If',
  'ImportValue',
  'Join',
  'Not',
  'Or',
  'Ref',
  'Select',
  'Split',
  'Sub',
  'Transform',
];

/**
 * YAML tags for CloudFormation's `!Ref`, `!GetAtt`, `!Sub`, ... in scalar, sequence and map form.
 * The local stack never evaluates them; they parse to `{ "Fn::Name": value }` so that reading
 * `serverless.yml` never fails or warns on them.
 */
export const cloudFormationTags: Array<ScalarTag | CollectionTag> = INTRINSICS.flatMap((name) => {
  const key = name === 'Ref' || name === 'Condition' ? name : `Fn::${name}`;
  const tag = `!${name}`;
  return [
    { tag, resolve: (value: string) => ({ [key]: value }) } satisfies ScalarTag,
    { tag, collection: 'seq', resolve: (value) => value } satisfies CollectionTag,
    { tag, collection: 'map', resolve: (value) => value } satisfies CollectionTag,
  ];
});
