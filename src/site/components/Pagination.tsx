/** Previous and next links between pages of a listing, as a labelled navigation landmark. */
export const Pagination = ({
  basePath,
  page,
  hasNext,
}: {
  basePath: string
  page: number
  hasNext: boolean
}) => {
  if (page === 1 && !hasNext) return null
  // One kind of release is a listing of its own, `/news?kind=appeal`: its pages add to that.
  const href = (n: number) =>
    n === 1 ? basePath : `${basePath}${basePath.includes('?') ? '&' : '?'}page=${n}`
  return (
    <nav className="pagination" aria-label="Pages of news">
      <ul>
        {page > 1 ? (
          <li className="pagination__prev">
            <a href={href(page - 1)} rel="prev">
              Previous page<span className="visually-hidden"> of news</span>
            </a>
          </li>
        ) : null}
        <li className="pagination__status">Page {page}</li>
        {hasNext ? (
          <li className="pagination__next">
            <a href={href(page + 1)} rel="next">
              Next page<span className="visually-hidden"> of news</span>
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  )
}
