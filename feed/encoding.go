package feed

import (
	"bytes"
	"compress/flate"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"strings"
)

// acceptEncoding is what the fetcher asks servers for: the codings
// decodeContent can undo. Not br: the standard library has no brotli
// decoder.
const acceptEncoding = "gzip, deflate"

// decodeContent undoes a response's Content-Encoding (ce, as the header
// gives it), at most limit bytes of output. The transport's own
// decompression is off, because it fails the whole body on what real
// servers send: a plain body labelled gzip ("gzip: invalid header"),
// deflate as zlib or as raw deflate. So each coding is undone only when
// the body is in it: a body labelled gzip that does not start with gzip's
// magic is read as it is, and so is a body labelled deflate or br that is
// neither but looks like the text of a feed. A br body, which this build
// cannot decode (and never asks for), is a clear error.
func decodeContent(body []byte, ce string, limit int64) ([]byte, error) {
	codings := strings.Split(ce, ",")
	if len(codings) > 3 {
		return nil, errors.New("body encoded more than three times")
	}
	for i := len(codings) - 1; i >= 0; i-- { // the last applied is undone first
		c := strings.ToLower(strings.TrimSpace(codings[i]))
		var err error
		switch c {
		case "", "identity", "none", "utf-8", "utf8", "binary", "8bit", "7bit":
			// nothing applied (the last few are charsets and transfer
			// encodings some servers put in the wrong header)
		case "gzip", "x-gzip":
			if isGzip(body) {
				body, err = gunzip(body, limit)
			}
		case "deflate":
			body, err = inflate(body, limit)
		case "br":
			if !looksText(body) {
				return nil, errors.New("body compressed with brotli (br), which newsreader cannot decode")
			}
		default:
			if !looksText(body) {
				return nil, fmt.Errorf("body in an unsupported Content-Encoding %q", Line(truncateRunes(c, 20)))
			}
		}
		if err != nil {
			return nil, err
		}
	}
	return body, nil
}

func isGzip(b []byte) bool { return len(b) >= 2 && b[0] == 0x1f && b[1] == 0x8b }

// isZlib says whether b starts with a zlib header: deflate, a window of
// at most 32 KB, and the check bits right.
func isZlib(b []byte) bool {
	return len(b) >= 2 && b[0]&0x0f == 8 && b[0]>>4 <= 7 && (uint16(b[0])<<8|uint16(b[1]))%31 == 0
}

// inflate undoes Content-Encoding: deflate, which is zlib by the
// standard but raw deflate from many servers (and gzip from a few). A
// body that is none of them is taken as it is when it looks like text.
func inflate(body []byte, limit int64) ([]byte, error) {
	if isGzip(body) {
		return gunzip(body, limit)
	}
	bad := errors.New("bad deflate body")
	if isZlib(body) {
		z, err := zlib.NewReader(bytes.NewReader(body))
		if err == nil {
			out, err := readCapped(z, limit)
			if err == nil || errors.Is(err, errUnpackedTooLarge) {
				return out, err
			}
		}
	}
	out, err := readCapped(flate.NewReader(bytes.NewReader(body)), limit)
	switch {
	case err == nil, errors.Is(err, errUnpackedTooLarge):
		return out, err
	case looksText(body):
		return body, nil // labelled deflate, sent plain
	}
	return nil, bad
}

// readCapped reads r to its end, at most limit bytes.
func readCapped(r io.Reader, limit int64) ([]byte, error) {
	out, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(out)) > limit {
		return nil, errUnpackedTooLarge
	}
	return out, nil
}

// looksText says whether b starts like an uncompressed feed or page:
// markup or JSON without control bytes in its first 512 (or UTF-16 with
// its byte order mark). Compressed bytes are all but sure to hold some.
func looksText(b []byte) bool {
	if len(b) >= 2 && (b[0] == 0xff && b[1] == 0xfe || b[0] == 0xfe && b[1] == 0xff) {
		return true
	}
	b = bytes.TrimLeft(bytes.TrimPrefix(b, []byte("\xef\xbb\xbf")), " \t\r\n")
	if len(b) == 0 || b[0] != '<' && b[0] != '{' {
		return false
	}
	for _, c := range b[:min(len(b), 512)] {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f {
			return false // compressed bytes hold controls; text does not
		}
	}
	return true
}
