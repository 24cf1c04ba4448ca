package cli

import (
	"flag"
	"fmt"
	"io"
	"strings"
)

// usageGroups orders --help: the flags of each group, in this order. A
// flag in none of them is listed under "Other" (a new flag still shows).
var usageGroups = []struct {
	title string
	flags []string
}{
	{"Reading (no verb: open the reader)", []string{"section", "demo", "offline"}},
	{"Articles", []string{"list", "search", "related", "ranking", "recommended", "show", "full", "json", "limit"}},
	{"Read and starred marks", []string{"mark-read", "mark-unread", "star", "unstar"}},
	{"Feeds", []string{"refresh", "force", "add", "remove", "move", "remove-section", "feeds", "import-opml", "export-opml", "full-text", "sync"}},
	{"Set-up and upkeep", []string{"config", "cache", "init-config", "reset-subscriptions", "prune", "version"}},
}

// placeholders name what a flag takes, where its type ("string") says
// too little.
var placeholders = map[string]string{
	"section": "KEY", "add": "URL", "remove": "URL", "move": "URL", "remove-section": "KEY", "show": "ID",
	"config": "FILE", "cache": "FILE", "import-opml": "FILE", "full-text": "on|off", "limit": "N",
}

// Usage writes --help: what the program is, its flags grouped by what
// they are for, each as it is typed (--name VALUE) with its description
// wrapped to 80 columns, then where to start.
func Usage(w io.Writer, fs *flag.FlagSet) {
	fmt.Fprint(w, "Usage: newsreader [flags]\n\nA terminal news reader: with no flag it opens the reader on your sections.\nFlags take one or two dashes (--list or -list).\n")
	listed := map[string]bool{}
	group := func(title string, names []string) {
		var rows []*flag.Flag
		for _, n := range names {
			if f := fs.Lookup(n); f != nil && !listed[n] {
				rows = append(rows, f)
				listed[n] = true
			}
		}
		if len(rows) == 0 {
			return
		}
		fmt.Fprintf(w, "\n%s:\n", title)
		for _, f := range rows {
			writeFlag(w, f)
		}
	}
	for _, g := range usageGroups {
		group(g.title, g.flags)
	}
	var other []string
	fs.VisitAll(func(f *flag.Flag) {
		if !listed[f.Name] {
			other = append(other, f.Name)
		}
	})
	group("Other", other)
	fmt.Fprint(w, `
Start:
  newsreader --demo               try it on the built-in sample site, offline
  newsreader --add URL            subscribe to a feed (or a site that has one)
  newsreader --import-opml FILE   bring your subscriptions from another reader
  newsreader                      read; in the reader ? lists the keys, q quits
`)
}

// writeFlag writes one flag: "  --name VALUE" then its description, on
// the same line when the name leaves room, wrapped under column 30.
func writeFlag(w io.Writer, f *flag.Flag) {
	const col, width = 30, 80
	name, usage := flag.UnquoteUsage(f)
	if p, ok := placeholders[f.Name]; ok {
		name = p
	} else if name != "" {
		name = strings.ToUpper(name)
	}
	head := "  --" + f.Name
	if name != "" {
		head += " " + name
	}
	if f.DefValue != "" && f.DefValue != "false" && f.DefValue != "0" {
		usage += " (default " + f.DefValue + ")"
	}
	line := head
	if len(head) >= col-1 {
		fmt.Fprintln(w, head)
		line = ""
	}
	pad := func() string { return line + strings.Repeat(" ", max(col-len(line), 1)) }
	cur := pad()
	n := 0
	for _, word := range strings.Fields(usage) {
		if n > 0 && len(cur)+1+len(word) > width {
			fmt.Fprintln(w, cur)
			line = ""
			cur, n = pad(), 0
		}
		if n > 0 {
			cur += " "
		}
		cur += word
		n++
	}
	fmt.Fprintln(w, cur)
}
