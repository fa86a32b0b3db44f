import type { ZipEntry } from './read-zip-entries';

/** What one function's deployment package holds. */
export interface BundleContents {
  /** Bytes of every file but source maps: what Lambda loads and runs. */
  codeBytes: number;
  /** npm packages bundled in (`@scope/name` or `name`), read from the source maps' `sources`. */
  packages: Set<string>;
  /** Repository folders bundled in (`packages/<name>` or `apps/<name>`). */
  workspaces: Set<string>;
  /** The npm packages of each JavaScript file, by its name in the zip (read from its map). */
  packagesByFile: Map<string, Set<string>>;
  /** The repository files (`packages/…`, `apps/…`) of each JavaScript file, read from its map. */
  sourcesByFile: Map<string, Set<string>>;
  /** Names of the files that are not source maps. */
  codeFiles: string[];
}

const NODE_MODULE = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)\//;
const WORKSPACE = /(?:^|\/)((?:packages|apps)\/[^/]+)\/src\//;

/**
 * Reads a Lambda zip built by `serverless package`: the size of its code and, from the source
 * map esbuild writes next to each bundle (file names only, no sources), which npm packages and
 * workspace folders went into it. A minified bundle no longer names its modules; its map does.
 */
export function readBundleContents(entries: readonly ZipEntry[]): BundleContents {
  const packages = new Set<string>();
  const workspaces = new Set<string>();
  const packagesByFile = new Map<string, Set<string>>();
  const sourcesByFile = new Map<string, Set<string>>();
  const codeFiles: string[] = [];
  let codeBytes = 0;
  for (const entry of entries) {
    if (!entry.name.endsWith('.map')) {
      codeBytes += entry.data.length;
      codeFiles.push(entry.name);
      continue;
    }
    const own = new Set<string>();
    const ownSources = new Set<string>();
    packagesByFile.set(entry.name.slice(0, -'.map'.length), own);
    sourcesByFile.set(entry.name.slice(0, -'.map'.length), ownSources);
    const map = JSON.parse(entry.data.toString('utf8')) as { sources?: unknown };
    for (const source of Array.isArray(map.sources) ? map.sources : []) {
      const file = String(source);
      const dependency = NODE_MODULE.exec(file.slice(file.lastIndexOf('node_modules/')));
      if (dependency?.[1]) {
        packages.add(dependency[1]);
        own.add(dependency[1]);
      } else {
        const workspace = WORKSPACE.exec(file);
        if (workspace?.[1]) {
          workspaces.add(workspace[1]);
          ownSources.add(file.slice(file.indexOf(workspace[1])));
        }
      }
    }
  }
  return { codeBytes, packages, workspaces, packagesByFile, sourcesByFile, codeFiles };
}
