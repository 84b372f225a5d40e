package cli

import (
	"context"
	"flag"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/rasad/rasad/internal/store"
	"github.com/rasad/rasad/internal/store/postgres"
	"github.com/rasad/rasad/internal/store/sqlite"
)

// DefaultDB is the SQLite file, in the working folder, that commands use
// without --db.
const DefaultDB = "rasad.db"

// dbFlags are the flags that choose and reach the store.
type dbFlags struct {
	dsn     *string
	timeout *time.Duration
}

// dbFlag adds --db and --db-timeout to a command's flags.
func dbFlag(fs *flag.FlagSet) dbFlags {
	return dbFlags{
		dsn:     fs.String("db", DefaultDB, "the store: a SQLite file, or a postgres:// DSN"),
		timeout: fs.Duration("db-timeout", 10*time.Second, "how long to wait for a busy or distant database"),
	}
}

// openStore opens the store --db names: a postgres:// (or postgresql://)
// DSN selects PostgreSQL, anything else is a SQLite file (an optional
// sqlite: or file: prefix is dropped).
func openStore(ctx context.Context, f dbFlags) (store.Store, error) {
	dsn := *f.dsn
	switch {
	case strings.HasPrefix(dsn, "postgres://"), strings.HasPrefix(dsn, "postgresql://"):
		return postgres.Open(ctx, dsn, *f.timeout)
	default:
		path := strings.TrimPrefix(strings.TrimPrefix(dsn, "sqlite:"), "file:")
		return sqlite.Open(ctx, path, *f.timeout)
	}
}

// openForWork opens the store for a long command that Ctrl-C (or SIGTERM)
// stops cleanly: work under ctx ends, and done closes the store.
func openForWork(db dbFlags) (context.Context, store.Store, func(), error) {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	s, err := openStore(ctx, db)
	if err != nil {
		stop()
		return nil, nil, nil, err
	}
	return ctx, s, func() { s.Close(); stop() }, nil
}
