package feed

import (
	"path/filepath"
	"strings"
	"testing"
)

func TestConfigTypeErrorsInUsersWords(t *testing.T) {
	sec := "[[sections]]\nkey = \"a\"\n"
	cases := []struct{ name, text, want string }{
		{"feeds as one string", sec + "feeds = \"https://a.test/\"\n", `cfg.toml:3: feeds must be a list of URLs`},
		{"feeds of numbers", sec + "feeds = [1, 2]\n", `cfg.toml:3: feeds must be a list of URLs`},
		{"site a number", "site = 3\n" + sec + "feeds = [\"https://a.test/\"]\n", "cfg.toml:1: site must be text in quotes, not a TOML integer"},
		{"flag as text", "mark_read_on_open = \"yes\"\n" + sec + "feeds = [\"https://a.test/\"]\n", "cfg.toml:1: mark_read_on_open must be true or false, not a TOML string"},
		{"ranking list", sec + "feeds = [\"https://a.test/\"]\nranking = [\"https://a.test/r\"]\n", "cfg.toml:4: ranking must be one URL in quotes"},
		{"sections a number", "sections = 3\n", "cfg.toml:1: sections must be written as [[sections]] tables"},
		{"sections as a table", "site = \"x\"\n[sections]\nkey = \"a\"\nfeeds = [\"https://a.test/\"]\n", "cfg.toml:2: [sections] must be written [[sections]] (double brackets)"},
		{"sections as a table, commented", "[ sections ] # oops\nkey = \"a\"\nfeeds = [\"https://a.test/\"]\n", "cfg.toml:1: [sections] must be written [[sections]]"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := ParseConfig("cfg.toml", []byte(c.text))
			if err == nil || !strings.HasPrefix(err.Error(), c.want) {
				t.Errorf("error %v, want prefix %q", err, c.want)
			}
			if err != nil && (strings.Contains(err.Error(), "struct field") || strings.Contains(err.Error(), "[]string") || strings.Contains(err.Error(), "feed.")) {
				t.Errorf("error shows Go internals: %v", err)
			}
		})
	}
}

func TestExplicitConfigMustExist(t *testing.T) {
	p := filepath.Join(t.TempDir(), "typo.toml")
	if _, err := LoadConfigFile(p); err == nil || !strings.Contains(err.Error(), p+" does not exist") {
		t.Errorf("LoadConfigFile(missing) = %v", err)
	}
	if c, err := LoadConfig(p); err != nil || len(c.Sections) == 0 {
		t.Errorf("LoadConfig(missing default path) = %v, %v: want the built-in site", c.Sections, err)
	}
}
