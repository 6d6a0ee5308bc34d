import * as migration_20261123_120344_initial from './20261123_120344_initial';
import * as migration_20261123_124019_release_updates_and_search_text from './20261123_124019_release_updates_and_search_text';

export const migrations = [
  {
    up: migration_20261123_120344_initial.up,
    down: migration_20261123_120344_initial.down,
    name: '20261123_120344_initial',
  },
  {
    up: migration_20261123_124019_release_updates_and_search_text.up,
    down: migration_20261123_124019_release_updates_and_search_text.down,
    name: '20261123_124019_release_updates_and_search_text'
  },
];
