import { spawn } from 'node:child_process'

import { bundleOf, type Command } from '../../src/cli/build'
import { projectRoot } from '../../src/config/paths'

/**
 * Runs one of Newsroom's commands to the end, as its npm script does (the bundle the global
 * setup made of src/cli/<command>.ts); resolves with its exit code and output.
 */
export const runCli = (command: Command, env: Record<string, string>, args: string[] = []) =>
  new Promise<{ code: number | null; output: string }>((resolve) => {
    const { NODE_ENV: _n, ...inherited } = process.env
    const child = spawn(process.execPath, [bundleOf(command), ...args], {
      cwd: projectRoot,
      env: { ...inherited, NEXT_TELEMETRY_DISABLED: '1', ...env } as unknown as NodeJS.ProcessEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (output += chunk))
    child.on('exit', (code) => resolve({ code, output }))
  })
