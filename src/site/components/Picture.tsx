import type { Media } from '../../payload-types'

type SizeName = 'card' | 'hero' | 'heroLarge'

/**
 * A picture's address on this site, from the root: Payload names files with SITE_URL, but a
 * page opened at another address of the same server (127.0.0.1 for localhost, an internal
 * name) may load pictures only from where it is (the CSP says 'self'). Feeds, sitemaps and
 * Open Graph, read elsewhere, keep the full address.
 */
export const rootRelative = (url: string): string => {
  if (url.startsWith('/') && !url.startsWith('//')) return url
  try {
    const { pathname, search } = new URL(url)
    return pathname + search
  } catch {
    return url
  }
}

export const asMedia = (value: unknown): Media | null =>
  value && typeof value === 'object' && 'alt' in value ? (value as Media) : null

/**
 * A picture in every width sharp made of it, so a phone downloads the small one.
 * `sizes` says how wide it is shown; `priority` is for the one picture above the fold.
 */
export const Picture = ({
  media,
  main,
  sizes,
  priority = false,
}: {
  media: Media
  main: SizeName
  sizes: string
  priority?: boolean
}) => {
  const widths = (['card', 'hero', 'heroLarge'] as const)
    .map((name) => media.sizes?.[name])
    .filter((size): size is { url: string; width: number; height: number } =>
      Boolean(size?.url && size.width && size.height),
    )
  const chosen = media.sizes?.[main]?.url ? media.sizes[main]! : widths[0]
  const url = chosen?.url ?? media.url
  if (!url) return null
  const src = rootRelative(url)
  return (
    <img
      src={src}
      srcSet={
        widths.length > 1
          ? widths.map((size) => `${rootRelative(size.url)} ${size.width}w`).join(', ')
          : undefined
      }
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
