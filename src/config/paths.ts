import path from 'node:path'
import { fileURLToPath } from 'node:url'

/** The project's root folder, whichever module asks and however it was started. */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

/** Where the embedded database and the generated development secret live (NEWSROOM_DATA_DIR). */
export const dataDir = () => path.resolve(projectRoot, process.env.NEWSROOM_DATA_DIR ?? 'data')

/** Where uploaded media files live when no object storage is configured (MEDIA_DIR). */
export const mediaDir = () => path.resolve(projectRoot, process.env.MEDIA_DIR ?? 'media')
