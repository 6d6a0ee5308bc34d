import * as migration_20261123_120344_initial from './20261123_120344_initial';

export const migrations = [
  {
    up: migration_20261123_120344_initial.up,
    down: migration_20261123_120344_initial.down,
    name: '20261123_120344_initial'
  },
];
