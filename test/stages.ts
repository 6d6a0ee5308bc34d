/**
 * `npm test`: the typecheck and the lint, the build (the admin and the server bundle), the
 * integration suite on SQLite, PostgreSQL and MongoDB, and the browser tests, stopping at the
 * first stage that fails.
 *
 * The three integration passes run at the same time. Each is a vitest run of two workers, and
 * much of a worker's time is spent waiting (for a server to boot, for an embargo to lift), so
 * on a machine of two cores one pass alone leaves a core idle a third of the time; together
 * they keep both busy. They use databases and servers of their own (a SQLite template, a
 * PostgreSQL template database, each its own shared servers), and the admin is built before
 * them, once. The first pass's output is shown as it comes; the others' after it, whole.
 *
 * At the end (pass or fail) it prints how long each stage took, with the stages .ci/run ran
 * before it (read from the file NEWSROOM_STAGE_TIMES names, one "name<TAB>seconds" a line),
 * so that a slow stage is seen at once.
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'

type Stage = { label: string; script: string }
type Group = { label: string; stages: Stage[] }

/**
 * Stages one after the other; a group's stages run all at once. (The typecheck and the lint
 * at once were tried: on this machine's two cores they took 0:30 together, as long as one
 * after the other.)
 */
const plan: (Stage | Group)[] = [
  { label: 'Typecheck', script: 'typecheck' },
  { label: 'Lint', script: 'lint' },
  { label: 'Build', script: 'build:if-needed' },
  {
    label: 'Integration, at once',
    stages: [
      { label: 'SQLite suite', script: 'test:int' },
      { label: 'PostgreSQL suite', script: 'test:int:postgres' },
      { label: 'MongoDB suite', script: 'test:int:mongodb' },
    ],
  },
  { label: 'Browsers', script: 'test:e2e' },
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

type Result = { label: string; seconds: number; status: number; output?: string }

/** Runs `npm run <script>`: its output shown as it comes, or kept to be shown afterwards. */
const run = ({ label, script }: Stage, shown: boolean): Promise<Result> =>
  new Promise((resolve) => {
    const started = performance.now()
    const child = spawn('npm', ['run', script], {
      stdio: shown ? 'inherit' : ['ignore', 'pipe', 'pipe'],
    })
    const chunks: Buffer[] = []
    child.stdout?.on('data', (chunk: Buffer) => chunks.push(chunk))
    child.stderr?.on('data', (chunk: Buffer) => chunks.push(chunk))
    child.on('exit', (code, signal) =>
      resolve({
        label,
        seconds: (performance.now() - started) / 1000,
        status: code ?? (signal ? 1 : 0),
        output: shown ? undefined : Buffer.concat(chunks).toString('utf8'),
      }),
    )
  })

/** The stages before npm test (from .ci/run), then npm test's own; a group's stages indented under it. */
const times: [string, number, string][] = earlier().map(([label, seconds]) => [
  label,
  seconds,
  'ok',
])

const main = async () => {
  const started = performance.now()
  let failed: number | null = null
  for (const step of plan) {
    const stages = 'stages' in step ? step.stages : [step]
    const stepStarted = performance.now()
    const results = await Promise.all(stages.map((stage, i) => run(stage, i === 0)))
    for (const [i, result] of results.entries()) {
      if (result.output === undefined) continue
      console.log(`\n──── ${result.label} (npm run ${stages[i]!.script}) ────\n`)
      process.stdout.write(result.output)
    }
    const anyFailed = results.find((result) => result.status !== 0)
    if ('stages' in step)
      times.push([
        step.label,
        (performance.now() - stepStarted) / 1000,
        anyFailed ? 'FAILED' : 'ok',
      ])
    for (const result of results)
      times.push([
        'stages' in step ? `  ${result.label}` : result.label,
        result.seconds,
        result.status === 0 ? 'ok' : `FAILED (exit ${result.status})`,
      ])
    if (anyFailed) {
      failed = anyFailed.status
      break
    }
  }

  const width = Math.max(...times.map(([label]) => label.length))
  console.log('\nStage times:')
  for (const [label, seconds, result] of times)
    console.log(`  ${label.padEnd(width)}  ${minutes(seconds).padStart(6)}  ${result}`)
  const before = earlier().reduce((sum, [, seconds]) => sum + seconds, 0)
  console.log(
    `  ${'Total'.padEnd(width)}  ${minutes(before + (performance.now() - started) / 1000).padStart(6)}`,
  )
  process.exit(failed ?? 0)
}

void main()
