package extract

import (
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The texts extraction made of files before Fetch refused them (a PDF, an
// MP3, an image, unlabelled bytes) are told from real articles: every
// fixture page's text, prose in several scripts and a programming
// article with code blocks are kept.
func TestLooksLikeFile(t *testing.T) {
	noise := make([]byte, 4000)
	for i := range noise {
		noise[i] = byte(i*131 + i/7)
	}
	rnd := make([]byte, 6000)
	x := uint32(7)
	for i := range rnd {
		x = x*1664525 + 1013904223
		rnd[i] = byte(x >> 24)
	}
	u, _ := url.Parse("https://files.test/x")
	for name, body := range map[string][]byte{
		"pdf":    append([]byte("%PDF-1.7\n"), noise...),
		"mp3":    append([]byte("ID3\x03\x00\x00\x00\x00\x00\x00"), noise...),
		"png":    append([]byte("\x89PNG\r\n\x1a\n"), noise...),
		"bytes":  noise,
		"random": rnd,
		"jpeg":   append([]byte("\xff\xd8\xff\xe0\x00\x10JFIF\x00"), rnd...),
	} {
		art, err := Extract(body, u) // what Fetch kept before it refused files
		if err != nil {
			continue // nothing was cached
		}
		if !LooksLikeFile(art.HTML) {
			t.Errorf("%s: taken for text: %.200q", name, art.HTML)
		}
	}
	pages, _ := filepath.Glob("testdata/*.html")
	for _, p := range pages {
		body, _ := os.ReadFile(p)
		art, err := Extract(body, u)
		if err != nil {
			continue
		}
		if LooksLikeFile(art.HTML) {
			t.Errorf("%s: a real page taken for a file", p)
		}
	}
	code := "<p>To read the file, open it and scan it line by line:</p><pre><code>" + strings.Repeat(`f, err := os.Open(path)
if err != nil { return fmt.Errorf("open %s: %w", path, err) }
defer f.Close()
sc := bufio.NewScanner(f)
for sc.Scan() { n += len(sc.Bytes()) }
`, 6) + "</code></pre><p>Each call returns an error that the caller must check, or the scan stops early without a word.</p>"
	for name, html := range map[string]string{
		"code":  code,
		"cjk":   "<p>" + strings.Repeat("東京都は二十日、新しい防災計画を発表した。計画では、首都直下地震に備えて避難所を増やす。", 10) + "</p>",
		"greek": "<p>" + strings.Repeat("Η κυβέρνηση ανακοίνωσε σήμερα νέα μέτρα για τη στήριξη των νοικοκυριών. ", 10) + "</p>",
		"data":  "<p>" + strings.Repeat("Rates rose 0.25% to 4.5% (from 4.25%); CPI: +3.1% y/y, core +2.8%. ", 10) + "</p>",
		// Prose that opens with what is also a file's signature.
		"png news":  "<p>PNG Prime Minister James Marape said on Monday that the budget would fund new roads in the highlands.</p>",
		"id3 howto": "<p>ID3 tags: how music players read the title and artist from your files.</p>",
	} {
		if LooksLikeFile(html) {
			t.Errorf("%s: real text taken for a file", name)
		}
	}
}
