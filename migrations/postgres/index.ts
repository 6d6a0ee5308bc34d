import * as migration_20261123_120418_initial from './20261123_120418_initial';

export const migrations = [
  {
    up: migration_20261123_120418_initial.up,
    down: migration_20261123_120418_initial.down,
    name: '20261123_120418_initial'
  },
];
