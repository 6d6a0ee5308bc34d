/**
 * Runs after `npm install`: makes Payload's admin print every time in UK time.
 *
 * Payload formats the admin's timestamps (Last Modified, Created, the date columns of every
 * list, the versions list, the version being compared, "locked by … at …") with one small
 * function per bundle, in the zone of whichever browser is looking. A comms officer on a
 * laptop set to UTC would see publication times an hour out all summer. Payload has no
 * setting for it (its `timezone` option covers date fields only), so this gives that function
 * the zone Europe/London, the same rule Newsroom's own components follow (src/time/ukTime.ts),
 * and `admin.dateFormat` names the zone in every time it prints.
 *
 * Each change is an exact match against the pinned @payloadcms/ui: if an upgrade moves the
 * code, installing stops here with the file named, rather than the admin quietly showing
 * the browser's time again. Running it twice changes nothing.
 */
import fs from 'node:fs'
import path from 'node:path'

import { projectRoot } from '../config/paths'
import { UK_TIME_ZONE } from '../time/ukTime'

type Patch = { file: string; find: RegExp; replace: string; done: RegExp }

const zone = JSON.stringify(UK_TIME_ZONE)
const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
const ui = (file: string) => path.join(projectRoot, 'node_modules/@payloadcms/ui/dist', file)

/** formatDate({ date, i18n, pattern, timezone }) starts from the date in the browser's zone; start from UK time instead. */
const formatDateMinified = (file: string): Patch => ({
  file: ui(file),
  find: /(\(\{date:(\w+),i18n:\w+,pattern:\w+,timezone:\w+\}\)=>\{let \w+=new [\w$]+\(new Date\(\2\))\)/,
  replace: `$1,${zone})`,
  done: new RegExp(`\\(\\{date:(\\w+),i18n:\\w+,pattern:\\w+,timezone:\\w+\\}\\)=>\\{let \\w+=new [\\w$]+\\(new Date\\(\\1\\),${escaped(zone)}\\)`),
})

/** The "document locked" dialog formats its own time with Intl. */
const lockedIntl = (file: string, quote: string): Patch => ({
  file: ui(file),
  find: new RegExp(`Intl\\.DateTimeFormat\\(${quote}en-US${quote}, ?\\{`),
  replace: `Intl.DateTimeFormat(${quote}en-GB${quote},{timeZone:${zone},timeZoneName:"short",`,
  done: new RegExp(escaped(`Intl.DateTimeFormat(${quote}en-GB${quote},{timeZone:${zone}`)),
})

const PATCHES: Patch[] = [
  {
    file: ui('utilities/formatDocTitle/formatDateTitle.js'),
    find: /const theDate = new TZDate\(new Date\(date\)\);/,
    replace: `const theDate = new TZDate(new Date(date), ${zone});`,
    done: new RegExp(escaped(`new TZDate(new Date(date), ${zone})`)),
  },
  formatDateMinified('exports/shared/index.js'),
  formatDateMinified('exports/client/index.js'),
  lockedIntl('elements/DocumentLocked/index.js', "'"),
  lockedIntl('exports/client/index.js', '"'),
]

const patchDependencies = () => {
  for (const patch of PATCHES) {
    const text = fs.readFileSync(patch.file, 'utf8')
    if (patch.done.test(text)) continue
    if (!patch.find.test(text)) {
      throw new Error(
        `${path.relative(projectRoot, patch.file)} is not what src/cli/patchDependencies.ts expects (was @payloadcms/ui upgraded?). ` +
          'Find where it formats dates in the browser and update the patch so the admin keeps showing UK time.',
      )
    }
    fs.writeFileSync(patch.file, text.replace(patch.find, patch.replace))
  }
}

try {
  patchDependencies()
  console.log('Payload admin: times shown in UK time (src/cli/patchDependencies.ts).')
} catch (error) {
  console.error((error as Error).message)
  process.exit(1)
}
