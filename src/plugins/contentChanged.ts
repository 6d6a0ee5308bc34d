import crypto from 'node:crypto'
import { EventEmitter } from 'node:events'

export type ContentChange = {
  collection?: string
  global?: string
  id?: number | string
  /** The public pages it affects, by their tags (src/site/cacheTags.ts); undefined: all of them. */
  tags?: readonly string[]
}

/*
 * One emitter per process, kept on globalThis: Next.js bundles its own copy of the config
 * and its imports, and a change made through either copy must reach the same listeners.
 */
const KEY = Symbol.for('newsroom.contentChanged')
const PROCESS = Symbol.for('newsroom.serverProcess')
const store = globalThis as typeof globalThis & { [KEY]?: EventEmitter; [PROCESS]?: string }
const emitter = (store[KEY] ??= new EventEmitter().setMaxListeners(50))

/** This process, as the rows of content-changes it writes name it (collections/ContentChanges). */
export const thisProcess: string = (store[PROCESS] ??= crypto.randomUUID())

/** Something the public may see has changed (or may have). */
export const announceContentChange = (change: ContentChange): void => {
  emitter.emit('change', change)
}

export const onContentChange = (listener: (change: ContentChange) => void): (() => void) => {
  emitter.on('change', listener)
  return () => emitter.off('change', listener)
}
