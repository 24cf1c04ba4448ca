package extract

import (
	"strings"
	"unicode"

	"newsreader/feed"
)

// LooksLikeFile says whether a full text is what extraction made of a
// file's bytes (a PDF, an MP3, an image) before Fetch refused files: the
// cache holds such texts from then, screens of mojibake that today's Fetch
// would refuse, and drops them when read (see cache.FullText). It judges
// the text alone, the file's label being gone: the text opens with a
// file's signature and is not prose (under two thirds of it words: "PNG
// Prime Minister James Marape said …" is Papua New Guinea's news), or
// little of it is words (what stands between spaces, at least three
// quarters letters, digits and marks): under a third of its characters,
// where prose has nearly all and a programming article with code blocks
// well over half.
func LooksLikeFile(html string) bool {
	text := feed.PlainText(html)
	head := strings.TrimSpace(text)
	signed := false
	for _, sig := range []string{"%PDF-", "ID3", "PNG", "GIF87a", "GIF89a", "OggS", "fLaC", "RIFF", "JFIF", "Exif"} {
		if strings.HasPrefix(head, sig) {
			signed = true
			break
		}
	}
	words, all := 0, 0
	for _, tok := range strings.Fields(text) {
		n, good := 0, 0
		for _, r := range tok {
			n++
			if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) {
				good++
			}
		}
		all += n
		if good*4 >= n*3 {
			words += n
		}
	}
	return signed && words*3 < all*2 || all >= 200 && words*3 < all
}
