package cache

import (
	"context"
	"errors"
	"strings"
	"time"

	"newsreader/feed"
)

// AddFeed fetches feed u once and, only if it parses, subscribes section
// to it (creating the section, titled by its key, when new) and saves the
// articles. The result says how the fetch went; a feed that fails is not
// subscribed. It is what --add and the reader's "a" call after discovery
// (feed/discover) picked the feed.
func (s *Store) AddFeed(ctx context.Context, f *feed.Fetcher, section, u string) (feed.Result, error) {
	if err := s.CheckSection(ctx, section); err != nil {
		return feed.Result{}, err
	}
	if err := checkURL(u); err != nil {
		return feed.Result{}, err
	}
	secs, err := s.Subscribed(ctx, u)
	if err != nil {
		return feed.Result{}, err
	}
	for _, k := range secs {
		if strings.EqualFold(k, section) {
			return feed.Result{}, ErrSubscribed
		}
	}
	res := f.Fetch(ctx, feed.Request{URL: u})
	if res.Status == feed.StatusError {
		return res, res.Err
	}
	if err := s.Subscribe(ctx, section, "", u); err != nil && !errors.Is(err, ErrSubscribed) {
		return res, err
	}
	infos, err := s.Sections(ctx)
	if err != nil {
		return res, err
	}
	_, where := Plan(ConfigSections(infos))
	if err := s.Save(ctx, res, where[u]); err != nil {
		return res, err
	}
	return res, s.Schedule(ctx, res, time.Now())
}
