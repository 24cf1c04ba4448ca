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
CREATE INDEX articles_feed ON articles(feed_id);
CREATE INDEX articles_starred ON articles(starred) WHERE starred = 1;
CREATE INDEX articles_published ON articles(published DESC);
CREATE TABLE article_sections (
	section    TEXT NOT NULL,
	article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	published  INTEGER NOT NULL,
	read       INTEGER NOT NULL DEFAULT 0, -- copy of articles.read, kept by the trigger below
	PRIMARY KEY (section, article_id)
) WITHOUT ROWID;
CREATE INDEX article_sections_newest ON article_sections(section, published DESC, article_id DESC);
CREATE INDEX article_sections_article ON article_sections(article_id);
-- section_counts keeps each section's total and unread counts current,
-- so the header and the list never count 100,000 rows.
CREATE TABLE section_counts (
	section TEXT PRIMARY KEY,
	total   INTEGER NOT NULL DEFAULT 0,
	unread  INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
CREATE TRIGGER article_sections_added AFTER INSERT ON article_sections BEGIN
	INSERT OR IGNORE INTO section_counts(section) VALUES (NEW.section);
	UPDATE section_counts SET total = total + 1, unread = unread + (NEW.read = 0) WHERE section = NEW.section;
END;
CREATE TRIGGER article_sections_removed AFTER DELETE ON article_sections BEGIN
	UPDATE section_counts SET total = total - 1, unread = unread - (OLD.read = 0) WHERE section = OLD.section;
END;
CREATE TRIGGER article_sections_read AFTER UPDATE OF read ON article_sections WHEN OLD.read != NEW.read BEGIN
	UPDATE section_counts SET unread = unread + (NEW.read = 0) - (OLD.read = 0) WHERE section = NEW.section;
END;
CREATE TRIGGER articles_read_copy AFTER UPDATE OF read ON articles WHEN OLD.read != NEW.read BEGIN
	UPDATE article_sections SET read = NEW.read WHERE article_id = NEW.id;
END;
CREATE TABLE rankings (
	section    TEXT NOT NULL,
	rank       INTEGER NOT NULL,
	article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	PRIMARY KEY (section, rank)
) WITHOUT ROWID;
`,
	// 2 (every): subscriptions live in the cache (seeded from the config),
	// per-feed refresh scheduling, extracted full text.
	`
CREATE TABLE sections (
	key       TEXT NOT NULL PRIMARY KEY COLLATE NOCASE,
	title     TEXT NOT NULL DEFAULT '',
	position  INTEGER NOT NULL DEFAULT 0,
	ranking   TEXT NOT NULL DEFAULT '',
	full_text INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE subscriptions (
	section   TEXT NOT NULL COLLATE NOCASE REFERENCES sections(key) ON DELETE CASCADE ON UPDATE CASCADE,
	url       TEXT NOT NULL,
	title     TEXT NOT NULL DEFAULT '',
	position  INTEGER NOT NULL DEFAULT 0,
	full_text INTEGER NOT NULL DEFAULT 0,
	added_at  INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (section, url)
);
CREATE INDEX subscriptions_url ON subscriptions(url);
-- config_seeded remembers every config entry already copied into the
-- cache, so an entry is seeded once and a removal in the reader sticks.
CREATE TABLE config_seeded (
	section TEXT NOT NULL COLLATE NOCASE,
	url     TEXT NOT NULL,
	PRIMARY KEY (section, url)
) WITHOUT ROWID;
ALTER TABLE feeds ADD COLUMN next_due INTEGER NOT NULL DEFAULT 0;  -- unix seconds; 0 = due now
ALTER TABLE feeds ADD COLUMN failures INTEGER NOT NULL DEFAULT 0;  -- consecutive failed fetches
ALTER TABLE feeds ADD COLUMN hint TEXT NOT NULL DEFAULT '';         -- why next_due is what it is
CREATE TABLE full_texts (
	article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
	html       TEXT NOT NULL DEFAULT '',
	error      TEXT NOT NULL DEFAULT '',
	fetched_at INTEGER NOT NULL
);
`,
	// 3 (sync): the outbox of local reading-state changes not yet
	// acknowledged by the sync server, filled by triggers in the same
	// transaction as the change (one row per article and field: the latest
	// change wins); what the server last said of each remote entry; and
	// sync bookkeeping. sync_flags.applying is set only inside the
	// transaction that applies the server's changes, so those are not
	// echoed back.
	`
CREATE TABLE sync_flags (
	id       INTEGER PRIMARY KEY CHECK (id = 1),
	applying INTEGER NOT NULL DEFAULT 0,
	seq      INTEGER NOT NULL DEFAULT 0
);
INSERT INTO sync_flags(id) VALUES (1);
CREATE TABLE sync_outbox (
	article_id INTEGER NOT NULL,
	field      TEXT NOT NULL,    -- 'read' or 'starred'
	value      INTEGER NOT NULL,
	at         INTEGER NOT NULL, -- Unix milliseconds of the change
	seq        INTEGER NOT NULL, -- bumps on every change, so a push acknowledges only what it sent
	PRIMARY KEY (article_id, field)
) WITHOUT ROWID;
CREATE TRIGGER sync_outbox_read AFTER UPDATE OF read ON articles
WHEN OLD.read != NEW.read AND (SELECT applying FROM sync_flags) = 0 BEGIN
	UPDATE sync_flags SET seq = seq + 1;
	INSERT INTO sync_outbox(article_id, field, value, at, seq)
	VALUES (NEW.id, 'read', NEW.read, CAST(unixepoch('subsec') * 1000 AS INTEGER), (SELECT seq FROM sync_flags))
	ON CONFLICT(article_id, field) DO UPDATE SET value = excluded.value, at = excluded.at, seq = excluded.seq;
END;
CREATE TRIGGER sync_outbox_starred AFTER UPDATE OF starred ON articles
WHEN OLD.starred != NEW.starred AND (SELECT applying FROM sync_flags) = 0 BEGIN
	UPDATE sync_flags SET seq = seq + 1;
	INSERT INTO sync_outbox(article_id, field, value, at, seq)
	VALUES (NEW.id, 'starred', NEW.starred, CAST(unixepoch('subsec') * 1000 AS INTEGER), (SELECT seq FROM sync_flags))
	ON CONFLICT(article_id, field) DO UPDATE SET value = excluded.value, at = excluded.at, seq = excluded.seq;
END;
CREATE TABLE sync_remote (
	remote_id  TEXT PRIMARY KEY,
	feed_url   TEXT NOT NULL DEFAULT '',
	hash       TEXT NOT NULL DEFAULT '',
	link       TEXT NOT NULL DEFAULT '',
	read       INTEGER NOT NULL DEFAULT 0,
	starred    INTEGER NOT NULL DEFAULT 0,
	changed_at INTEGER NOT NULL DEFAULT 0, -- Unix milliseconds, server clock
	article_id INTEGER                     -- the matching local article, NULL until one is cached
) WITHOUT ROWID;
CREATE INDEX sync_remote_article ON sync_remote(article_id);
CREATE INDEX sync_remote_unmatched ON sync_remote(link) WHERE article_id IS NULL;
CREATE TABLE sync_meta (
	key   TEXT PRIMARY KEY,
	value TEXT NOT NULL
) WITHOUT ROWID;
-- What was read or starred before this migration is a local change too.
INSERT INTO sync_outbox(article_id, field, value, at, seq) SELECT id, 'read', 1, read_at * 1000, 0 FROM articles WHERE read = 1;
INSERT INTO sync_outbox(article_id, field, value, at, seq) SELECT id, 'starred', 1, fetched_at * 1000, 0 FROM articles WHERE starred = 1;
CREATE TRIGGER sync_article_gone AFTER DELETE ON articles BEGIN
	DELETE FROM sync_outbox WHERE article_id = OLD.id;
	UPDATE sync_remote SET article_id = NULL WHERE article_id = OLD.id;
END;
`,
	// 4 (disco): discovery. A full-text index over every article (kept by triggers,
	// through the Go function newsreader_plain that flattens HTML), each
	// article's story and outlet, the stories with their outlet counts,
	// each article's stored terms, and per-term document frequencies.
	// Existing articles are indexed here and given stories at the next save.
	`
ALTER TABLE articles ADD COLUMN story INTEGER NOT NULL DEFAULT 0;
ALTER TABLE articles ADD COLUMN outlet TEXT NOT NULL DEFAULT '';
CREATE INDEX articles_story ON articles(story, outlet);
CREATE INDEX articles_pending ON articles(published, id) WHERE story = 0;
CREATE TABLE stories (
	id       INTEGER PRIMARY KEY, -- the ID of its first article
	outlets  INTEGER NOT NULL DEFAULT 1,
	articles INTEGER NOT NULL DEFAULT 1,
	first    INTEGER NOT NULL,
	last     INTEGER NOT NULL
);
CREATE TABLE article_terms (
	article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
	terms      TEXT NOT NULL -- "term weight term weight ...", see cache/stories
);
CREATE TABLE term_df (
	term TEXT PRIMARY KEY,
	df   INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE discover_meta (
	key   TEXT PRIMARY KEY,
	value INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO discover_meta(key, value) VALUES ('docs', 0), ('gen', 0);
CREATE VIRTUAL TABLE articles_fts USING fts5(title, body, author, source, categories,
	tokenize = 'porter unicode61 remove_diacritics 2');
INSERT INTO articles_fts(rowid, title, body, author, source, categories)
	SELECT id, title, newsreader_plain(summary, content), author, source, replace(categories, char(31), ' ') FROM articles;
CREATE TRIGGER articles_fts_added AFTER INSERT ON articles BEGIN
	INSERT INTO articles_fts(rowid, title, body, author, source, categories)
	VALUES (NEW.id, NEW.title, newsreader_plain(NEW.summary, NEW.content), NEW.author, NEW.source, replace(NEW.categories, char(31), ' '));
END;
CREATE TRIGGER articles_fts_changed AFTER UPDATE OF title, summary, content, author, source, categories ON articles
WHEN OLD.title IS NOT NEW.title OR OLD.summary IS NOT NEW.summary OR OLD.content IS NOT NEW.content
	OR OLD.author IS NOT NEW.author OR OLD.source IS NOT NEW.source OR OLD.categories IS NOT NEW.categories BEGIN
	DELETE FROM articles_fts WHERE rowid = OLD.id;
	INSERT INTO articles_fts(rowid, title, body, author, source, categories)
	VALUES (NEW.id, NEW.title, newsreader_plain(NEW.summary, NEW.content), NEW.author, NEW.source, replace(NEW.categories, char(31), ' '));
END;
CREATE TRIGGER articles_fts_removed AFTER DELETE ON articles BEGIN
	DELETE FROM articles_fts WHERE rowid = OLD.id;
END;
`,
	// every: IDs of pruned articles, so a feed still listing one cannot
	// bring it back unread (it comes back read, at its old date).
	`
CREATE TABLE pruned_ids (
	uid       TEXT NOT NULL PRIMARY KEY,
	pruned_at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TRIGGER articles_unpruned AFTER INSERT ON articles
WHEN EXISTS (SELECT 1 FROM pruned_ids WHERE uid = NEW.uid) BEGIN
	UPDATE articles SET read = 1, read_at = NEW.fetched_at WHERE id = NEW.id;
END;
`,
	// every: a feed's own <ttl>, kept so that a 304 (no body) still honours it.
	`ALTER TABLE feeds ADD COLUMN ttl INTEGER NOT NULL DEFAULT 0;`,
	// engine: what refresh needs to skip unchanged work and say what
	// it kept: the last parsed body's hash, a note on the last fetch, the
	// sections its articles were last put in, and each article's source hash.
	`
ALTER TABLE feeds ADD COLUMN body_hash TEXT NOT NULL DEFAULT '';
ALTER TABLE feeds ADD COLUMN note TEXT NOT NULL DEFAULT '';
ALTER TABLE feeds ADD COLUMN sections TEXT NOT NULL DEFAULT '';
ALTER TABLE articles ADD COLUMN hash INTEGER NOT NULL DEFAULT 0;
`,
	// eui: n / N find the next unread of a section without walking its
	// read articles (AdjacentUnread).
	`CREATE INDEX article_sections_unread ON article_sections(section, published DESC, article_id DESC) WHERE read = 0;`,
	// (disco): new articles enter the full-text index in one statement per
	// save (cache/index.go) instead of one trigger run per row: FTS5 flushes
	// its pending terms at every statement, so row by row it wrote a
	// segment per article. Edits and deletions are still kept by triggers.
	`
DROP TRIGGER IF EXISTS articles_fts_added;
`,
	// (disco): Recommended reads the reader's history newest first.
	`CREATE INDEX articles_history ON articles(read_at DESC) WHERE read = 1;`,
	// (query): the full-text index keeps 2- and 3-letter prefixes too, so
	// a word being typed (a search's last word is also a prefix) reads one
	// list instead of merging the lists of every word it begins (14 ms to
	// 1 ms at 100,000 articles). The text is copied from the old index,
	// not flattened from HTML again.
	`
CREATE TEMP TABLE articles_fts_copy AS SELECT rowid AS id, title, body, author, source, categories FROM articles_fts;
DROP TABLE articles_fts;
CREATE VIRTUAL TABLE articles_fts USING fts5(title, body, author, source, categories,
	tokenize = 'porter unicode61 remove_diacritics 2', prefix = '2 3');
INSERT INTO articles_fts(rowid, title, body, author, source, categories)
	SELECT id, title, body, author, source, categories FROM temp.articles_fts_copy ORDER BY id;
DROP TABLE temp.articles_fts_copy;
`,
	// (query): article_sections keeps a copy of each article's story (0
	// until it has one), so the one-row-per-story list pages and counts a
	// section's stories from this table alone (the count took 175 ms at
	// 100,000 articles, 10 ms now). Save writes it with the row; the
	// triggers keep it when a story is given later, and fill it for any
	// other writer of rows.
	`
ALTER TABLE article_sections ADD COLUMN story INTEGER NOT NULL DEFAULT 0;
UPDATE article_sections SET story = coalesce((SELECT story FROM articles WHERE id = article_id), 0);
CREATE INDEX article_sections_story ON article_sections(section, story, published DESC, article_id DESC);
CREATE TRIGGER article_sections_story_added AFTER INSERT ON article_sections
WHEN NEW.story = 0 AND (SELECT story FROM articles WHERE id = NEW.article_id) != 0 BEGIN
	UPDATE article_sections SET story = (SELECT story FROM articles WHERE id = NEW.article_id)
	WHERE section = NEW.section AND article_id = NEW.article_id;
END;
CREATE TRIGGER articles_story_copy AFTER UPDATE OF story ON articles WHEN OLD.story != NEW.story BEGIN
	UPDATE article_sections SET story = NEW.story WHERE article_id = NEW.id;
END;
`,
	// (fts): this rebuilt the index without a copy of the text and without
	// prefixes; the next migration rebuilds it again, so it no longer
	// does anything (an upgrade rebuilds the index once). Kept so that
	// caches at either version take the same path.
	`SELECT 1;`,
	// (fts): the full-text index keeps no copy of the text (contentless:
	// snippets are made in Go from the article, see Store.snippets), no
	// prefixes (a word being typed stands for its commonest completions,
	// see Store.completions), and records in which columns an article
	// holds a term, not where (detail=column): each article costs about a
	// third as much to index, and the index a fifth of the space. Deleted
	// rows are still removed by rowid (contentless_delete). Search and
	// Related only ask for single terms (a phrase of several needs the
	// positions; see ftsWordRune). The text is flattened again from the
	// articles.
	`
DROP TABLE articles_fts;
CREATE VIRTUAL TABLE articles_fts USING fts5(title, body, author, source, categories,
	tokenize = 'porter unicode61 remove_diacritics 2', content = '', contentless_delete = 1, detail = column);
INSERT INTO articles_fts(rowid, title, body, author, source, categories)
	SELECT id, title, newsreader_plain(summary, content), author, source, replace(categories, char(31), ' ') FROM articles ORDER BY id;
`,
	// (cjk): the index also holds the bigrams of runs of Chinese,
	// Japanese, Korean and Thai (see cache/cjk.go), so that a word inside
	// a run is found: every column goes through newsreader_terms and the
	// body through newsreader_fts (each word once, and the bigrams), in
	// the edit trigger as in a save (indexRows). Only articles holding
	// such letters are indexed again.
	`
DROP TRIGGER IF EXISTS articles_fts_changed;
CREATE TRIGGER articles_fts_changed AFTER UPDATE OF title, summary, content, author, source, categories ON articles
WHEN OLD.title IS NOT NEW.title OR OLD.summary IS NOT NEW.summary OR OLD.content IS NOT NEW.content
	OR OLD.author IS NOT NEW.author OR OLD.source IS NOT NEW.source OR OLD.categories IS NOT NEW.categories BEGIN
	DELETE FROM articles_fts WHERE rowid = OLD.id;
	INSERT INTO articles_fts(rowid, title, body, author, source, categories)
	VALUES (NEW.id, newsreader_terms(NEW.title), newsreader_fts(NEW.summary, NEW.content), newsreader_terms(NEW.author),
		newsreader_terms(NEW.source), newsreader_terms(replace(NEW.categories, char(31), ' ')));
END;
CREATE TEMP TABLE articles_unspaced AS SELECT id FROM articles
	WHERE newsreader_unspaced(title) OR newsreader_unspaced(summary) OR newsreader_unspaced(content)
		OR newsreader_unspaced(author) OR newsreader_unspaced(source) OR newsreader_unspaced(categories);
DELETE FROM articles_fts WHERE rowid IN (SELECT id FROM temp.articles_unspaced);
INSERT INTO articles_fts(rowid, title, body, author, source, categories)
	SELECT id, newsreader_terms(title), newsreader_fts(summary, content), newsreader_terms(author),
		newsreader_terms(source), newsreader_terms(replace(categories, char(31), ' '))
	FROM articles WHERE id IN (SELECT id FROM temp.articles_unspaced) ORDER BY id;
DROP TABLE temp.articles_unspaced;
`,
	// (wire): where feeds moved (permanent redirects, see moved.go): each
	// old address and the feed's new one, so the config's old address
	// means the feed at its new one.
	`
CREATE TABLE IF NOT EXISTS feed_moves (
	old      TEXT NOT NULL PRIMARY KEY,
	new      TEXT NOT NULL,
	moved_at INTEGER NOT NULL
) WITHOUT ROWID;
`,
	// (polish): feed_moves kept a row for every address a feed was moved
	// to and then moved on from (a server giving a new address at every
	// fetch grew it for ever); moveFeed no longer records them. Of the
	// rows leading to one address, those recorded after the first are
	// such passing addresses and go (moved.go).
	`
DELETE FROM feed_moves WHERE moved_at > (SELECT min(m.moved_at) FROM feed_moves m WHERE m.new = feed_moves.new);
`,
	// (lead): a section's counts are kept by one upsert per row added to
	// it, not an insert and an update: a cold refresh adds a row per
	// article and section, on the one goroutine that writes.
	`
DROP TRIGGER IF EXISTS article_sections_added;
CREATE TRIGGER article_sections_added AFTER INSERT ON article_sections BEGIN
	INSERT INTO section_counts(section, total, unread) VALUES (NEW.section, 1, NEW.read = 0)
	ON CONFLICT(section) DO UPDATE SET total = total + 1, unread = unread + (NEW.read = 0);
END;
`,
}
