/**
 * The copy for the media (forMedia.tsx) for code that Next.js bundles. The media list's e-mail
 * is made in an e-mail job, which payload.config imports, and Next.js bundles payload.config
 * and refuses react-dom/server in it (src/email/message.ts); forMedia.tsx renders with it.
 *
 * Jobs only ever run in the process that src/boot.ts starts (the express server, or a command
 * line tool), which loads payload.config itself, outside Next's bundle: Next's routes use that
 * same Payload instance (next.config.mjs), so its tasks are this process's modules. boot.ts
 * hands the renderer in here before the job runner starts. Only the type is imported below,
 * so Next's copy of this module never reaches react-dom/server, and is never asked.
 */
import type { releaseForMedia } from './forMedia'

type Render = typeof releaseForMedia

let render: Render | undefined

/** For src/boot.ts: the renderer, handed in from outside Next's bundle. */
export const provideMediaCopyRenderer = (renderer: Render) => {
  render = renderer
}

/** The release made ready for the media, as releaseForMedia makes it. */
export const mediaCopyOf: Render = (release, context) => {
  if (!render)
    throw new Error(
      'The copy for the media cannot be made in this process: it is made where src/boot.ts started Payload.',
    )
  return render(release, context)
}
