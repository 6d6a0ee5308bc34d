/** GET a page of the public site: its status, body and headers. */
export const get = async (url: string) => {
  const response = await fetch(url, { redirect: 'manual' })
  return { status: response.status, body: await response.text(), headers: response.headers }
}
