package cli

import (
	"context"
	"flag"
	"strings"
	"time"

	"github.com/rasad/rasad/internal/store"
	"github.com/rasad/rasad/internal/store/postgres"
	"github.com/rasad/rasad/internal/store/sqlite"
)

// DefaultDB is the SQLite file, in the working folder, that commands use
// without --db.
const DefaultDB = "rasad.db"

// dbFlag adds --db to a command's flags.
func dbFlag(fs *flag.FlagSet) *string {
	return fs.String("db", DefaultDB, "the store: a SQLite file, or a postgres:// DSN")
}

// openStore opens the store a --db value names: a postgres:// (or
// postgresql://) DSN selects PostgreSQL, anything else is a SQLite file
// (an optional sqlite: or file: prefix is dropped).
func openStore(ctx context.Context, dsn string) (store.Store, error) {
	switch {
	case strings.HasPrefix(dsn, "postgres://"), strings.HasPrefix(dsn, "postgresql://"):
		return postgres.Open(ctx, dsn, 10*time.Second)
	default:
		path := strings.TrimPrefix(strings.TrimPrefix(dsn, "sqlite:"), "file:")
		return sqlite.Open(ctx, path, 10*time.Second)
	}
}
