import * as migration_20261123_120418_initial from './20261123_120418_initial';
import * as migration_20261123_124026_release_updates_and_search_text from './20261123_124026_release_updates_and_search_text';
import * as migration_20261123_131020_workflow_preview_links_redirects_jobs from './20261123_131020_workflow_preview_links_redirects_jobs';
import * as migration_20261123_135233_public_from from './20261123_135233_public_from';
import * as migration_20261123_135853_listing_indexes from './20261123_135853_listing_indexes';
import * as migration_20261123_135900_full_text_search from './20261123_135900_full_text_search';
import * as migration_20261123_140151_content_version from './20261123_140151_content_version';
import * as migration_20261123_182813_uk_time_zones from './20261123_182813_uk_time_zones';
import * as migration_20261123_183633_listing_count_index from './20261123_183633_listing_count_index';
import * as migration_20261202_070708_review_history_logo_sign_in from './20261202_070708_review_history_logo_sign_in';
import * as migration_20261204_033941_lift_embargo_now from './20261204_033941_lift_embargo_now';
import * as migration_20261204_191547_press_office_address from './20261204_191547_press_office_address';
import * as migration_20261204_192624_email_task from './20261204_192624_email_task';
import * as migration_20261204_193154_notification_choices from './20261204_193154_notification_choices';
import * as migration_20261204_194023_notify_lift_failed_preview_opened from './20261204_194023_notify_lift_failed_preview_opened';
import * as migration_20261207_032320_email_alerts_and_media_list from './20261207_032320_email_alerts_and_media_list';
import * as migration_20261207_041342_police_release_kinds from './20261207_041342_police_release_kinds';
import * as migration_20261207_180543_content_changes from './20261207_180543_content_changes';

export const migrations = [
  {
    up: migration_20261123_120418_initial.up,
    down: migration_20261123_120418_initial.down,
    name: '20261123_120418_initial',
  },
  {
    up: migration_20261123_124026_release_updates_and_search_text.up,
    down: migration_20261123_124026_release_updates_and_search_text.down,
    name: '20261123_124026_release_updates_and_search_text',
  },
  {
    up: migration_20261123_131020_workflow_preview_links_redirects_jobs.up,
    down: migration_20261123_131020_workflow_preview_links_redirects_jobs.down,
    name: '20261123_131020_workflow_preview_links_redirects_jobs',
  },
  {
    up: migration_20261123_135233_public_from.up,
    down: migration_20261123_135233_public_from.down,
    name: '20261123_135233_public_from',
  },
  {
    up: migration_20261123_135853_listing_indexes.up,
    down: migration_20261123_135853_listing_indexes.down,
    name: '20261123_135853_listing_indexes',
  },
  {
    up: migration_20261123_135900_full_text_search.up,
    down: migration_20261123_135900_full_text_search.down,
    name: '20261123_135900_full_text_search',
  },
  {
    up: migration_20261123_140151_content_version.up,
    down: migration_20261123_140151_content_version.down,
    name: '20261123_140151_content_version',
  },
  {
    up: migration_20261123_182813_uk_time_zones.up,
    down: migration_20261123_182813_uk_time_zones.down,
    name: '20261123_182813_uk_time_zones',
  },
  {
    up: migration_20261123_183633_listing_count_index.up,
    down: migration_20261123_183633_listing_count_index.down,
    name: '20261123_183633_listing_count_index',
  },
  {
    up: migration_20261202_070708_review_history_logo_sign_in.up,
    down: migration_20261202_070708_review_history_logo_sign_in.down,
    name: '20261202_070708_review_history_logo_sign_in',
  },
  {
    up: migration_20261204_033941_lift_embargo_now.up,
    down: migration_20261204_033941_lift_embargo_now.down,
    name: '20261204_033941_lift_embargo_now',
  },
  {
    up: migration_20261204_191547_press_office_address.up,
    down: migration_20261204_191547_press_office_address.down,
    name: '20261204_191547_press_office_address',
  },
  {
    up: migration_20261204_192624_email_task.up,
    down: migration_20261204_192624_email_task.down,
    name: '20261204_192624_email_task',
  },
  {
    up: migration_20261204_193154_notification_choices.up,
    down: migration_20261204_193154_notification_choices.down,
    name: '20261204_193154_notification_choices',
  },
  {
    up: migration_20261204_194023_notify_lift_failed_preview_opened.up,
    down: migration_20261204_194023_notify_lift_failed_preview_opened.down,
    name: '20261204_194023_notify_lift_failed_preview_opened',
  },
  {
    up: migration_20261207_032320_email_alerts_and_media_list.up,
    down: migration_20261207_032320_email_alerts_and_media_list.down,
    name: '20261207_032320_email_alerts_and_media_list',
  },
  {
    up: migration_20261207_041342_police_release_kinds.up,
    down: migration_20261207_041342_police_release_kinds.down,
    name: '20261207_041342_police_release_kinds',
  },
  {
    up: migration_20261207_180543_content_changes.up,
    down: migration_20261207_180543_content_changes.down,
    name: '20261207_180543_content_changes'
  },
];
