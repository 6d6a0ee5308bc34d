/** A small REST client for tests: real HTTP to the server, signed in as someone or no one. */

export type ApiResponse<T = any> = { status: number; body: T; headers: Headers }

export type Api = {
  get: <T = any>(path: string) => Promise<ApiResponse<T>>
  post: <T = any>(path: string, body?: unknown) => Promise<ApiResponse<T>>
  patch: <T = any>(path: string, body?: unknown) => Promise<ApiResponse<T>>
  delete: <T = any>(path: string) => Promise<ApiResponse<T>>
  upload: <T = any>(path: string, form: FormData) => Promise<ApiResponse<T>>
  token?: string
}

const parse = async (response: Response) => {
  const text = await response.text()
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}

export const api = (baseUrl: string, token?: string): Api => {
  const request = async (method: string, path: string, body?: unknown, form?: FormData) => {
    const headers: Record<string, string> = {}
    if (token) headers.Authorization = `JWT ${token}`
    if (body !== undefined) headers['Content-Type'] = 'application/json'
    const response = await fetch(baseUrl + path, {
      method,
      headers,
      body: form ?? (body !== undefined ? JSON.stringify(body) : undefined),
      redirect: 'manual',
    })
    return { status: response.status, body: await parse(response), headers: response.headers }
  }
  return {
    token,
    get: (path) => request('GET', path),
    post: (path, body) => request('POST', path, body ?? {}),
    patch: (path, body) => request('PATCH', path, body ?? {}),
    delete: (path) => request('DELETE', path),
    upload: (path, form) => request('POST', path, undefined, form),
  }
}

export const signIn = async (baseUrl: string, email: string, password: string): Promise<Api> => {
  const response = await api(baseUrl).post('/api/users/login', { email, password })
  if (response.status !== 200)
    throw new Error(
      `Sign-in as ${email} failed: ${response.status} ${JSON.stringify(response.body)}`,
    )
  return api(baseUrl, response.body.token)
}

/** Creates a user through the API as the given admin, then signs in as them. */
export const createUserAndSignIn = async (
  baseUrl: string,
  admin: Api,
  { email, roles, name = email.split('@')[0]! }: { email: string; roles: string[]; name?: string },
): Promise<Api> => {
  const password = 'a-long-test-password-42'
  const created = await admin.post('/api/users', { email, password, name, roles })
  if (created.status !== 201)
    throw new Error(`Creating ${email} failed: ${created.status} ${JSON.stringify(created.body)}`)
  return signIn(baseUrl, email, password)
}
