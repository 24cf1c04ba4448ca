// Package miniflux talks to a Miniflux server through its REST API with
// the official client (miniflux.app/v2/client).
package miniflux

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"time"

	mf "miniflux.app/v2/client"

	"newsreader/feed/remote"
)

// Server is a Miniflux account.
type Server struct {
	c *mf.Client
}

// New connects to the Miniflux at endpoint with an API token, or with a
// username and password when token is empty.
func New(endpoint, token, username, password string, hc *http.Client) *Server {
	opts := []mf.Option{mf.WithHTTPClient(hc)}
	if token != "" {
		opts = append(opts, mf.WithAPIKey(token))
	} else {
		opts = append(opts, mf.WithCredentials(username, password))
	}
	return &Server{c: mf.NewClientWithOptions(endpoint, opts...)}
}

const page = 1000

// Changes lists entries whose changed_at is after the cursor (a Unix
// time), oldest ID first, page by page. The next cursor is the latest
// changed_at seen less a second, so a change made within the same second
// as the pull is not missed (seeing an entry twice is harmless).
func (s *Server) Changes(ctx context.Context, cursor int64, _ map[string]remote.State) ([]remote.Entry, int64, error) {
	var out []remote.Entry
	next := cursor
	var after int64
	for {
		f := &mf.Filter{Order: "id", Direction: "asc", Limit: page, AfterEntryID: after, ChangedAfter: cursor}
		res, err := s.c.EntriesContext(ctx, f)
		if err != nil {
			return nil, cursor, err
		}
		for _, e := range res.Entries {
			out = append(out, entry(e))
			if c := e.ChangedAt.Unix() - 1; c > next {
				next = c
			}
			after = e.ID
		}
		if len(res.Entries) < page {
			return out, next, nil
		}
	}
}

func entry(e *mf.Entry) remote.Entry {
	r := remote.Entry{
		ID: strconv.FormatInt(e.ID, 10), Hash: e.Hash, Link: e.URL,
		Read: e.Status == mf.EntryStatusRead, Starred: e.Starred, Changed: e.ChangedAt,
		Title: e.Title, Author: e.Author, Content: e.Content, Published: e.Date,
	}
	if e.Feed != nil {
		r.FeedURL, r.FeedTitle = e.Feed.FeedURL, e.Feed.Title
		if e.Feed.Category != nil {
			r.Category = e.Feed.Category.Title
		}
	}
	return r
}

// Mark sets the read status or the star of entries, a batch at a time.
func (s *Server) Mark(ctx context.Context, ids []string, field remote.Field, on bool) error {
	nums := make([]int64, 0, len(ids))
	for _, id := range ids {
		n, err := strconv.ParseInt(id, 10, 64)
		if err != nil {
			return errors.New("miniflux: bad entry id")
		}
		nums = append(nums, n)
	}
	for len(nums) > 0 {
		batch := nums[:min(len(nums), page)]
		nums = nums[len(batch):]
		var err error
		if field == remote.Starred {
			err = s.c.UpdateEntriesStarredContext(ctx, batch, on)
		} else {
			status := mf.EntryStatusUnread
			if on {
				status = mf.EntryStatusRead
			}
			err = s.c.UpdateEntriesContext(ctx, batch, status)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// Feeds lists the subscriptions with their categories.
func (s *Server) Feeds(ctx context.Context) ([]remote.Feed, error) {
	feeds, err := s.c.FeedsContext(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]remote.Feed, 0, len(feeds))
	for _, f := range feeds {
		rf := remote.Feed{ID: strconv.FormatInt(f.ID, 10), URL: f.FeedURL, Title: f.Title}
		if f.Category != nil {
			rf.Category = f.Category.Title
		}
		out = append(out, rf)
	}
	return out, nil
}

// Subscribe adds feedURL under category, creating the category if needed.
func (s *Server) Subscribe(ctx context.Context, feedURL, category string) error {
	cats, err := s.c.CategoriesContext(ctx)
	if err != nil {
		return err
	}
	var catID int64
	for _, c := range cats {
		if strings.EqualFold(c.Title, category) {
			catID = c.ID
		}
	}
	if catID == 0 {
		c, err := s.c.CreateCategoryContext(ctx, category)
		if err != nil {
			return err
		}
		catID = c.ID
	}
	_, err = s.c.CreateFeedContext(ctx, &mf.FeedCreationRequest{FeedURL: feedURL, CategoryID: catID})
	return err
}

// Timeout is a sensible per-request limit for sync traffic.
const Timeout = 60 * time.Second
