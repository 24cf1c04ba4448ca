package stories

import "strings"

// stop holds words too common in news to say what an article is about:
// function words, the verbs and nouns every report uses, and the words of
// feed boilerplate (wire credits "Reporting by …; Editing by …", photo
// credits, newsletter sign-ups, copyright lines).
var stop = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`
a about above across after afterwards again against ago ahead all almost alone along already also although always am among amid amidst an and another any anyone anything are around as at away
back be became because become becomes been before being below beside besides between beyond both but by
can cannot could did do does doing done down during each either else enough even ever every
few first for former from further get gets getting give given go goes going gone got had has have having he her here hers herself him himself his how however
i if in including inside into is it its itself just last late later latter least less like likely made make makes many may me meanwhile might more most mostly much must my myself
near nearly never new next no nobody none nor not nothing now of off often on once one only onto or other others otherwise our ours ourselves out over own
per perhaps please put quite rather really said same say says see seem seemed seems several she should show shows since so some somehow someone something sometimes still such
take taken than that the their theirs them themselves then there thereby therefore these they this those though three through throughout thus to today together too toward towards two
under until up upon us very via was we week well were what whatever when whenever where whether which while who whoever whole whom whose why will with within without would yet you your yours yesterday
year month day time times report reports reported according told tell tells people thing things way ways part lot lots plan plans
also amp nbsp quot mr mrs ms dr st re ve ll don doesn didn isn wasn aren weren won wouldn couldn shouldn
monday tuesday wednesday thursday friday saturday sunday
january february march april june july august september october november december
news update updates live latest breaking read more continue full story article video photo photos watch
hour hours minute minutes came come comes coming went behind appeared leaving
reporting editing photograph photographer photography caption newsletter newsletters inbox subscribe copyright reserved
`) {
		stop[Normalize(w)] = true
		stop[w] = true
	}
}

// IsStop says whether a normalised term is too common to carry meaning.
func IsStop(term string) bool { return stop[term] }
