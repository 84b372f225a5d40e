package export

import (
	"bufio"
	"encoding/json"
	"strconv"
	"strings"

	"github.com/rasad/rasad/internal/cluster"
)

// QuadClass is the PLOVER class of a type: 1 verbal cooperation, 2 material
// cooperation, 3 verbal conflict, 4 material conflict (GDELT's QuadClass).
func QuadClass(typ string) int {
	switch typ {
	case "AGREE", "CONSULT", "SUPPORT", "CONCEDE":
		return 1
	case "COOPERATE", "AID", "RETREAT":
		return 2
	case "REQUEST", "ACCUSE", "REJECT", "SANCTION", "THREATEN":
		return 3
	case "PROTEST", "MOBILIZE", "COERCE", "ASSAULT":
		return 4
	}
	return 0
}

var quadNames = [...]string{"", "verbal cooperation", "material cooperation", "verbal conflict", "material conflict"}

// CAMEORoot is the two-digit CAMEO root code nearest a PLOVER type (the
// crosswalk of design/plover.md), for tools that expect GDELT's codes.
func CAMEORoot(typ string) string {
	return map[string]string{
		"REQUEST": "02", "AGREE": "03", "CONSULT": "04", "SUPPORT": "05", "COOPERATE": "06", "AID": "07",
		"RETREAT": "08", "CONCEDE": "08", "ACCUSE": "11", "REJECT": "12", "THREATEN": "13", "PROTEST": "14",
		"MOBILIZE": "15", "SANCTION": "16", "COERCE": "17", "ASSAULT": "18",
	}[typ]
}

// ploverActor is an actor in POLECAT's shape.
type ploverActor struct {
	Name    string `json:"name"`
	ID      string `json:"id"`
	Country string `json:"country,omitempty"`
	Type    string `json:"actor_type"`
}

// ploverRecord follows the shape of a POLECAT/PLOVER event record.
type ploverRecord struct {
	EventID    string             `json:"event_id"`
	EventDate  *string            `json:"event_date"`
	EventType  string             `json:"event_type"`
	EventMode  *string            `json:"event_mode"`
	Contexts   []string           `json:"contexts"`
	QuadClass  string             `json:"quad_class"`
	Actors     []ploverActor      `json:"actors"`
	Recipients []ploverActor      `json:"recipients"`
	Location   *ploverActor       `json:"geolocation"`
	Sources    int                `json:"num_sources"`
	Documents  []string           `json:"story_ids"`
	Languages  []string           `json:"languages"`
	Evidence   []cluster.Evidence `json:"evidence"`
	Confidence float64            `json:"confidence"`
}

type ploverWriter struct {
	bw  *bufio.Writer
	enc *json.Encoder
}

func ploverActors(ps []cluster.Party) []ploverActor {
	out := make([]ploverActor, len(ps))
	for i, p := range ps {
		a := ploverActor{Name: p.Name, ID: p.ID, Country: p.State, Type: "other"}
		if p.Country {
			a.Country, a.Type = p.ID, "state"
		} else if p.State != "" {
			a.Type = "state-affiliated"
		}
		out[i] = a
	}
	return out
}

func (w *ploverWriter) Write(l cluster.Listing) error {
	r := ploverRecord{EventID: l.ID, EventDate: l.Date, EventType: l.Type, EventMode: l.Mode, Contexts: l.Contexts,
		QuadClass: quadNames[QuadClass(l.Type)], Actors: ploverActors(l.Actors), Recipients: ploverActors(l.Recipients),
		Sources: l.Sources, Documents: l.Documents, Languages: l.Languages, Evidence: l.Evidence, Confidence: l.Confidence}
	if l.Location != nil {
		a := ploverActors([]cluster.Party{*l.Location})[0]
		a.Type = "place"
		r.Location = &a
	}
	return w.enc.Encode(r)
}

func (w *ploverWriter) Close() error { return w.bw.Flush() }

var tsvHeader = []string{"GlobalEventID", "SQLDATE", "Actor1Code", "Actor1Name", "Actor1CountryCode",
	"Actor2Code", "Actor2Name", "Actor2CountryCode", "EventType", "EventMode", "EventRootCode", "QuadClass",
	"NumMentions", "NumSources", "NumArticles", "ActionGeo_FullName", "ActionGeo_ID", "Languages",
	"DATEADDED", "SOURCEURL"}

func tsvRow(l cluster.Listing) []string {
	loc, locID := "", ""
	if l.Location != nil {
		loc, locID = l.Location.Name, l.Location.ID
	}
	src := ""
	if len(l.Documents) > 0 {
		src = l.Documents[0]
	}
	return []string{l.ID, compact(deref(l.Date)), ids(l.Actors), names(l.Actors), states(l.Actors),
		ids(l.Recipients), names(l.Recipients), states(l.Recipients), l.Type, deref(l.Mode), CAMEORoot(l.Type),
		strconv.Itoa(QuadClass(l.Type)), strconv.Itoa(l.Reports), strconv.Itoa(l.Sources), strconv.Itoa(len(l.Documents)),
		loc, locID, strings.Join(l.Languages, ";"), compact(l.First), src}
}

// compact writes a day as GDELT does: YYYYMMDD.
func compact(day string) string { return strings.ReplaceAll(day, "-", "") }

func states(ps []cluster.Party) string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.State
		if p.Country {
			out[i] = p.ID
		}
	}
	return strings.Join(out, ";")
}
