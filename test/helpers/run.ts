import { spawn } from 'node:child_process'

import { projectRoot } from '../../src/config/paths'

/** Runs one of Newsroom's command-line tools (src/cli/*.ts) to the end; resolves with its exit code and output. */
export const runCli = (script: string, env: Record<string, string>, args: string[] = []) =>
  new Promise<{ code: number | null; output: string }>((resolve) => {
    const { NODE_ENV: _n, ...inherited } = process.env
    const child = spawn(process.execPath, ['--import', 'tsx', `src/cli/${script}`, ...args], {
      cwd: projectRoot,
      env: { ...inherited, NEXT_TELEMETRY_DISABLED: '1', ...env } as unknown as NodeJS.ProcessEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (output += chunk))
    child.on('exit', (code) => resolve({ code, output }))
  })
