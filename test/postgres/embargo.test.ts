import { embargoSuite } from '../helpers/embargoSuite'
import { createTestDatabase } from '../helpers/postgres'
import { runCli } from '../helpers/run'
import { makeTempDir } from '../helpers/tempDir'

embargoSuite('PostgreSQL', {
  before: async () => {
    const database = await createTestDatabase('embargo')
    const temp = makeTempDir()
    const migrated = await runCli('migrate', {
      DATABASE_URL: database.url,
      NEWSROOM_DATA_DIR: temp.dir,
    })
    temp.remove()
    if (migrated.code !== 0) throw new Error(migrated.output)
    return { url: database.url, drop: async () => void (await database.drop()) }
  },
})
