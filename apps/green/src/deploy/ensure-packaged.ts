import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import {
  cloudFormationTemplateSchema,
  type CloudFormationTemplate,
} from './cloudformation-template';

/** The repository root (where serverless.yml lives). */
export const REPO_ROOT = path.resolve(__dirname, '../../../..');

/** Where `serverless package` writes its output. */
export const PACKAGE_DIR = path.join(REPO_ROOT, '.serverless');

const TEMPLATE = path.join(PACKAGE_DIR, 'cloudformation-template-update-stack.json');

/**
 * Returns the packaged CloudFormation template, running `npx serverless package --stage prod`
 * first when `.serverless/` has no template or one older than serverless.yml (CI packages in
 * an earlier step, so tests normally only read it). Packaging works offline.
 */
export function ensurePackaged(): CloudFormationTemplate {
  const stale =
    !existsSync(TEMPLATE) ||
    statSync(TEMPLATE).mtimeMs < statSync(path.join(REPO_ROOT, 'serverless.yml')).mtimeMs;
  if (stale) {
    const result = spawnSync('npx', ['serverless', 'package', '--stage', 'prod'], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      timeout: 600_000,
    });
    if (result.status !== 0) {
      throw new Error(`serverless package failed:\n${result.stdout}\n${result.stderr}`);
    }
  }
  return cloudFormationTemplateSchema.parse(JSON.parse(readFileSync(TEMPLATE, 'utf8')));
}
