import sharp from 'sharp'

import type { Palette } from './content'

/** A repeatable sequence of numbers in [0, 1) from a name, so each demo picture is the same every run. */
const sequence = (name: string) => {
  let state = [...name].reduce(
    (hash, ch) => Math.imul(hash ^ ch.charCodeAt(0), 16777619) >>> 0,
    2166136261,
  )
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0
    return state / 2 ** 32
  }
}

/**
 * An abstract landscape in the picture's palette, drawn as SVG and turned into a JPEG by
 * sharp: demo content needs real pictures to exercise the image sizes, and nothing may be
 * downloaded.
 */
export const demoPicture = async (
  name: string,
  [dark, mid, light]: Palette,
  width = 1920,
  height = 1080,
): Promise<Buffer> => {
  const next = sequence(name)
  const circles = Array.from({ length: 7 }, () => {
    const r = 60 + next() * 260
    return `<circle cx="${(next() * width).toFixed(0)}" cy="${(next() * height * 0.6).toFixed(0)}" r="${r.toFixed(0)}" fill="${light}" fill-opacity="${(0.06 + next() * 0.16).toFixed(2)}"/>`
  }).join('')
  const hills = [0.62, 0.72, 0.84].map((level, i) => {
    const y = height * level
    const wobble = () => (y - 80 + next() * 160).toFixed(0)
    return `<path d="M0 ${wobble()} C ${width * 0.25} ${wobble()}, ${width * 0.5} ${wobble()}, ${width * 0.75} ${wobble()} S ${width} ${wobble()}, ${width} ${wobble()} L ${width} ${height} L 0 ${height} Z" fill="${i === 2 ? dark : mid}" fill-opacity="${(0.55 + i * 0.2).toFixed(2)}"/>`
  })
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">
    <defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${dark}"/><stop offset="1" stop-color="${mid}"/></linearGradient></defs>
    <rect width="100%" height="100%" fill="url(#sky)"/>${circles}${hills.join('')}
  </svg>`
  return sharp(Buffer.from(svg)).jpeg({ quality: 82, mozjpeg: true }).toBuffer()
}

/**
 * A head-and-shoulders silhouette in the picture's palette, standing in for the photo of a
 * person in a demo appeal or court result: clearly a drawing, of nobody. Drawn as SVG and
 * turned into a JPEG by sharp, as the landscapes are.
 */
export const demoPortrait = async (
  name: string,
  [dark, mid, light]: Palette,
  width = 600,
  height = 750,
): Promise<Buffer> => {
  const next = sequence(name)
  const cx = width / 2 + (next() - 0.5) * 40
  const head = { cy: height * 0.38, rx: width * (0.16 + next() * 0.03), ry: height * 0.15 }
  const shoulders = `M ${width * 0.08} ${height} C ${width * 0.1} ${height * 0.68}, ${width * 0.3} ${height * 0.62}, ${cx} ${height * 0.62} S ${width * 0.9} ${height * 0.68}, ${width * 0.92} ${height} Z`
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">
    <defs><linearGradient id="wall" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${light}"/><stop offset="1" stop-color="${mid}"/></linearGradient></defs>
    <rect width="100%" height="100%" fill="url(#wall)"/>
    <path d="${shoulders}" fill="${dark}"/>
    <rect x="${(cx - width * 0.06).toFixed(0)}" y="${(head.cy + head.ry * 0.7).toFixed(0)}" width="${(width * 0.12).toFixed(0)}" height="${(height * 0.12).toFixed(0)}" fill="${dark}"/>
    <ellipse cx="${cx.toFixed(0)}" cy="${head.cy.toFixed(0)}" rx="${head.rx.toFixed(0)}" ry="${head.ry.toFixed(0)}" fill="${dark}"/>
  </svg>`
  return sharp(Buffer.from(svg)).jpeg({ quality: 82, mozjpeg: true }).toBuffer()
}
