package feed

import (
	"fmt"
	"reflect"
	"regexp"
	"strings"

	"github.com/pelletier/go-toml/v2"
)

// tableArrays are the config keys written as arrays of tables
// ([[sections]]): every slice-of-struct field of Config.
var tableArrays = func() []string {
	var keys []string
	t := reflect.TypeOf(Config{})
	for i := range t.NumField() {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("toml"), ",")
		if name != "" && name != "-" && f.Type.Kind() == reflect.Slice && f.Type.Elem().Kind() == reflect.Struct {
			keys = append(keys, name)
		}
	}
	return keys
}()

// checkTableArrays rejects "[sections]" where "[[sections]]" is meant: the
// decoder would otherwise take the single table as a one-element list and
// a second [sections] as a duplicate.
func checkTableArrays(name string, data []byte) error {
	for i, l := range strings.Split(string(data), "\n") {
		l = strings.TrimSpace(l)
		if c := strings.IndexByte(l, '#'); c >= 0 {
			l = strings.TrimSpace(l[:c])
		}
		if !strings.HasPrefix(l, "[") || strings.HasPrefix(l, "[[") || !strings.HasSuffix(l, "]") {
			continue
		}
		key := strings.Trim(strings.TrimSpace(l[1:len(l)-1]), `"'`)
		for _, k := range tableArrays {
			if key == k {
				return fmt.Errorf("%s:%d: [%s] must be written [[%s]] (double brackets), once per %s", name, i+1, k, k, strings.TrimSuffix(k, "s"))
			}
		}
	}
	return nil
}

var decodeMsg = regexp.MustCompile(`cannot decode TOML (\w+) into struct field \S+ of type (\S+)`)

// typeError says what a DecodeError means in the user's words: "feeds
// must be a list of URLs", not Go's struct field and type names.
func typeError(de *toml.DecodeError) string {
	key := strings.Join(de.Key(), ".")
	last := key
	if k := de.Key(); len(k) > 0 {
		last = k[len(k)-1]
	}
	m := decodeMsg.FindStringSubmatch(de.Error())
	if m == nil || key == "" {
		return strings.TrimPrefix(de.Error(), "toml: ")
	}
	given, want := m[1], strings.TrimPrefix(m[2], "*")
	switch last {
	case "feeds":
		return `feeds must be a list of URLs, like feeds = ["https://example.com/rss"]`
	case "ranking":
		return `ranking must be one URL in quotes, like ranking = "https://example.com/most-read.rss"`
	}
	var words string
	switch {
	case want == "string":
		words = "text in quotes"
	case want == "bool":
		words = "true or false"
	case strings.HasPrefix(want, "int") || strings.HasPrefix(want, "uint"):
		words = "a whole number"
	case strings.HasPrefix(want, "float"):
		words = "a number"
	case want == "[]string":
		words = `a list of text values in quotes, like ["a", "b"]`
	case strings.HasPrefix(want, "[]"):
		words = fmt.Sprintf("written as [[%s]] tables", last)
	case strings.HasPrefix(want, "map"):
		words = fmt.Sprintf("a [%s] table", key)
	default:
		return fmt.Sprintf("%s has the wrong type (a TOML %s)", key, given)
	}
	return fmt.Sprintf("%s must be %s, not a TOML %s", key, words, given)
}
