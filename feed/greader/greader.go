// Package greader talks to a server through the Google Reader API
// (FreshRSS, Miniflux, and others), over net/http: no maintained Go
// client exists.
package greader

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"newsreader/feed/remote"
)

const (
	readingList = "user/-/state/com.google/reading-list"
	readTag     = "user/-/state/com.google/read"
	starredTag  = "user/-/state/com.google/starred"
	labelPrefix = "user/-/label/"
	maxIDs      = 10000 // Miniflux's cap on one stream/items/ids answer
	batch       = 250   // item IDs per contents or edit-tag request
	// overlap re-asks for items published this long before the cursor: ot
	// filters on the publication date, and feeds publish late.
	overlap = 48 * time.Hour
)

// Server is a Google Reader API account.
type Server struct {
	base     string // e.g. https://host (Miniflux) or https://host/api/greader.php (FreshRSS)
	user     string
	password string
	hc       *http.Client

	mu    sync.Mutex
	auth  string // ClientLogin Auth token
	token string // edit token (T)
}

// New returns a client for the API rooted at base. The login happens on
// the first request.
func New(base, username, password string, hc *http.Client) *Server {
	if hc == nil {
		hc = http.DefaultClient
	}
	return &Server{base: strings.TrimRight(base, "/"), user: username, password: password, hc: hc}
}

// Error is a failed request: what was asked and the HTTP status. It never
// holds credentials or the server's body.
type Error struct {
	Op     string
	Status int
}

func (e *Error) Error() string {
	if e.Status == http.StatusUnauthorized || e.Status == http.StatusForbidden {
		return fmt.Sprintf("greader: %s: unauthorized (bad username or password, or the API is not enabled)", e.Op)
	}
	return fmt.Sprintf("greader: %s: HTTP %d", e.Op, e.Status)
}

func (s *Server) login(ctx context.Context) (string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.auth != "" {
		return s.auth, nil
	}
	form := url.Values{"Email": {s.user}, "Passwd": {s.password}}
	req, err := http.NewRequestWithContext(ctx, "POST", s.base+"/accounts/ClientLogin", strings.NewReader(form.Encode()))
	if err != nil {
		return "", errors.New("greader: bad server URL")
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	resp, err := s.hc.Do(req)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return "", &Error{Op: "login", Status: resp.StatusCode}
	}
	sc := bufio.NewScanner(io.LimitReader(resp.Body, 1<<16))
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), "Auth="); ok {
			s.auth = strings.TrimSpace(v)
		}
	}
	if s.auth == "" {
		return "", errors.New("greader: login answered without a token")
	}
	return s.auth, nil
}

// do sends one API request and decodes a JSON answer into out (when not nil).
func (s *Server) do(ctx context.Context, method, path string, q url.Values, out any) error {
	auth, err := s.login(ctx)
	if err != nil {
		return err
	}
	if method == "POST" && q.Get("T") == "" {
		t, err := s.editToken(ctx)
		if err != nil {
			return err
		}
		q.Set("T", t)
	}
	u := s.base + "/reader/api/0/" + path
	var body io.Reader
	if method == "GET" {
		u += "?" + q.Encode()
	} else {
		body = strings.NewReader(q.Encode())
	}
	req, err := http.NewRequestWithContext(ctx, method, u, body)
	if err != nil {
		return errors.New("greader: bad server URL")
	}
	req.Header.Set("Authorization", "GoogleLogin auth="+auth)
	if method == "POST" {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	resp, err := s.hc.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		if resp.StatusCode == http.StatusUnauthorized {
			s.mu.Lock()
			s.auth, s.token = "", ""
			s.mu.Unlock()
		}
		return &Error{Op: path, Status: resp.StatusCode}
	}
	if out == nil {
		_, err = io.Copy(io.Discard, resp.Body)
		return err
	}
	if err := json.NewDecoder(resp.Body).Decode(out); err != nil {
		return fmt.Errorf("greader: %s: bad answer", path)
	}
	return nil
}

func (s *Server) editToken(ctx context.Context) (string, error) {
	s.mu.Lock()
	t := s.token
	s.mu.Unlock()
	if t != "" {
		return t, nil
	}
	auth, err := s.login(ctx)
	if err != nil {
		return "", err
	}
	req, err := http.NewRequestWithContext(ctx, "GET", s.base+"/reader/api/0/token", nil)
	if err != nil {
		return "", errors.New("greader: bad server URL")
	}
	req.Header.Set("Authorization", "GoogleLogin auth="+auth)
	resp, err := s.hc.Do(req)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return "", &Error{Op: "token", Status: resp.StatusCode}
	}
	b, err := io.ReadAll(io.LimitReader(resp.Body, 4096))
	if err != nil {
		return "", err
	}
	s.mu.Lock()
	s.token = strings.TrimSpace(string(b))
	t = s.token
	s.mu.Unlock()
	return t, nil
}

// ids lists every item ID of a stream (decimal), following continuations.
func (s *Server) ids(ctx context.Context, q url.Values) ([]string, error) {
	var out []string
	q.Set("n", strconv.Itoa(maxIDs))
	q.Set("output", "json")
	for {
		var res struct {
			ItemRefs []struct {
				ID string `json:"id"`
			} `json:"itemRefs"`
			Continuation json.RawMessage `json:"continuation"`
		}
		if err := s.do(ctx, "GET", "stream/items/ids", q, &res); err != nil {
			return nil, err
		}
		for _, r := range res.ItemRefs {
			if id, ok := shortID(r.ID); ok {
				out = append(out, id)
			}
		}
		c := strings.Trim(string(res.Continuation), `"`)
		if c == "" || c == "0" || c == "null" || len(res.ItemRefs) == 0 {
			return out, nil
		}
		q.Set("c", c)
	}
}

// shortID turns any item ID form into its decimal form: the long form
// "tag:google.com,2005:reader/item/<16 hex digits>", or a decimal.
func shortID(id string) (string, bool) {
	if hex, ok := strings.CutPrefix(id, "tag:google.com,2005:reader/item/"); ok {
		n, err := strconv.ParseUint(hex, 16, 64)
		if err != nil {
			return "", false
		}
		return strconv.FormatUint(n, 10), true
	}
	if _, err := strconv.ParseUint(id, 10, 64); err != nil {
		return "", false
	}
	return id, true
}

// Changes finds what moved since the cursor (a Unix time): items published
// since (less an overlap), plus every item whose read or starred state
// differs from what the caller knew, found by diffing the full unread and
// starred ID lists. Only those items' contents are fetched.
func (s *Server) Changes(ctx context.Context, cursor int64, known map[string]remote.State) ([]remote.Entry, int64, error) {
	started := time.Now()
	q := url.Values{"s": {readingList}}
	if cursor > 0 {
		q.Set("ot", strconv.FormatInt(cursor-int64(overlap/time.Second), 10))
	}
	recent, err := s.ids(ctx, q)
	if err != nil {
		return nil, cursor, err
	}
	unreadIDs, err := s.ids(ctx, url.Values{"s": {readingList}, "xt": {readTag}})
	if err != nil {
		return nil, cursor, err
	}
	starredIDs, err := s.ids(ctx, url.Values{"s": {starredTag}})
	if err != nil {
		return nil, cursor, err
	}
	unread, starred := set(unreadIDs), set(starredIDs)
	want := map[string]bool{}
	for _, id := range recent {
		if _, ok := known[id]; !ok {
			want[id] = true
		}
	}
	for id, st := range known {
		if st.Read == unread[id] || st.Starred != starred[id] {
			want[id] = true
		}
	}
	for _, ids := range [][]string{unreadIDs, starredIDs} {
		for _, id := range ids {
			if _, ok := known[id]; !ok {
				want[id] = true
			}
		}
	}
	list := make([]string, 0, len(want))
	for id := range want {
		list = append(list, id)
	}
	entries, err := s.contents(ctx, list)
	if err != nil {
		return nil, cursor, err
	}
	// Items the caller knew that the server no longer returns were purged:
	// say so, or they would be asked for at every sync.
	got := make(map[string]bool, len(entries))
	for _, e := range entries {
		got[e.ID] = true
	}
	for _, id := range list {
		if _, ok := known[id]; ok && !got[id] {
			entries = append(entries, remote.Entry{ID: id, Gone: true})
		}
	}
	return entries, started.Unix(), nil
}

func set(ids []string) map[string]bool {
	m := make(map[string]bool, len(ids))
	for _, id := range ids {
		m[id] = true
	}
	return m
}

type item struct {
	ID         string   `json:"id"`
	Categories []string `json:"categories"`
	Title      string   `json:"title"`
	Published  int64    `json:"published"`
	Updated    int64    `json:"updated"`
	Author     string   `json:"author"`
	Canonical  []struct {
		HREF string `json:"href"`
	} `json:"canonical"`
	Alternate []struct {
		HREF string `json:"href"`
	} `json:"alternate"`
	Summary struct {
		Content string `json:"content"`
	} `json:"summary"`
	Content struct {
		Content string `json:"content"`
	} `json:"content"`
	Origin struct {
		StreamID string `json:"streamId"`
		Title    string `json:"title"`
	} `json:"origin"`
}

// contents fetches items by ID, a batch per request, and resolves each
// item's feed to its URL through the subscription list.
func (s *Server) contents(ctx context.Context, ids []string) ([]remote.Entry, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	subs, err := s.subscriptions(ctx)
	if err != nil {
		return nil, err
	}
	byStream := map[string]subscription{}
	for _, f := range subs {
		byStream[f.ID] = f
	}
	var out []remote.Entry
	for len(ids) > 0 {
		b := ids[:min(batch, len(ids))]
		ids = ids[len(b):]
		q := url.Values{"output": {"json"}}
		for _, id := range b {
			q.Add("i", id)
		}
		var res struct {
			Items []item `json:"items"`
		}
		if err := s.do(ctx, "POST", "stream/items/contents", q, &res); err != nil {
			return nil, err
		}
		for _, it := range res.Items {
			id, ok := shortID(it.ID)
			if !ok {
				continue
			}
			e := remote.Entry{ID: id, Title: it.Title, Author: it.Author, FeedTitle: it.Origin.Title}
			if it.Published > 0 {
				e.Published = time.Unix(it.Published, 0)
			}
			if it.Updated > 0 {
				e.Changed = time.Unix(it.Updated, 0)
			}
			if len(it.Canonical) > 0 {
				e.Link = it.Canonical[0].HREF
			} else if len(it.Alternate) > 0 {
				e.Link = it.Alternate[0].HREF
			}
			e.Content = it.Content.Content
			if e.Content == "" {
				e.Content = it.Summary.Content
			}
			for _, c := range it.Categories {
				switch {
				case isTag(c, "read"):
					e.Read = true
				case isTag(c, "starred"):
					e.Starred = true
				}
			}
			if f, ok := byStream[it.Origin.StreamID]; ok {
				e.FeedURL, e.Category = f.URL, f.Category
			}
			out = append(out, e)
		}
	}
	return out, nil
}

// isTag matches "user/-/state/com.google/<name>" and the same with a
// numeric user ID in place of "-".
func isTag(c, name string) bool {
	rest, ok := strings.CutPrefix(c, "user/")
	if !ok {
		return false
	}
	_, tail, ok := strings.Cut(rest, "/")
	return ok && tail == "state/com.google/"+name
}

type subscription struct {
	ID, URL, Title, Category string
}

func (s *Server) subscriptions(ctx context.Context) ([]subscription, error) {
	var res struct {
		Subscriptions []struct {
			ID         string `json:"id"`
			Title      string `json:"title"`
			URL        string `json:"url"`
			Categories []struct {
				ID    string `json:"id"`
				Label string `json:"label"`
			} `json:"categories"`
		} `json:"subscriptions"`
	}
	if err := s.do(ctx, "GET", "subscription/list", url.Values{"output": {"json"}}, &res); err != nil {
		return nil, err
	}
	out := make([]subscription, 0, len(res.Subscriptions))
	for _, f := range res.Subscriptions {
		sub := subscription{ID: f.ID, URL: f.URL, Title: f.Title}
		if sub.URL == "" {
			sub.URL = strings.TrimPrefix(f.ID, "feed/")
		}
		if len(f.Categories) > 0 {
			sub.Category = f.Categories[0].Label
			if sub.Category == "" {
				sub.Category = labelName(f.Categories[0].ID)
			}
		}
		out = append(out, sub)
	}
	return out, nil
}

func labelName(id string) string {
	if i := strings.Index(id, "/label/"); i >= 0 {
		return id[i+len("/label/"):]
	}
	return ""
}

// Mark adds or removes the read or starred tag on items.
func (s *Server) Mark(ctx context.Context, ids []string, field remote.Field, on bool) error {
	tag := readTag
	if field == remote.Starred {
		tag = starredTag
	}
	op := "r"
	if on {
		op = "a"
	}
	for len(ids) > 0 {
		b := ids[:min(batch, len(ids))]
		ids = ids[len(b):]
		t, err := s.editToken(ctx)
		if err != nil {
			return err
		}
		q := url.Values{"T": {t}, op: {tag}}
		for _, id := range b {
			q.Add("i", id)
		}
		if err := s.do(ctx, "POST", "edit-tag", q, nil); err != nil {
			return err
		}
	}
	return nil
}

// Feeds lists the subscriptions.
func (s *Server) Feeds(ctx context.Context) ([]remote.Feed, error) {
	subs, err := s.subscriptions(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]remote.Feed, len(subs))
	for i, f := range subs {
		out[i] = remote.Feed{ID: f.ID, URL: f.URL, Title: f.Title, Category: f.Category}
	}
	return out, nil
}

// Subscribe adds feedURL with the category as its label.
func (s *Server) Subscribe(ctx context.Context, feedURL, category string) error {
	t, err := s.editToken(ctx)
	if err != nil {
		return err
	}
	q := url.Values{"T": {t}, "ac": {"subscribe"}, "s": {"feed/" + feedURL}}
	if category != "" {
		q.Set("a", labelPrefix+category)
	}
	return s.do(ctx, "POST", "subscription/edit", q, nil)
}
