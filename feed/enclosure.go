package feed

import (
	"html"
	"net/url"
	"path"
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
		add.WriteString(`<p><` + kind + ` src="` + esc + `"></` + kind + `></p>`)
	}
	if add.Len() == 0 {
		return content, summary
	}
	if len(content) >= len(summary) {
		return content + add.String(), summary
	}
	return content, summary + add.String()
}
