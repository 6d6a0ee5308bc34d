import { embargoSuite } from '../helpers/embargoSuite'

embargoSuite('SQLite', {})
