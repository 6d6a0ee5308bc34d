import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

/** A fresh folder for one test file's database, media and secret, removed afterwards. */
export const makeTempDir = (prefix = 'newsroom-test-') => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix))
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) }
}
