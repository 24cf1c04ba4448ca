package feed

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
)

// Request names one feed to fetch and the validators from its last fetch.
type Request struct {
	URL          string
	ETag         string
	LastModified string
}

// Status is how a fetch ended.
type Status int

// The ways a fetch ends.
const (
	StatusOK Status = iota
	StatusNotModified
	StatusError
)

func (s Status) String() string {
	return [...]string{"ok", "not modified", "error"}[s]
}

// Result is one feed's fetch: its parsed articles, or why there are none.
type Result struct {
	URL          string
	Status       Status
	Title        string    // the feed's own title (sanitised)
	Articles     []Article // set when Status is StatusOK
	ETag         string
	LastModified string
	Err          error // set when Status is StatusError; a short reason
	Hints        Hints // when the server and feed say to ask again
	Elapsed      time.Duration
}

// Options tune a Fetcher; zero fields take the defaults.
type Options struct {
	Workers        int           // feeds fetched at once (default 8)
	PerHost        int           // feeds fetched at once from one host (default 2)
	MaxBody        int64         // bytes after decompression (default 20 MB)
	Timeout        time.Duration // whole request, body included (default 30s)
	ConnectTimeout time.Duration // dial and TLS handshake (default 10s)
	MaxRedirects   int           // default 5
	UserAgent      string
	Offline        bool // refuse every request
}

// Fetcher fetches feeds concurrently with one shared http.Client.
type Fetcher struct {
	opt    Options
	client *http.Client
	now    func() time.Time

	mu    sync.Mutex
	hosts map[string]chan struct{}
}

// ErrOffline is the reason given for every feed when fetching offline.
var ErrOffline = errors.New("offline")

// NewFetcher builds a Fetcher; zero options take defaults.
func NewFetcher(opt Options) *Fetcher {
	if opt.Workers <= 0 {
		opt.Workers = 8
	}
	if opt.PerHost <= 0 {
		opt.PerHost = 2
	}
	if opt.MaxBody <= 0 {
		opt.MaxBody = 20 << 20
	}
	if opt.Timeout <= 0 {
		opt.Timeout = 30 * time.Second
	}
	if opt.ConnectTimeout <= 0 {
		opt.ConnectTimeout = 10 * time.Second
	}
	if opt.MaxRedirects <= 0 {
		opt.MaxRedirects = 5
	}
	if opt.UserAgent == "" {
		opt.UserAgent = "newsreader/dev (terminal news reader)"
	}
	dialer := &net.Dialer{Timeout: opt.ConnectTimeout, KeepAlive: 30 * time.Second}
	transport := &http.Transport{
		Proxy:                 http.ProxyFromEnvironment,
		DialContext:           dialer.DialContext,
		TLSHandshakeTimeout:   opt.ConnectTimeout,
		ResponseHeaderTimeout: opt.Timeout,
		MaxIdleConnsPerHost:   opt.PerHost,
		IdleConnTimeout:       60 * time.Second,
		ForceAttemptHTTP2:     true,
	}
	client := &http.Client{
		Transport: transport,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) > opt.MaxRedirects {
				return fmt.Errorf("more than %d redirects", opt.MaxRedirects)
			}
			if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
				return fmt.Errorf("redirect to %s: scheme", req.URL.Scheme)
			}
			return nil
		},
	}
	return &Fetcher{opt: opt, client: client, now: time.Now, hosts: map[string]chan struct{}{}}
}

// FetchAll fetches every request with at most Workers at once and at most
// PerHost per host, and calls each with every result, one at a time, from
// the calling goroutine, in the order they finish.
func (f *Fetcher) FetchAll(ctx context.Context, reqs []Request, each func(Result)) {
	jobs := make(chan Request)
	results := make(chan Result)
	var wg sync.WaitGroup
	for range min(f.opt.Workers, max(len(reqs), 1)) {
		wg.Go(func() {
			for r := range jobs {
				results <- f.Fetch(ctx, r)
			}
		})
	}
	go func() {
		defer close(jobs)
		for _, r := range reqs {
			select {
			case jobs <- r:
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() { wg.Wait(); close(results) }()
	for r := range results {
		each(r)
	}
}

// hostSlot blocks until the host of u has a free slot and returns its release.
func (f *Fetcher) hostSlot(ctx context.Context, u *url.URL) (func(), error) {
	f.mu.Lock()
	sem, ok := f.hosts[u.Hostname()]
	if !ok {
		sem = make(chan struct{}, f.opt.PerHost)
		f.hosts[u.Hostname()] = sem
	}
	f.mu.Unlock()
	select {
	case sem <- struct{}{}:
		return func() { <-sem }, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// Fetch does one conditional GET and parses the body.
func (f *Fetcher) Fetch(ctx context.Context, req Request) Result {
	start := f.now()
	res := f.fetch(ctx, req)
	res.URL = req.URL
	res.Elapsed = time.Since(start)
	if res.Err != nil {
		res.Status = StatusError
		res.Err = SafeError(res.Err) // status text and parser messages quote the server
	}
	return res
}

func (f *Fetcher) fetch(ctx context.Context, req Request) Result {
	if f.opt.Offline {
		return Result{Err: ErrOffline}
	}
	u, err := url.Parse(req.URL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return Result{Err: errors.New("not an http(s) URL")}
	}
	release, err := f.hostSlot(ctx, u)
	if err != nil {
		return Result{Err: reason(err)}
	}
	defer release()

	ctx, cancel := context.WithTimeout(ctx, f.opt.Timeout)
	defer cancel()
	hreq, err := http.NewRequestWithContext(ctx, http.MethodGet, req.URL, nil)
	if err != nil {
		return Result{Err: err}
	}
	hreq.Header.Set("User-Agent", f.opt.UserAgent)
	hreq.Header.Set("Accept", "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5")
	if req.ETag != "" {
		hreq.Header.Set("If-None-Match", req.ETag)
	}
	if req.LastModified != "" {
		hreq.Header.Set("If-Modified-Since", req.LastModified)
	}
	resp, err := f.client.Do(hreq)
	if err != nil {
		return Result{Err: reason(err)}
	}
	defer resp.Body.Close()
	keep := Result{ETag: req.ETag, LastModified: req.LastModified}
	if resp.StatusCode == http.StatusNotModified {
		keep.Status = StatusNotModified
		keep.Hints = hintsFrom(resp.Header, nil, f.now())
		return keep
	}
	if resp.StatusCode != http.StatusOK {
		return Result{Err: fmt.Errorf("HTTP %s", Line(resp.Status)), Hints: hintsFrom(resp.Header, nil, f.now())}
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, f.opt.MaxBody+1))
	if err != nil {
		return Result{Err: reason(err)}
	}
	if int64(len(body)) > f.opt.MaxBody {
		return Result{Err: fmt.Errorf("feed larger than %d MB", f.opt.MaxBody>>20)}
	}
	body, err = toUTF8(body, resp.Header.Get("Content-Type"))
	if err != nil {
		return Result{Err: err}
	}
	base := resp.Request.URL // after redirects
	title, arts, err := Parse(body, base, f.now())
	if err != nil {
		return Result{Err: err}
	}
	return Result{
		Status:       StatusOK,
		Title:        title,
		Articles:     arts,
		ETag:         resp.Header.Get("ETag"),
		LastModified: resp.Header.Get("Last-Modified"),
		Hints:        hintsFrom(resp.Header, body, f.now()),
	}
}

// reason shortens transport errors to what a user needs to see.
func reason(err error) error {
	var ne net.Error
	switch {
	case errors.Is(err, context.DeadlineExceeded), errors.As(err, &ne) && ne.Timeout():
		return errors.New("timed out")
	case errors.Is(err, context.Canceled):
		return errors.New("cancelled")
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return err
}

// toUTF8 decodes body with the HTTP charset when the XML prolog declares
// no encoding of its own (gofeed reads only the prolog).
func toUTF8(body []byte, contentType string) ([]byte, error) {
	_, params, _ := mimeParams(contentType)
	label := strings.ToLower(strings.TrimSpace(params))
	if label == "" && !utf8.Valid(body) && !prologEncoding(body) {
		label = "windows-1252" // undeclared and not UTF-8: the usual culprit
	}
	if label == "" || label == "utf-8" || label == "utf8" || label == "us-ascii" || prologEncoding(body) {
		return body, nil
	}
	r, err := charset.NewReaderLabel(label, bytes.NewReader(body))
	if err != nil {
		return nil, fmt.Errorf("unknown charset %q", label)
	}
	return io.ReadAll(r)
}

// mimeParams returns the media type and its charset parameter.
func mimeParams(ct string) (string, string, bool) {
	mt, rest, _ := strings.Cut(ct, ";")
	for _, p := range strings.Split(rest, ";") {
		k, v, ok := strings.Cut(strings.TrimSpace(p), "=")
		if ok && strings.EqualFold(k, "charset") {
			return mt, strings.Trim(v, `"'`), true
		}
	}
	return mt, "", false
}

// prologEncoding reports whether body starts with an XML declaration that
// names an encoding.
func prologEncoding(body []byte) bool {
	b := bytes.TrimLeft(bytes.TrimPrefix(body, []byte("\xef\xbb\xbf")), " \t\r\n")
	if !bytes.HasPrefix(b, []byte("<?xml")) {
		return false
	}
	end := bytes.Index(b, []byte("?>"))
	return end > 0 && bytes.Contains(b[:end], []byte("encoding"))
}
