-- Feeds followed by the poller: each feed's schedule and validators, as
-- the poller's JSON state.
CREATE TABLE feeds (
    url   TEXT PRIMARY KEY,
    state TEXT NOT NULL
);
