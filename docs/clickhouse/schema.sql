-- Signpost's daily reports in ClickHouse: one row per report (its flags and endorsements) and one
-- per tool and item it counted. Written for Debian 12's clickhouse-server 18.16 (no TTL clause,
-- no SQL users); see README.md beside this file for retention and for a current cluster.
--
--   clickhouse-client --multiquery < docs/clickhouse/schema.sql

CREATE DATABASE IF NOT EXISTS signpost;

CREATE TABLE IF NOT EXISTS signpost.report_rows
(
    -- The browser's local day the counts are for.
    day Date,
    -- The report's idempotency key: one browser's one day, random, the same on every retry.
    report_key String,
    -- 'report': the report itself (flags, endorsements); 'item': the counts of one tool and item.
    row_type Enum8('report' = 1, 'item' = 2),
    tool String,
    item_id String,
    kind Enum8('' = 0, 'article' = 1, 'tip' = 2),
    -- Pilot groups from the organisation's policy (never an identity).
    groups Array(String),
    extension_version String,
    -- On the 'report' row: the tools where a tip was on screen / opened that day (people figures
    -- without counting distinct keys over every row).
    tip_seen_tools Array(String),
    tip_opened_tools Array(String),
    -- Counts per event type (utils/measurement/events.ts), 0 when absent.
    impression UInt32,
    panel UInt32,
    open UInt32,
    helpful UInt32,
    not_helpful UInt32,
    snooze UInt32,
    dismiss UInt32,
    pause UInt32,
    announce UInt32,
    announce_dismissed UInt32,
    gap UInt32,
    -- On the 'report' row: flags by reason and endorsements made that day.
    flag_outdated UInt32,
    flag_incorrect UInt32,
    flag_incomplete UInt32,
    flag_duplicate UInt32,
    flag_missing UInt32,
    flag_other UInt32,
    endorsements UInt32,
    -- On 'item' rows: 1 on the report's first row of its item with an impression / an open (an
    -- item seen on two tools is one browser that saw it), so reach is a sum, not a count of keys.
    saw_item UInt8,
    opened_item UInt8,
    -- Computed by the server: the row (one report, tool and item) saw / opened the item.
    saw_row UInt8 MATERIALIZED impression > 0,
    opened_row UInt8 MATERIALIZED open > 0
)
-- A retried report inserts the same rows again; rows with the same key are merged into one in
-- the background, and the dashboard's queries count each report once before that happens.
ENGINE = ReplacingMergeTree()
PARTITION BY toYYYYMM(day)
ORDER BY (day, report_key, row_type, tool, item_id);
