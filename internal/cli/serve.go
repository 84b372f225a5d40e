package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/rasad/rasad/internal/api"
	"github.com/rasad/rasad/internal/ingest"
	"github.com/rasad/rasad/internal/store"
)

// The HTTP server's limits: a slow client cannot hold a connection, and a
// POST of many documents has time to be analysed and stored.
const (
	readHeaderTimeout = 10 * time.Second
	readTimeout       = 2 * time.Minute
	writeTimeout      = 5 * time.Minute
	idleTimeout       = 2 * time.Minute
	maxHeaderBytes    = 64 << 10
	// shutdownGrace is how long requests in flight may take to finish
	// after SIGINT or SIGTERM.
	shutdownGrace = 15 * time.Second
)

// tokenEnv is the environment variable that holds the write token when no
// --token-file is given.
const tokenEnv = "RASAD_WRITE_TOKEN"

func runServe(env *Env, args []string) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	db := dbFlag(fs)
	addr := fs.String("addr", "127.0.0.1:8080", "the address to listen on (host:port; port 0 takes a free one)")
	tokenFile := fs.String("token-file", "", "a file holding the write token that POST /api/documents needs (else $"+tokenEnv+"; with neither, writes are refused)")
	noPoll := fs.Bool("no-poll", false, "do not poll the followed feeds")
	minWait := fs.Duration("poll-min-wait", 30*time.Second, "least time between two rounds of polling")
	maxWait := fs.Duration("poll-max-wait", 15*time.Minute, "most time between two rounds of polling (a feed added meanwhile waits at most this)")
	level := fs.String("log-level", "info", "log level: debug, info, warn or error (a line per request at info)")
	logJSON := fs.Bool("log-json", false, "log JSON lines instead of text")
	pf := addPollFlags(fs)
	fs.Usage = func() {
		fmt.Fprintln(env.Stderr, "Usage: rasad serve [--db DSN] [--addr 127.0.0.1:8080] [--token-file FILE] [--no-poll]\n\n"+
			"Serves the REST API (its description at /api/openapi.json) and polls the followed feeds ('rasad feeds add') in the background.")
		fs.PrintDefaults()
	}
	if help, err := parseFlags(fs, args); help || err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("%w: serve takes no arguments", errUsage)
	}
	var lv slog.Level
	if err := lv.UnmarshalText([]byte(*level)); err != nil {
		return fmt.Errorf("%w: --log-level %q: want debug, info, warn or error", errUsage, *level)
	}
	if *minWait <= 0 || *maxWait < *minWait {
		return fmt.Errorf("%w: --poll-min-wait must be positive and at most --poll-max-wait", errUsage)
	}
	token, err := writeToken(*tokenFile)
	if err != nil {
		return err
	}
	log := newLogger(env, lv, *logJSON)
	ctx, s, closeStore, err := openForWork(db)
	if err != nil {
		return err
	}
	defer closeStore()
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("listening on %s: %w", *addr, err)
	}
	srv := &http.Server{
		Handler:           api.New(s, api.Options{Token: token, Now: time.Now, Logger: log}),
		ReadHeaderTimeout: readHeaderTimeout,
		ReadTimeout:       readTimeout,
		WriteTimeout:      writeTimeout,
		IdleTimeout:       idleTimeout,
		MaxHeaderBytes:    maxHeaderBytes,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
	fmt.Fprintf(env.Stderr, "rasad serve: listening on http://%s\n", ln.Addr())
	log.Info("serving", "addr", ln.Addr().String(), "store", storeName(s, *db.dsn), "writes", token != "", "poll", !*noPoll)
	var wg sync.WaitGroup
	pollCtx, stopPolling := context.WithCancel(ctx)
	defer stopPolling()
	if !*noPoll {
		loop := feedLoop{log: log, s: s, pf: pf, now: time.Now, minWait: *minWait, maxWait: *maxWait}
		wg.Go(func() { loop.run(pollCtx) })
	}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	select {
	case err = <-served: // the listener failed
	case <-ctx.Done():
		fmt.Fprintln(env.Stderr, "rasad serve: shutting down")
		sctx, cancel := context.WithTimeout(context.Background(), shutdownGrace)
		err = srv.Shutdown(sctx) // requests in flight finish first
		cancel()
		if err != nil {
			srv.Close()
			err = fmt.Errorf("shutting down: %w", err)
		}
	}
	stopPolling() // a poll in progress stops its fetches
	wg.Wait()
	if errors.Is(err, http.ErrServerClosed) {
		err = nil
	}
	return err
}

// writeToken reads the write token from file, or else from $RASAD_WRITE_TOKEN;
// "" (writes refused) when neither is given.
func writeToken(file string) (string, error) {
	if file == "" {
		return strings.TrimSpace(os.Getenv(tokenEnv)), nil
	}
	f, err := os.Open(file)
	if err != nil {
		return "", fmt.Errorf("reading the write token: %w", err)
	}
	defer f.Close()
	b, err := ingest.ReadAll(f, 4096)
	if err != nil {
		return "", fmt.Errorf("reading the write token from %s: %w", file, err)
	}
	token := strings.TrimSpace(string(b))
	if token == "" {
		return "", fmt.Errorf("the token file %s is empty", file)
	}
	return token, nil
}

// storeName names the store for the log, without a password a DSN may hold.
func storeName(s store.Store, dsn string) string {
	if n, ok := s.(interface{ Name() string }); ok {
		return n.Name()
	}
	if u, err := url.Parse(dsn); err == nil && u.User != nil {
		return u.Redacted()
	}
	return dsn
}

// newLogger logs to stderr at level, as text or JSON lines.
func newLogger(env *Env, level slog.Level, asJSON bool) *slog.Logger {
	opts := &slog.HandlerOptions{Level: level}
	if asJSON {
		return slog.New(slog.NewJSONHandler(env.Stderr, opts))
	}
	return slog.New(slog.NewTextHandler(env.Stderr, opts))
}
