package feed

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"

	"golang.org/x/net/html/charset"
)

// isHTML says whether a document is HTML by its media type or, when the
// server says nothing useful, by its first bytes.
func isHTML(contentType string, body []byte) bool {
	mt, _, _ := strings.Cut(strings.ToLower(contentType), ";")
	mt = strings.TrimSpace(mt)
	if mt == "text/html" || mt == "application/xhtml+xml" {
		return true
	}
	if mt != "" && mt != "application/octet-stream" && mt != "text/plain" {
		return false
	}
	head := strings.ToLower(strings.TrimSpace(string(body[:min(len(body), 512)])))
	return strings.HasPrefix(head, "<!doctype html") || strings.HasPrefix(head, "<html")
}

// Page is a fetched web page (or any document) after redirects.
type Page struct {
	URL         *url.URL // final address, after redirects
	ContentType string
	Body        []byte // decoded to UTF-8 when the HTTP charset says otherwise
}

// ErrTooLarge is returned by Get for a body over the size cap, with the
// Page's URL and ContentType (a PDF or a podcast's audio is mostly larger
// than a page may be: what it is can still be said).
var ErrTooLarge = errors.New("page larger than the size cap")

// Get fetches one document with the Fetcher's hardened client: the same
// timeouts, redirect limit, http(s)-only rule, per-host limit and size cap
// as feeds (maxBody, when positive and smaller, caps it further). Errors
// are short reasons fit to show (never the server's own text).
func (f *Fetcher) Get(ctx context.Context, raw, accept string, maxBody int64) (Page, error) {
	if f.opt.Offline {
		return Page{}, ErrOffline
	}
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return Page{}, errors.New("not an http(s) URL")
	}
	limit := f.opt.MaxBody
	if maxBody > 0 && maxBody < limit {
		limit = maxBody
	}
	release, err := f.hostSlot(ctx, u)
	if err != nil {
		return Page{}, reason(err)
	}
	defer release()
	ctx, cancel := context.WithTimeout(ctx, f.opt.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return Page{}, err
	}
	req.Header.Set("User-Agent", f.opt.UserAgent)
	req.Header.Set("Accept-Encoding", acceptEncoding)
	if accept != "" {
		req.Header.Set("Accept", accept)
	}
	resp, err := f.client.Do(req)
	if err != nil {
		return Page{}, reason(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return Page{}, fmt.Errorf("HTTP %d %s", resp.StatusCode, http.StatusText(resp.StatusCode))
	}
	ct := resp.Header.Get("Content-Type")
	tooLarge := func() (Page, error) {
		return Page{URL: resp.Request.URL, ContentType: ct}, fmt.Errorf("%w (%d KB)", ErrTooLarge, limit>>10)
	}
	if resp.ContentLength > limit {
		return tooLarge() // said so: not downloaded to find out
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, limit+1))
	if err != nil {
		return Page{}, reason(err)
	}
	if int64(len(body)) > limit {
		return tooLarge()
	}
	if body, err = decodeContent(body, strings.Join(resp.Header.Values("Content-Encoding"), ","), limit); err == nil {
		body, err = gunzipped(body, limit)
	}
	if errors.Is(err, errUnpackedTooLarge) { // as refresh reads feeds
		return tooLarge()
	} else if err != nil {
		return Page{}, err
	}
	if isHTML(ct, body) {
		// <meta charset> and the BOM count for HTML, not only the header.
		if enc, name, _ := charset.DetermineEncoding(body, ct); name != "utf-8" {
			if decoded, err := enc.NewDecoder().Bytes(body); err == nil {
				body = decoded
			}
		}
	} else if body, err = toUTF8(body, ct); err != nil {
		return Page{}, err
	}
	return Page{URL: resp.Request.URL, ContentType: ct, Body: body}, nil
}
