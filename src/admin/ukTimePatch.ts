/**
 * Makes Payload's admin print every time in UK time, by patching its built code after
 * `npm install` (src/cli/patchDependencies.ts), and checks at start-up that the patch is in
 * place (src/server.ts): `npm ci --ignore-scripts`, usual in hardened builds, skips it.
 *
 * Payload formats the admin's timestamps (Last Modified, Created, the date columns of every
 * list, the versions list, the version being compared, "locked by … at …") with one small
 * function per bundle, in the zone of whichever browser is looking. A comms officer on a
 * laptop set to UTC would see publication times an hour out all summer. Payload has no
 * setting for it (its `timezone` option covers date fields only), so each of those functions
 * is given the zone Europe/London, the same rule Newsroom's own components follow
 * (src/fields/ukTime.ts); its locale stays Payload's, and `admin.dateFormat` names the zone.
 *
 * Each patch names how many copies of the code it expects in its file: if an upgrade of
 * @payloadcms/ui moves the code, or bundles a second copy of it, installing stops with the
 * file named, rather than the admin quietly showing the browser's time in some views.
 * Patching twice changes nothing.
 */
import fs from 'node:fs'
import path from 'node:path'

import { ConfigurationError } from '../config/env'
import { projectRoot } from '../config/paths'
import { UK_TIME_ZONE } from '../fields/ukTime'

/** The built code of the pinned @payloadcms/ui. */
export const PAYLOAD_UI_DIST = path.join(projectRoot, 'node_modules/@payloadcms/ui/dist')

/** How a person puts the patch in place (package.json's postinstall). */
export const PATCH_COMMAND = 'npm run postinstall'

type Patch = {
  /** The bundle, relative to @payloadcms/ui/dist. */
  file: string
  /** How many copies of the code the bundle holds: each must be patched. */
  copies: number
  /** Payload's code as shipped (global), and what it becomes. */
  find: RegExp
  replace: string
  /** The code once patched (global). */
  done: RegExp
}

const zone = JSON.stringify(UK_TIME_ZONE)
const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')

/** formatDate({ date, i18n, pattern, timezone }) starts from the date in the browser's zone; start from UK time instead. */
const formatDateMinified = (file: string): Patch => ({
  file,
  copies: 1,
  find: /(\(\{date:(\w+),i18n:\w+,pattern:\w+,timezone:\w+\}\)=>\{let \w+=new [\w$]+\(new Date\(\2\))\)/g,
  replace: `$1,${zone})`,
  done: new RegExp(
    `\\(\\{date:(\\w+),i18n:\\w+,pattern:\\w+,timezone:\\w+\\}\\)=>\\{let \\w+=new [\\w$]+\\(new Date\\(\\1\\),${escaped(zone)}\\)`,
    'g',
  ),
})

/**
 * The "document locked" dialog formats its own time with Intl, in the browser's zone: give it
 * the UK zone, keeping its locale. (Installs patched by an earlier version of this file also
 * set the locale to en-GB; they show UK time all the same.)
 */
const lockedIntl = (file: string, quote: string): Patch => ({
  file,
  copies: 1,
  find: new RegExp(`Intl\\.DateTimeFormat\\(${quote}en-US${quote}, ?\\{(?!timeZone:)`, 'g'),
  replace: `$&timeZone:${zone},`,
  done: new RegExp(
    `Intl\\.DateTimeFormat\\(${quote}en-(?:US|GB)${quote}, ?\\{timeZone:${escaped(zone)}`,
    'g',
  ),
})

export const PATCHES: Patch[] = [
  {
    file: 'utilities/formatDocTitle/formatDateTitle.js',
    copies: 1,
    find: /const theDate = new TZDate\(new Date\(date\)\);/g,
    replace: `const theDate = new TZDate(new Date(date), ${zone});`,
    done: new RegExp(escaped(`new TZDate(new Date(date), ${zone})`), 'g'),
  },
  formatDateMinified('exports/shared/index.js'),
  formatDateMinified('exports/client/index.js'),
  lockedIntl('elements/DocumentLocked/index.js', "'"),
  lockedIntl('exports/client/index.js', '"'),
]

const count = (text: string, pattern: RegExp) => text.match(pattern)?.length ?? 0

type PatchState = {
  patch: Patch
  state: 'patched' | 'unpatched' | 'unexpected'
  shipped: number
  patched: number
}

const stateOf = (patch: Patch, text: string): PatchState => {
  const shipped = count(text, patch.find)
  const patched = count(text, patch.done)
  const state =
    shipped + patched !== patch.copies ? 'unexpected' : shipped === 0 ? 'patched' : 'unpatched'
  return { patch, state, shipped, patched }
}

const unexpected = ({ patch, shipped, patched }: PatchState) =>
  `@payloadcms/ui/dist/${patch.file} has ${shipped + patched} copies of the date code src/admin/ukTimePatch.ts patches, not ${patch.copies} ` +
  `(was @payloadcms/ui upgraded?). Find where it formats dates in the browser and update the patch so the admin keeps showing UK time.`

/** Where each patch stands in the bundles under `dist`. */
export const patchStates = (dist: string = PAYLOAD_UI_DIST): PatchState[] =>
  PATCHES.map((patch) => stateOf(patch, fs.readFileSync(path.join(dist, patch.file), 'utf8')))

/** Patches the bundles under `dist`, every copy or none; throws if a bundle is not what a patch expects. */
export const applyUkTimePatch = (dist: string = PAYLOAD_UI_DIST): void => {
  for (const patch of PATCHES) {
    const file = path.join(dist, patch.file)
    const text = fs.readFileSync(file, 'utf8')
    const state = stateOf(patch, text)
    if (state.state === 'unexpected') throw new Error(unexpected(state))
    if (state.state === 'unpatched') fs.writeFileSync(file, text.replace(patch.find, patch.replace))
  }
}

/** Refuses to go on when the admin would show times in the browser's zone: an embargo read an hour out is a leak. */
export const assertUkTimePatch = (dist: string = PAYLOAD_UI_DIST): void => {
  const states = patchStates(dist)
  const odd = states.find((state) => state.state === 'unexpected')
  if (odd) throw new ConfigurationError(unexpected(odd))
  const missing = [
    ...new Set(
      states.filter((state) => state.state === 'unpatched').map(({ patch }) => patch.file),
    ),
  ]
  if (missing.length > 0) {
    throw new ConfigurationError(
      `Payload's admin would show times in each browser's time zone, not UK time: ${missing.map((file) => `@payloadcms/ui/dist/${file}`).join(', ')} ` +
        `${missing.length === 1 ? 'is' : 'are'} not patched (installed with --ignore-scripts?). Run \`${PATCH_COMMAND}\`, then rebuild the admin (\`npm run build\`) and start again.`,
    )
  }
}
