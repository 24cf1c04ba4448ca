package feed

import (
	"crypto/sha1"
	"encoding/hex"
	"time"
)

// Article is one feed item, normalised and sanitised: every text field is
// safe to print, Link and Image are absolute http(s) URLs or empty.
type Article struct {
	ID         string // stable: guid, else link, else a hash of title and date
	FeedURL    string
	Source     string // the feed's title
	Title      string
	Link       string
	Author     string
	Published  time.Time
	Updated    time.Time
	Undated    bool   // the feed gave no usable date; Published is the fetch time
	Summary    string // HTML
	Content    string // HTML
	Categories []string
	Image      string
	Comments   int     // slash:comments
	Views      int     // media:community/media:statistics views
	Rating     float64 // media:community/media:starRating average
	// SharedLink says other items of the feed have the same Link, or it
	// is the feed's own site or address (a podcast's episodes all linking
	// to the show's page, notices all to the notices page): it does not
	// identify the article, so the cache must not take it for another
	// item's.
	SharedLink bool

	// Hash identifies the item's source bytes (0: unknown). Unchanged
	// says the cache already holds this item with this hash, at Row: only
	// ID, dates and Hash are set, and there is nothing to write.
	Hash      int64
	Unchanged bool
	Row       int64
}

// hashID derives an ID from text that identifies an undated, linkless item.
func hashID(parts ...string) string {
	h := sha1.New()
	for _, p := range parts {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	return "sha1:" + hex.EncodeToString(h.Sum(nil))[:20]
}
