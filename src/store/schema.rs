//! Schema migrations, keyed by `PRAGMA user_version`.
//!
//! Each entry of [`MIGRATIONS`] moves the cache from version N to N+1 and
//! runs in the same transaction as the version bump, so a cache is never
//! left between two versions. User state lives in its own table that no
//! migration drops.

use rusqlite::Connection;

/// `PRAGMA application_id` of a zhoubao cache ("zhob"), so a foreign
/// SQLite file is recognised and left alone.
pub const APPLICATION_ID: i32 = 0x7a68_6f62;

pub const MIGRATIONS: &[&str] = &[
    // 0 -> 1
    r#"
    CREATE TABLE sources (
        id INTEGER PRIMARY KEY,
        sha256 TEXT NOT NULL UNIQUE,
        path TEXT NOT NULL,
        format TEXT NOT NULL,
        imported_at TEXT NOT NULL,
        raw BLOB NOT NULL
    );
    -- What one source file says about one issue: about itself (rank 1 stub,
    -- rank 2 full copy) or about an issue its 近期回顾 points at (rank 0).
    CREATE TABLE claims (
        source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
        year INTEGER NOT NULL,
        number INTEGER NOT NULL,
        rank INTEGER NOT NULL,
        richness INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        title TEXT,
        period_start TEXT,
        period_end TEXT,
        published TEXT,
        source TEXT,
        url TEXT,
        biz TEXT,
        mid TEXT,
        idx TEXT,
        assessment TEXT,
        events_handled INTEGER,
        cross_border INTEGER,
        phishing_complaints INTEGER,
        malicious_app_platforms INTEGER,
        malicious_urls INTEGER
    );
    CREATE INDEX claims_by_key ON claims(year, number);
    CREATE INDEX claims_by_article ON claims(biz, mid, idx);
    -- The merged view of every known issue, rebuilt from claims on import.
    CREATE TABLE issues (
        year INTEGER NOT NULL,
        number INTEGER NOT NULL,
        title TEXT,
        period_start TEXT,
        period_end TEXT,
        published TEXT,
        source TEXT,
        url TEXT,
        assessment TEXT,
        events_handled INTEGER,
        cross_border INTEGER,
        phishing_complaints INTEGER,
        malicious_app_platforms INTEGER,
        malicious_urls INTEGER,
        cached INTEGER NOT NULL DEFAULT 0,
        -- The copy whose body is shown: the best (rank, richness, sha256) seen.
        body_rank INTEGER NOT NULL DEFAULT -1,
        body_richness INTEGER NOT NULL DEFAULT 0,
        body_sha256 TEXT NOT NULL DEFAULT '',
        body TEXT NOT NULL DEFAULT '[]',
        images TEXT NOT NULL DEFAULT '[]',
        PRIMARY KEY (year, number)
    ) WITHOUT ROWID;
    CREATE TABLE recent_refs (
        year INTEGER NOT NULL,
        number INTEGER NOT NULL,
        position INTEGER NOT NULL,
        ref_year INTEGER,
        ref_number INTEGER,
        title TEXT NOT NULL,
        url TEXT,
        PRIMARY KEY (year, number, position)
    ) WITHOUT ROWID;
    -- Reading state: import never writes here.
    CREATE TABLE user_state (
        year INTEGER NOT NULL,
        number INTEGER NOT NULL,
        read INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (year, number)
    ) WITHOUT ROWID;
    CREATE TABLE meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    ) WITHOUT ROWID;
    "#,
    // 1 -> 2: re-deriving from stored sources walks claims by source.
    r#"
    CREATE INDEX claims_by_source ON claims(source_id);
    "#,
    // 2 -> 3: bodies move out of the issue rows, so listing every issue
    // reads only the small rows; paragraphs become newline-separated text,
    // which a substring search can match even where JSON would escape.
    r#"
    CREATE TABLE issue_texts (
        year INTEGER NOT NULL,
        number INTEGER NOT NULL,
        body TEXT NOT NULL,
        images TEXT NOT NULL,
        PRIMARY KEY (year, number)
    );
    INSERT INTO issue_texts (year, number, body, images)
        SELECT year, number,
            ifnull((SELECT group_concat(value, char(10)) FROM json_each(issues.body)), ''),
            ifnull((SELECT group_concat(value, char(10)) FROM json_each(issues.images)), '')
        FROM issues WHERE body <> '[]' OR images <> '[]';
    ALTER TABLE issues DROP COLUMN body;
    ALTER TABLE issues DROP COLUMN images;
    "#,
    // 3 -> 4: an import merges a new claim with its issue's winners (the
    // claims that supply some field, see merge.rs) instead of re-reading
    // every claim of the issue. Marking every existing claim a winner is
    // correct, only not minimal: the first import touching an issue
    // narrows its marks.
    r#"
    ALTER TABLE claims ADD COLUMN wins INTEGER NOT NULL DEFAULT 1;
    CREATE INDEX claims_winning ON claims(year, number) WHERE wins = 1;
    "#,
    // 4 -> 5: a second series (CNVD漏洞周报) and figures as data. Every
    // key gains its series (`cncert` for everything before); the figure
    // columns become one JSON object per claim and per issue (figure id
    // to exact number: see figures_json.rs), so a series can declare new
    // figures without a migration; a double issue keeps its last number;
    // a body the archive cut short is marked. Nothing is lost: the read
    // marks, the texts, the 近期回顾 lines and the claims are carried
    // over row for row.
    r#"
    ALTER TABLE claims ADD COLUMN series TEXT NOT NULL DEFAULT 'cncert';
    ALTER TABLE claims ADD COLUMN last_number INTEGER;
    ALTER TABLE claims ADD COLUMN figures TEXT NOT NULL DEFAULT '{}';
    UPDATE claims SET figures = '{' || rtrim(
        ifnull('"events_handled":' || events_handled || ',', '') ||
        ifnull('"cross_border":' || cross_border || ',', '') ||
        ifnull('"phishing_complaints":' || phishing_complaints || ',', '') ||
        ifnull('"malicious_app_platforms":' || malicious_app_platforms || ',', '') ||
        ifnull('"malicious_urls":' || malicious_urls || ',', ''), ',') || '}';
    DROP INDEX claims_by_key;
    DROP INDEX claims_winning;
    ALTER TABLE claims DROP COLUMN events_handled;
    ALTER TABLE claims DROP COLUMN cross_border;
    ALTER TABLE claims DROP COLUMN phishing_complaints;
    ALTER TABLE claims DROP COLUMN malicious_app_platforms;
    ALTER TABLE claims DROP COLUMN malicious_urls;
    CREATE INDEX claims_by_key ON claims(series, year, number);
    CREATE INDEX claims_winning ON claims(series, year, number) WHERE wins = 1;

    CREATE TABLE issues_5 (
        series TEXT NOT NULL,
        year INTEGER NOT NULL,
        number INTEGER NOT NULL,
        last_number INTEGER,
        title TEXT,
        period_start TEXT,
        period_end TEXT,
        published TEXT,
        source TEXT,
        url TEXT,
        assessment TEXT,
        figures TEXT NOT NULL DEFAULT '{}',
        cached INTEGER NOT NULL DEFAULT 0,
        body_rank INTEGER NOT NULL DEFAULT -1,
        body_richness INTEGER NOT NULL DEFAULT 0,
        body_sha256 TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (series, year, number)
    ) WITHOUT ROWID;
    INSERT INTO issues_5 (series, year, number, title, period_start, period_end, published,
            source, url, assessment, figures, cached, body_rank, body_richness, body_sha256)
        SELECT 'cncert', year, number, title, period_start, period_end, published, source, url,
            assessment, '{' || rtrim(
                ifnull('"events_handled":' || events_handled || ',', '') ||
                ifnull('"cross_border":' || cross_border || ',', '') ||
                ifnull('"phishing_complaints":' || phishing_complaints || ',', '') ||
                ifnull('"malicious_app_platforms":' || malicious_app_platforms || ',', '') ||
                ifnull('"malicious_urls":' || malicious_urls || ',', ''), ',') || '}',
            cached, body_rank, body_richness, body_sha256
        FROM issues;
    DROP TABLE issues;
    ALTER TABLE issues_5 RENAME TO issues;

    CREATE TABLE issue_texts_5 (
        series TEXT NOT NULL,
        year INTEGER NOT NULL,
        number INTEGER NOT NULL,
        body TEXT NOT NULL,
        images TEXT NOT NULL,
        truncated INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (series, year, number)
    );
    INSERT INTO issue_texts_5 (series, year, number, body, images)
        SELECT 'cncert', year, number, body, images FROM issue_texts;
    DROP TABLE issue_texts;
    ALTER TABLE issue_texts_5 RENAME TO issue_texts;

    CREATE TABLE recent_refs_5 (
        series TEXT NOT NULL,
        year INTEGER NOT NULL,
        number INTEGER NOT NULL,
        position INTEGER NOT NULL,
        ref_series TEXT,
        ref_year INTEGER,
        ref_number INTEGER,
        title TEXT NOT NULL,
        url TEXT,
        PRIMARY KEY (series, year, number, position)
    ) WITHOUT ROWID;
    INSERT INTO recent_refs_5 (series, year, number, position, ref_series, ref_year,
            ref_number, title, url)
        SELECT 'cncert', year, number, position,
            CASE WHEN ref_year IS NULL THEN NULL ELSE 'cncert' END,
            ref_year, ref_number, title, url
        FROM recent_refs;
    DROP TABLE recent_refs;
    ALTER TABLE recent_refs_5 RENAME TO recent_refs;

    CREATE TABLE user_state_5 (
        series TEXT NOT NULL,
        year INTEGER NOT NULL,
        number INTEGER NOT NULL,
        read INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (series, year, number)
    ) WITHOUT ROWID;
    INSERT INTO user_state_5 (series, year, number, read)
        SELECT 'cncert', year, number, read FROM user_state;
    DROP TABLE user_state;
    ALTER TABLE user_state_5 RENAME TO user_state;
    "#,
    // 5 -> 6: the feeds `zhoubao update` reads (see feeds.rs): what each
    // said last, to ask it conditionally next time and for `zhoubao
    // feeds`, and the issues its items named. Reindex leaves both alone.
    r#"
    CREATE TABLE feeds (
        url TEXT PRIMARY KEY,
        etag TEXT,
        last_modified TEXT,
        checked_at TEXT,
        result TEXT,
        error TEXT,
        items INTEGER NOT NULL DEFAULT 0
    ) WITHOUT ROWID;
    CREATE TABLE feed_items (
        feed_url TEXT NOT NULL,
        series TEXT NOT NULL,
        year INTEGER NOT NULL,
        number INTEGER NOT NULL,
        link TEXT,
        has_text INTEGER NOT NULL,
        PRIMARY KEY (feed_url, series, year, number)
    ) WITHOUT ROWID;
    "#,
    // 6 -> 7: the bulletins' pictures (store/images.rs), one row per
    // picture by its address's identity (images/identity.rs), joined to an
    // issue through `issue_texts.images`; reindex never touches the table.
    // A row without bytes is a failed download and its reason, in both
    // languages. The bytes come last, so reading the other columns does
    // not read past them.
    r#"
    CREATE TABLE images (
        id INTEGER PRIMARY KEY,
        identity TEXT NOT NULL UNIQUE,
        url TEXT NOT NULL,
        fetched_at TEXT NOT NULL,
        kind TEXT,
        width INTEGER,
        height INTEGER,
        size INTEGER,
        sha256 TEXT,
        failed_zh TEXT,
        failed_en TEXT,
        bytes BLOB,
        CHECK ((bytes IS NULL) = (failed_en IS NOT NULL))
    );
    "#,
    // 7 -> 8: the analyst's own layer beside the read marks: a flag and a
    // note per issue, kept as typed (sanitised only when drawn or
    // printed). Like the read marks, import, reindex and recover never
    // drop them, and an issue the cache does not know yet may have them.
    r#"
    ALTER TABLE user_state ADD COLUMN flagged INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE user_state ADD COLUMN note TEXT;
    "#,
];

/// The schema version this build writes.
pub fn current_version() -> i64 {
    MIGRATIONS.len() as i64
}

pub fn user_version(conn: &Connection) -> rusqlite::Result<i64> {
    conn.query_row("PRAGMA user_version", [], |r| r.get(0))
}

pub fn application_id(conn: &Connection) -> rusqlite::Result<i32> {
    conn.query_row("PRAGMA application_id", [], |r| r.get(0))
}

/// What a file's header and table list say about who it belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Header {
    pub has_tables: bool,
    pub application_id: i32,
    pub version: i64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Owner {
    /// A zhoubao cache (of any schema version).
    Ours,
    /// An empty SQLite file that no program has marked as its own: a new
    /// cache, or one whose creation another zhoubao has just begun.
    Unclaimed,
    /// Another program's file, even when it holds no table yet.
    Foreign,
}

impl Header {
    /// Reads only: nothing is written to the file.
    pub fn read(conn: &Connection) -> rusqlite::Result<Header> {
        let has_tables = conn
            .query_row("SELECT count(*) FROM sqlite_master", [], |r| {
                r.get::<_, i64>(0)
            })
            .map(|n| n > 0)?;
        Ok(Header {
            has_tables,
            application_id: application_id(conn)?,
            version: user_version(conn)?,
        })
    }

    pub fn owner(&self) -> Owner {
        match self.application_id {
            APPLICATION_ID => Owner::Ours,
            0 if !self.has_tables && self.version == 0 => Owner::Unclaimed,
            _ => Owner::Foreign,
        }
    }
}
