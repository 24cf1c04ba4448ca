package feed

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// Request names one feed to fetch and what the cache knows of its last
// fetch.
type Request struct {
	URL          string
	ETag         string
	LastModified string
	// BodyHash is the BodyHash of the last body parsed: the same bytes
	// again are not parsed again (servers that ignore validators).
	BodyHash string
	// Known, if set, returns the stored items of this feed; it is called
	// only when the body has changed, from a parsing goroutine.
	Known func() map[string]KnownItem
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
	Total        int       // items the feed held; more than len(Articles) when capped
	ETag         string
	LastModified string
	BodyHash     string // hash of the body (StatusOK, or NotModified for identical bytes)
	Capped       bool   // only the newest Options.MaxItems items were kept
	Err          error  // set when Status is StatusError; a short reason
	Hints        Hints  // when the server and feed say to ask again
	// MovedTo is the feed's new address when the request was redirected
	// permanently (301, 308, every hop from the first up to it) and the
	// feed answered there (StatusOK or StatusNotModified); the cache then
	// asks there from now on. Temporary redirects never set it.
	MovedTo string
	Elapsed time.Duration
}

// Note says what the reader should know about a successful fetch: that
// only the newest items were kept.
func (r Result) Note() string {
	if r.Status == StatusOK && r.Total > len(r.Articles) && r.Capped {
		return fmt.Sprintf("kept newest %s of %s", thousands(len(r.Articles)), thousands(r.Total))
	}
	return ""
}

func thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// Options tune a Fetcher; zero fields take the defaults.
type Options struct {
	Workers        int           // feeds fetched at once (default 8)
	PerHost        int           // feeds fetched at once from one host (default 2)
	Parsers        int           // feeds parsed at once (default GOMAXPROCS)
	MaxBody        int64         // bytes after decompression (default 20 MB)
	MaxItems       int           // items kept per feed per fetch, newest first (default 5,000)
	Timeout        time.Duration // whole request, body included (default 30s)
	HeaderTimeout  time.Duration // from request to response headers (default 10s)
	QuickTimeout   time.Duration // header timeout on a host that has timed out in this refresh (default 2s)
	RefreshTimeout time.Duration // a whole FetchAll, less time spent waiting for our own parsing and saving (default 3 min)
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
	hosts map[string]chan struct{} // Get's per-host slots (a refresh has its own)
	gate  *Gate                    // parsing runs behind it (see Gate)
}

// Gate is the Gate the fetcher's parsing runs behind, one slot per core:
// the consumer of Results holds a slot while it works (see Gate).
func (f *Fetcher) Gate() *Gate { return f.gate }

// ErrOffline is the reason given for every feed when fetching offline.
var ErrOffline = errors.New("offline")

// Reasons for feeds of a host that stopped answering, and for feeds the
// refresh's deadline left unfetched.
var (
	ErrHostNotResponding = errors.New("host not responding")
	ErrRefreshDeadline   = errors.New("not fetched: the refresh ran out of time")
)

// NewFetcher builds a Fetcher; zero options take defaults.
func NewFetcher(opt Options) *Fetcher {
	if opt.Workers <= 0 {
		opt.Workers = 8
	}
	if opt.PerHost <= 0 {
		opt.PerHost = 2
	}
	if opt.Parsers <= 0 {
		opt.Parsers = runtime.GOMAXPROCS(0)
	}
	if opt.MaxBody <= 0 {
		opt.MaxBody = 20 << 20
	}
	if opt.MaxItems <= 0 {
		opt.MaxItems = 5000
	}
	if opt.Timeout <= 0 {
		opt.Timeout = 30 * time.Second
	}
	if opt.HeaderTimeout <= 0 {
		opt.HeaderTimeout = min(10*time.Second, opt.Timeout)
	}
	if opt.QuickTimeout <= 0 {
		opt.QuickTimeout = min(2*time.Second, opt.HeaderTimeout)
	}
	if opt.RefreshTimeout <= 0 {
		opt.RefreshTimeout = 3 * time.Minute
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
		Proxy:               http.ProxyFromEnvironment,
		DialContext:         dialer.DialContext,
		TLSHandshakeTimeout: opt.ConnectTimeout,
		MaxIdleConnsPerHost: opt.PerHost,
		IdleConnTimeout:     60 * time.Second,
		ForceAttemptHTTP2:   true,
		// The fetcher undoes Content-Encoding itself (decodeContent),
		// tolerating what the transport's gzip reader refuses.
		DisableCompression: true,
	}
	client := &http.Client{
		Transport:     transport,
		CheckRedirect: checkRedirect(opt.MaxRedirects),
	}
	return &Fetcher{opt: opt, client: client, now: time.Now, hosts: map[string]chan struct{}{}, gate: NewGate(runtime.GOMAXPROCS(0))}
}

// hostSlot blocks until the host of u has a free slot for Get and
// returns its release.
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

// host is one host's politeness slots and its health in one refresh.
type host struct {
	sem      chan struct{}
	timedOut atomic.Bool // a request to it timed out in this refresh
}

// run is the state of one FetchAll: hosts are judged afresh each time.
type run struct {
	f     *Fetcher
	mu    sync.Mutex
	hosts map[string]*host
}

func (f *Fetcher) newRun() *run { return &run{f: f, hosts: map[string]*host{}} }

func (r *run) host(name string) *host {
	r.mu.Lock()
	defer r.mu.Unlock()
	h, ok := r.hosts[name]
	if !ok {
		h = &host{sem: make(chan struct{}, r.f.opt.PerHost)}
		r.hosts[name] = h
	}
	return h
}

// fetched is a downloaded body on its way to a parser.
type fetched struct {
	req   Request
	start time.Time
	res   Result // final when body is nil
	body  []byte
	// scratch holds body's buffer, given back when the body is parsed
	// (finish); nil when there is none.
	scratch *[]byte
	base    *url.URL
	ctype   string      // Content-Type
	cenc    string      // Content-Encoding, not yet undone
	hdr     http.Header // for the hints
}

// FetchAll fetches every request and calls each with every result, one
// at a time, from the calling goroutine, in the order they finish.
func (f *Fetcher) FetchAll(ctx context.Context, reqs []Request, each func(Result)) {
	for r := range f.Results(ctx, reqs) {
		each(r)
	}
}

// Results fetches every request and delivers each result on the returned
// channel, which is closed when all are done.
//
// Downloads run Workers at once and at most PerHost per host; a body is
// handed to one of Parsers parsing goroutines as soon as it is read and
// its host slot is free again, so a slow host never idles the parsers.
// A host whose request times out gets only QuickTimeout to answer each of
// its remaining feeds ("host not responding"), and the whole refresh ends
// after RefreshTimeout: feeds not fetched by then fail with
// ErrRefreshDeadline. If ctx is cancelled, feeds not yet started give no
// result.
func (f *Fetcher) Results(ctx context.Context, reqs []Request) <-chan Result {
	out := make(chan Result, f.opt.Parsers)
	jobs := make(chan Request)
	bodies := make(chan fetched, f.opt.Parsers)
	dctx, cancel := context.WithCancelCause(ctx)
	dl := newDeadline(f.opt.RefreshTimeout, func() { cancel(context.DeadlineExceeded) })
	r := f.newRun()
	var fetchers, parsers sync.WaitGroup
	for range min(f.opt.Workers, max(len(reqs), 1)) {
		fetchers.Go(func() {
			for req := range jobs {
				b := r.download(dctx, req)
				// Time spent waiting for the parsers (and behind them the
				// saver) is ours, not the network's: it does not count.
				start := time.Now()
				bodies <- b
				dl.extend(time.Since(start))
			}
		})
	}
	for range f.opt.Parsers {
		parsers.Go(func() {
			for b := range bodies {
				var res Result
				f.gate.Work(func() { res = f.finish(b) })
				out <- res
			}
		})
	}
	go func() {
		defer close(jobs)
		for i, req := range reqs {
			select {
			case jobs <- req:
				continue
			case <-dctx.Done():
			}
			if ctx.Err() == nil { // the refresh's own deadline, not a cancel
				for _, req := range reqs[i:] {
					bodies <- fetched{req: req, start: f.now(), res: Result{Err: ErrRefreshDeadline}}
				}
			}
			return
		}
	}()
	go func() {
		fetchers.Wait()
		close(bodies)
		parsers.Wait()
		dl.stop()
		cancel(nil)
		close(out)
	}()
	return out
}

// readBody reads at most limit bytes of resp's body into a pooled
// buffer, returned with it for releaseBody once the body is parsed: with
// a Content-Length, one of at least that size (up to 4 MB: the header may
// lie); without one (a chunked feed, as most generated ones are) any,
// grown as needed, rather than a new buffer grown from 512 bytes by
// doubling, which left about three times the body's size as garbage for
// every feed.
func readBody(resp *http.Response, limit int64) ([]byte, *[]byte, error) {
	r := io.LimitReader(resp.Body, limit)
	sp, _ := scratchBodies.Get().(*[]byte)
	if sp == nil {
		sp = new([]byte)
	}
	if n := resp.ContentLength; n > 0 && int64(cap(*sp)) <= min(n, limit, 4<<20) {
		*sp = make([]byte, 0, min(n, limit, 4<<20)+1) // +1: the read that finds the end (n+1 overflows for the largest n)
	}
	b, err := readInto(r, (*sp)[:0])
	*sp = b
	return b, sp, err
}

// releaseBody gives a body's buffer back to scratchBodies once nothing
// reads the body any more (the parsed feed holds copies); one that grew
// past maxScratchBody is left to the collector.
func releaseBody(sp *[]byte) {
	if sp != nil && cap(*sp) <= maxScratchBody {
		*sp = (*sp)[:0]
		scratchBodies.Put(sp)
	}
}

// scratchBodies holds readBody's buffers: a big refresh reads hundreds of
// bodies, and a new buffer for each was a twentieth of what it allocates.
var scratchBodies sync.Pool

const maxScratchBody = 4 << 20

// readInto reads r to its end into b, growing it as io.ReadAll does.
func readInto(r io.Reader, b []byte) ([]byte, error) {
	if cap(b) == 0 {
		b = make([]byte, 0, 512)
	}
	for {
		n, err := r.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		if err == io.EOF {
			return b, nil
		}
		if err != nil {
			return b, err
		}
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)]
		}
	}
}

// Fetch does one conditional GET and parses the body.
func (f *Fetcher) Fetch(ctx context.Context, req Request) Result {
	return f.finish(f.newRun().download(ctx, req))
}

// finish parses a downloaded body (or passes on a failure) and stamps
// the result.
func (f *Fetcher) finish(b fetched) Result {
	res := b.res
	if b.body != nil {
		res = f.parse(b)
	}
	releaseBody(b.scratch)
	res.URL = b.req.URL
	res.Elapsed = time.Since(b.start)
	if res.Err != nil {
		res.Status = StatusError
		res.Err = SafeError(res.Err) // status text and parser messages quote the server
		res.MovedTo = ""             // a move is kept only to a feed that answers
	}
	return res
}

func (f *Fetcher) parse(b fetched) Result {
	res := b.res
	body, err := decodeContent(b.body, b.cenc, f.opt.MaxBody)
	if errors.Is(err, errUnpackedTooLarge) {
		err = fmt.Errorf("feed larger than %d MB", f.opt.MaxBody>>20)
	}
	if err != nil {
		res.Err, res.Hints = err, hintsFrom(b.hdr, nil, f.now())
		return res
	}
	res.Hints = hintsFrom(b.hdr, body, f.now())
	res.BodyHash = bodyFingerprint(body)
	if b.req.BodyHash != "" && res.BodyHash == b.req.BodyHash {
		res.Status = StatusNotModified // the same bytes again
		return res
	}
	raw, err := gunzipped(body, f.opt.MaxBody)
	if errors.Is(err, errUnpackedTooLarge) {
		err = fmt.Errorf("feed larger than %d MB", f.opt.MaxBody>>20)
	}
	if err != nil {
		res.Err = err
		return res
	}
	body, err = toUTF8(raw, b.ctype)
	if err != nil {
		res.Err = err
		return res
	}
	opt := ParseOptions{MaxItems: f.opt.MaxItems}
	if b.req.Known != nil {
		opt.Known = b.req.Known()
	}
	p, err := ParseWith(body, b.base, f.now(), opt)
	if err != nil {
		res.Err = err
		return res
	}
	res.Status, res.Title, res.Articles, res.Total = StatusOK, p.Title, p.Articles, p.Total
	res.Capped = p.Total > len(p.Articles) && len(p.Articles) >= f.opt.MaxItems
	return res
}

// download does one conditional GET and reads the body.
func (r *run) download(ctx context.Context, req Request) fetched {
	f := r.f
	out := fetched{req: req, start: f.now()}
	fail := func(err error) fetched { out.res = Result{Err: err}; return out }
	if f.opt.Offline {
		return fail(ErrOffline)
	}
	u, err := url.Parse(req.URL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fail(errors.New("not an http(s) URL"))
	}
	h := r.host(u.Hostname())
	select {
	case h.sem <- struct{}{}:
	case <-ctx.Done():
		return fail(deadlineReason(ctx))
	}
	defer func() { <-h.sem }()
	if ctx.Err() != nil {
		return fail(deadlineReason(ctx))
	}
	quick := h.timedOut.Load()
	headerTimeout := f.opt.HeaderTimeout
	if quick {
		headerTimeout = f.opt.QuickTimeout
	}

	outer := ctx
	ctx, cancel := context.WithTimeout(ctx, f.opt.Timeout)
	defer cancel()
	ctx, mv := withMoved(ctx)
	hreq, err := http.NewRequestWithContext(ctx, http.MethodGet, req.URL, nil)
	if err != nil {
		return fail(err)
	}
	hreq.Header.Set("User-Agent", f.opt.UserAgent)
	hreq.Header.Set("Accept-Encoding", acceptEncoding)
	hreq.Header.Set("Accept", "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5")
	if req.ETag != "" {
		hreq.Header.Set("If-None-Match", req.ETag)
	}
	if req.LastModified != "" {
		hreq.Header.Set("If-Modified-Since", req.LastModified)
	}
	// The header timeout: cancel the request unless headers come in time.
	headers := time.AfterFunc(headerTimeout, cancel)
	resp, err := f.client.Do(hreq)
	headerLate := !headers.Stop()
	if err == nil && headerLate {
		resp.Body.Close()
		err = context.DeadlineExceeded
	}
	if err != nil {
		if outer.Err() != nil {
			return fail(deadlineReason(outer))
		}
		if headerLate || isTimeout(err) {
			h.timedOut.Store(true)
			if quick {
				return fail(ErrHostNotResponding)
			}
			return fail(errors.New("timed out: no answer within " + seconds(headerTimeout)))
		}
		return fail(reason(err))
	}
	defer resp.Body.Close()
	out.res = Result{ETag: req.ETag, LastModified: req.LastModified, MovedTo: mv.movedTo(req.URL)}
	if resp.StatusCode == http.StatusNotModified {
		out.res.Status = StatusNotModified
		out.res.Hints = hintsFrom(resp.Header, nil, f.now())
		return out
	}
	if resp.StatusCode != http.StatusOK {
		err := fmt.Errorf("HTTP %s", Line(resp.Status))
		if to := resp.Request.URL.String(); to != req.URL {
			err = fmt.Errorf("HTTP %s at %s, where it was redirected", Line(resp.Status), to) // the feed keeps its address
		}
		out.res = Result{Err: err, Hints: hintsFrom(resp.Header, nil, f.now())}
		return out
	}
	body, scratch, err := readBody(resp, f.opt.MaxBody+1)
	if err != nil {
		releaseBody(scratch)
		if outer.Err() != nil {
			return fail(deadlineReason(outer))
		}
		if isTimeout(err) {
			h.timedOut.Store(true)
		}
		return fail(reason(err))
	}
	if int64(len(body)) > f.opt.MaxBody {
		releaseBody(scratch)
		return fail(fmt.Errorf("feed larger than %d MB", f.opt.MaxBody>>20))
	}
	out.body, out.scratch = body, scratch
	out.base = resp.Request.URL // after redirects
	out.res.ETag = resp.Header.Get("ETag")
	out.res.LastModified = resp.Header.Get("Last-Modified")
	out.ctype = resp.Header.Get("Content-Type")
	out.cenc = strings.Join(resp.Header.Values("Content-Encoding"), ",")
	out.hdr = resp.Header
	return out
}

// deadlineReason is why a request never started: the refresh's deadline
// or a cancel.
func deadlineReason(ctx context.Context) error {
	if errors.Is(context.Cause(ctx), context.DeadlineExceeded) {
		return ErrRefreshDeadline
	}
	return errors.New("cancelled")
}

// deadline calls fire once limit has passed, not counting the time it was
// extended by.
type deadline struct {
	mu    sync.Mutex
	at    time.Time
	timer *time.Timer
	fire  func()
}

func newDeadline(limit time.Duration, fire func()) *deadline {
	d := &deadline{at: time.Now().Add(limit), fire: fire}
	d.timer = time.AfterFunc(limit, d.check)
	return d
}

func (d *deadline) check() {
	d.mu.Lock()
	left := time.Until(d.at)
	if left > 0 {
		d.timer.Reset(left)
	}
	d.mu.Unlock()
	if left <= 0 {
		d.fire()
	}
}

func (d *deadline) extend(by time.Duration) {
	if by < time.Millisecond {
		return
	}
	d.mu.Lock()
	d.at = d.at.Add(by)
	d.mu.Unlock()
}

func (d *deadline) stop() { d.timer.Stop() }

// seconds is d as a timeout is said: "10s", "200ms".
func seconds(d time.Duration) string {
	if d >= time.Second {
		d = d.Round(time.Second)
	}
	return d.String()
}

func isTimeout(err error) bool {
	var ne net.Error
	return errors.Is(err, context.DeadlineExceeded) || errors.As(err, &ne) && ne.Timeout()
}

// reason shortens transport errors to what a user needs to see.
func reason(err error) error {
	var ne net.Error
	switch {
	case errors.Is(err, context.DeadlineExceeded), errors.As(err, &ne) && ne.Timeout():
		return errors.New("timed out")
	case errors.Is(err, context.Canceled):
		return errors.New("cancelled")
	case errors.Is(err, io.ErrUnexpectedEOF):
		return errors.New("cut off: the connection closed before the whole feed arrived")
	}
	if r, ok := netReason(err); ok {
		return r
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
	if len(body) >= 2 && (body[0] == 0xff && body[1] == 0xfe || body[0] == 0xfe && body[1] == 0xff) {
		// UTF-16 with its byte order mark (Windows servers): as UTF-8,
		// its prolog saying so (gofeed would decode it again).
		out, err := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder().Bytes(body)
		if err != nil {
			return nil, errors.New("bad UTF-16")
		}
		return prologUTF16.ReplaceAll(out, []byte(`${1}"UTF-8"`)), nil
	}
	_, params, _ := mimeParams(contentType)
	label := strings.ToLower(strings.TrimSpace(params))
	if label == "binary" {
		// libmagic's word (file -i, PHP's finfo) for bytes in no text
		// encoding: "application/pdf; charset=binary". Nothing to decode.
		return body, nil
	}
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

// gunzipped is body unpacked while it is gzip (up to twice: compressed
// again under the transport's gzip, or a .gz file), at most limit bytes.
func gunzipped(body []byte, limit int64) ([]byte, error) {
	for range 2 {
		if len(body) < 2 || body[0] != 0x1f || body[1] != 0x8b {
			break
		}
		var err error
		if body, err = gunzip(body, limit); err != nil {
			return nil, err
		}
	}
	return body, nil
}

// gunzip unpacks a gzip body, at most limit bytes of it.
func gunzip(body []byte, limit int64) ([]byte, error) {
	z, err := gzip.NewReader(bytes.NewReader(body))
	if err != nil {
		return nil, errors.New("bad gzip body")
	}
	out, err := io.ReadAll(io.LimitReader(z, limit+1))
	if err != nil {
		return nil, errors.New("bad gzip body")
	}
	if int64(len(out)) > limit {
		return nil, errUnpackedTooLarge
	}
	return out, nil
}

// errUnpackedTooLarge: a gzip body unpacks past the size cap.
var errUnpackedTooLarge = errors.New("unpacked body over the size cap")

// repairUTF8 keeps body's valid UTF-8 and reads every other byte as
// windows-1252.
func repairUTF8(body []byte) []byte {
	out := make([]byte, 0, len(body)+len(body)/8)
	for i := 0; i < len(body); {
		r, n := utf8.DecodeRune(body[i:])
		if r == utf8.RuneError && n <= 1 {
			r = charmap.Windows1252.DecodeByte(body[i])
			n = 1
		}
		out = utf8.AppendRune(out, r)
		i += n
	}
	return out
}

// strayLatin says whether the bytes of body that are not UTF-8 look like
// windows-1252 letters among ASCII text (Western European text pasted in:
// "Caf\xe9", "it\x92s"), one or two at a time, rather than the runs of
// a text wholly in another single- or double-byte encoding (Cyrillic,
// Greek, Chinese, Japanese), where they make up whole words.
func strayLatin(body []byte) bool {
	stray, inRuns, run := 0, 0, 0
	end := func() {
		if run >= 3 {
			inRuns += run
		}
		run = 0
	}
	for i := 0; i < len(body); {
		r, n := utf8.DecodeRune(body[i:])
		if r == utf8.RuneError && n <= 1 {
			stray++
			run++
			i++
			continue
		}
		end()
		i += n
	}
	end()
	return stray > 0 && inRuns*4 < stray
}

var prologUTF16 = regexp.MustCompile(`^(<\?xml[^>]*?encoding\s*=\s*)["'][^"']*["']`)

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
