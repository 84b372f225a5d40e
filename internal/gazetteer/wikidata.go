package gazetteer

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

// WikidataFilter says which entities of a Wikidata dump to keep and how to
// read them.
type WikidataFilter struct {
	// Classes maps instance-of (P31) classes to the kind given to their
	// instances; an entity is kept when one of its classes is here.
	Classes map[string]string
	// Positions maps position-held (P39) items to a role and the id of the
	// country or organisation it belongs to; an entity holding one is kept
	// as a person even when its class is not listed.
	Positions map[string]Role
	// Langs are the languages whose labels and aliases are imported.
	Langs []string
	// Countries maps the QIDs of countries to gazetteer ids, for citizenship
	// (P27) and location (P17).
	Countries map[string]string
}

// DefaultClasses are the Wikidata classes imported when none are given.
var DefaultClasses = map[string]string{
	"Q5": KindPerson, "Q6256": KindCountry, "Q3624078": KindCountry, "Q3024240": KindCountry,
	"Q515": KindPlace, "Q5119": KindPlace, "Q1549591": KindPlace, "Q486972": KindPlace, "Q82794": KindPlace,
	"Q165": KindPlace, "Q1637706": KindPlace, "Q7275": KindOrg, "Q484652": KindOrg, "Q245065": KindOrg,
	"Q7278": KindOrg, "Q1331793": KindOrg, "Q192350": KindOrg, "Q17149090": KindOrg,
}

// ImportStats counts what an import did.
type ImportStats struct {
	Lines, Kept, Skipped, Bad int
}

// maxDumpLine bounds one line of a dump (the largest real items are a few
// MB).
const maxDumpLine = 64 << 20

// ImportWikidata streams a Wikidata JSON dump (one entity a line, the
// dump's "[" and "]" lines and trailing commas allowed) from r, keeps the
// entities the filter selects and writes them as gazetteer records (JSONL)
// to w. A malformed line is reported through bad with its line number and
// skipped.
func ImportWikidata(r io.Reader, w io.Writer, f WikidataFilter, bad func(line int, err error)) (ImportStats, error) {
	var st ImportStats
	br := bufio.NewReaderSize(r, 1<<20)
	bw := bufio.NewWriterSize(w, 1<<20)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	used := map[string]bool{}
	for {
		line, err := readLine(br, maxDumpLine)
		if len(line) > 0 || err == nil {
			st.Lines++
			line = bytes.TrimSpace(line)
			line = bytes.TrimSuffix(line, []byte(","))
			if len(line) > 0 && !bytes.Equal(line, []byte("[")) && !bytes.Equal(line, []byte("]")) {
				e, keep, perr := wikidataEntity(line, f)
				switch {
				case perr != nil:
					st.Bad++
					bad(st.Lines, perr)
				case !keep:
					st.Skipped++
				default:
					if used[e.ID] {
						e.ID += "-" + strings.ToLower(e.QID)
					}
					used[e.ID] = true
					if werr := enc.Encode(e); werr != nil {
						return st, fmt.Errorf("writing records: %w", werr)
					}
					st.Kept++
				}
			}
		}
		if err == io.EOF {
			break
		}
		if err == errLineTooLong {
			st.Bad++
			bad(st.Lines, err)
			continue
		}
		if err != nil {
			return st, fmt.Errorf("reading line %d: %w", st.Lines+1, err)
		}
	}
	return st, bw.Flush()
}

var errLineTooLong = fmt.Errorf("line longer than %d bytes", maxDumpLine)

// readLine reads one line, discarding the rest of a line over limit.
func readLine(br *bufio.Reader, limit int) ([]byte, error) {
	var buf []byte
	for {
		chunk, err := br.ReadSlice('\n')
		if len(buf)+len(chunk) > limit {
			for err == bufio.ErrBufferFull {
				_, err = br.ReadSlice('\n')
			}
			if err == io.EOF {
				return nil, io.EOF
			}
			return nil, errLineTooLong
		}
		buf = append(buf, chunk...)
		if err != bufio.ErrBufferFull {
			return buf, err
		}
	}
}

// The parts of a Wikidata entity that rasad reads.
type wdEntity struct {
	ID        string                            `json:"id"`
	Type      string                            `json:"type"`
	Labels    map[string]wdText                 `json:"labels"`
	Aliases   map[string][]wdText               `json:"aliases"`
	Claims    map[string][]wdClaim              `json:"claims"`
	Sitelinks map[string]struct{ Title string } `json:"sitelinks"`
}

type wdText struct {
	Value string `json:"value"`
}

type wdClaim struct {
	Mainsnak   wdSnak              `json:"mainsnak"`
	Qualifiers map[string][]wdSnak `json:"qualifiers"`
	Rank       string              `json:"rank"`
}

type wdSnak struct {
	Datavalue struct {
		Value json.RawMessage `json:"value"`
	} `json:"datavalue"`
}

// item reads an item-valued snak's id.
func (s wdSnak) item() string {
	var v struct {
		ID string `json:"id"`
	}
	if json.Unmarshal(s.Datavalue.Value, &v) != nil {
		return ""
	}
	return v.ID
}

// time reads a time-valued snak as YYYY-MM-DD, YYYY-MM or YYYY by its
// precision.
func (s wdSnak) time() string {
	var v struct {
		Time      string `json:"time"`
		Precision int    `json:"precision"`
	}
	if json.Unmarshal(s.Datavalue.Value, &v) != nil || len(v.Time) < 11 || v.Time[0] != '+' {
		return ""
	}
	t := v.Time[1:11] // YYYY-MM-DD
	switch {
	case v.Precision >= 11:
		return t
	case v.Precision == 10:
		return t[:7]
	case v.Precision == 9:
		return t[:4]
	}
	return ""
}

// wikidataEntity converts one dump line, and says whether the filter keeps
// it.
func wikidataEntity(line []byte, f WikidataFilter) (*Entity, bool, error) {
	var wd wdEntity
	if err := json.Unmarshal(line, &wd); err != nil {
		return nil, false, fmt.Errorf("not a Wikidata entity: %w", err)
	}
	if wd.ID == "" {
		return nil, false, fmt.Errorf("entity without an id")
	}
	if wd.Type != "" && wd.Type != "item" {
		return nil, false, nil
	}
	kind := ""
	for _, c := range wd.Claims["P31"] {
		if k, ok := f.Classes[c.Mainsnak.item()]; ok {
			kind = k
			break
		}
	}
	var roles []Role
	for _, c := range wd.Claims["P39"] {
		pos, ok := f.Positions[c.Mainsnak.item()]
		if !ok || c.Rank == "deprecated" {
			continue
		}
		r := Role{Role: pos.Role, Of: pos.Of}
		if q := c.Qualifiers["P580"]; len(q) > 0 {
			r.From = q[0].time()
		}
		if q := c.Qualifiers["P582"]; len(q) > 0 {
			r.To = q[0].time()
		}
		if r.From == "" {
			continue // a term without a start cannot resolve a date
		}
		roles = append(roles, r)
	}
	if kind == "" && len(roles) > 0 {
		kind = KindPerson
	}
	if kind == "" {
		return nil, false, nil
	}
	e := &Entity{QID: wd.ID, Kind: kind, Names: map[string][]string{}, Roles: roles, Source: "Wikidata " + wd.ID}
	if sl, ok := wd.Sitelinks["enwiki"]; ok && sl.Title != "" {
		e.Name = sl.Title
	} else if l, ok := wd.Labels["en"]; ok {
		e.Name = l.Value
	}
	for _, lang := range f.Langs {
		seen := map[string]bool{}
		add := func(s string) {
			s = strings.TrimSpace(s)
			if s != "" && !seen[s] {
				seen[s] = true
				e.Names[lang] = append(e.Names[lang], s)
			}
		}
		if l, ok := wd.Labels[lang]; ok {
			add(l.Value)
		}
		for _, a := range wd.Aliases[lang] {
			add(a.Value)
		}
	}
	if len(e.Names) == 0 {
		return nil, false, nil
	}
	if e.Name == "" {
		for _, lang := range f.Langs {
			if n := e.Names[lang]; len(n) > 0 {
				e.Name = n[0]
				break
			}
		}
	}
	e.ID = Slug(e.Name)
	if e.ID == "" {
		e.ID = strings.ToLower(wd.ID)
	}
	for _, p := range []string{"P27", "P17"} {
		for _, c := range wd.Claims[p] {
			if id, ok := f.Countries[c.Mainsnak.item()]; ok {
				if kind == KindPlace || kind == KindCountry {
					e.In = id
				} else {
					e.Country = id
				}
				break
			}
		}
	}
	if kind == KindCountry {
		e.In = ""
	}
	return e, true, nil
}
