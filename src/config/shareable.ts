/**
 * Shareable configs, as ESLint resolves them: `extends` may name a package
 * installed in the course's `node_modules`, found from the folder of the
 * config that names it.
 *
 *   "pol101"                       → essaylint-config-pol101
 *   "essaylint-config-pol101"      → essaylint-config-pol101
 *   "@course"                      → @course/essaylint-config
 *   "@course/pol101"               → @course/essaylint-config-pol101
 *   "@course/essaylint-config-x"   → @course/essaylint-config-x
 *
 * The package's entry (`main` or `exports`) is a JSON or YAML config, or a
 * CommonJS module exporting one (`resolveConfig` is synchronous, so an ES
 * module cannot be loaded here). A package is code the course installed: it
 * is trusted as a `.essaylintrc.js` is.
 */

import {createRequire} from 'node:module'
import path from 'node:path'

const prefix = 'essaylint-config'

/** The package name an `extends` value stands for, or undefined when it is a path. */
export function packageNameOf(specifier: string): string | undefined {
  if (/^[./]/.test(specifier) || path.isAbsolute(specifier) || /\.(?:json|ya?ml|c?js)$/.test(specifier)) return undefined
  if (specifier.startsWith('@')) {
    const [scope, name] = specifier.split('/', 2)
    if (!name) return `${scope}/${prefix}`
    return name.startsWith(prefix) ? specifier : `${scope}/${prefix}-${name}`
  }
  return specifier.startsWith(prefix) ? specifier : `${prefix}-${specifier}`
}

/** The entry file of the package, resolved from the folder of `from`; undefined when it is not installed. */
export function resolvePackage(name: string, from: string): string | undefined {
  try {
    return createRequire(path.resolve(from)).resolve(name)
  } catch {
    return undefined
  }
}

/** Load a CommonJS shareable config (`module.exports = {...}`). */
export function requireConfig(file: string): unknown {
  const loaded = createRequire(file)(file) as {default?: unknown}
  return loaded && typeof loaded === 'object' && 'default' in loaded ? loaded.default : loaded
}
