// Package remote is the small interface between the sync engine
// (cache/sync) and the servers it talks to: Miniflux's REST API
// (feed/miniflux) and the Google Reader API (feed/greader), so the sync
// logic is written and tested once for both.
package remote

import (
	"context"
	"time"
)

// Entry is one remote entry with its reading state.
type Entry struct {
	ID      string // the server's entry ID
	FeedURL string // the URL the server fetches the entry's feed from
	Hash    string // hex SHA-256 of the entry's GUID (else link), as Miniflux computes it; "" when unknown
	Link    string
	Read    bool
	Starred bool
	Changed time.Time // when its state last changed on the server; zero when unknown
	Gone    bool      // the server no longer has it (only ID is set)

	// Content, for taking entries from the server instead of the feeds.
	Title     string
	Author    string
	Content   string // HTML, unsanitised
	Published time.Time
	Category  string // the feed's category on the server
	FeedTitle string
}

// Feed is one subscription on the server.
type Feed struct {
	ID       string
	URL      string
	Title    string
	Category string
}

// Field is a piece of reading state.
type Field string

// The two fields synced.
const (
	Read    Field = "read"
	Starred Field = "starred"
)

// State is what the sync engine last knew of an entry's state on the
// server; servers that cannot list changed entries (Google Reader) diff
// against it.
type State struct{ Read, Starred bool }

// Server is a sync server.
type Server interface {
	// Changes returns every entry created or whose state changed since the
	// cursor (zero: every entry), and the cursor to pass next time. known
	// holds the state last seen of each entry ID.
	Changes(ctx context.Context, cursor int64, known map[string]State) (entries []Entry, next int64, err error)
	// Mark sets field to on for the entries with these IDs.
	Mark(ctx context.Context, ids []string, field Field, on bool) error
	// Feeds lists the subscriptions.
	Feeds(ctx context.Context) ([]Feed, error)
	// Subscribe adds a feed under a category (created when missing).
	Subscribe(ctx context.Context, feedURL, category string) error
}
