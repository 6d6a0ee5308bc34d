/**
 * nginx as the ceiling of a benchmark: the same bytes, served by a server that does nothing
 * else, on the same machine in the same run, so that a result can be read as a ratio to what
 * this machine can do at that moment. Debian's nginx (`apt-get install nginx-light`).
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const NGINX = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((candidate) => fs.existsSync(candidate))

export type StaticFile = { body: Buffer | string; type: string }

/**
 * nginx on 127.0.0.1:`port` answering each path of `files` exactly with its bytes, and every
 * other address with `fallback`'s (as Newsroom answers `/?cb=N` with its cached `/`).
 */
export const startNginx = async (
  port: number,
  files: Record<string, StaticFile>,
  fallback: string,
) => {
  if (!NGINX) throw new Error('nginx is not installed: apt-get install -y nginx-light')
  const prefix = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-nginx-'))
  const root = path.join(prefix, 'root')
  fs.mkdirSync(root)
  // nginx's worker runs as nobody: it must be able to read the files.
  fs.chmodSync(prefix, 0o755)
  const locations = Object.entries(files).map(([address, file], i) => {
    const name = `file-${i}`
    fs.writeFileSync(path.join(root, name), file.body)
    return `location = ${address === '/' ? '/' : address} { default_type ${file.type}; try_files /${name} =404; }`
  })
  const fallbackName = `file-${Object.keys(files).indexOf(fallback)}`
  const conf = path.join(prefix, 'nginx.conf')
  fs.writeFileSync(
    conf,
    `worker_processes 1;
pid ${prefix}/nginx.pid;
error_log ${prefix}/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path ${prefix}/body;
  proxy_temp_path ${prefix}/proxy;
  fastcgi_temp_path ${prefix}/fastcgi;
  uwsgi_temp_path ${prefix}/uwsgi;
  scgi_temp_path ${prefix}/scgi;
  keepalive_requests 100000;
  server {
    listen 127.0.0.1:${port};
    root ${root};
    ${locations.join('\n    ')}
    location / { default_type text/html; try_files /${fallbackName} =404; }
  }
}
`,
  )
  const child = spawn(NGINX, ['-p', prefix, '-c', conf, '-g', 'daemon off;'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  let errors = ''
  child.stderr!.on('data', (chunk) => (errors += chunk))
  const base = `http://127.0.0.1:${port}`
  for (let tries = 0; ; tries++) {
    if (child.exitCode !== null) throw new Error(`nginx exited: ${errors}`)
    const status = await fetch(base + '/').then(
      (response) => response.status,
      () => 0,
    )
    if (status === 200) break
    if (tries > 50) {
      child.kill('SIGKILL')
      throw new Error(
        `nginx did not answer / with 200 (last: ${status}): ${errors}${fs.readFileSync(path.join(prefix, 'error.log'), 'utf8').slice(-1000)}`,
      )
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  return {
    base,
    stop: async () => {
      if (child.exitCode === null) {
        child.kill('SIGTERM')
        await new Promise((resolve) => child.once('exit', resolve))
      }
      fs.rmSync(prefix, { recursive: true, force: true })
    },
  }
}
