package gazetteer

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"sort"
	"strings"
	"sync"
)

//go:embed data
var bundledData embed.FS

// Problem is a record that could not be used as it is, with its place.
type Problem struct {
	Source string
	Line   int
	Err    error
}

func (p Problem) Error() string { return fmt.Sprintf("%s:%d: %v", p.Source, p.Line, p.Err) }

// Builder collects entity records from several sources into a Gazetteer.
// Bad records are skipped and recorded as problems: one bad line never stops
// the rest.
type Builder struct {
	entities []*Entity
	byID     map[string]*Entity
	where    map[string]Problem // id → where it was defined, for messages
	problems []Problem
}

// NewBuilder returns an empty builder.
func NewBuilder() *Builder {
	return &Builder{byID: map[string]*Entity{}, where: map[string]Problem{}}
}

// maxRecord bounds one JSONL record.
const maxRecord = 4 << 20

// AddJSONL reads entity records, one a line, from r; source names r in
// problems. It fails only when r cannot be read. Lines are decoded and
// checked on every core, and kept in file order.
func (b *Builder) AddJSONL(source string, r io.Reader) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), maxRecord)
	type rec struct {
		e    *Entity
		line int
		err  error
	}
	var lines [][]byte
	var nums []int
	flush := func() {
		results := parallelChunks(len(lines), func(lo, hi int) []rec {
			out := make([]rec, 0, hi-lo)
			for i := lo; i < hi; i++ {
				e := new(Entity)
				err := json.Unmarshal(lines[i], e)
				if err != nil {
					err = fmt.Errorf("not an entity record: %w", err)
				} else if err = check(e); err != nil {
					err = fmt.Errorf("%s: %w", e.ID, err)
				}
				out = append(out, rec{e, nums[i], err})
			}
			return out
		})
		for _, chunk := range results {
			for _, rc := range chunk {
				if rc.err != nil {
					b.problems = append(b.problems, Problem{source, rc.line, rc.err})
					continue
				}
				b.keep(rc.e, source, rc.line)
			}
		}
		lines, nums = lines[:0], nums[:0]
	}
	for line := 1; sc.Scan(); line++ {
		raw := bytes.TrimSpace(sc.Bytes())
		if len(raw) == 0 {
			continue
		}
		lines = append(lines, bytes.Clone(raw))
		nums = append(nums, line)
		if len(lines) == 16384 {
			flush()
		}
	}
	flush()
	if err := sc.Err(); err != nil {
		return fmt.Errorf("reading %s: %w", source, err)
	}
	return nil
}

// Add checks one record and keeps it, or records why not.
func (b *Builder) Add(e *Entity, source string, line int) {
	if err := check(e); err != nil {
		b.problems = append(b.problems, Problem{source, line, fmt.Errorf("%s: %w", e.ID, err)})
		return
	}
	b.keep(e, source, line)
}

// keep adds a checked record unless its id is taken.
func (b *Builder) keep(e *Entity, source string, line int) {
	if prev, dup := b.byID[e.ID]; dup {
		b.problems = append(b.problems, Problem{source, line, fmt.Errorf("id %s already defined at %s:%d (%s)", e.ID, b.where[e.ID].Source, b.where[e.ID].Line, prev.Name)})
		return
	}
	b.byID[e.ID] = e
	b.where[e.ID] = Problem{Source: source, Line: line}
	b.entities = append(b.entities, e)
}

// check validates a record and parses its role dates.
func check(e *Entity) error {
	switch {
	case e.ID == "" || e.ID != strings.ToLower(e.ID) || strings.ContainsAny(e.ID, " \t_/"):
		return fmt.Errorf("bad id %q: want a lower-case slug", e.ID)
	case e.Name == "":
		return errors.New("no canonical name")
	}
	switch e.Kind {
	case KindPerson, KindCountry, KindOrg, KindPlace, KindOther:
	default:
		return fmt.Errorf("unknown kind %q", e.Kind)
	}
	n := 0
	for _, forms := range e.Names {
		n += len(forms)
	}
	if n == 0 {
		return errors.New("no names")
	}
	for i := range e.Roles {
		r := &e.Roles[i]
		if !knownRoles[r.Role] {
			return fmt.Errorf("unknown role %q", r.Role)
		}
		if r.Of == "" {
			return fmt.Errorf("role %s of nothing", r.Role)
		}
		var err error
		if r.from, err = parseDay(r.From, false); err != nil {
			return fmt.Errorf("role %s from: %w", r.Role, err)
		}
		if r.To != "" {
			if r.to, err = parseDay(r.To, true); err != nil {
				return fmt.Errorf("role %s to: %w", r.Role, err)
			}
			if r.to.Before(r.from) {
				return fmt.Errorf("role %s ends (%s) before it starts (%s)", r.Role, r.To, r.From)
			}
		}
	}
	return nil
}

// Build indexes the collected records. References to unknown ids (country,
// in, capital, a role's of) are reported as problems and left unresolved.
func (b *Builder) Build() (*Gazetteer, error) {
	for _, e := range b.entities {
		for _, ref := range []struct{ field, id string }{{"country", e.Country}, {"in", e.In}, {"capital", e.Capital}} {
			if ref.id != "" && b.byID[ref.id] == nil {
				w := b.where[e.ID]
				b.problems = append(b.problems, Problem{w.Source, w.Line, fmt.Errorf("%s: %s %q is no known id", e.ID, ref.field, ref.id)})
			}
		}
		for _, r := range e.Roles {
			if b.byID[r.Of] == nil {
				w := b.where[e.ID]
				b.problems = append(b.problems, Problem{w.Source, w.Line, fmt.Errorf("%s: role %s of %q, no known id", e.ID, r.Role, r.Of)})
			}
		}
	}
	g := &Gazetteer{byID: b.byID, entities: b.entities, Problems: b.problems}
	if err := g.index(); err != nil {
		return nil, err
	}
	return g, nil
}

// AddBundled adds the embedded data.
func (b *Builder) AddBundled() error {
	names, err := fs.Glob(bundledData, "data/*.jsonl")
	if err != nil {
		return err
	}
	sort.Strings(names)
	for _, name := range names {
		f, err := bundledData.Open(name)
		if err != nil {
			return err
		}
		err = b.AddJSONL(path.Base(name), f)
		f.Close()
		if err != nil {
			return err
		}
	}
	return nil
}

var bundled = sync.OnceValues(func() (*Gazetteer, error) {
	b := NewBuilder()
	if err := b.AddBundled(); err != nil {
		return nil, err
	}
	return b.Build()
})

// Bundled returns the gazetteer built from the embedded data, built once.
// Its Problems list is empty in a release: the package tests fail otherwise.
func Bundled() (*Gazetteer, error) { return bundled() }

// Load builds a gazetteer from the bundled data and the given JSONL files
// (plain or gzip-compressed), such as a Wikidata import. Records of the
// files that repeat a bundled id are skipped and listed in Problems.
func Load(files ...string) (*Gazetteer, error) {
	if len(files) == 0 {
		return Bundled()
	}
	b := NewBuilder()
	if err := b.AddBundled(); err != nil {
		return nil, err
	}
	for _, name := range files {
		if err := b.addFile(name); err != nil {
			return nil, err
		}
	}
	return b.Build()
}

func (b *Builder) addFile(name string) error {
	f, err := os.Open(name)
	if err != nil {
		return fmt.Errorf("opening gazetteer file: %w", err)
	}
	defer f.Close()
	br := bufio.NewReaderSize(f, 1<<20)
	var r io.Reader = br
	if magic, err := br.Peek(2); err == nil && magic[0] == 0x1f && magic[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return fmt.Errorf("reading %s: %w", name, err)
		}
		r = zr
	}
	return b.AddJSONL(name, r)
}

// Positions reads a positions table (position QID, role, country or
// organisation id; tab-separated) such as data/positions.tsv.
func Positions(r io.Reader, source string) (map[string]Role, error) {
	out := map[string]Role{}
	sc := bufio.NewScanner(r)
	for line := 1; sc.Scan(); line++ {
		s := strings.TrimSpace(sc.Text())
		if s == "" || strings.HasPrefix(s, "#") {
			continue
		}
		f := strings.Split(s, "\t")
		if len(f) != 3 || !strings.HasPrefix(f[0], "Q") {
			return nil, fmt.Errorf("%s:%d: want position QID, role and id, tab-separated", source, line)
		}
		if !knownRoles[f[1]] {
			return nil, fmt.Errorf("%s:%d: unknown role %q", source, line, f[1])
		}
		out[f[0]] = Role{Role: f[1], Of: f[2]}
	}
	return out, sc.Err()
}

// BundledPositions reads the embedded positions table.
func BundledPositions() (map[string]Role, error) {
	f, err := bundledData.Open("data/positions.tsv")
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return Positions(f, "positions.tsv")
}

// CountryQIDs maps the QIDs of the gazetteer's countries to their ids.
func (g *Gazetteer) CountryQIDs() map[string]string {
	m := map[string]string{}
	for _, e := range g.entities {
		if e.Kind == KindCountry && e.QID != "" {
			m[e.QID] = e.ID
		}
	}
	return m
}
