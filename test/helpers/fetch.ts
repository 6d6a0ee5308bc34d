import http from 'node:http'

/** GET a page of the public site: its status, body and headers. */
export const get = async (url: string) => {
  const response = await fetch(url, { redirect: 'manual' })
  return { status: response.status, body: await response.text(), headers: response.headers }
}

/**
 * A request exactly as given: the path unchanged (a URL would resolve `%2e`), the body not
 * decompressed. What exactly comes back: status, headers and bytes.
 */
export const rawRequest = (
  base: string,
  path: string,
  { method = 'GET', headers = {} as Record<string, string> } = {},
) =>
  new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>(
    (resolve, reject) => {
      const { hostname, port } = new URL(base)
      const request = http.request({ hostname, port, path, method, headers }, (response) => {
        const chunks: Buffer[] = []
        response.on('data', (chunk: Buffer) => chunks.push(chunk))
        response.on('end', () =>
          resolve({
            status: response.statusCode!,
            headers: response.headers,
            body: Buffer.concat(chunks),
          }),
        )
      })
      request.on('error', reject)
      request.end()
    },
  )
