import { EventEmitter } from 'node:events'

export type ContentChange = {
  collection?: string
  global?: string
  id?: number | string
  /** The content-version stamp the change wrote, for whoever must act once it is committed. */
  stamp?: string
  /** The public pages it affects, by their tags (src/site/cacheTags.ts); undefined: all of them. */
  tags?: readonly string[]
}

/*
 * One emitter per process, kept on globalThis: Next.js bundles its own copy of the config
 * and its imports, and a change made through either copy must reach the same listeners.
 */
const KEY = Symbol.for('newsroom.contentChanged')
const store = globalThis as typeof globalThis & { [KEY]?: EventEmitter }
const emitter = (store[KEY] ??= new EventEmitter().setMaxListeners(50))

/** Something the public may see has changed (or may have). */
export const announceContentChange = (change: ContentChange): void => {
  emitter.emit('change', change)
}

export const onContentChange = (listener: (change: ContentChange) => void): (() => void) => {
  emitter.on('change', listener)
  return () => emitter.off('change', listener)
}
