package analyze

// Document is the contract's document object: one report to analyse.
type Document struct {
	ID        string `json:"id,omitempty"`
	URL       string `json:"url,omitempty"`
	Title     string `json:"title,omitempty"`
	Text      string `json:"text,omitempty"`
	HTML      string `json:"html,omitempty"`
	Published string `json:"published,omitempty"`
	Lang      string `json:"lang,omitempty"`
	// Source names the outlet, when the input says (corpora carry it).
	Source string `json:"source,omitempty"`
}

// Analysis is the contract's analysis object.
type Analysis struct {
	ID              string  `json:"id"`
	Lang            string  `json:"lang"`
	Title           *string `json:"title"`
	URL             string  `json:"url,omitempty"`
	Published       *string `json:"published"`
	PublishedTime   string  `json:"published_time,omitempty"`
	PublishedSource string  `json:"published_source"`
	// PublishedEvidence is the span of text the publication date was read
	// from (a dateline), when it came from the text.
	PublishedEvidence *Span    `json:"published_evidence,omitempty"`
	Text              string   `json:"text"`
	Entities          []Entity `json:"entities"`
	Dates             []Date   `json:"dates"`
	Events            []Event  `json:"events"`
	// Sentences are the sentence spans of Text, for highlighting.
	Sentences []Span `json:"sentences"`
	// Warnings report repairs made to the input (invalid UTF-8…).
	Warnings []string `json:"warnings,omitempty"`
	// Analyzer names the rasad version and key rules that made this object.
	Analyzer Analyzer `json:"analyzer"`
}

// Analyzer identifies what produced an analysis, so stored analyses can be
// redone after an upgrade.
type Analyzer struct {
	Version    string `json:"version"`
	KeyVersion int    `json:"key_version"`
}

// Span is a range of Text in Unicode code points, end exclusive.
type Span struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text,omitempty"`
}

// Mention is one place an entity is named.
type Mention struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
	// How is "name", "adjective" (a country's demonym), "surname" (after a
	// full mention) or "role" (a role phrase resolved to its holder).
	How string `json:"how,omitempty"`
}

// Entity is an actor, place or organisation named in the text.
type Entity struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	Kind string `json:"kind"`
	QID  string `json:"qid,omitempty"`
	// Country is the state (a country id) a person serves, an organisation
	// belongs to or a place lies in: what lets a report that names Putin
	// and one that names Russia speak of the same event.
	Country  string    `json:"country,omitempty"`
	Mentions []Mention `json:"mentions"`
}

// Date is a resolved date expression.
type Date struct {
	Start        int    `json:"start"`
	End          int    `json:"end"`
	Text         string `json:"text"`
	Value        string `json:"value"`
	Calendar     string `json:"calendar"`
	Granularity  string `json:"granularity"`
	ValueEnd     string `json:"value_end,omitempty"`
	Time         string `json:"time,omitempty"`
	TZ           string `json:"tz,omitempty"`
	Relative     bool   `json:"relative,omitempty"`
	InferredYear bool   `json:"inferred_year,omitempty"`
	Typo         bool   `json:"typo,omitempty"`
}

// Event is a coded event with its evidence.
type Event struct {
	Type       string   `json:"type"`
	Mode       *string  `json:"mode"`
	Actors     []string `json:"actors"`
	Recipients []string `json:"recipients"`
	Date       *string  `json:"date"`
	Location   *string  `json:"location"`
	Evidence   Span     `json:"evidence"`
	Confidence float64  `json:"confidence"`
	// Pattern is the trigger that fired, as the data writes it.
	Pattern string `json:"pattern,omitempty"`
	// Primary marks the report's main event (its title or lead).
	Primary bool `json:"primary,omitempty"`
	// Contexts are the PLOVER contexts of the report (health, territory…).
	Contexts []string `json:"contexts,omitempty"`
}
