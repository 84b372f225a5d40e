package sqlite

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/rasad/rasad/internal/store"
	"github.com/rasad/rasad/internal/store/storetest"
)

func open(t *testing.T) store.Store {
	t.Helper()
	s, err := Open(context.Background(), filepath.Join(t.TempDir(), "rasad.db"), 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestConformance(t *testing.T) { storetest.Run(t, open) }

// A store opened again finds its documents and applies no migration twice.
func TestReopen(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "rasad.db")
	s, err := Open(ctx, path, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Put(ctx, store.Document{ID: "x", Text: "متن", Hash: "h"}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, err = Open(ctx, path, time.Second)
	if err != nil {
		t.Fatalf("reopening: %v", err)
	}
	defer s.Close()
	if n, err := s.Count(ctx); err != nil || n != 1 {
		t.Errorf("Count after reopening: %d, %v; want 1", n, err)
	}
}

// A path that cannot be a database gives an error naming it.
func TestOpenBadPath(t *testing.T) {
	bad := filepath.Join(t.TempDir(), "missing-folder", "rasad.db")
	_, err := Open(context.Background(), bad, time.Second)
	if err == nil {
		t.Fatal("opening a database in a missing folder succeeded")
	}
	if got := err.Error(); !strings.Contains(got, bad) {
		t.Errorf("error %q does not name %s", got, bad)
	}
}
