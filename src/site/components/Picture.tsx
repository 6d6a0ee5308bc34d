import type { Media } from '../../payload-types'

type SizeName = 'card' | 'hero' | 'heroLarge'

export const asMedia = (value: unknown): Media | null =>
  value && typeof value === 'object' && 'alt' in value ? (value as Media) : null

/**
 * A picture in every width sharp made of it, so a phone downloads the small one.
 * `sizes` says how wide it is shown; `priority` is for the one picture above the fold.
 */
export const Picture = ({ media, main, sizes, priority = false }: { media: Media; main: SizeName; sizes: string; priority?: boolean }) => {
  const widths = (['card', 'hero', 'heroLarge'] as const)
    .map((name) => media.sizes?.[name])
    .filter((size): size is { url: string; width: number; height: number } => Boolean(size?.url && size.width && size.height))
  const chosen = media.sizes?.[main]?.url ? media.sizes[main]! : widths[0]
  const src = chosen?.url ?? media.url ?? undefined
  if (!src) return null
  return (
    <img
      src={src}
      srcSet={widths.length > 1 ? widths.map((size) => `${size.url} ${size.width}w`).join(', ') : undefined}
      sizes={widths.length > 1 ? sizes : undefined}
      alt={media.alt}
      width={chosen?.width ?? media.width ?? undefined}
      height={chosen?.height ?? media.height ?? undefined}
      loading={priority ? 'eager' : 'lazy'}
      decoding="async"
      fetchPriority={priority ? 'high' : undefined}
    />
  )
}
