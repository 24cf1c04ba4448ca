package feed

import (
	"slices"
	"strings"
	"time"
)

// zoneOffsets are the time zone abbreviations feeds write, in hours east
// of UTC. gofeed reads some of them as UTC; looseDate and fixZone use
// these. Where an abbreviation means several zones, this is its usual
// reading in feeds, and zoneByLanguage its reading in a feed whose
// language says otherwise. IST is left out: India, Ireland and Israel
// all use it, so only a feed's language (or, failing that, the machine's
// own zone, see fixZone) can tell.
var zoneOffsets = map[string]float64{
	"UT": 0, "UTC": 0, "GMT": 0, "Z": 0,
	"EST": -5, "EDT": -4, "CST": -6, "CDT": -5, "MST": -7, "MDT": -6, "PST": -8, "PDT": -7,
	"AKST": -9, "AKDT": -8, "HST": -10, "AST": -4, "ADT": -3, "NST": -3.5, "NDT": -2.5,
	"WET": 0, "WEST": 1, "BST": 1, "CET": 1, "CEST": 2, "MEZ": 1, "MESZ": 2, "EET": 2, "EEST": 3, "MSK": 3,
	"JST": 9, "KST": 9, "HKT": 8, "SGT": 8, "AWST": 8, "ACST": 9.5, "ACDT": 10.5, "AEST": 10, "AEDT": 11, "NZST": 12, "NZDT": 13,
}

// zoneByLanguage reads the abbreviations that several zones share by the
// feed's language (its <language>, xml:lang or JSON Feed language: "ar",
// "en-SA", "zh_CN"): Arabia Standard Time is AST too, China Standard
// Time CST, Bangladesh Standard Time BST, and IST is India's, Israel's or
// Ireland's. A language that names none of these keeps zoneOffsets'.
var zoneByLanguage = map[string][]struct {
	langs, regions []string
	hours          float64
}{
	"AST": {{[]string{"ar"}, []string{"sa", "kw", "bh", "qa", "iq", "ye"}, 3}},
	"CST": {{[]string{"zh"}, []string{"cn", "tw", "hk", "mo"}, 8}},
	"BST": {{[]string{"bn"}, []string{"bd"}, 6}},
	"IST": {
		{[]string{"hi", "mr", "ta", "te", "kn", "ml", "gu", "pa"}, []string{"in"}, 5.5},
		{[]string{"he", "iw"}, []string{"il"}, 2},
		{[]string{"ga"}, []string{"ie"}, 1},
	},
}

// zoneOffset is the offset of zone abbreviation abbr (upper case) in a
// feed in language lang.
func zoneOffset(abbr, lang string) (float64, bool) {
	if alts := zoneByLanguage[abbr]; alts != nil && lang != "" {
		lang = strings.ToLower(strings.ReplaceAll(strings.TrimSpace(lang), "_", "-"))
		primary, region, _ := strings.Cut(lang, "-")
		if region != "" {
			for _, a := range alts {
				if slices.Contains(a.regions, region) {
					return a.hours, true // the country decides ("en-SA")
				}
			}
		}
		for _, a := range alts {
			if slices.Contains(a.langs, primary) {
				return a.hours, true
			}
		}
	}
	h, ok := zoneOffsets[abbr]
	return h, ok
}

// monthNames maps the month names and abbreviations of English, German,
// French, Spanish, Italian, Dutch and Portuguese feeds (lower case,
// without a final dot) to English abbreviations.
var monthNames = func() map[string]string {
	m := map[string]string{}
	en := []string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}
	for i, names := range []string{
		"jan january januar janv janvier ene enero gen gennaio januari janeiro",
		"feb february februar févr fevr février fevrier febrero febbraio februari fev fevereiro",
		"mar march märz maerz mär mars marzo maart março marco",
		"apr april avr avril abr abril aprile",
		"may mai mayo mag maggio mei maio",
		"jun june juni juin junio giu giugno junho",
		"jul july juli juil juillet julio lug luglio julho",
		"aug august août aout ago agosto augustus",
		"sep sept september septembre septiembre set settembre setembro",
		"oct october okt oktober octobre octubre ott ottobre out outubro",
		"nov november novembre noviembre novembro",
		"dec december dez dezember déc decembre décembre dic diciembre dicembre dezembro",
	} {
		for _, n := range strings.Fields(names) {
			m[n] = en[i]
		}
	}
	return m
}()

// looseLayouts are the date layouts looseDate tries once the weekday is
// gone, month names are English and the zone is numeric.
var looseLayouts = []string{
	"2 Jan 2006 15:04:05 -0700", "2 Jan 2006 15:04 -0700", "2 Jan 2006 3:04pm -0700", "2 Jan 2006 3:04pm",
	"2 Jan 2006 15:04:05", "2 Jan 2006 15:04", "2 Jan 2006",
	// RFC 822's two-digit year, which RSS 2.0 allows (after the
	// four-digit layouts: "06" never reads "2026").
	"2 Jan 06 15:04:05 -0700", "2 Jan 06 15:04 -0700", "2 Jan 06 15:04:05", "2 Jan 06 15:04",
	"Jan 2, 2006 15:04:05 -0700", "Jan 2, 2006 15:04 -0700", "Jan 2, 2006 3:04pm -0700",
	"Jan 2, 2006 3:04pm", "Jan 2, 2006 15:04", "Jan 2, 2006",
	"2006/01/02 15:04:05 -0700", "2006/01/02 15:04 -0700", "2006/01/02 15:04:05", "2006/01/02 15:04", "2006/01/02",
	"02.01.2006 15:04:05", "02.01.2006 15:04", "02.01.2006",
}

// looseDate reads the dates gofeed gives up on: a weekday with no space
// after its comma or in another language, a dot after the month, month
// names in another language, "3:04 pm", slashes, a zone abbreviation
// gofeed does not know (read as the feed's language lang says, see
// zoneOffset). A date without a zone is taken as UTC.
func looseDate(s, lang string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 64 {
		return time.Time{}, false
	}
	// A leading weekday ("Sat,", "Sa,", "Samedi,", "Monday,") says nothing.
	if i := strings.IndexByte(s, ','); i > 0 && i <= 12 && !strings.ContainsAny(s[:i], "0123456789 ") {
		s = s[i+1:]
	}
	fields := strings.Fields(s)
	out := make([]string, 0, len(fields))
	zone := ""
	for i, f := range fields {
		lf := strings.ToLower(strings.TrimSuffix(strings.TrimSuffix(f, ","), "."))
		switch {
		case f == "-" || f == "–" || f == "@" || lf == "at" || lf == "um" || lf == "à":
			continue
		case len(f) <= 3 && strings.HasSuffix(f, ".") && strings.Trim(lf, "0123456789") == "":
			f = lf // "28." as German writes the day
		case monthNames[lf] != "":
			f = monthNames[lf]
			if strings.HasSuffix(fields[i], ",") {
				f += ","
			}
		case lf == "am" || lf == "pm":
			if len(out) > 0 {
				out[len(out)-1] += lf
				continue
			}
		case i == len(fields)-1 && i > 0:
			if h, ok := zoneOffset(strings.ToUpper(f), lang); ok {
				zone = offsetString(h)
				continue
			}
		}
		out = append(out, f)
	}
	s = strings.Join(out, " ")
	if zone != "" {
		s += " " + zone
	}
	for _, l := range looseLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t.UTC(), true
		}
	}
	return time.Time{}, false
}

func offsetString(h float64) string {
	sign := "+"
	if h < 0 {
		sign, h = "-", -h
	}
	m := int(h*60 + 0.5)
	return sign + pad2(m/60) + pad2(m%60)
}

func pad2(n int) string { return string([]byte{byte('0' + n/10), byte('0' + n%10)}) }

// gofeedZones are the abbreviations gofeed v1.4.2 converts itself
// (internal/shared/dateparser.go); it reads any other as UTC, and its
// translator hands the time over in UTC, so whether it knew the zone
// cannot be told from the time. TestLooseDates' AEDT case fails should a
// newer gofeed learn one of ours, which fixZone would then move twice.
var gofeedZones = map[string]bool{"UT": true, "GMT": true, "UTC": true, "Z": true, "EST": true, "EDT": true,
	"CST": true, "CDT": true, "MST": true, "MDT": true, "PST": true, "PDT": true, "WET": true, "WEST": true,
	"BST": true, "CET": true, "CEST": true, "EET": true, "EEST": true}

// fixZone corrects a date gofeed read as UTC because it did not know its
// zone abbreviation ("… 08:00:00 AEDT" is 21:00 UTC the day before), or
// read in the North American or European zone of an abbreviation that
// the feed's language lang says is another ("CST" in a Chinese feed).
func fixZone(raw, lang string, t *time.Time) *time.Time {
	if t == nil {
		return nil
	}
	fields := strings.Fields(raw)
	if len(fields) < 2 {
		return t
	}
	if prev := fields[len(fields)-2]; len(prev) == 5 && (prev[0] == '+' || prev[0] == '-') && strings.Trim(prev[1:], "0123456789") == "" {
		return t // "+0300 AST": the offset is given
	}
	abbr := strings.ToUpper(fields[len(fields)-1])
	if _, off := t.Zone(); off != 0 {
		return t
	}
	var applied float64 // what gofeed took the abbreviation for
	if gofeedZones[abbr] {
		applied = zoneOffsets[abbr]
	} else {
		applied = hostOffset(fields[len(fields)-1], *t)
	}
	h, ok := zoneOffset(abbr, lang)
	if !ok {
		// One we cannot tell (IST with no language): the machine's own
		// zone's when that is the zone in effect then (a reader in India
		// reads Indian feeds), else UTC.
		h = 0
		if name, off := t.In(time.Local).Zone(); name == fields[len(fields)-1] {
			h = float64(off) / 3600
		}
	}
	if h == applied {
		return t
	}
	fixed := t.Add(-time.Duration((h - applied) * float64(time.Hour)))
	return &fixed
}

// hostOffset is the offset, in hours, that Go's time.Parse (and so
// gofeed, for an abbreviation not in its own table) gave the zone
// abbreviation abbr at about t: that of the machine's own zone when it
// uses abbr (JST on a machine in Tokyo, IST in India, AST in Halifax),
// else 0. Without it a date was moved by the machine's offset and then
// again by the abbreviation's. Only a name of letters depends on the
// machine ("GMT+9" is read alike everywhere, and kept).
func hostOffset(abbr string, t time.Time) float64 {
	if abbr == "" || strings.Trim(abbr, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") != "" {
		return 0
	}
	const layout = "2006-01-02 15:04:05"
	wall := t.UTC()
	p, err := time.Parse(layout+" MST", wall.Format(layout)+" "+abbr)
	if err != nil {
		return 0
	}
	return wall.Sub(p).Hours()
}
