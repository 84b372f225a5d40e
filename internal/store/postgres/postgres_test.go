package postgres

import (
	"context"
	"fmt"
	"os"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/rasad/rasad/internal/store"
	"github.com/rasad/rasad/internal/store/storetest"
)

// serverDSN is the DSN of a PostgreSQL server for the tests, from
// RASAD_TEST_POSTGRES (scripts/test.sh starts one in a temporary folder and
// sets it). Without it the tests skip, unless RASAD_REQUIRE_POSTGRES is set,
// as it is in CI: there a missing server is a failure.
func serverDSN(t *testing.T) string {
	dsn := os.Getenv("RASAD_TEST_POSTGRES")
	if dsn == "" {
		if os.Getenv("RASAD_REQUIRE_POSTGRES") != "" {
			t.Fatal("RASAD_REQUIRE_POSTGRES is set but RASAD_TEST_POSTGRES names no server")
		}
		t.Skip("no PostgreSQL server: run scripts/test.sh, or set RASAD_TEST_POSTGRES")
	}
	return dsn
}

var databases atomic.Int64

// newDatabase makes a new database on the test server for one test, drops
// it after, and returns its DSN.
func newDatabase(t *testing.T) string {
	t.Helper()
	ctx := context.Background()
	admin := serverDSN(t)
	conn, err := pgx.Connect(ctx, admin)
	if err != nil {
		t.Fatalf("connecting to the test server: %v", err)
	}
	defer conn.Close(ctx)
	name := fmt.Sprintf("rasad_test_%d_%d", os.Getpid(), databases.Add(1))
	if _, err := conn.Exec(ctx, "CREATE DATABASE "+name); err != nil {
		t.Fatalf("creating %s: %v", name, err)
	}
	t.Cleanup(func() {
		c, err := pgx.Connect(ctx, admin)
		if err != nil {
			t.Errorf("dropping %s: %v", name, err)
			return
		}
		defer c.Close(ctx)
		if _, err := c.Exec(ctx, "DROP DATABASE "+name+" WITH (FORCE)"); err != nil {
			t.Errorf("dropping %s: %v", name, err)
		}
	})
	return withDatabase(t, admin, name)
}

// open opens a store on a new database.
func open(t *testing.T) store.Store {
	t.Helper()
	s, err := Open(context.Background(), newDatabase(t), 10*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// withDatabase is a DSN to another database of the same server.
func withDatabase(t *testing.T, dsn, db string) string {
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		t.Fatal(err)
	}
	return fmt.Sprintf("postgres://%s@%s:%d/%s?sslmode=disable", cfg.User, cfg.Host, cfg.Port, db)
}

func TestConformance(t *testing.T) { storetest.Run(t, open) }

// Opening a store twice (two processes starting at once) applies each
// migration once.
func TestMigrateTwice(t *testing.T) {
	dsn := newDatabase(t)
	s, err := Open(context.Background(), dsn, 10*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	again, err := Open(context.Background(), dsn, 10*time.Second)
	if err != nil {
		t.Fatalf("opening again: %v", err)
	}
	again.Close()
}

// A server that is not there gives a clear error naming it, in bounded time.
func TestOpenNoServer(t *testing.T) {
	_, err := Open(context.Background(), "postgres://rasad@127.0.0.1:1/none?sslmode=disable", 2*time.Second)
	if err == nil {
		t.Fatal("opening a store on a closed port succeeded")
	}
	if !strings.Contains(err.Error(), "127.0.0.1:1/none") {
		t.Errorf("error %q does not name the server", err)
	}
}
