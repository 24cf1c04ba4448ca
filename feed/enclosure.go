package feed

import (
	"fmt"
	"html"
	"net/url"
	"path"
	"strconv"
	"strings"

	"github.com/mmcdole/gofeed"
)

// mediaExts are the file endings of audio and video enclosures that come
// without a type.
var mediaExts = map[string]string{
	".mp3": "audio", ".m4a": "audio", ".aac": "audio", ".ogg": "audio", ".oga": "audio", ".opus": "audio", ".flac": "audio", ".wav": "audio",
	".mp4": "video", ".m4v": "video", ".mov": "video", ".webm": "video",
}

// maxEnclosures is how many audio and video enclosures of one item are
// looked at: a podcast episode has one, or a few formats of it. A hostile
// feed can list hundreds of thousands in one item, and each is compared
// with the text.
const maxEnclosures = 8

// withEnclosures adds an item's audio and video enclosures (a podcast's
// episode, a clip) to the text the reader shows, the longer of content
// and summary, as <audio>/<video> elements the renderer makes links of:
// otherwise an episode's file is nowhere to be found. Enclosures the text
// already links are left out; no text is added, so plain text, search and
// stories see none of it.
func withEnclosures(it *gofeed.Item, base *url.URL, content, summary string) (string, string) {
	var add strings.Builder
	seen, looked := map[string]bool{}, 0
	length := episodeLength(it)
	for _, e := range it.Enclosures {
		if looked == maxEnclosures {
			break
		}
		if e == nil {
			continue
		}
		u := resolve(base, e.URL)
		if u == "" {
			continue
		}
		kind, _, _ := strings.Cut(strings.ToLower(strings.TrimSpace(e.Type)), "/")
		if kind != "audio" && kind != "video" {
			if e.Type != "" && !strings.HasPrefix(strings.ToLower(e.Type), "application/octet-stream") {
				continue
			}
			p, _ := url.Parse(u)
			if kind = mediaExts[strings.ToLower(path.Ext(p.Path))]; kind == "" {
				continue
			}
		}
		looked++
		esc := html.EscapeString(u)
		if seen[esc] || strings.Contains(content, esc) || strings.Contains(summary, esc) {
			continue
		}
		seen[esc] = true
		dur := ""
		if length != "" && (kind == "audio" || len(it.Enclosures) == 1) {
			dur = ` data-duration="` + length + `"` // itunes:duration is the episode's
		}
		add.WriteString(`<p><` + kind + ` src="` + esc + `"` + dur + `></` + kind + `></p>`)
	}
	if add.Len() == 0 {
		return content, summary
	}
	if len(content) >= len(summary) {
		return content + add.String(), summary
	}
	return content, summary + add.String()
}

// episodeLength is a podcast episode's itunes:duration as the reader
// shows it beside its file ("1:02:33", "45:10"), or "" when it has none
// or it is not a length ("01:02:33", "2710" seconds, "45:10" are).
func episodeLength(it *gofeed.Item) string {
	if it.ITunesExt == nil {
		return ""
	}
	d := strings.TrimSpace(it.ITunesExt.Duration)
	if d == "" || len(d) > 12 {
		return ""
	}
	secs := 0
	parts := strings.Split(d, ":")
	if len(parts) > 3 {
		return ""
	}
	for i, p := range parts {
		n, err := strconv.Atoi(p)
		if err != nil || n < 0 || (i > 0 && n > 59) {
			return ""
		}
		secs = secs*60 + n
	}
	if secs <= 0 || secs > 100*3600 {
		return ""
	}
	if h := secs / 3600; h > 0 {
		return fmt.Sprintf("%d:%02d:%02d", h, secs/60%60, secs%60)
	}
	return fmt.Sprintf("%d:%02d", secs/60, secs%60)
}
