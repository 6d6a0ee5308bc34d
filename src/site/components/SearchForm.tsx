/** A search box that works without JavaScript: a GET form to /search. */
export const SearchForm = ({ query = '', id = 'search' }: { query?: string; id?: string }) => (
  <form className="search-form" action="/search" method="get" role="search">
    <label htmlFor={id}>Search news</label>
    <div className="search-form__row">
      <input
        id={id}
        name="q"
        type="search"
        defaultValue={query}
        maxLength={200}
        autoComplete="off"
      />
      <button type="submit">Search</button>
    </div>
  </form>
)
