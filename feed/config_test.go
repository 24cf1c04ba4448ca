package feed

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

const goodConfig = `site = "Example News"
[[sections]]
key = "markets"
title = "Markets"
feeds = ["https://example.com/markets.rss", "https://other.example/finance.xml"]
ranking = "https://example.com/most-read.rss"

[[sections]]
key = "World"
feeds = ["https://example.com/world.rss"]
`

func TestParseConfig(t *testing.T) {
	c, err := ParseConfig("config.toml", []byte(goodConfig))
	if err != nil {
		t.Fatal(err)
	}
	if c.Site != "Example News" || len(c.Sections) != 2 || c.Sections[0].Ranking != "https://example.com/most-read.rss" {
		t.Fatalf("%+v", c)
	}
	s, ok := c.Section("MARKETS")
	if !ok || len(s.Feeds) != 2 {
		t.Errorf("case-insensitive lookup failed: %+v %v", s, ok)
	}
	if !c.MarkOnOpen() {
		t.Error("mark_read_on_open should default to true")
	}
	if off, err := ParseConfig("c", []byte("mark_read_on_open = false\n"+goodConfig[len("site = \"Example News\"\n"):])); err != nil || off.MarkOnOpen() {
		t.Errorf("mark_read_on_open = false: %v %v", off.MarkOnOpen(), err)
	}
	if w, _ := c.Section("world"); w.DisplayTitle() != "World" {
		t.Errorf("untitled section shows %q", w.DisplayTitle())
	}
}

func TestConfigErrorsNameFileAndLine(t *testing.T) {
	cases := []struct{ name, text, want string }{
		{"unknown top key", "site = \"x\"\ncolour = \"red\"\n[[sections]]\nkey=\"a\"\nfeeds=[\"https://a.test/\"]\n", `cfg.toml:2: unknown key "colour"`},
		{"unknown section key", "[[sections]]\nkey=\"a\"\nfeeds=[\"https://a.test/\"]\nrank = \"x\"\n", `cfg.toml:4: unknown key "sections.rank"`},
		{"bad value type", "site = \"x\"\n[[sections]]\nkey = \"a\"\nfeeds = \"https://a.test/\"\n", "cfg.toml:4:"},
		{"syntax", "site = \"x\n", "cfg.toml:1:"},
		{"not a url", "[[sections]]\nkey=\"a\"\nfeeds=[\"https://a.test/\"]\n\n[[sections]]\nkey=\"b\"\nfeeds=[\"ftp://b.test/x\"]\n", `cfg.toml:7: section 2: feed "ftp://b.test/x" is not an http(s) URL`},
		{"duplicate key", "[[sections]]\nkey=\"a\"\nfeeds=[\"https://a.test/\"]\n[[sections]]\nkey=\"A\"\nfeeds=[\"https://a.test/\"]\n", `cfg.toml:4: section 2: key "A" is used twice`},
		{"no feeds", "[[sections]]\nkey=\"a\"\nfeeds=[]\n", `cfg.toml:1: section 1: "a" has no feeds`},
		{"long key", "[[sections]]\nkey=\"a\"\nfeeds=[\"https://a.test/\"]\n[[sections]]\nkey=\"" + strings.Repeat("ab", 21) + "\"\nfeeds=[\"https://a.test/\"]\n",
			`cfg.toml:4: section 2: section key "` + strings.Repeat("ab", 21) + `" is 42 characters long; the most is 40`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := ParseConfig("cfg.toml", []byte(c.text))
			if err == nil || !strings.HasPrefix(err.Error(), c.want) {
				t.Errorf("error %v, want prefix %q", err, c.want)
			}
		})
	}
}

func TestLoadConfigMissingFileGivesDefaults(t *testing.T) {
	c, err := LoadConfig(filepath.Join(t.TempDir(), "nope.toml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"top", "world", "business", "markets", "technology", "science", "health"} {
		if _, ok := c.Section(k); !ok {
			t.Errorf("default config lacks section %q", k)
		}
	}
	if err := Default().validate(); err != nil {
		t.Errorf("default config is invalid: %v", err)
	}
}

func TestWriteConfigRoundTripsAndRefusesOverwrite(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sub", "config.toml")
	if err := WriteConfig(path, Default()); err != nil {
		t.Fatal(err)
	}
	c, err := LoadConfig(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Sections) != len(Default().Sections) || c.Site != Default().Site {
		t.Errorf("round trip changed config: %+v", c)
	}
	if err := WriteConfig(path, Default()); !os.IsExist(err) {
		t.Errorf("overwrite: %v", err)
	}
}

func TestPickUnknownSection(t *testing.T) {
	_, err := Default().Pick("sport")
	if err == nil || !strings.Contains(err.Error(), "markets") || !strings.Contains(err.Error(), `"sport"`) {
		t.Errorf("error %v should name the key and list the sections", err)
	}
	all, err := Default().Pick("")
	if err != nil || len(all) != len(Default().Sections) {
		t.Errorf("Pick(\"\") = %d sections, %v", len(all), err)
	}
}

func TestDefaultConfigPathHonoursXDG(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", "/tmp/xdg-test")
	p, err := DefaultConfigPath()
	if err != nil || p != "/tmp/xdg-test/newsreader/config.toml" {
		t.Errorf("%q %v", p, err)
	}
}

func TestConfigWithoutSectionsAndNewKeys(t *testing.T) {
	c, err := ParseConfig("cfg.toml", []byte("site = \"x\"\n"))
	if err != nil || len(c.Sections) != 0 {
		t.Fatalf("a config with no sections should be valid: %v %+v", err, c)
	}
	if c.Keep() != 30 || c.RefreshInterval() != 30*time.Minute {
		t.Errorf("defaults: keep %d, refresh %v", c.Keep(), c.RefreshInterval())
	}
	c, err = ParseConfig("cfg.toml", []byte("keep_days = 7\nrefresh_every = \"15m\"\n[[sections]]\nkey=\"a\"\nfeeds=[\"https://a.test/\"]\nfull_text = true\n"))
	if err != nil || c.Keep() != 7 || c.RefreshInterval() != 15*time.Minute || !c.Sections[0].FullText {
		t.Errorf("keep_days/refresh_every/full_text not read: %v %+v", err, c)
	}
	if c, err := ParseConfig("cfg.toml", []byte("keep_days = 0\nrefresh_every = \"off\"\n")); err != nil || c.Keep() != 0 || c.RefreshInterval() != 0 {
		t.Errorf("keep_days = 0 / refresh_every = off: %v %+v", err, c)
	}
	for _, tc := range []struct{ text, want string }{
		{"site = \"x\"\nkeep_days = -1\n", "cfg.toml:2: keep_days = -1 is negative"},
		{"site = \"x\"\n\nrefresh_every = \"soon\"\n", "cfg.toml:3: refresh_every \"soon\" is not a duration"},
		{"refresh_every = \"10s\"\n", "cfg.toml:1: refresh_every \"10s\" is under a minute"},
		{"[[sections]]\nkey=\"a\"\nfeeds=[\"https://a.test/\"]\nfull_text_feeds=[\"https://b.test/\"]\n", "cfg.toml:1: section 1: full_text_feeds: \"https://b.test/\" is not one of the section's feeds"},
	} {
		if _, err := ParseConfig("cfg.toml", []byte(tc.text)); err == nil || !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("%q: got %v, want prefix %q", tc.text, err, tc.want)
		}
	}
}

// A bad feed URL is reported on its own line, not its section's.
func TestBadFeedURLErrorLine(t *testing.T) {
	text := "site = \"x\"\n\n[[sections]]\nkey = \"top\"\nfeeds = [\"https://ok.test/a.rss\"]\n\n[[sections]]\nkey = \"world\"\nfeeds = [\n  \"https://ok.test/w.rss\",\n  \"ftp://bad.test/w.rss\",\n]\n"
	_, err := ParseConfig("c.toml", []byte(text))
	if err == nil || !strings.HasPrefix(err.Error(), "c.toml:11: ") || !strings.Contains(err.Error(), "ftp://bad.test/w.rss") {
		t.Errorf("got %v, want the error on line 11", err)
	}
}
