import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

import { projectRoot } from '../../src/config/paths'

import { freePort } from './server'
import { makeTempDir } from './tempDir'

export type Varnish = { url: string; stop: () => Promise<void>; output: () => string }

/** Whether Debian's Varnish is installed (.ci/run installs it: apt-get install varnish). */
export const hasVarnish = () => spawnSync('varnishd', ['-V']).status === 0

/**
 * Debian's Varnish, started on `port` in front of a Newsroom server at `backendPort`, with the
 * project's own configuration (deploy/varnish/default.vcl): only the backend's port is changed.
 */
export const startVarnish = async (port: number, backendPort: number): Promise<Varnish> => {
  const temp = makeTempDir('newsroom-varnish-')
  const shipped = fs.readFileSync(path.join(projectRoot, 'deploy/varnish/default.vcl'), 'utf8')
  const vcl = shipped.replace('.port = "3000";', `.port = "${backendPort}";`)
  if (vcl === shipped) throw new Error('deploy/varnish/default.vcl no longer names port 3000')
  // varnishd reads its configuration as its own unprivileged user, not as the test's.
  fs.chmodSync(temp.dir, 0o755)
  fs.writeFileSync(path.join(temp.dir, 'default.vcl'), vcl, { mode: 0o644 })
  const child = spawn(
    'varnishd',
    [
      '-F', // in the foreground, so that the test owns it
      '-n',
      path.join(temp.dir, 'work'),
      '-a',
      `127.0.0.1:${port}`,
      '-T',
      `127.0.0.1:${await freePort()}`,
      '-f',
      path.join(temp.dir, 'default.vcl'),
      '-s',
      'malloc,64m',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  )
  let said = ''
  child.stdout.on('data', (chunk) => (said += chunk))
  child.stderr.on('data', (chunk) => (said += chunk))
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 30_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`varnishd stopped at once:\n${said}`)
    try {
      await fetch(`${url}/healthz`)
      break
    } catch {
      if (Date.now() > deadline) {
        child.kill('SIGKILL')
        throw new Error(`varnishd did not answer within 30 s:\n${said}`)
      }
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  }
  return {
    url,
    output: () => said,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM')
      await exited
      temp.remove()
    },
  }
}
