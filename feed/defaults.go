package feed

// Default is the built-in site: The Guardian's sectioned RSS, with BBC
// News feeds added to some sections. Both publish stable, public,
// per-section feeds.
func Default() Config {
	g := func(path string) string { return "https://www.theguardian.com/" + path + "/rss" }
	bbc := func(path string) string { return "https://feeds.bbci.co.uk/news/" + path + "rss.xml" }
	return Config{
		Site: "The Guardian",
		Sections: []Section{
			{Key: "top", Title: "Top stories", Feeds: []string{g("international"), bbc("")}},
			{Key: "world", Title: "World", Feeds: []string{g("world"), bbc("world/")}},
			{Key: "business", Title: "Business", Feeds: []string{g("business"), bbc("business/")}},
			{Key: "markets", Title: "Markets", Feeds: []string{g("business/stock-markets"), g("business/economics")}},
			{Key: "technology", Title: "Technology", Feeds: []string{g("technology"), bbc("technology/")}},
			{Key: "science", Title: "Science", Feeds: []string{g("science"), bbc("science_and_environment/")}},
			{Key: "health", Title: "Health", Feeds: []string{g("society/health"), bbc("health/")}},
		},
	}
}
