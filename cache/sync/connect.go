package sync

import (
	"context"
	"net/http"
	"strings"
	"time"

	"newsreader/cache"
	"newsreader/feed"
	"newsreader/feed/greader"
	"newsreader/feed/miniflux"
	"newsreader/feed/remote"
)

// Account is a configured sync server, connected (its password resolved).
type Account struct {
	Config   *feed.SyncConfig
	Server   remote.Server
	Identity string
	secrets  []string
}

// Connect resolves the credentials of the [sync] table (running
// password_command once) and returns the server client. It does no I/O
// with the server.
func Connect(ctx context.Context, c *feed.SyncConfig) (*Account, error) {
	hc := &http.Client{Timeout: 60 * time.Second}
	a := &Account{Config: c, Identity: c.Kind + " " + c.URL + " " + c.Username}
	if c.Token != "" {
		a.secrets = []string{c.Token}
		a.Server = miniflux.New(c.URL, c.Token, "", "", hc)
		return a, nil
	}
	pw, err := c.Secret(ctx)
	if err != nil {
		return nil, err
	}
	a.secrets = []string{pw}
	if c.Kind == "greader" {
		a.Server = greader.New(c.URL, c.Username, pw, hc)
	} else {
		a.Server = miniflux.New(c.URL, "", c.Username, pw, hc)
	}
	return a, nil
}

// Sync runs one sync with the store's subscriptions; errors come back
// redacted and printable.
func (a *Account) Sync(ctx context.Context, store *cache.Store) (Report, error) {
	opt := Options{
		Identity:      a.Identity,
		FromServer:    a.Config.FromServer(),
		Subscriptions: a.Config.Subscriptions,
		Secrets:       a.secrets,
	}
	if opt.Subscriptions == "" {
		opt.Subscriptions = "offer"
	}
	infos, err := store.Sections(ctx)
	if err != nil {
		return Report{}, err
	}
	for _, s := range infos {
		for _, u := range s.Feeds {
			opt.Local = append(opt.Local, Subscription{URL: u, Section: s.Key, SectionTitle: s.Title})
		}
	}
	if opt.FromServer {
		// The server's feeds are the reader's: take them all.
		opt.Subscriptions = "add"
	}
	opt.Subscribe = store.Subscribe
	return Run(ctx, store, a.Server, opt)
}

// redact removes secrets and control characters from an error text.
func redact(msg string, secrets []string) string {
	for _, s := range secrets {
		if len(s) >= 3 {
			msg = strings.ReplaceAll(msg, s, "***")
		}
	}
	return feed.Line(msg)
}
