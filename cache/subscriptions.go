package cache

// Subscriptions: the sections and their feeds live in the cache, so the
// reader can add, move and remove feeds while it runs. The config file
// seeds them: every (section, feed) entry of the config is copied into the
// cache once, the first time it is seen (SeedSubscriptions). After that the
// cache wins: removing a feed in the reader sticks even though the config
// still lists it, and a feed added to the config later is added on the
// next start. ResetSubscriptions throws the cache's subscriptions away and
// seeds them again from the config (--reset-subscriptions).
//
// API (consumers: main, ui, ui/cli, cache/sync):
//
//	Sections(ctx) ([]SectionInfo, error)              every section in order, with its feeds
//	Subscribe(ctx, section, title, url) error         creates the section if new (title defaults to the key)
//	Unsubscribe(ctx, url) error                       removes the feed from every section
//	MoveFeed(ctx, url, section) error                 moves a feed to another (maybe new) section
//	SetSectionFullText / SetFeedFullText              the full-text-on-refresh settings
//	Subscriptions(ctx) ([]Subscription, error)        one row per (section, feed) with its last status
//	SeedSubscriptions / ResetSubscriptions            the config → cache rule above

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	"newsreader/feed"
)

// SectionInfo is one section as the cache holds it.
type SectionInfo struct {
	Key, Title    string
	Feeds         []string // in the order they were added
	Ranking       string   // most-read feed, "" when none
	FullText      bool     // fetch full text for new articles of every feed of the section
	FullTextFeeds []string // feeds with full text on although the section has it off
}

// Section converts to the config's shape, which Plan and the UI take.
func (si SectionInfo) Section() feed.Section {
	return feed.Section{Key: si.Key, Title: si.Title, Feeds: si.Feeds, Ranking: si.Ranking, FullText: si.FullText, FullTextFeeds: si.FullTextFeeds}
}

// FullTextFor reports whether new articles of feed u in this section get
// their full text fetched during refresh.
func (si SectionInfo) FullTextFor(u string) bool {
	if si.FullText {
		return true
	}
	for _, f := range si.FullTextFeeds {
		if f == u {
			return true
		}
	}
	return false
}

// ConfigSections converts a list of SectionInfo to config sections.
func ConfigSections(infos []SectionInfo) []feed.Section {
	out := make([]feed.Section, len(infos))
	for i, si := range infos {
		out[i] = si.Section()
	}
	return out
}

// ErrNotSubscribed is returned when removing or moving a feed that no
// section lists.
var ErrNotSubscribed = errors.New("not subscribed")

// ErrSubscribed is returned by Subscribe when the section already lists the feed.
var ErrSubscribed = errors.New("already subscribed")

// Sections returns every section in order with its feeds.
func (s *Store) Sections(ctx context.Context) ([]SectionInfo, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT key, title, ranking, full_text FROM sections ORDER BY position, key`)
	if err != nil {
		return nil, err
	}
	var out []SectionInfo
	index := map[string]int{}
	for rows.Next() {
		var si SectionInfo
		if err := rows.Scan(&si.Key, &si.Title, &si.Ranking, &si.FullText); err != nil {
			rows.Close()
			return nil, err
		}
		index[strings.ToLower(si.Key)] = len(out)
		out = append(out, si)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows, err = s.db.QueryContext(ctx, `SELECT section, url, full_text FROM subscriptions ORDER BY position, rowid`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var sec, u string
		var ft bool
		if err := rows.Scan(&sec, &u, &ft); err != nil {
			return nil, err
		}
		i, ok := index[strings.ToLower(sec)]
		if !ok {
			continue
		}
		out[i].Feeds = append(out[i].Feeds, u)
		if ft {
			out[i].FullTextFeeds = append(out[i].FullTextFeeds, u)
		}
	}
	return out, rows.Err()
}

// CheckSectionKey says whether key can name a new section.
func CheckSectionKey(key string) error {
	if err := checkKeyChars(key); err != nil {
		return err
	}
	return feed.CheckKeyLength(key)
}

func checkKeyChars(key string) error {
	switch {
	case key == "":
		return errors.New("section key is empty")
	case strings.ContainsAny(key, " \t/"):
		return fmt.Errorf("section key %q has spaces or slashes", key)
	}
	return nil
}

// CheckSection says whether key can name a section: one the cache has,
// whatever its length (a long key made before keys were bounded, by an
// OPML import of a long category, still takes feeds), or a new one
// (CheckSectionKey).
func (s *Store) CheckSection(ctx context.Context, key string) error {
	return checkSectionIn(ctx, s.db, key)
}

func checkSectionIn(ctx context.Context, q querier, key string) error {
	if err := checkKeyChars(key); err != nil {
		return err
	}
	if feed.CheckKeyLength(key) == nil {
		return nil
	}
	var known bool
	if err := q.QueryRowContext(ctx, "SELECT EXISTS (SELECT 1 FROM sections WHERE key = ?)", key).Scan(&known); err != nil || known {
		return err
	}
	return feed.CheckKeyLength(key)
}

func checkURL(raw string) error {
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Errorf("%q is not an http(s) URL", raw)
	}
	return nil
}

// ensureSection creates the section when new; title defaults to the key.
// It returns the section's key as stored (its original case). A section
// held under another key that is the same section by name
// (feed.SameSection: a sync folder, an OPML category and a config section
// titled alike; a key stored by an older version) is that section, not a
// new one beside it.
func ensureSection(ctx context.Context, tx *sql.Tx, key, title string) (string, error) {
	return ensureSectionBy(ctx, tx, key, title, title)
}

// ensureSectionBy is ensureSection, matching a section held under
// another key by match as its title ("": by the key alone). The config's
// sections are matched by key alone: the key is the user's, which
// --section and the config name, and a section merged into one held
// under another key would not answer to it.
func ensureSectionBy(ctx context.Context, tx *sql.Tx, key, title, match string) (string, error) {
	if k, ok, err := sectionNamed(ctx, tx, key, match); err != nil || ok {
		return k, err
	}
	if err := checkSectionIn(ctx, tx, key); err != nil {
		return "", err
	}
	if title == "" {
		title = key
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO sections(key, title, position)
VALUES(?1, ?2, (SELECT coalesce(max(position), 0) + 1 FROM sections)) ON CONFLICT(key) DO NOTHING`, key, title)
	if err != nil {
		return "", err
	}
	var stored string
	err = tx.QueryRowContext(ctx, "SELECT key FROM sections WHERE key = ?", key).Scan(&stored)
	return stored, err
}

// SectionFor is the key of the section that key (made from a name, e.g.
// feed.SectionKey) and title stand for: the section held under key, else
// the one that is the same by name (feed.SameSection), else key itself.
func (s *Store) SectionFor(ctx context.Context, key, title string) (string, error) {
	k, ok, err := sectionNamed(ctx, s.db, key, title)
	if err != nil || !ok {
		return key, err
	}
	return k, nil
}

// sectionNamed finds the section key and title name: the one titled
// alike (feed.NameKey of the titles) when the section held under key is
// titled otherwise, else the one held under key (in any letter case),
// else the first in order that feed.SameSection says is the one key names
// in another form. A title outranks the key because keys made from long
// names are cut, and cut alike are told apart by "-2", "-3" in the order
// a file lists them: a file listing them in another order gives a
// category the key another one's section has.
func sectionNamed(ctx context.Context, q interface {
	querier
	QueryContext(context.Context, string, ...any) (*sql.Rows, error)
}, key, title string) (string, bool, error) {
	rows, err := q.QueryContext(ctx, "SELECT key, title FROM sections ORDER BY position, key")
	if err != nil {
		return "", false, err
	}
	defer rows.Close()
	type held struct{ key, title string }
	var all []held
	exact, titled := -1, -1
	want := feed.NameKey(title)
	for rows.Next() {
		var h held
		if err := rows.Scan(&h.key, &h.title); err != nil {
			return "", false, err
		}
		if exact < 0 && strings.EqualFold(h.key, key) {
			exact = len(all)
		}
		if titled < 0 && want != "" && feed.NameKey(h.title) == want {
			titled = len(all)
		}
		all = append(all, h)
	}
	if err := rows.Err(); err != nil {
		return "", false, err
	}
	switch {
	case exact >= 0 && (titled < 0 || feed.NameKey(all[exact].title) == want):
		return all[exact].key, true, nil
	case titled >= 0:
		return all[titled].key, true, nil
	}
	for _, h := range all {
		if feed.SameSection(h.key, h.title, key, title) {
			return h.key, true, nil
		}
	}
	return "", false, nil
}

func addSubscription(ctx context.Context, tx *sql.Tx, section, title, u string) (bool, error) {
	res, err := tx.ExecContext(ctx, `INSERT INTO subscriptions(section, url, title, position, added_at)
VALUES(?1, ?2, ?3, (SELECT coalesce(max(position), 0) + 1 FROM subscriptions WHERE section = ?1), ?4)
ON CONFLICT(section, url) DO NOTHING`, section, u, title, time.Now().Unix())
	if err != nil {
		return false, err
	}
	n, err := res.RowsAffected()
	return n > 0, err
}

// Subscribe adds feed u to section, creating the section when it is new
// (its title defaults to the key; sectionTitle is used only then). It
// returns ErrSubscribed when the section already lists u. The feed's own
// title is taken from its first fetch.
func (s *Store) Subscribe(ctx context.Context, section, sectionTitle, u string) error {
	if err := checkURL(u); err != nil {
		return err
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	key, err := ensureSection(ctx, tx, section, sectionTitle)
	if err != nil {
		return err
	}
	added, err := addSubscription(ctx, tx, key, "", currentURL(ctx, tx, u)) // an old address: the feed where it moved
	if err != nil {
		return err
	}
	if !added {
		return ErrSubscribed
	}
	return tx.Commit()
}

// Subscribed returns the keys of the sections that list feed u.
func (s *Store) Subscribed(ctx context.Context, u string) ([]string, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT section FROM subscriptions WHERE url = ? ORDER BY section", u)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var k string
		if err := rows.Scan(&k); err != nil {
			return nil, err
		}
		out = append(out, k)
	}
	return out, rows.Err()
}

// Unsubscribe removes feed u from every section (and as a ranking feed).
// Its articles leave those sections, except starred ones; the articles
// themselves stay until retention prunes them. A section left with no
// feeds stays (empty) until removed.
func (s *Store) Unsubscribe(ctx context.Context, u string) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	u = currentURL(ctx, tx, u)
	secs, err := removeFeedRows(ctx, tx, u)
	if err != nil {
		return err
	}
	res, err := tx.ExecContext(ctx, "UPDATE sections SET ranking = '' WHERE ranking = ?", u)
	if err != nil {
		return err
	}
	rk, _ := res.RowsAffected()
	if len(secs) == 0 && rk == 0 {
		return ErrNotSubscribed
	}
	return tx.Commit()
}

// removeFeedRows deletes u's subscriptions and takes its unstarred
// articles out of the sections it was in; it returns those sections.
func removeFeedRows(ctx context.Context, tx *sql.Tx, u string) ([]string, error) {
	rows, err := tx.QueryContext(ctx, "DELETE FROM subscriptions WHERE url = ? RETURNING section", u)
	if err != nil {
		return nil, err
	}
	var secs []string
	for rows.Next() {
		var k string
		if err := rows.Scan(&k); err != nil {
			rows.Close()
			return nil, err
		}
		secs = append(secs, k)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for _, sec := range secs {
		_, err := tx.ExecContext(ctx, `DELETE FROM article_sections WHERE section = ?1 AND article_id IN
(SELECT a.id FROM articles a JOIN feeds f ON f.id = a.feed_id WHERE f.url = ?2 AND a.starred = 0)`, strings.ToLower(sec), u)
		if err != nil {
			return nil, err
		}
	}
	return secs, nil
}

// MoveFeed moves feed u from whatever sections list it to section
// (created when new, titled by its key).
func (s *Store) MoveFeed(ctx context.Context, u, section string) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	u = currentURL(ctx, tx, u)
	secs, err := removeFeedRows(ctx, tx, u)
	if err != nil {
		return err
	}
	if len(secs) == 0 {
		return ErrNotSubscribed
	}
	key, err := ensureSection(ctx, tx, section, "")
	if err != nil {
		return err
	}
	if _, err := addSubscription(ctx, tx, key, "", u); err != nil {
		return err
	}
	return tx.Commit()
}

// RemoveSection deletes a section and its subscriptions (articles stay
// until pruned, but leave the section).
func (s *Store) RemoveSection(ctx context.Context, key string) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	res, err := tx.ExecContext(ctx, "DELETE FROM sections WHERE key = ?", key)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("no section %q", key)
	}
	if _, err := tx.ExecContext(ctx, "DELETE FROM article_sections WHERE section = ?", strings.ToLower(key)); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, "DELETE FROM rankings WHERE section = ?", strings.ToLower(key)); err != nil {
		return err
	}
	return tx.Commit()
}

// SetSectionFullText turns full-text fetching during refresh on or off
// for every feed of a section.
func (s *Store) SetSectionFullText(ctx context.Context, section string, on bool) error {
	res, err := s.db.ExecContext(ctx, "UPDATE sections SET full_text = ? WHERE key = ?", on, section)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("no section %q", section)
	}
	return nil
}

// SetFeedFullText turns full-text fetching during refresh on or off for
// one feed (in every section that lists it).
func (s *Store) SetFeedFullText(ctx context.Context, u string, on bool) error {
	res, err := s.db.ExecContext(ctx, "UPDATE subscriptions SET full_text = ? WHERE url = ?", on, currentURL(ctx, s.db, u))
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrNotSubscribed
	}
	return nil
}

// Subscription is one (section, feed) pair with the feed's last fetch.
type Subscription struct {
	URL, Section string
	Title        string // the feed's own title once fetched
	Status       string // "ok", "error" or "never fetched"
	Error        string
	FetchedAt    time.Time // zero when never fetched
	NextDue      time.Time // zero when due now
	Hint         string    // why NextDue is what it is ("ttl 1h0m0s", "back-off after 2 failed fetches")
	FullText     bool
}

// Subscriptions lists every subscription, in section then feed order.
func (s *Store) Subscriptions(ctx context.Context) ([]Subscription, error) {
	rows, err := s.db.QueryContext(ctx, `
SELECT b.url, b.section, coalesce(nullif(f.title, ''), b.title), coalesce(f.error, ''), coalesce(f.fetched_at, 0),
	coalesce(f.next_due, 0), coalesce(f.hint, ''), b.full_text OR x.full_text
FROM subscriptions b JOIN sections x ON x.key = b.section LEFT JOIN feeds f ON f.url = b.url
ORDER BY x.position, x.key, b.position, b.rowid`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Subscription
	for rows.Next() {
		var sub Subscription
		var fetched, due int64
		if err := rows.Scan(&sub.URL, &sub.Section, &sub.Title, &sub.Error, &fetched, &due, &sub.Hint, &sub.FullText); err != nil {
			return nil, err
		}
		switch {
		case fetched == 0:
			sub.Status = "never fetched"
		case sub.Error != "":
			sub.Status = "error"
		default:
			sub.Status = "ok"
		}
		if fetched > 0 {
			sub.FetchedAt = time.Unix(fetched, 0)
		}
		if due > 0 {
			sub.NextDue = time.Unix(due, 0)
		}
		out = append(out, sub)
	}
	return out, rows.Err()
}

// SeedSubscriptions copies into the cache every section and feed of the
// config that it has not copied before, and reports how many feeds it
// added. Entries seeded once are never seeded again, so a feed removed in
// the reader stays removed. A section that exists already keeps its title.
func (s *Store) SeedSubscriptions(ctx context.Context, sections []feed.Section) (int, error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return 0, err
	}
	defer tx.Rollback()
	added, err := seed(ctx, tx, sections)
	if err != nil {
		return 0, err
	}
	return added, tx.Commit()
}

func seed(ctx context.Context, tx *sql.Tx, sections []feed.Section) (int, error) {
	mark, err := tx.PrepareContext(ctx, "INSERT INTO config_seeded(section, url) VALUES(?, ?) ON CONFLICT DO NOTHING")
	if err != nil {
		return 0, err
	}
	defer mark.Close()
	fresh := func(sec, u string) (bool, error) {
		res, err := mark.ExecContext(ctx, sec, u)
		if err != nil {
			return false, err
		}
		n, err := res.RowsAffected()
		return n > 0, err
	}
	added := 0
	for _, sec := range sections {
		newSection, err := fresh(sec.Key, "")
		if err != nil {
			return 0, err
		}
		var key string
		if newSection {
			if key, err = ensureSectionBy(ctx, tx, sec.Key, sec.DisplayTitle(), ""); err != nil {
				return 0, err
			}
		}
		for _, u := range sec.Feeds {
			ok, err := fresh(sec.Key, u)
			if err != nil {
				return 0, err
			}
			if !ok {
				continue
			}
			if key == "" {
				if key, err = ensureSectionBy(ctx, tx, sec.Key, sec.DisplayTitle(), ""); err != nil {
					return 0, err
				}
			}
			if n, err := addSubscription(ctx, tx, key, "", currentURL(ctx, tx, u)); err != nil {
				return 0, err
			} else if n {
				added++
			}
		}
		if sec.Ranking != "" {
			ok, err := fresh(sec.Key, "ranking "+sec.Ranking)
			if err != nil {
				return 0, err
			}
			if ok {
				if key == "" {
					if key, err = ensureSectionBy(ctx, tx, sec.Key, sec.DisplayTitle(), ""); err != nil {
						return 0, err
					}
				}
				if _, err := tx.ExecContext(ctx, "UPDATE sections SET ranking = ? WHERE key = ?", currentURL(ctx, tx, sec.Ranking), key); err != nil {
					return 0, err
				}
			}
		}
	}
	// Full-text settings are preferences: for the sections it lists, the
	// config decides them at every start (its addresses of feeds that
	// moved meaning their new ones).
	for _, sec := range sections {
		var fullText []string
		for _, u := range sec.FullTextFeeds {
			fullText = append(fullText, currentURL(ctx, tx, u))
		}
		if _, err := tx.ExecContext(ctx, "UPDATE sections SET full_text = ? WHERE key = ?", sec.FullText, sec.Key); err != nil {
			return 0, err
		}
		if _, err := tx.ExecContext(ctx, "UPDATE subscriptions SET full_text = (url IN (SELECT value FROM json_each(?))) WHERE section = ?", jsonList(fullText), sec.Key); err != nil {
			return 0, err
		}
	}
	return added, nil
}

func jsonList(xs []string) string {
	b, _ := json.Marshal(append([]string{}, xs...))
	return string(b)
}

// ResetSubscriptions forgets every section and subscription in the cache
// and seeds them again from the config's sections. Articles stay (their
// reading state too); those of sections that are gone leave the lists.
func (s *Store) ResetSubscriptions(ctx context.Context, sections []feed.Section) (int, error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return 0, err
	}
	defer tx.Rollback()
	for _, q := range []string{"DELETE FROM subscriptions", "DELETE FROM sections", "DELETE FROM config_seeded"} {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return 0, err
		}
	}
	keep := make([]any, 0, len(sections))
	marks := make([]string, 0, len(sections))
	for _, sec := range sections {
		keep = append(keep, strings.ToLower(sec.Key))
		marks = append(marks, "?")
	}
	in := "''"
	if len(marks) > 0 {
		in = strings.Join(marks, ",")
	}
	for _, table := range []string{"article_sections", "rankings"} {
		if _, err := tx.ExecContext(ctx, "DELETE FROM "+table+" WHERE section NOT IN ("+in+")", keep...); err != nil {
			return 0, err
		}
	}
	added, err := seed(ctx, tx, sections)
	if err != nil {
		return 0, err
	}
	return added, tx.Commit()
}

// PickSections returns the section whose key matches (case-insensitively),
// or all of them when key is "". A key in another form of the same name
// finds its section too: one stored by an older version ("tech---apps"
// for "tech-apps", a long key for its cut form) or the key a section's
// title makes ("tech-apps" for the config's "ta" titled "Tech / Apps"),
// and the key typed without its accents.
func PickSections(all []SectionInfo, key string) ([]SectionInfo, error) {
	if key == "" {
		return all, nil
	}
	keys := make([]string, len(all))
	for i, si := range all {
		if strings.EqualFold(si.Key, key) {
			return []SectionInfo{si}, nil
		}
		keys[i] = si.Key
	}
	for _, si := range all {
		if feed.SameSection(si.Key, si.Title, key, "") {
			return []SectionInfo{si}, nil
		}
	}
	for _, si := range all {
		if k := feed.NameKey(key); k != "" && feed.NameKey(si.Title) == k {
			return []SectionInfo{si}, nil
		}
	}
	for _, si := range all {
		// Typed without its accents: "actualites" for "actualités".
		if fold(si.Key) == fold(key) {
			return []SectionInfo{si}, nil
		}
	}
	return nil, &feed.UnknownSectionError{Key: key, Keys: keys}
}

// ImportEntry is one feed to import into a section.
type ImportEntry struct {
	Section, SectionTitle string
	URL, Title            string
	Ranking               bool // the section's most-read feed
}

// ImportResult says what an import did.
type ImportResult struct {
	Added       int // feeds subscribed (a feed in several sections counts once)
	Shared      int // of them, feeds listed in several categories, subscribed in each one's section
	NewSections []string
	Duplicates  []string // URLs already subscribed, or listed twice in one category of the import
}

// Import subscribes to every entry in one transaction: all or nothing.
// A URL already subscribed before the import (in any section) is
// skipped as a duplicate, as is one listed twice for the same section; a
// URL the import lists for several sections (a feed in two folders, as
// Feedly, Inoreader and newsreader's own export write it) is subscribed
// in each.
func (s *Store) Import(ctx context.Context, entries []ImportEntry) (ImportResult, error) {
	var r ImportResult
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return r, err
	}
	defer tx.Rollback()
	placed := map[string]map[string]bool{} // URL -> the sections this import put it in
	titles := map[string]string{}          // URL -> its title where first listed: one feed, one name
	held, err := heldFeeds(ctx, tx)        // feedAddress of every feed subscribed before the import
	if err != nil {
		return r, err
	}
	for _, e := range entries {
		if err := checkURL(e.URL); err != nil {
			return ImportResult{}, err
		}
		secs := placed[e.URL]
		if secs == nil && (held[feedAddress(e.URL)] || held[feedAddress(currentURL(ctx, tx, e.URL))]) {
			// subscribed already, maybe written differently (HTTP for
			// HTTPS, the host in capitals) or at an address it has
			// since moved from, as an older export has it
			r.Duplicates = append(r.Duplicates, e.URL)
			continue
		}
		_, had, err := sectionNamed(ctx, tx, e.Section, e.SectionTitle)
		if err != nil {
			return ImportResult{}, err
		}
		key, err := ensureSection(ctx, tx, e.Section, e.SectionTitle)
		if err != nil {
			return ImportResult{}, err
		}
		if secs[strings.ToLower(key)] {
			r.Duplicates = append(r.Duplicates, e.URL)
			continue
		}
		if !had {
			r.NewSections = append(r.NewSections, key)
		}
		switch {
		case secs == nil:
			secs = map[string]bool{}
			placed[e.URL] = secs
			titles[e.URL] = e.Title
			r.Added++
		case len(secs) == 1:
			r.Shared++
		}
		secs[strings.ToLower(key)] = true
		if e.Ranking {
			res, err := tx.ExecContext(ctx, "UPDATE sections SET ranking = ? WHERE key = ? AND ranking = ''", e.URL, key)
			if err != nil {
				return ImportResult{}, err
			}
			if n, _ := res.RowsAffected(); n > 0 {
				continue
			}
		}
		if _, err := addSubscription(ctx, tx, key, titles[e.URL], e.URL); err != nil {
			return ImportResult{}, err
		}
	}
	return r, tx.Commit()
}

// heldFeeds is the feedAddress of every subscribed and ranking feed.
func heldFeeds(ctx context.Context, tx *sql.Tx) (map[string]bool, error) {
	rows, err := tx.QueryContext(ctx, "SELECT url FROM subscriptions UNION SELECT ranking FROM sections WHERE ranking != ''")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	held := map[string]bool{}
	for rows.Next() {
		var u string
		if err := rows.Scan(&u); err != nil {
			return nil, err
		}
		held[feedAddress(u)] = true
	}
	return held, rows.Err()
}

// feedAddress is what two spellings of one feed's address have in common:
// the scheme (http and https alike), the host in lower case without its
// default port, the path without a trailing "/" (WordPress answers /feed
// and /feed/ alike), no fragment.
func feedAddress(raw string) string {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || u.Host == "" {
		return raw
	}
	host := strings.ToLower(u.Hostname())
	if p := u.Port(); p != "" && p != "80" && p != "443" {
		host += ":" + p
	}
	out := "//" + host + strings.TrimRight(u.EscapedPath(), "/")
	if u.RawQuery != "" {
		out += "?" + u.RawQuery
	}
	return out
}

// SubscriptionTitles maps each subscribed URL to its best title: the
// feed's own once fetched, else the one given when subscribing.
func (s *Store) SubscriptionTitles(ctx context.Context) (map[string]string, error) {
	rows, err := s.db.QueryContext(ctx, `
SELECT b.url, coalesce(nullif(f.title, ''), b.title) FROM subscriptions b LEFT JOIN feeds f ON f.url = b.url
UNION ALL SELECT x.ranking, coalesce(f.title, '') FROM sections x LEFT JOIN feeds f ON f.url = x.ranking WHERE x.ranking != ''`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var u, t string
		if err := rows.Scan(&u, &t); err != nil {
			return nil, err
		}
		if out[u] == "" {
			out[u] = t
		}
	}
	return out, rows.Err()
}
