import fs from 'node:fs'
import path from 'node:path'

import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import {
  applyUkTimePatch,
  assertUkTimePatch,
  PATCHES,
  PAYLOAD_UI_DIST,
  patchStates,
} from '../../src/admin/ukTimePatch'
import { makeTempDir } from '../helpers/tempDir'

const FILES = [...new Set(PATCHES.map((patch) => patch.file))]

/**
 * The installed bundles are patched (npm install ran the patch) and must not be touched, so
 * the unpatched ones are the installed ones with the zone taken out again: what Payload ships.
 * (An install patched by an earlier version of the patch also changed the locale to en-GB.)
 */
const asShipped = (text: string) =>
  text
    .replaceAll('new TZDate(new Date(date), "Europe/London")', 'new TZDate(new Date(date))')
    .replace(/(new Date\(\w+\)),"Europe\/London"\)/g, '$1)')
    .replace(
      /Intl\.DateTimeFormat\((['"])en-GB\1,\{timeZone:"Europe\/London",timeZoneName:"short",/g,
      'Intl.DateTimeFormat($1en-US$1, {',
    )
    .replace(/(Intl\.DateTimeFormat\((['"])en-US\2, ?\{)timeZone:"Europe\/London",/g, '$1')

describe('the patch that shows Payload admin times in UK time', () => {
  let temp: ReturnType<typeof makeTempDir>
  const read = (file: string) => fs.readFileSync(path.join(temp.dir, file), 'utf8')
  const write = (file: string, text: string) => fs.writeFileSync(path.join(temp.dir, file), text)

  beforeEach(() => {
    temp = makeTempDir('newsroom-uk-time-')
    for (const file of FILES) {
      fs.mkdirSync(path.dirname(path.join(temp.dir, file)), { recursive: true })
      write(file, asShipped(fs.readFileSync(path.join(PAYLOAD_UI_DIST, file), 'utf8')))
    }
  })
  afterEach(() => temp.remove())

  it('is in place in the installed @payloadcms/ui', () => {
    expect(() => assertUkTimePatch()).not.toThrow()
  })

  it('stops the server on bundles as Payload ships them, naming each file and the command that fixes it', () => {
    expect(patchStates(temp.dir).map((state) => state.state)).toEqual(
      PATCHES.map(() => 'unpatched'),
    )
    expect(() => assertUkTimePatch(temp.dir)).toThrow(
      /not UK time: @payloadcms\/ui\/dist\/utilities\/formatDocTitle\/formatDateTitle\.js, @payloadcms\/ui\/dist\/exports\/shared\/index\.js, @payloadcms\/ui\/dist\/exports\/client\/index\.js, @payloadcms\/ui\/dist\/elements\/DocumentLocked\/index\.js are not patched .*Run `npm run postinstall`/,
    )
  })

  it('gives every date function the UK zone and leaves the locale alone', () => {
    const localesBefore = FILES.map((file) => read(file).match(/en-(US|GB)/g))
    applyUkTimePatch(temp.dir)
    expect(() => assertUkTimePatch(temp.dir)).not.toThrow()
    expect(read('utilities/formatDocTitle/formatDateTitle.js')).toContain(
      'const theDate = new TZDate(new Date(date), "Europe/London");',
    )
    expect(read('elements/DocumentLocked/index.js')).toMatch(
      /new Intl\.DateTimeFormat\('en-US', ?\{timeZone:"Europe\/London",/,
    )
    expect(read('exports/client/index.js')).toMatch(
      /Intl\.DateTimeFormat\("en-US", ?\{timeZone:"Europe\/London",/,
    )
    expect(FILES.map((file) => read(file).match(/en-(US|GB)/g))).toEqual(localesBefore)
  })

  it('changes nothing when run a second time', () => {
    applyUkTimePatch(temp.dir)
    const once = FILES.map(read)
    applyUkTimePatch(temp.dir)
    expect(FILES.map(read)).toEqual(once)
  })

  it('refuses a bundle holding a second copy of a date function, patching none of it', () => {
    const file = 'exports/shared/index.js'
    const shipped = read(file)
    const formatDate =
      /\(\{date:\w+,i18n:\w+,pattern:\w+,timezone:\w+\}\)=>\{let \w+=new [\w$]+\(new Date\(\w+\)\)/.exec(
        shipped,
      )![0]
    write(file, `${shipped}\nconst again=${formatDate}}`)
    expect(() => applyUkTimePatch(temp.dir)).toThrow(
      /exports\/shared\/index\.js has 2 copies of the date code .* not 1/,
    )
    expect(read(file)).toBe(`${shipped}\nconst again=${formatDate}}`)
    expect(() => assertUkTimePatch(temp.dir)).toThrow(/has 2 copies/)
  })

  it('refuses a bundle where the code has gone (an upgrade moved it)', () => {
    write('utilities/formatDocTitle/formatDateTitle.js', 'export const formatDate = () => ""\n')
    expect(() => applyUkTimePatch(temp.dir)).toThrow(
      /formatDateTitle\.js has 0 copies .*was @payloadcms\/ui upgraded/,
    )
  })
})
