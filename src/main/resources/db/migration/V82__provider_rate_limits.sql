-- Provider rate limits shared by every gateway instance on this database (docs/provider-limits.md).
-- One row per limit (say "mtn-collection-status"): the earliest instant the next permit may be used. Taking a
-- permit is one UPDATE of the row that moves it on by one interval (SharedTokenBucket); no index column
-- changes, so the update stays on the page (HOT) and the small fill factor leaves room for it.
CREATE TABLE provider_rate_limit (
    name      text        PRIMARY KEY,
    next_free timestamptz NOT NULL
) WITH (fillfactor = 50);
