/**
 * `npm test`: the typecheck, the lint, the integration suite on SQLite, then on PostgreSQL
 * and MongoDB, and the browser tests, one after the other, stopping at the first that fails.
 * At the end (pass or fail) it prints how long each stage took, with the stages .ci/run ran
 * before it (read from the file NEWSROOM_STAGE_TIMES names, one "name<TAB>seconds" a line),
 * so that a slow stage is seen at once.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'

const stages: [label: string, script: string][] = [
  ['Typecheck', 'typecheck'],
  ['Lint', 'lint'],
  ['SQLite suite', 'test:int'],
  ['PostgreSQL suite', 'test:int:postgres'],
  ['MongoDB suite', 'test:int:mongodb'],
  ['Browsers', 'test:e2e'],
]

const earlier = (): [string, number][] => {
  const file = process.env.NEWSROOM_STAGE_TIMES
  if (!file || !fs.existsSync(file)) return []
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [label, seconds] = line.split('\t')
      return [label!, Number(seconds)]
    })
}

const minutes = (seconds: number) => {
  const whole = Math.round(seconds)
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`
}

const times: [string, number, string][] = earlier().map(([label, seconds]) => [
  label,
  seconds,
  'ok',
])
let failed: number | null = null
for (const [label, script] of stages) {
  const started = performance.now()
  const { status } = spawnSync('npm', ['run', script], { stdio: 'inherit' })
  times.push([
    label,
    (performance.now() - started) / 1000,
    status === 0 ? 'ok' : `FAILED (exit ${status})`,
  ])
  if (status !== 0) {
    failed = status ?? 1
    break
  }
}

const width = Math.max(...times.map(([label]) => label.length))
console.log('\nStage times:')
for (const [label, seconds, result] of times)
  console.log(`  ${label.padEnd(width)}  ${minutes(seconds).padStart(6)}  ${result}`)
console.log(
  `  ${'Total'.padEnd(width)}  ${minutes(times.reduce((sum, [, seconds]) => sum + seconds, 0)).padStart(6)}`,
)
process.exit(failed ?? 0)
