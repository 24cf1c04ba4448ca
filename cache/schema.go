package cache

// migrations are applied in order; PRAGMA user_version records how many
// have run. Append only: never edit one that has shipped.
var migrations = []string{
	// 1: feeds, articles with reading state, section membership, rankings.
	`
CREATE TABLE feeds (
	id            INTEGER PRIMARY KEY,
	url           TEXT NOT NULL UNIQUE,
	title         TEXT NOT NULL DEFAULT '',
	etag          TEXT NOT NULL DEFAULT '',
	last_modified TEXT NOT NULL DEFAULT '',
	fetched_at    INTEGER NOT NULL DEFAULT 0,
	ok_at         INTEGER NOT NULL DEFAULT 0,
	error         TEXT NOT NULL DEFAULT ''
);
CREATE TABLE articles (
	id         INTEGER PRIMARY KEY,
	uid        TEXT NOT NULL UNIQUE,
	feed_id    INTEGER NOT NULL REFERENCES feeds(id),
	source     TEXT NOT NULL DEFAULT '',
	title      TEXT NOT NULL,
	link       TEXT NOT NULL DEFAULT '',
	author     TEXT NOT NULL DEFAULT '',
	published  INTEGER NOT NULL,
	updated    INTEGER NOT NULL,
	summary    TEXT NOT NULL DEFAULT '',
	content    TEXT NOT NULL DEFAULT '',
	categories TEXT NOT NULL DEFAULT '',
	image      TEXT NOT NULL DEFAULT '',
	comments   INTEGER NOT NULL DEFAULT 0,
	views      INTEGER NOT NULL DEFAULT 0,
	rating     REAL NOT NULL DEFAULT 0,
	fetched_at INTEGER NOT NULL,
	read       INTEGER NOT NULL DEFAULT 0,
	starred    INTEGER NOT NULL DEFAULT 0,
	read_at    INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX articles_link ON articles(link);
CREATE INDEX articles_starred ON articles(starred) WHERE starred = 1;
CREATE INDEX articles_published ON articles(published DESC);
CREATE TABLE article_sections (
	section    TEXT NOT NULL,
	article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	published  INTEGER NOT NULL,
	PRIMARY KEY (section, article_id)
) WITHOUT ROWID;
CREATE INDEX article_sections_newest ON article_sections(section, published DESC, article_id DESC);
CREATE INDEX article_sections_article ON article_sections(article_id);
CREATE TABLE rankings (
	section    TEXT NOT NULL,
	rank       INTEGER NOT NULL,
	article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	PRIMARY KEY (section, rank)
) WITHOUT ROWID;
`,
}
