package ingest

import (
	"errors"
	"testing"

	"github.com/rasad/rasad/internal/store"
)

func TestSummaryCountMerge(t *testing.T) {
	var a Summary
	a.Read = 3
	a.Count(store.Result{Outcome: store.Stored, Events: []string{"ev-1", "ev-2"}})
	a.Count(store.Result{Outcome: store.Stored, Copies: []string{"d1"}})
	a.Count(store.Result{Outcome: store.Present, Events: []string{"ev-3"}})
	if a.Stored != 2 || a.Present != 1 || a.Copies != 1 || a.Events != 2 {
		t.Fatalf("counted %+v", a)
	}
	b := Summary{Read: 5, Stored: 1, Failed: 3, Failures: []Failure{{"feed:1", errors.New("x")}, {"feed:2", errors.New("y")}}, Skipped: []string{"meta.json"}}
	a.Merge(b)
	if a.Read != 8 || a.Stored != 3 || a.Failed != 3 || len(a.Failures) != 2 || len(a.Skipped) != 1 {
		t.Errorf("merged %+v", a)
	}
}
