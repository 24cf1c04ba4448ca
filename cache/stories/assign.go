package stories

// Candidate is an article already in a story, compared with a new one.
type Candidate struct {
	Story int64
	Sim   float64 // cosine of the two weighed vectors
	Hours float64 // how far apart the two were published
}

// Threshold is the similarity from which a new article joins a story.
const Threshold = 0.3

// WindowHours is how far apart in time two reports of one event may be.
const WindowHours = 72

// timeFactor discounts a match by how far apart the two reports are: the
// same day counts in full, three days apart about two thirds.
func timeFactor(hours float64) float64 {
	if hours < 0 {
		hours = -hours
	}
	if hours <= 24 {
		return 1
	}
	return max(1-0.35*(hours-24)/(WindowHours-24), 0.5)
}

// Match picks the story a new article belongs to: the story of the most
// similar earlier report, when that similarity (discounted by the time
// between them) reaches Threshold. It returns 0 when the article starts a
// story of its own, with the best score seen either way.
func Match(cands []Candidate) (story int64, score float64) {
	for _, c := range cands {
		if c.Hours > WindowHours || c.Hours < -WindowHours {
			continue
		}
		s := c.Sim * timeFactor(c.Hours)
		if s > score || s == score && story != 0 && c.Story < story {
			story, score = c.Story, s
		}
	}
	if score < Threshold {
		return 0, score
	}
	return story, score
}
